"""The committed .docx templates are exactly what their readable sources build, and every
document type of the catalog has one."""

import importlib.util
import zipfile

import pytest

from filing_service.documents.catalog import DOC_TYPES
from tests.documents.templates_fixtures import SOURCES, TEMPLATES


def _builder():
    spec = importlib.util.spec_from_file_location("templates_build", SOURCES / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("doc_id", sorted(DOC_TYPES))
def test_every_document_type_has_a_source_and_a_built_template(doc_id):
    assert (SOURCES / "src" / f"{doc_id}.py").is_file()
    assert (TEMPLATES / DOC_TYPES[doc_id].template).is_file()


@pytest.mark.parametrize("doc_id", sorted(DOC_TYPES))
def test_rebuilding_a_template_from_its_source_gives_the_committed_docx(doc_id, tmp_path):
    built = tmp_path / "built.docx"
    built.write_bytes(_builder().build(doc_id))
    with zipfile.ZipFile(built) as new, zipfile.ZipFile(TEMPLATES / f"{doc_id}.docx") as old:
        assert new.namelist() == old.namelist()
        for name in new.namelist():
            assert new.read(name) == old.read(name), (
                f"filing_service/documents/templates/{doc_id}.docx differs from "
                f"templates/src/{doc_id}.py in {name}: run .venv/bin/python templates/build.py"
            )
