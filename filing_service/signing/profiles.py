"""A directorate's signature profile, read from ``Directorate.settings["signature_profile"]``.

Plain Python: no Flask, no database, no pyhanko. A profile names the PAdES level, the
time-stamping authority and the keys the directorate's signers may use::

    {"level": "B-LT", "tsa_url": "http://tsa.example/tsa",
     "keys": {"cheie-director": {"type": "pkcs11", "users": ["mihai.ionescu"],
                                 "module": "/usr/lib/softhsm/libsofthsm2.so",
                                 "token_label": "DGASPC-CJ", "key_label": "director",
                                 "secret": "FS_PIN_DIRECTOR"},
              "cheie-consilier": {"type": "pkcs12", "users": ["ana.popescu"],
                                  "path": "/etc/filing/ana.p12",
                                  "secret": "FS_P12_ANA"},
              "cheie-la-distanta": {"type": "csc", "users": ["ana.popescu"],
                                    "service_url": "https://csc.example/api",
                                    "credential_id": "ana-popescu-qes"}}}

``secret`` is the *name* of the environment variable (or secrets-file entry) that holds
the PIN or passphrase: the secret itself never lives in the database. A ``csc`` key
(remote signing over the Cloud Signature Consortium API) has no secret at all: the
person types the PIN and the one-time code (OTP) at each signature.
"""

import ipaddress
from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import urlsplit

from ..errorcodes import Code
from ..law.errors import DomainError


class Level(StrEnum):
    """PAdES baseline levels (ETSI EN 319 142-1)."""

    B_B = "B-B"  # the signature alone
    B_T = "B-T"  # + an RFC 3161 time-stamp on the signature
    B_LT = "B-LT"  # + certificates, OCSP responses and CRLs in the DSS
    B_LTA = "B-LTA"  # + a document time-stamp over all of it

    @property
    def needs_tsa(self) -> bool:
        return self is not Level.B_B


KEY_TYPES = ("pkcs12", "pkcs11", "csc")


def _invalid(field: str, code: Code, message: str) -> DomainError:
    return DomainError(message, field=field, code=code)


# Keys whose values would be secrets: refused outright, so nobody stores a PIN here.
_FORBIDDEN = {"pin", "passphrase", "password", "parola", "otp"}


@dataclass(frozen=True)
class KeySpec:
    """Where one signer's key lives; no secret, only the name of the secret."""

    name: str
    type: str
    secret: str
    users: tuple[str, ...] = ()
    path: str | None = None  # pkcs12
    module: str | None = None  # pkcs11
    token_label: str | None = None
    key_label: str | None = None
    service_url: str | None = None  # csc: the base URL, before ``/csc/v1/...``
    credential_id: str | None = None  # csc

    @property
    def remote(self) -> bool:
        """A key of a remote signing service: the person authorises each signature."""
        return self.type == "csc"

    def public(self) -> dict[str, str | None]:
        """What may be recorded with a signature (everything here is non-secret)."""
        out: dict[str, str | None] = {"name": self.name, "type": self.type}
        if self.type == "pkcs12":
            out["path"] = self.path
        elif self.remote:
            out.update(service_url=self.service_url, credential_id=self.credential_id)
        else:
            out.update(
                module=self.module, token_label=self.token_label, key_label=self.key_label
            )
        return out


@dataclass(frozen=True)
class Profile:
    """The signature profile of one directorate."""

    level: Level
    tsa_url: str | None = None
    keys: dict[str, KeySpec] = field(default_factory=dict)

    def key(self, name: str) -> KeySpec:
        try:
            return self.keys[name]
        except KeyError:
            raise _invalid(
                "key", Code.UNKNOWN_KEY, f"Profilul de semnătură nu are cheia «{name}»."
            ) from None


