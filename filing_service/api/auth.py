"""The actor of an API request: a case system's bearer token.

Web pages log people in with a session; the web package reuses ``set_actor`` so that the
same service functions see the same kind of actor whichever door was used.
"""

from flask import g, request

from ..auth.actor import Actor
from ..auth.tokens import actor_for_token
from ..db import unit_of_work
from ..errorcodes import Code
from .problems import ApiProblem


def set_actor(actor: Actor) -> None:
    g.actor = actor


def current_actor() -> Actor:
    """The actor of this request, authenticating the bearer token on first use."""
    actor = g.get("actor")
    if actor is not None:
        return actor
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise _unauthenticated("Lipsește antetul Authorization: Bearer <token>.")
    with unit_of_work() as uow:
        actor = actor_for_token(uow.session, token.strip())
    if actor is None:
        raise _unauthenticated("Tokenul nu este valid sau a fost revocat.")
    set_actor(actor)
    return actor


def _unauthenticated(detail: str) -> ApiProblem:
    return ApiProblem(401, "Neautentificat", detail, code=Code.UNAUTHENTICATED)
