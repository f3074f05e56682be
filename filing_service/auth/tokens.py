"""API tokens for case systems: issued once in clear, stored as a SHA-256 digest."""

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import ApiToken
from .actor import Actor
from .roles import Role

PREFIX = "fs_"


@dataclass(frozen=True)
class IssuedToken:
    token: str  # shown once; never stored
    record: ApiToken


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token(session: Session, directorate_id: int, name: str) -> IssuedToken:
    """Create a token for one case system of one directorate."""
    token = PREFIX + secrets.token_urlsafe(32)
    record = ApiToken(
        directorate_id=directorate_id, name=name, token_hash=digest(token), prefix=token[:10]
    )
    session.add(record)
    session.flush()
    return IssuedToken(token=token, record=record)


def actor_for_token(session: Session, token: str) -> Actor | None:
    """The actor a bearer token stands for, or None if unknown or revoked."""
    record = session.scalar(select(ApiToken).where(ApiToken.token_hash == digest(token)))
    if record is None or record.revoked_at is not None:
        return None
    return Actor(
        kind="token",
        id=record.id,
        name=record.name,
        directorate_id=record.directorate_id,
        role=Role.CASE_SYSTEM,
    )
