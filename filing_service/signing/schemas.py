"""Bodies and answers of the signing API (pydantic; unknown fields refused)."""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..api.fields import Strict
from ..auth.roles import Role
from .csc import OTP_MAX, PIN_MAX, RemoteAuthorization
from .validation import SignatureReport

LevelName = Literal["B-B", "B-T", "B-LT", "B-LTA"]


class SignIn(Strict):
    """Sign the latest version of a document."""

    role: Literal[Role.LEGAL_COUNSEL, Role.DIRECTOR]
    key: str | None = Field(
        default=None,
        max_length=80,
        description="Cheia din profilul direcției (implicit: a utilizatorului)",
    )
    level: LevelName | None = Field(
        default=None, description="Nivelul PAdES (implicit: al profilului)"
    )
    pin: str | None = Field(
        default=None,
        min_length=1,
        max_length=PIN_MAX,
        description="Doar pentru o cheie la distanță (csc), și obligatoriu pentru ea: "
        "PIN-ul persoanei; folosit o dată, nu se păstrează",
    )
    otp: str | None = Field(
        default=None,
        min_length=1,
        max_length=OTP_MAX,
        description="Doar pentru o cheie la distanță (csc), și obligatoriu pentru ea: "
        "codul unic (OTP) primit pentru această semnătură",
    )

    def authorization(self) -> RemoteAuthorization | None:
        """The PIN and OTP, if any was sent (the service says which key needs them)."""
        if self.pin is None and self.otp is None:
            return None
        return RemoteAuthorization(pin=self.pin or "", otp=self.otp or "")


class SignatureOut(BaseModel):
    """A signature put on a document version."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    document_id: int
    signer_name: str
    role: str
    key_name: str
    level: str
    input_sha256: str
    output_sha256: str
    certificate_sha256: str
    signed_at: datetime


class SignatureList(BaseModel):
    items: list[SignatureOut]


class ValidationOut(BaseModel):
    """The validation of every signature of an uploaded PDF (the OpenAPI schema comes
    from the validator's own report type, so the two cannot drift)."""

    signatures: list[SignatureReport]


class ValidationQuery(Strict):
    """How the validation answers: the JSON reports, or the ETSI TS 119 102-2 report."""

    format: Literal["json", "etsi"] | None = Field(
        default=None,
        description="«json» (implicit) sau «etsi»: raportul de validare ETSI TS 119 102-2 "
        "(XML; la fel cu antetul Accept: application/xml)",
    )
