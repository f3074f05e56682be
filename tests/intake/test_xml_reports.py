"""Reports sent as XML (schemas/report-119.xsd) take the same path as JSON: the hardened
parser, the schema, the model, then routing; every problem is located."""

import typing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree

from filing_service.intake.forms import Form
from filing_service.intake.schemas import CallerRelationship, Channel
from filing_service.xml.parsing import SCHEMAS_DIR, load_schema, parse_xml, validate_against
from tests import builders

EXAMPLES = Path(__file__).resolve().parents[2] / "schemas" / "examples"
URL = "/api/v1/intake/reports.xml"
XS = {"xs": "http://www.w3.org/2001/XMLSchema"}
# The examples under schemas/examples were received on 21 November 2026: the app's day is
# the next one, and every report a test builds beside them is dated from it too.
EXAMPLES_NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


@pytest.fixture
def post_xml(app, client, auth):
    app.config["FIXED_NOW"] = EXAMPLES_NOW

    def post(data: bytes, headers=None):
        return client.post(
            URL, data=data, headers={**(headers or auth), "Content-Type": "application/xml"}
        )

    return post


def _example(name: str) -> bytes:
    return (EXAMPLES / f"report-119-{name}.xml").read_bytes()


@pytest.mark.parametrize(
    "path", sorted(EXAMPLES.glob("report-119-*.xml")), ids=lambda p: p.name
)
def test_every_example_is_valid_against_the_schema(path):
    data = path.read_bytes()
    assert validate_against(parse_xml(data), "report-119", source=data) == []


def test_the_schema_enumerations_are_the_apis():
    schema = load_schema("report-119")  # compiles, with common.xsd
    assert schema is not None
    tree = etree.parse(str(SCHEMAS_DIR / "report-119.xsd"))

    def values(type_name):
        return [
            e.get("value")
            for e in tree.xpath(
                f"//xs:simpleType[@name='{type_name}']//xs:enumeration", namespaces=XS
            )
        ]

    assert values("FormType") == [f.value for f in Form]
    assert values("ChannelType") == list(typing.get_args(Channel))
    assert values("CallerRelationshipType") == list(typing.get_args(CallerRelationship))


def test_a_complete_xml_report_opens_a_case_per_child(post_xml, cases_of):
    answer = post_xml(_example("complete"))

    assert answer.status_code == 201, answer.get_json()
    assert answer.get_json()["directorate"] == "CJ"
    assert sorted(c["child"]["first_name"] for c in cases_of("CJ")) == ["Ioana", "Vlad"]


def test_a_partial_xml_report_for_a_sector_lists_what_is_missing(post_xml, cases_of):
    receipt = post_xml(_example("partial-sector")).get_json()

    assert receipt["directorate"] == "B3"
    assert "children[0].last_name" in {m["field"] for m in receipt["missing"]}
    assert len(cases_of("B3")) == 1


def test_an_unroutable_xml_report_waits_in_the_queue(post_xml, client, dispatcher):
    receipt = post_xml(_example("unroutable")).get_json()

    assert receipt["routing"] == "in_asteptare"
    assert (
        client.get("/api/v1/intake/routing-queue", headers=dispatcher).get_json()["total"] == 1
    )


def test_the_same_call_as_json_then_xml_is_one_report(post_xml, send):
    first = send(builders.report_119(EXAMPLES_NOW, call_id="STS-CJ-2026-004211"))
    assert first.status_code == 201, first.get_json()

    again = post_xml(_example("complete"))

    assert (
        again.status_code == 200 and again.get_json()["number"] == first.get_json()["number"]
    )


def test_a_schema_violation_is_located(post_xml):
    data = _example("complete").replace(
        b"<form>abuz_fizic</form>", b"<form>abuz_imaginar</form>"
    )

    answer = post_xml(data)

    assert answer.status_code == 422
    [problem] = answer.get_json()["errors"]
    assert problem["code"] == "xsd_enumeration"
    assert problem["xpath"] == "/fs:report119/fs:forms/fs:form[1]"
    assert (problem["field"], problem["line"]) == ("forms[0]", 34)


def test_a_refusal_of_the_service_points_at_the_element(post_xml):
    data = _example("complete").replace(
        b"2026-11-21T22:05:00+02:00", b"2027-01-01T10:00:00+02:00"
    )

    answer = post_xml(data)

    assert answer.status_code == 422
    [problem] = answer.get_json()["errors"]
    assert problem["xpath"] == "/fs:report119/fs:receivedAt"
    assert problem["field"] == "received_at"


def test_a_doctype_is_refused_before_parsing(post_xml, cases_of):
    data = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<report119 xmlns="urn:filing-service:dgaspc:v1"><callId>&x;</callId>'
        b"</report119>"
    )

    answer = post_xml(data)

    assert answer.status_code == 400
    assert answer.get_json()["errors"][0]["code"] == "doctype_forbidden"
    assert cases_of("CJ") == []
