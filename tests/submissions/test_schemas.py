"""The schemas say what the model says: the same fields in the same order, the same
enumerations, documented; every example validates against its schema."""

import typing
from pathlib import Path

import pytest
from lxml import etree

from filing_service.cases import schemas as models
from filing_service.law.directorates import BY_CODE
from filing_service.law.events import EventKind
from filing_service.law.facts import (
    Authority,
    MeasureKind,
    MeasureStatus,
    ParentRole,
    Relationship,
    ResidentialKind,
    Situation,
    TargetKind,
)
from filing_service.submissions.codec import OMITTED
from filing_service.xml.mapping import camel
from filing_service.xml.parsing import SCHEMAS_DIR, parse_xml, validate_against

from .conftest import EXAMPLES

XS = {"xs": "http://www.w3.org/2001/XMLSchema"}
OURS = ("common.xsd", "case-submission.xsd")
MODELS = {
    "CaseSubmissionType": models.CaseIn,
    "ChildType": models.ChildIn,
    "ParentType": models.ParentIn,
    "PlacementTargetType": models.PlacementTargetIn,
    "MeasureType": models.MeasureIn,
    "EventType": models.EventIn,
}
ENUMS = {
    "CaseStatusType": typing.get_args(models.CaseStatus),
    "SexType": ("M", "F"),
    "ParentRoleType": tuple(ParentRole),
    "ParentalRightsType": typing.get_args(models.ParentalRights),
    "MeasureStatusType": tuple(MeasureStatus),
    "SituationType": tuple(Situation),
    "MeasureKindType": tuple(MeasureKind),
    "AuthorityType": tuple(Authority),
    "TargetKindType": tuple(TargetKind),
    "ResidentialKindType": tuple(ResidentialKind),
    "RelationshipType": tuple(Relationship),
    "EventKindType": tuple(EventKind),
    "AreaCodeType": tuple(sorted(BY_CODE)),
}
SCHEMA_OF_EXAMPLE = {
    "case-": "case-submission",
    "filing-manifest-": "filing-manifest",
    "report-119-": "report-119",
}


def xsd(*names: str) -> list[etree._Element]:
    return [etree.parse(str(SCHEMAS_DIR / name)).getroot() for name in names]


@pytest.mark.parametrize("type_name", sorted(MODELS))
def test_each_complex_type_has_the_fields_of_its_model_in_order(type_name):
    [root] = xsd("case-submission.xsd")
    elements = root.xpath(
        f"xs:complexType[@name='{type_name}']/xs:sequence/xs:element/@name", namespaces=XS
    )
    fields = [camel(f) for f in MODELS[type_name].model_fields if f not in OMITTED]
    assert elements == fields


@pytest.mark.parametrize("type_name", sorted(ENUMS))
def test_each_enumeration_has_the_values_of_the_json_api(type_name):
    values = [
        v
        for root in xsd(*OURS)
        for v in root.xpath(
            f"xs:simpleType[@name='{type_name}']/xs:restriction/xs:enumeration/@value",
            namespaces=XS,
        )
    ]
    assert values == [str(v) for v in ENUMS[type_name]]


@pytest.mark.parametrize("name", OURS)
def test_every_element_and_named_type_is_documented(name):
    [root] = xsd(name)
    undocumented = [
        node.get("name")
        for node in root.xpath(
            "//xs:element[@name] | //xs:complexType[@name] | //xs:simpleType[@name]",
            namespaces=XS,
        )
        if not node.xpath("xs:annotation/xs:documentation/text()", namespaces=XS)
    ]
    assert undocumented == []


def test_every_schema_shares_the_one_target_namespace():
    roots = xsd(*sorted(p.name for p in SCHEMAS_DIR.iterdir() if p.name.endswith(".xsd")))
    assert {r.get("targetNamespace") for r in roots} == {"urn:filing-service:dgaspc:v1"}


def _examples() -> list[Path]:
    return sorted(p for p in EXAMPLES.glob("*.xml") if "invalid" not in p.name)


@pytest.mark.parametrize("path", _examples(), ids=lambda p: p.name)
def test_every_valid_example_validates_against_its_schema(path):
    schema = next(s for prefix, s in SCHEMA_OF_EXAMPLE.items() if path.name.startswith(prefix))
    data = path.read_bytes()
    assert validate_against(parse_xml(data), schema, data) == []
