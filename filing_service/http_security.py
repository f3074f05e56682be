"""What every answer tells the browser about keeping it safe: one hook for all of them.

The pages and the API serve children's data, so every answer (a page, an API answer, an
error, a redirect) carries:

- ``Content-Security-Policy``: on a page, only the service's own scripts, styles and
  images, no inline script or style (the templates have none: behaviour lives in
  ``web/static/app.js``), forms posted only to the service, frames only of the service's
  own PDFs; on anything else, nothing at all. ``frame-ancestors 'none'`` (and the older
  ``X-Frame-Options: DENY``) keeps the service out of other sites' frames: the one
  answer framed on purpose, a document's PDF in its page's preview, says so with
  :func:`allow_same_origin_frames`;
- ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer`` (an address with
  a search or a calendar secret is never sent to another site);
- ``Strict-Transport-Security`` when the request came over HTTPS (behind a proxy:
  gunicorn's ``forwarded_allow_ips`` and ``X-Forwarded-Proto``);
- ``Cache-Control: no-store`` on everything but the static files (``/assets/``), so no
  browser, shared office PC or proxy keeps a copy of a case;
- on an API 401, ``WWW-Authenticate: Bearer`` (RFC 6750).

The session cookie is ``Secure`` whenever the request is HTTPS, whatever
``SESSION_COOKIE_SECURE`` says (that setting forces it for plain-HTTP test set-ups behind
a TLS proxy that does not say so).
"""

from flask import Flask, Response, request
from flask.sessions import SecureCookieSessionInterface

PAGE_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",  # data: for the empty favicon of base.html
        "frame-src 'self'",  # a document's PDF preview
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)
OTHER_POLICY = "default-src 'none'; frame-ancestors 'none'"
# A PDF the service's own page frames: a stricter policy would keep some browsers' PDF
# viewers from showing it, and a PDF runs no page script; nosniff keeps it a PDF.
FRAMED_POLICY = "frame-ancestors 'self'"
HSTS = "max-age=31536000"
# What :func:`_secure_headers` gives an answer that is not a page, for the answers
# gunicorn writes itself, before any request reaches Flask (``filing_service.serving``).
# HSTS is left to the TLS proxy: gunicorn has not read whether the request was HTTPS.
NON_PAGE_HEADERS = {
    "Content-Security-Policy": OTHER_POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
_FRAMED = "_framed_by_same_origin"


def allow_same_origin_frames(response: Response) -> Response:
    """Let the service's own pages frame ``response`` (a PDF preview), and nobody else."""
    setattr(response, _FRAMED, True)
    return response


def _is_static() -> bool:
    endpoint = request.endpoint or ""
    return endpoint == "static" or endpoint.endswith(".static")


def _secure_headers(response: Response) -> Response:
    headers = response.headers
    if getattr(response, _FRAMED, False):
        headers["Content-Security-Policy"] = FRAMED_POLICY
        headers["X-Frame-Options"] = "SAMEORIGIN"
    else:
        html = response.mimetype == "text/html"
        headers["Content-Security-Policy"] = PAGE_POLICY if html else OTHER_POLICY
        headers["X-Frame-Options"] = "DENY"
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "no-referrer"
    if request.is_secure:
        headers["Strict-Transport-Security"] = HSTS
    if not _is_static() and "no-store" not in headers.get("Cache-Control", ""):
        headers["Cache-Control"] = "no-store"
    if response.status_code == 401 and request.path.startswith("/api/"):
        challenge = 'Bearer realm="filing_service"'
        if "Authorization" in request.headers:  # a token was sent, and refused
            challenge += ', error="invalid_token"'
        headers.setdefault("WWW-Authenticate", challenge)
    return response


class HttpsSessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie session, its cookie ``Secure`` on every HTTPS request."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return super().get_cookie_secure(app) or request.is_secure


def init_app(app: Flask) -> None:
    """Add the headers to every answer; make the session cookie Secure over HTTPS."""
    app.after_request(_secure_headers)
    app.session_interface = HttpsSessionInterface()
