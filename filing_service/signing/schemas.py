"""Bodies and answers of the signing API (pydantic; unknown fields refused)."""
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..cases.fields import Strict

LevelName = Literal["B-B", "B-T", "B-LT", "B-LTA"]


class SignIn(Strict):
    """Sign the latest version of a document."""

    role: Literal["consilier_juridic", "director"]
    key: str | None = Field(default=None, max_length=80,
                            description="Cheia din profilul direcției (implicit: a "
                                        "utilizatorului)")
    level: LevelName | None = Field(default=None,
                                    description="Nivelul PAdES (implicit: al profilului)")


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


class SignatureReportOut(BaseModel):
    """The validation of one signature of an uploaded PDF."""

    field: str
    signer: str | None
    signing_time: datetime | None
    timestamp: datetime | None
    intact: bool
    valid: bool
    trusted: bool
    revoked: bool
    pades: bool
    level: str | None
    covers_whole_file: bool
    modified_after_signing: bool
    modification_level: str | None
    modification: str
    summary: str


class ValidationOut(BaseModel):
    signatures: list[SignatureReportOut]
