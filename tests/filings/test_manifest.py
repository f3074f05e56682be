"""The manifest schema: its examples validate, and what it refuses it names."""

from pathlib import Path

import pytest

from filing_service.xml.parsing import parse_xml, validate_against

EXAMPLES = Path(__file__).resolve().parents[2] / "schemas" / "examples"


@pytest.mark.parametrize(
    "example", sorted(EXAMPLES.glob("filing-manifest-*.xml")), ids=lambda p: p.name
)
def test_every_manifest_example_is_valid(example):
    data = example.read_bytes()
    assert validate_against(parse_xml(data), "filing-manifest", source=data) == []


def test_a_document_that_is_not_a_pdf_is_refused_by_the_schema():
    data = (
        (EXAMPLES / "filing-manifest-valid.xml")
        .read_bytes()
        .replace(
            b"<mediaType>application/pdf</mediaType>", b"<mediaType>image/jpeg</mediaType>", 1
        )
    )
    [problem] = validate_against(parse_xml(data), "filing-manifest", source=data)
    assert problem.code == "xsd_enumeration"
    assert problem.xpath.endswith("fs:document[1]/fs:mediaType")


def test_a_malformed_hash_is_refused_by_the_schema():
    data = (
        (EXAMPLES / "filing-manifest-valid.xml")
        .read_bytes()
        .replace(b"<sha256>9b2f", b"<sha256>XX2f", 1)
    )
    problems = validate_against(parse_xml(data), "filing-manifest", source=data)
    assert [p.code for p in problems] == ["xsd_pattern"]
