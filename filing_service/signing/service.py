"""Service functions of signing: sign a document version, list its signatures, validate.

A signature is an incremental update written to a *new* file in the content store: the
generated PDF/A and every signed version stay as they were. The legal counsel signs
first, then the director (both sign a petition); each signature is recorded with the
input and output SHA-256, the key, the level and the profile used.

The outside tools are parameters: the ``signer`` (pyhanko, ``signer.PadesSigner``), the
content store, the clock; the view or command passes the app's (``bootstrap``), a unit
test fakes.
"""

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .. import audit, pdfread
from ..auth.actor import Actor
from ..auth.roles import ROLE_LABELS, Role
from ..db import UnitOfWork
from ..documents.service import get_document as load_document
from ..errorcodes import Code
from ..errors import Conflict, NotFound, PermissionDenied
from ..law.errors import DomainError
from ..models import Directorate, Signature, User
from ..storage import ContentStore
from . import pades
from .csc import RemoteAuthorization
from .keys import SecretProvider
from .profiles import KeySpec, Level, Profile, parse_profile
from .signer import Signed
from .trusted_lists import TrustedLists
from .validation import SignatureReport, Validation, validate, validate_pdf

log = logging.getLogger(__name__)

SIGNING_ROLES = (Role.LEGAL_COUNSEL, Role.DIRECTOR)
# The order in which a petition is signed: legal counsel, then the director.
ORDER = {Role.LEGAL_COUNSEL: 0, Role.DIRECTOR: 1}


class Signer(Protocol):
    """What signing needs of pyhanko (``signer.PadesSigner``; a fake in unit tests)."""

    def secrets(self) -> SecretProvider: ...

    def trust_roots(self) -> list: ...

    def sign(
        self,
        data: bytes,
        key: KeySpec,
        secrets: SecretProvider,
        *,
        level: Level,
        tsa_url: str | None,
        appearance: pades.Appearance,
        authorization: RemoteAuthorization | None = None,
    ) -> Signed: ...


def sign_document(
    uow: UnitOfWork,
    actor: Actor,
    document_id: int,
    role: str,
    pin_provider: SecretProvider | None = None,
    *,
    key_name: str | None = None,
    level: str | None = None,
    authorization: RemoteAuthorization | None = None,
    signer: Signer,
    content: ContentStore,
    now: Callable[[], datetime],
) -> Signature:
    """Add ``actor``'s signature, in ``role``, to a document version (the caller commits).

    - ``actor`` must be a person (a user, not a case system's token) whose role allows
      signing (legal counsel or director) and equals ``role``.
    - ``pin_provider(key_spec)`` answers the key's PIN or passphrase; by default the
      signer's own (the environment or the ``SIGNING_SECRETS_FILE``; the web pages may
      pass one that answers what the person typed). The secret is never stored or logged.
    - ``signer`` signs, ``content`` holds the PDFs, ``now`` dates the visible signature.
    - ``key_name`` picks a key of the directorate's profile (default: the one whose
      ``users`` lists the actor's username); ``level`` overrides the profile's level.
    - ``authorization``: the PIN and one-time code the person typed, required for a
      remote key (``csc``) and refused for any other; used for this one signature,
      never stored or logged.

    Three steps, so that no transaction is open while the time-stamp authority and the
    OCSP responder answer (on SQLite an open transaction holds the write lock): what to
    sign is read and the unit of work released, the PDF is signed, then the signature is
    recorded in a new transaction, after checking nobody signed meanwhile. Call it
    before anything else writes in ``uow``.

    The file signed is the last signed version if there is one, else the generated
    PDF/A. Returns the new ``Signature`` row; the signed PDF is in the content store
    under ``output_sha256`` (removed again if the caller does not commit). Raises
    ``NotFound`` (another directorate's document too), ``PermissionDenied``, ``Conflict``
    (no PDF yet, signing out of turn), ``DomainError`` (profile),
    ``keys.SigningKeyError`` and ``pades.SigningFailed``.
    """
    plan = _plan(uow.session, actor, document_id, role, key_name, level, now())
    _check_authorization(plan.key, authorization)
    uow.release()
    # Only a remote key's signer is handed the authorisation (a local one has no use for it).
    remote = {"authorization": authorization} if plan.key.remote else {}
    signed = signer.sign(
        content.get(plan.input_sha),
        plan.key,
        pin_provider or signer.secrets(),
        level=plan.profile.level,
        tsa_url=plan.profile.tsa_url,
        appearance=plan.appearance,
        **remote,
    )
    output_sha = content.put(signed.pdf)
    uow.on_rollback(lambda: content.path(output_sha).unlink(missing_ok=True))
    return _record(uow, actor, plan, output_sha, signed.certificate)