def parse_profile(raw: dict | None, level_override: str | None = None) -> Profile:
    """Read and check a profile; the level defaults to B-LT when a TSA is configured.

    Raises ``DomainError`` naming the field at fault.
    """
    if not raw:
        raise _invalid(
            "signature_profile",
            Code.PROFILE_MISSING,
            "Direcția nu are un profil de semnătură configurat.",
        )
    tsa_url = raw.get("tsa_url") or None
    level_text = level_override or raw.get("level") or ("B-LT" if tsa_url else "B-B")
    try:
        level = Level(level_text)
    except ValueError:
        raise _invalid(
            "level",
            Code.UNKNOWN_LEVEL,
            f"Nivel PAdES necunoscut: «{level_text}»; valori acceptate: "
            + ", ".join(lv.value for lv in Level)
            + ".",
        ) from None
    if level.needs_tsa and not tsa_url:
        raise _invalid(
            "tsa_url",
            Code.TSA_MISSING,
            f"Nivelul {level} cere o autoritate de marcare temporală "
            f"(tsa_url) în profilul de semnătură.",
        )
    keys = {name: parse_key(name, spec) for name, spec in (raw.get("keys") or {}).items()}
    return Profile(level=level, tsa_url=tsa_url, keys=keys)


def parse_key(name: str, spec: dict) -> KeySpec:
    """Check one key entry of a profile."""
    where = f"keys.{name}"
    if _FORBIDDEN & {str(k).lower() for k in spec}:
        raise _invalid(
            where,
            Code.SECRET_IN_PROFILE,
            "Profilul de semnătură nu poate conține PIN-uri, coduri unice sau parole; "
            + (
                "pentru o cheie la distanță (csc), persoana le introduce la fiecare semnătură."
                if spec.get("type") == "csc"
                else "indicați în «secret» numele variabilei de mediu."
            ),
        )
    kind = spec.get("type")
    if kind not in KEY_TYPES:
        raise _invalid(
            f"{where}.type",
            Code.KEY_TYPE,
            "Tipul cheii trebuie să fie pkcs12, pkcs11 sau csc.",
        )
    if kind == "csc":
        return _parse_csc_key(name, spec)
    if not spec.get("secret"):
        raise _invalid(
            f"{where}.secret",
            Code.SECRET_MISSING,
            "Indicați în «secret» variabila de mediu cu PIN-ul sau parola.",
        )
    required = ("path",) if kind == "pkcs12" else ("module", "token_label", "key_label")
    for item in required:
        if not spec.get(item):
            raise _invalid(
                f"{where}.{item}",
                Code.REQUIRED,
                f"Cheia {kind} «{name}» are nevoie de «{item}».",
            )
    return KeySpec(
        name=name,
        type=kind,
        secret=spec["secret"],
        users=tuple(spec.get("users") or ()),
        path=spec.get("path"),
        module=spec.get("module"),
        token_label=spec.get("token_label"),
        key_label=spec.get("key_label"),
    )


def _parse_csc_key(name: str, spec: dict) -> KeySpec:
    """A key of a remote signing service (CSC API): its address and credential, no
    secret: the PIN and the one-time code are asked at each signature, never stored."""
    where = f"keys.{name}"
    if "secret" in spec:
        raise _invalid(
            f"{where}.secret",
            Code.SECRET_IN_PROFILE,
            "O cheie la distanță (csc) nu are «secret»: PIN-ul și codul unic (OTP) se "
            "cer persoanei la fiecare semnătură și nu se păstrează nicăieri.",
        )
    for item in ("service_url", "credential_id"):
        value = spec.get(item)
        if not isinstance(value, str) or not value.strip():
            raise _invalid(
                f"{where}.{item}",
                Code.REQUIRED,
                f"Cheia csc «{name}» are nevoie de «{item}» (un text).",
            )
    url = spec["service_url"].strip().rstrip("/")
    if not _allowed_service_url(url):
        raise _invalid(
            f"{where}.service_url",
            Code.CSC_URL,
            "«service_url» trebuie să fie adresa https:// a serviciului de semnare la "
            "distanță, fără date de autentificare, parametri sau fragment "
            "(http:// se acceptă doar pe 127.0.0.1, ::1 sau localhost, pentru teste).",
        )
    users = spec.get("users") or ()
    return KeySpec(
        name=name,
        type="csc",
        secret="",
        users=tuple(users),
        service_url=url,
        credential_id=spec["credential_id"].strip(),
    )


def _allowed_service_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        return False
    host = parts.hostname or ""
    if not host or parts.username or parts.password or parts.query or parts.fragment:
        return False
    if parts.scheme == "https":
        return True
    return parts.scheme == "http" and _loopback(host)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
