"""Roles of a directorate's staff and what each may do."""

from enum import StrEnum


class Role(StrEnum):
    LEGAL_COUNSEL = "consilier_juridic"
    CASE_MANAGER = "manager_de_caz"
    DIRECTOR = "director"
    ADMINISTRATOR = "administrator"
    AUDITOR = "auditor"
    CASE_SYSTEM = "sistem"  # an API token of a case system


ROLE_LABELS: dict[str, str] = {
    Role.LEGAL_COUNSEL: "Consilier juridic",
    Role.CASE_MANAGER: "Manager de caz",
    Role.DIRECTOR: "Director executiv",
    Role.ADMINISTRATOR: "Administrator",
    Role.AUDITOR: "Auditor",
    Role.CASE_SYSTEM: "Sistem informatic",
}

# What each role may do; an auditor reads, only a director or legal counsel signs.
PERMISSIONS: dict[str, frozenset[Role]] = {
    "read": frozenset(Role),
    "edit": frozenset(
        {Role.LEGAL_COUNSEL, Role.CASE_MANAGER, Role.DIRECTOR, Role.CASE_SYSTEM}
    ),
    "generate": frozenset(
        {Role.LEGAL_COUNSEL, Role.CASE_MANAGER, Role.DIRECTOR, Role.CASE_SYSTEM}
    ),
    "sign": frozenset({Role.LEGAL_COUNSEL, Role.DIRECTOR}),
    "file": frozenset({Role.LEGAL_COUNSEL, Role.DIRECTOR, Role.CASE_SYSTEM}),
    "administer": frozenset({Role.ADMINISTRATOR}),
}


def allowed(role: str, permission: str) -> bool:
    return role in PERMISSIONS[permission]