@dataclass(frozen=True)
class _SigningPlan:
    """What a signature needs, read before the slow part, as plain values."""

    document_id: int
    case_id: int
    user_id: int
    user_name: str
    role: str
    key: KeySpec
    profile: Profile
    input_sha: str
    appearance: pades.Appearance


def _plan(
    session: Session,
    actor: Actor,
    document_id: int,
    role: str,
    key_name: str | None,
    level: str | None,
    signed_at: datetime,
) -> _SigningPlan:
    document = load_document(session, actor, document_id)  # another tenant's: 404 first
    user = _signing_user(session, actor, role)
    directorate = session.get_one(Directorate, actor.directorate_id)  # the actor's own
    profile = parse_profile((directorate.settings or {}).get("signature_profile"), level)
    key = _key_for(profile, user, key_name)
    previous = signatures_of(session, document.id)
    _check_turn(previous, Role(role))
    input_sha = previous[-1].output_sha256 if previous else document.pdf_sha256
    if not input_sha:
        raise Conflict(
            "Documentul nu are încă o versiune PDF care să poată fi semnată.",
            field="document_id",
        )
    appearance = pades.Appearance(
        signer_name=user.full_name,
        role_label=ROLE_LABELS[role],
        signed_at=signed_at,
        location=directorate.seat,
    )
    return _SigningPlan(
        document.id,
        document.case_id,
        user.id,
        user.full_name,
        role,
        key,
        profile,
        input_sha,
        appearance,
    )


def _record(
    uow: UnitOfWork, actor: Actor, plan: _SigningPlan, output_sha: str, certificate
) -> Signature:
    session = uow.session
    previous = signatures_of(session, plan.document_id)
    current = previous[-1].output_sha256 if previous else plan.input_sha
    if current != plan.input_sha:  # someone signed while this signature was being made
        raise Conflict(
            "Documentul a fost semnat între timp de altcineva; reîncercați.", field="role"
        )
    record = Signature(
        directorate_id=actor.directorate_id,
        document_id=plan.document_id,
        signer_user_id=plan.user_id,
        signer_name=certificate.subject.native.get("common_name") or plan.user_name,
        role=plan.role,
        key_name=plan.key.name,
        level=plan.profile.level.value,
        profile=_profile_snapshot(plan.profile, plan.key),
        input_sha256=plan.input_sha,
        output_sha256=output_sha,
        certificate_sha256=hashlib.sha256(certificate.dump()).hexdigest(),
    )
    session.add(record)
    try:
        uow.flush()
    except IntegrityError:  # the same role signed meanwhile
        raise Conflict(
            f"Documentul este deja semnat de {ROLE_LABELS[plan.role].lower()}.", field="role"
        ) from None
    audit.record(
        session,
        actor,
        "sign",
        "signature",
        record.id,
        case_id=plan.case_id,
        changes={
            "document_id": plan.document_id,
            "level": record.level,
            "input_sha256": plan.input_sha,
            "output_sha256": output_sha,
        },
    )
    uow.flush()
    log.info(
        "document %s signed by user %s at %s", plan.document_id, plan.user_id, record.level
    )
    return record


def signatures_of(session: Session, document_id: int) -> list[Signature]:
    """The signatures of a document, in the order they were made."""
    return list(
        session.scalars(
            select(Signature)
            .where(Signature.document_id == document_id)
            .order_by(Signature.id)
        )
    )


def list_signatures(session: Session, actor: Actor, document_id: int) -> list[Signature]:
    """The signatures of one of the actor's directorate's documents."""
    return signatures_of(session, load_document(session, actor, document_id).id)


def load_signature(session: Session, actor: Actor, signature_id: int) -> Signature:
    """A signature of the actor's directorate; else NotFound."""
    found = session.scalar(
        select(Signature).where(
            Signature.id == signature_id, Signature.directorate_id == actor.directorate_id
        )
    )
    if found is None:
        raise NotFound("Semnătura")
    return found


def is_signed(session: Session, document_id: int) -> bool:
    """True once a document version carries a signature: it must never be rewritten
    (regenerating makes a new version)."""
    return (
        session.scalar(
            select(Signature.id).where(Signature.document_id == document_id).limit(1)
        )
        is not None
    )


