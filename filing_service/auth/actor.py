"""The actor behind a request: the tenant it belongs to and what it may do."""

from dataclasses import dataclass

from .roles import allowed


@dataclass(frozen=True)
class Actor:
    """A user or a case-system token, always of exactly one directorate."""

    kind: str  # "user" or "token"
    id: int
    name: str
    directorate_id: int
    role: str

    @property
    def label(self) -> str:
        """How the audit trail names the actor."""
        return f"{self.kind}:{self.id} ({self.name})"

    def can(self, permission: str) -> bool:
        return allowed(self.role, permission)
