"""CSRF protection for every form of the web pages: a random token per session, sent
back as a hidden field (or the X-CSRF-Token header) with every unsafe request.

Our own few lines rather than Flask-WTF's CSRFProtect because that one guards the whole
app, and the API (bearer tokens, no cookies) must not ask for a form token. Tests keep
it on (``WTF_CSRF_ENABLED``, the name Flask-WTF uses, so a test config reads the same).
"""

import hmac
import secrets

from flask import current_app, request, session
from werkzeug.exceptions import BadRequest

FIELD = "csrf_token"
HEADER = "X-CSRF-Token"


class CsrfError(BadRequest):
    title = "Formular expirat"  # the page ``error_handlers`` shows
    description = (
        "Formularul a expirat sau nu provine din această aplicație. "
        "Reîncărcați pagina și trimiteți din nou."
    )


def token() -> str:
    """This session's token (made on first use); templates put it in every form."""
    if FIELD not in session:
        session[FIELD] = secrets.token_urlsafe(32)
    return session[FIELD]


def protect() -> None:
    """Before each page request: refuse an unsafe method without the session's token."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    if not current_app.config.get("WTF_CSRF_ENABLED", True):
        return
    sent = request.form.get(FIELD) or request.headers.get(HEADER) or ""
    expected = session.get(FIELD, "")
    if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise CsrfError()
