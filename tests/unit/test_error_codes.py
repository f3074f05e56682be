"""The catalogue of error codes: one vocabulary, and nothing raised outside it."""

import ast
import re
from pathlib import Path

import pytest
from flask import Flask

from filing_service import errorcodes
from filing_service.api.problems import problem
from filing_service.errorcodes import Code, UnknownCode

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "filing_service"
# Calls that take an error code by position: a finding, a problem of a submission or of
# a filing check, a procedural check, a refused XML document (first argument), a refused
# signature profile (second).
CODE_ARGUMENT = {"Finding": 0, "Problem": 0, "Check": 0, "_reject": 0, "_invalid": 1}
NOT_ERROR_CODES = {"DirectorateSeed"}  # a directorate's code (CJ, B3), not an error


def _code_literals(package: Path = PACKAGE) -> list[str]:
    """Every string literal written where an error code goes, anywhere in the package."""
    found = []
    for path in sorted(package.rglob("*.py")):
        if path.name == "errorcodes.py" or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            places = []
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name in NOT_ERROR_CODES:
                    continue
                places += [kw.value for kw in node.keywords if kw.arg == "code"]
                position = CODE_ARGUMENT.get(name)
                if position is not None and len(node.args) > position:
                    places.append(node.args[position])
            elif isinstance(node, ast.Dict):
                places += [
                    v
                    for k, v in zip(node.keys, node.values, strict=True)
                    if isinstance(k, ast.Constant) and k.value == "code"
                ]
            elif isinstance(node, ast.Compare) and getattr(node.left, "attr", "") == "code":
                places += node.comparators  # exc.code == "..."
            for place in places:
                if isinstance(place, ast.JoinedStr) or (
                    isinstance(place, ast.Constant) and isinstance(place.value, str)
                ):
                    found.append(
                        f"{path.relative_to(package)}:{place.lineno} {ast.unparse(place)}"
                    )
    return found


def test_no_error_code_is_written_as_a_string_outside_the_catalogue():
    assert _code_literals() == []


def test_the_scan_finds_a_code_written_as_a_string(tmp_path):
    (tmp_path / "sample.py").write_text(
        'raise DomainError("x", code="data_viitoare")\n'
        'Problem(f"model_{kind}", "y")\n'
        'error = {"field": "key", "code": "secret-gresit"}\n'
        'status = 422 if exc.code == "pdf-invalid" else 502\n'
        'raise DomainError("x", code=Code.DATE_IN_FUTURE)\n',
        "utf-8",
    )
    assert sorted(line.split()[0] for line in _code_literals(tmp_path)) == [
        "sample.py:1",
        "sample.py:2",
        "sample.py:3",
        "sample.py:4",
    ]


def test_every_code_is_snake_case_english_and_unique():
    values = [str(code) for code in Code]
    assert all(re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", v) for v in values)
    assert len(Code.__members__) == len(set(values))  # no value shared by two names


@pytest.mark.parametrize(
    "old, new",
    [
        ("date_in_future", "date_in_future"),
        ("data_viitoare", None),
        ("not_a_pdf", "not_a_pdf"),
        ("nu-este-pdf", None),
        ("nu_este_pdf", None),
        ("negasit", None),
        ("date-invalide", None),
    ],
)
def test_the_duplicates_are_merged_and_the_old_codes_are_gone(old, new):
    if new is None:
        with pytest.raises(UnknownCode):
            errorcodes.lookup(old)
    else:
        assert errorcodes.lookup(old) is errorcodes.lookup(new)


def test_every_top_level_problem_has_a_status_and_a_romanian_title():
    assert Code.NOT_FOUND.status == 404 and Code.NOT_FOUND.label == "Negăsit"
    assert {c.status for c in errorcodes.problem_codes()} <= {
        400,
        401,
        403,
        404,
        405,
        409,
        413,
        414,  # refused by gunicorn (filing_service.serving), as 431
        415,
        422,
        423,
        431,
        500,
        502,
        503,
    }


def test_a_code_that_is_not_in_the_catalogue_cannot_go_out():
    with Flask(__name__).app_context():
        with pytest.raises(UnknownCode):
            problem(422, "Date invalide", "…", code="date-invalide")
        with pytest.raises(UnknownCode):
            problem(
                422,
                "Date invalide",
                "…",
                code=Code.INVALID_DATA,
                errors=[{"field": "on", "code": "data_viitoare", "message": "…"}],
            )
        answer = problem(
            422,
            "Date invalide",
            "…",
            code=Code.INVALID_DATA,
            errors=[{"field": "on", "code": "date_in_future", "message": "…"}],
        )
    assert answer.get_json()["code"] == "invalid_data"


def test_the_table_of_schemas_readme_is_the_catalogue():
    text = (ROOT / "schemas" / "README.md").read_text("utf-8")
    table = text.split("<!-- error codes: start -->\n")[1].split("<!-- error codes: end -->")[
        0
    ]
    assert table == errorcodes.markdown_table(), "run scripts/error_codes.py"