def signed_pdf(signature: Signature, *, content: ContentStore) -> bytes:
    """The PDF as it was right after ``signature`` (checked against its hash)."""
    return content.get(signature.output_sha256)


def validate_upload(
    data: bytes, *, trust_roots: list, parse_seconds: float = pdfread.DEFAULT_SECONDS
) -> list[SignatureReport]:
    """Validate the signatures of an uploaded PDF against ``trust_roots`` (the signer's),
    with the revocation data the file carries (no network fetching); the file is first
    sniffed and parsed within ``parse_seconds`` (``pdfread``)."""
    return validate_pdf(data, trust_roots, allow_fetching=False, parse_seconds=parse_seconds)


def validate_file(
    data: bytes,
    *,
    trust_roots: list,
    trusted_lists: TrustedLists | None,
    parse_seconds: float = pdfread.DEFAULT_SECONDS,
) -> Validation:
    """Validate the signatures of a PDF (uploaded or stored) against ``trust_roots`` and
    the trusted lists' snapshot, with the revocation data the file carries (nothing is
    fetched): the JSON reports and the ETSI report of one run."""
    return validate(
        data,
        trust_roots,
        allow_fetching=False,
        parse_seconds=parse_seconds,
        trusted_lists=trusted_lists,
    )


def _signing_user(session: Session, actor: Actor, role: str) -> User:
    if actor.kind != "user":
        raise PermissionDenied(
            "Un sistem informatic nu poate semna în numele unei "
            "persoane; semnează directorul sau consilierul juridic."
        )
    if role not in {r.value for r in SIGNING_ROLES}:
        raise DomainError(
            "Se poate semna doar ca «consilier_juridic» sau «director».",
            field="role",
            code=Code.SIGNER_ROLE,
        )
    if not actor.can("sign") or actor.role != role:
        raise PermissionDenied(
            "Doar directorul sau consilierul juridic semnează, fiecare în calitatea sa."
        )
    user = session.get(User, actor.id)
    if user is None or not user.active or user.directorate_id != actor.directorate_id:
        raise PermissionDenied()
    return user


def _key_for(profile: Profile, user: User, key_name: str | None) -> KeySpec:
    if key_name is not None:
        key = profile.key(key_name)
    else:
        mine = [k for k in profile.keys.values() if user.username in k.users]
        if not mine:
            raise DomainError(
                "Profilul de semnătură nu are o cheie a utilizatorului "
                f"«{user.username}»; indicați cheia.",
                field="key",
                code=Code.KEY_MISSING,
            )
        key = mine[0]
    if key.users and user.username not in key.users:
        raise PermissionDenied(
            f"Cheia «{key.name}» nu aparține utilizatorului «{user.username}»."
        )
    return key


def _check_authorization(key: KeySpec, authorization: RemoteAuthorization | None) -> None:
    """A remote key needs the PIN and the one-time code; any other key refuses them."""
    if key.remote:
        if authorization is None or not authorization.pin:
            raise DomainError(
                f"Cheia la distanță «{key.name}» cere PIN-ul dumneavoastră.",
                field="pin",
                code=Code.REQUIRED,
            )
        if not authorization.otp:
            raise DomainError(
                f"Cheia la distanță «{key.name}» cere codul unic (OTP) primit acum.",
                field="otp",
                code=Code.REQUIRED,
            )
    elif authorization is not None:
        raise DomainError(
            f"Cheia «{key.name}» nu este o cheie la distanță (csc); PIN-ul și codul unic "
            f"(OTP) se trimit în cerere doar pentru o cheie la distanță.",
            field="otp" if authorization.otp else "pin",
            code=Code.CSC_ONLY,
        )


def _check_turn(previous: list[Signature], role: Role) -> None:
    signed_roles = {Role(s.role) for s in previous}
    if role in signed_roles:
        raise Conflict(
            f"Documentul este deja semnat de {ROLE_LABELS[role].lower()}.", field="role"
        )
    missing = [r for r in SIGNING_ROLES if ORDER[r] < ORDER[role] and r not in signed_roles]
    if missing:
        raise Conflict(f"Semnează mai întâi {ROLE_LABELS[missing[0]].lower()}.", field="role")


def _profile_snapshot(profile: Profile, key: KeySpec) -> dict:
    return {"level": profile.level.value, "tsa_url": profile.tsa_url, "key": key.public()}
