"""The administrator's service: users and API tokens of one directorate.

Plain values in, a unit of work, an audit record for every change, a commit at the end.
Passwords are hashed with argon2 (auth.passwords) and never kept or logged in clear;
a token is returned in clear once, at issue, and only its digest is stored.
"""

import re

from sqlalchemy import func, select, update

from .. import audit
from ..auth.actor import Actor
from ..auth.passwords import hash_password, verify_password
from ..auth.roles import Role
from ..auth.tokens import IssuedToken, issue_token
from ..db import UnitOfWork
from ..errors import Conflict, DomainError, NotFound, PermissionDenied
from ..models import ApiToken, User
from ..models.base import utcnow

MIN_PASSWORD = 12
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,79}$")
STAFF_ROLES = [r for r in Role if r != Role.CASE_SYSTEM]


def _require_admin(actor: Actor) -> None:
    if not actor.can("administer"):
        raise PermissionDenied()


def list_users(uow: UnitOfWork, actor: Actor) -> list[User]:
    """The users of the actor's directorate, active first."""
    _require_admin(actor)
    return list(
        uow.session.scalars(
            select(User)
            .where(User.directorate_id == actor.directorate_id)
            .order_by(User.active.desc(), User.full_name)
        )
    )


def create_user(
    uow: UnitOfWork,
    actor: Actor,
    *,
    username: str,
    full_name: str,
    email: str | None,
    role: str,
    password: str,
) -> User:
    """A new user of the actor's directorate; each field is checked and named on error."""
    _require_admin(actor)
    username = username.strip().lower()
    if not _USERNAME.match(username):
        raise DomainError(
            "Numele de utilizator are 3-80 de caractere: litere mici fără "
            "diacritice, cifre, punct, cratimă.",
            field="username",
        )
    if not full_name.strip():
        raise DomainError("Numele complet este obligatoriu.", field="full_name")
    if role not in {str(r) for r in STAFF_ROLES}:
        raise DomainError("Rol necunoscut.", field="role")
    if len(password) < MIN_PASSWORD:
        raise DomainError(
            f"Parola trebuie să aibă cel puțin {MIN_PASSWORD} caractere.", field="password"
        )
    session = uow.session
    if session.scalar(select(User.id).where(func.lower(User.username) == username)):
        raise Conflict("Există deja un utilizator cu acest nume.", field="username")
    user = User(
        directorate_id=actor.directorate_id,
        username=username,
        full_name=full_name.strip()[:200],
        email=(email or "").strip() or None,
        role=role,
        password_hash=hash_password(password),
    )
    session.add(user)
    session.flush()
    audit.record(
        session, actor, "create", "user", user.id, changes={"username": username, "role": role}
    )
    uow.flush()
    return user


def set_active(uow: UnitOfWork, actor: Actor, user_id: int, active: bool) -> User:
    """Deactivate (or reactivate) a user of the directorate; an administrator cannot
    lock themselves out."""
    _require_admin(actor)
    user = uow.session.scalar(
        select(User).where(User.id == user_id, User.directorate_id == actor.directorate_id)
    )
    if user is None:
        raise NotFound("Utilizatorul")
    if user.id == actor.id and actor.kind == "user" and not active:
        raise DomainError("Nu vă puteți dezactiva propriul cont.", field="user")
    changes = audit.apply_changes(user, {"active": active})
    if not active:
        user.session_generation += 1  # every open session of the account ends now
    audit.record(uow.session, actor, "update", "user", user.id, changes=changes)
    uow.flush()
    return user


def change_password(
    uow: UnitOfWork, actor: Actor, *, current: str, new: str, repeated: str
) -> User:
    """The actor's own new password; the current one is asked again, so that a session
    left open on a shared PC cannot take the account over. Every session of the user
    ends, those on other PCs too; the caller starts a new one for this browser."""
    user = uow.session.scalar(
        select(User).where(User.id == actor.id, User.directorate_id == actor.directorate_id)
    )
    if user is None or actor.kind != "user":
        raise PermissionDenied()
    if not verify_password(user.password_hash, current):
        raise DomainError("Parola actuală nu este corectă.", field="current")
    if len(new) < MIN_PASSWORD:
        raise DomainError(
            f"Parola nouă trebuie să aibă cel puțin {MIN_PASSWORD} caractere.", field="new"
        )
    if new != repeated:
        raise DomainError("Cele două parole noi nu coincid.", field="repeated")
    user.password_hash = hash_password(new)
    user.session_generation += 1
    audit.record(uow.session, actor, "update", "user", user.id, changes={"password": True})
    uow.flush()
    return user


def end_sessions(uow: UnitOfWork, user_id: int) -> None:
    """End every session of the user (each copy of each cookie) by counting up the
    generation their cookies must carry; the caller commits."""
    uow.session.execute(
        update(User)
        .where(User.id == user_id)
        .values(session_generation=User.session_generation + 1)
        .execution_options(synchronize_session=False)
    )


def list_tokens(uow: UnitOfWork, actor: Actor) -> list[ApiToken]:
    """The API tokens of the directorate (digests and prefixes only)."""
    _require_admin(actor)
    return list(
        uow.session.scalars(
            select(ApiToken)
            .where(ApiToken.directorate_id == actor.directorate_id)
            .order_by(ApiToken.id.desc())
        )
    )


def issue(uow: UnitOfWork, actor: Actor, name: str) -> IssuedToken:
    """A new token for a case system; the clear token is in the result, and nowhere else."""
    _require_admin(actor)
    name = " ".join(name.split())
    if not name or len(name) > 120:
        raise DomainError("Dați un nume sistemului (cel mult 120 de caractere).", field="name")
    issued = issue_token(uow.session, actor.directorate_id, name)
    audit.record(
        uow.session,
        actor,
        "create",
        "api_token",
        issued.record.id,
        changes={"name": name, "prefix": issued.record.prefix},
    )
    uow.flush()
    return issued


def revoke(uow: UnitOfWork, actor: Actor, token_id: int) -> ApiToken:
    """Revoke a token of the directorate: it stops working at once."""
    _require_admin(actor)
    record = uow.session.scalar(
        select(ApiToken).where(
            ApiToken.id == token_id, ApiToken.directorate_id == actor.directorate_id
        )
    )
    if record is None:
        raise NotFound("Tokenul")
    if record.revoked_at is None:
        record.revoked_at = utcnow()
        audit.record(
            uow.session, actor, "update", "api_token", record.id, changes={"revoked": True}
        )
    uow.flush()
    return record
