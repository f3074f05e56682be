"""Who is logged in: the session cookie names a user; every request reloads the user, so
a deactivated account or a changed role takes effect at once.

A cookie also carries the user's session generation (``User.session_generation``), and is
refused once the user's generation has moved on: logging out, a new password and a
deactivation count it up (``accounts.end_sessions``), so every copy of every cookie of
that user ends, wherever it was copied to (the cookie is signed, not kept on a server).

Log-in checks the argon2 hash (auth.passwords) and counts failures per user name: after
``MAX_FAILURES`` within ``WINDOW`` the name is refused until the window passes, whatever
the password (so guessing is slow, and the answer does not tell a good guess from a bad).
"""

import functools
import time
from datetime import timedelta

from flask import current_app, g, redirect, request, session, url_for
from sqlalchemy import delete, func, select

from ..api.auth import set_actor
from ..auth.actor import Actor
from ..auth.passwords import hash_password, needs_rehash, verify_password
from ..db import unit_of_work
from ..errors import PermissionDenied
from ..models import LoginFailure, User
from ..models.base import utcnow
from . import accounts

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)
IDLE_MINUTES = 60  # a session unused this long ends (WEB_IDLE_MINUTES): shared office PCs


@functools.cache
def dummy_hash() -> str:
    """A hash verified when the user name is unknown, so that a wrong name takes as long
    as a wrong password (timing does not reveal which names exist). Made on the first
    log-in of the process, not at import: hashing is deliberately slow."""
    return hash_password("utilizator-inexistent")


class LoginRefused(Exception):
    """Wrong credentials, or too many failures: the message says which, in Romanian."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def authenticate(username: str, password: str) -> User:
    """The active user with these credentials; LoginRefused otherwise."""
    name = username.strip().lower()[:80]
    with unit_of_work() as uow:
        s = uow.session
        since = utcnow() - WINDOW
        failures = (
            s.scalar(
                select(func.count(LoginFailure.id)).where(
                    LoginFailure.username == name, LoginFailure.at >= since
                )
            )
            or 0
        )
        if failures >= MAX_FAILURES:
            raise LoginRefused(
                "Prea multe încercări eșuate pentru acest utilizator. "
                f"Reîncercați peste {int(WINDOW.total_seconds() // 60)} "
                "de minute sau cereți administratorului să vă ajute."
            )
        user = s.scalar(select(User).where(func.lower(User.username) == name))
        valid = verify_password(user.password_hash if user else dummy_hash(), password)
        if user is None or not valid or not user.active:
            s.execute(delete(LoginFailure).where(LoginFailure.at < since))
            s.add(LoginFailure(username=name))
            uow.commit()
            raise LoginRefused("Utilizatorul sau parola nu sunt corecte.")
        s.execute(delete(LoginFailure).where(LoginFailure.username == name))
        if needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        uow.commit()
        return user


def log_in(user: User) -> None:
    """Start a fresh session for ``user`` (a new session on log-in: no fixation)."""
    session.clear()
    session["user_id"] = user.id
    session["generation"] = user.session_generation
    session["seen"] = int(time.time())
    session.permanent = False


def log_out() -> None:
    """End this session and every other of the same user (a copied cookie too)."""
    user_id = session.get("user_id")
    session.clear()
    if user_id is not None:
        with unit_of_work() as uow:
            accounts.end_sessions(uow, user_id)
            uow.commit()


def load_user() -> None:
    """Before each page: set ``g.user`` and the actor the services see, or neither."""
    g.user = None
    user_id = session.get("user_id")
    if user_id is None:
        return
    idle = 60 * int(current_app.config.get("WEB_IDLE_MINUTES", IDLE_MINUTES))
    now = int(time.time())
    if now - int(session.get("seen", 0)) > idle:
        session.clear()
        g.session_expired = True
        return
    session["seen"] = now
    with unit_of_work() as uow:
        user = uow.session.get(User, user_id)
        if (
            user is None
            or not user.active
            or session.get("generation") != user.session_generation
        ):
            session.clear()
            return
        g.directorate_name = user.directorate.name
        uow.session.expunge(user)
    g.user = user
    set_actor(
        Actor(
            kind="user",
            id=user.id,
            name=user.username,
            directorate_id=user.directorate_id,
            role=user.role,
        )
    )


def actor() -> Actor:
    """The actor of this page request (pages behind ``login_required`` always have one)."""
    return g.actor


def _to_login():
    return redirect(
        url_for(
            "web.auth.login",
            next=request.full_path.rstrip("?"),
            expirat=1 if g.get("session_expired") else None,
        )
    )


def login_required(view):
    """Send an anonymous visitor to the log-in page, and back here afterwards."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if g.get("user") is None:
            return _to_login()
        return view(*args, **kwargs)

    return wrapper


def require(permission: str):
    """A logged-in user whose role allows ``permission`` (auth.roles.PERMISSIONS)."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            if g.get("user") is None:
                return _to_login()
            if not actor().can(permission):
                raise PermissionDenied()
            return view(*args, **kwargs)

        return wrapper

    return decorator
