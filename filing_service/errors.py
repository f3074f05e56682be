"""Errors of the service layer. One place (``api.problems`` and the web pages) maps them
to what a caller sees; none of them carries a secret or a stack trace."""

from .law.errors import DomainError  # noqa: F401  (re-exported: one family of errors)
from .law.rules import Finding


class NotFound(Exception):
    """The record does not exist *for this actor*: another tenant's record is not found
    either, so that existence does not leak (answered 404, never 403)."""

    def __init__(self, what: str = "Resursa"):
        super().__init__(f"{what} nu a fost găsită.")
        self.message = f"{what} nu a fost găsită."


class PermissionDenied(Exception):
    """The actor's role does not allow the action, on a record of its own tenant."""

    def __init__(self, message: str = "Rolul dumneavoastră nu permite această acțiune."):
        super().__init__(message)
        self.message = message


class Conflict(Exception):
    """The change collides with existing data (a duplicate identifier, a signed file)."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class RuleViolation(Exception):
    """The rules engine found errors the change would introduce; nothing was stored."""

    def __init__(self, findings: list[Finding]):
        super().__init__("; ".join(f.message for f in findings))
        self.findings = findings
