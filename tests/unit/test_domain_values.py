"""Domain values are written once, in their enums: the code names ``MeasureKind``,
``EventKind``, ``Variant`` ... instead of repeating the stored strings, so a value renamed
in its enum cannot leave a stale copy behind."""

import ast
from pathlib import Path

import filing_service
from filing_service.auth.roles import Role
from filing_service.documents.catalog import Variant
from filing_service.filings.domain import Status
from filing_service.law.events import EventKind
from filing_service.law.facts import (
    MeasureKind,
    MeasureStatus,
    ParentRole,
    Relationship,
    ResidentialKind,
    TargetKind,
)

PACKAGE = Path(filing_service.__file__).parent
# Values distinctive enough that a string equal to one is that value ("director", a
# situation's letter, or a package role that is also a document type's id, such as
# "raport_art139", mean other things too, and are left out).
ENUMS = (
    MeasureKind,
    MeasureStatus,
    ParentRole,
    Relationship,
    ResidentialKind,
    TargetKind,
    EventKind,
    Variant,
    Status,
    (Role.LEGAL_COUNSEL, Role.CASE_MANAGER, Role.CASE_SYSTEM),
)
VALUES = {str(member) for enum in ENUMS for member in enum}
# Where the strings belong: the enums themselves, the migrations (frozen history), sample
# cases written as the API's JSON (which is what they show), and the two column defaults
# of models that sit below the capabilities whose enums they would need.
EXEMPT = {
    "law/facts.py",
    "law/events.py",
    "auth/roles.py",
    "documents/catalog.py",
    "filings/domain.py",
    "demo.py",
    "documents/sample.py",
    "models/document.py",
    "models/filing.py",
}


def _bare_values(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {
        id(node.body[0].value)
        for node in ast.walk(tree)  # docstrings
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    for table in ast.walk(tree):  # labels: the values of a table keyed by enum members
        if (
            isinstance(table, ast.Dict)
            and table.keys
            and not any(isinstance(key, ast.Constant) for key in table.keys)
        ):
            skipped |= {id(n) for value in table.values for n in ast.walk(value)}
    return [
        f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value in VALUES
        and id(node) not in skipped
    ]


def test_no_domain_value_is_written_out_as_a_bare_string():
    found = [
        hit
        for path in sorted(PACKAGE.rglob("*.py"))
        if "migrations" not in path.parts
        and path.relative_to(PACKAGE).as_posix() not in EXEMPT
        for hit in _bare_values(path)
    ]
    assert found == []
