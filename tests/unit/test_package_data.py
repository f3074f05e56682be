"""What the service reads at run time is package data, found with importlib.resources, so
that an installed package (not only an editable checkout) works."""

import tomllib
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "filing_service"


def test_no_module_finds_files_relative_to_its_own_path():
    users = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        if "__file__" in path.read_text("utf-8")
    ]
    assert users == []


def test_every_data_file_of_the_package_is_declared_as_package_data():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"][
        "setuptools"
    ]["package-data"]

    def is_declared(path: Path) -> bool:
        for package, patterns in declared.items():
            folder = ROOT.joinpath(*package.split("."))
            if folder in path.parents and any(
                fnmatch(str(path.relative_to(folder)), p) for p in patterns
            ):
                return True
        return False

    data = [
        path
        for path in sorted(PACKAGE.rglob("*"))
        if path.is_file()
        and path.suffix not in (".py", ".pyc")
        and "__pycache__" not in path.parts
    ]
    assert data, "the package has data files"
    assert [str(p.relative_to(PACKAGE)) for p in data if not is_declared(p)] == []


def test_the_runtime_data_is_found_inside_the_package():
    from filing_service.filings.portal import WSDL
    from filing_service.signing.trust import QUALIFIED_ROOTS
    from filing_service.xml.parsing import SCHEMAS_DIR, load_schema

    assert WSDL.is_file() and QUALIFIED_ROOTS.is_dir()
    assert PACKAGE in Path(str(SCHEMAS_DIR)).parents
    assert load_schema("report-119") is not None  # includes common.xsd beside it
