"""The parser and the locating of problems, without a database."""

import codecs

import pytest

from filing_service.cases.schemas import CaseIn
from filing_service.submissions import codec
from filing_service.submissions.service import read_case
from filing_service.xml.parsing import Limits, parse_xml
from filing_service.xml.problems import XmlRejected
from tests import builders

from .conftest import case_xml


def refusal(data: bytes, **limits) -> dict:
    with pytest.raises(XmlRejected) as caught:
        parse_xml(data, limits=Limits(**limits)) if limits else parse_xml(data)
    [problem] = caught.value.problems
    return problem.as_dict()


def test_a_utf8_byte_order_mark_is_accepted():
    assert parse_xml(codecs.BOM_UTF8 + case_xml()).getroot().tag.endswith("caseSubmission")


def test_a_doctype_after_comments_and_instructions_is_still_found():
    data = b'<?xml version="1.0"?>\n<!-- a -->\n<?pi x?>\n<!-- b --><!DOCTYPE r []>\n<r/>'
    problem = refusal(data)
    assert (problem["code"], problem["line"], problem["column"]) == (
        "doctype_forbidden",
        4,
        11,
    )


def test_a_lying_declaration_is_refused_at_the_first_bad_byte():
    data = '<?xml version="1.0" encoding="UTF-8"?>\n<r>\n  ăș</r>'.encode("iso-8859-16")
    problem = refusal(data)
    assert (problem["code"], problem["line"], problem["column"]) == ("encoding_invalid", 3, 3)


def test_the_depth_limit_is_the_configured_one():
    assert parse_xml(b"<a>" * 5 + b"</a>" * 5, limits=Limits(max_depth=5)) is not None
    assert refusal(b"<a>" * 6 + b"</a>" * 6, max_depth=5)["code"] == "xml_too_deep"


def test_the_element_limit_is_the_configured_one():
    assert parse_xml(b"<a>" + b"<b/>" * 9 + b"</a>", limits=Limits(max_elements=10))
    assert (
        refusal(b"<a>" + b"<b/>" * 10 + b"</a>", max_elements=10)["code"]
        == "xml_too_many_elements"
    )


def test_the_size_limit_is_checked_first():
    problem = refusal(b"\xff" * 101, max_bytes=100)
    assert problem["code"] == "xml_too_large"


def test_a_syntax_error_names_line_and_column():
    problem = refusal(b"<a>\n  <b></c>\n</a>")
    assert (problem["code"], problem["line"]) == ("xml_malformed", 2)
    assert "linia 2" in problem["message"]


def test_repeated_elements_get_their_position_in_the_xpath():
    father = builders.parent("tata", cnp=None)
    data = codec.encode(
        CaseIn.model_validate(builders.case(parents=[builders.parent(), father]))
    )
    # Only the father, who has no CNP, goes from last name to birth date: give him a bad one.
    data = data.replace(
        b"<lastName>Popescu</lastName>\n      <birthDate>",
        b"<lastName>Popescu</lastName>\n      <cnp>1920814122010</cnp><birthDate>",
    )
    with pytest.raises(XmlRejected) as caught:
        read_case(data)
    [problem] = caught.value.problems
    assert problem.xpath == "/fs:caseSubmission/fs:parents/fs:parent[2]/fs:cnp"
    assert problem.field == "parents[1].cnp"


def test_a_blank_optional_element_counts_as_absent():
    data = case_xml().replace(b"<court>Tribunalul Cluj</court>", b"<court>  </court>")
    case, _ = read_case(data)
    assert case.court is None


def test_a_blank_required_element_is_refused_as_empty():
    data = case_xml().replace(
        "<firstName>Andrei-Ștefan</firstName>".encode(), b"<firstName> </firstName>"
    )
    with pytest.raises(XmlRejected) as caught:
        read_case(data)
    [problem] = caught.value.problems
    assert problem.field == "child.first_name" and "gol" in problem.message


def test_json_values_that_are_not_json_stay_text():
    data = case_xml(
        events=[{"kind": "alt_eveniment", "occurred_on": "2026-11-01", "data": {"n": 1}}]
    ).replace(
        b'<entry key="n" type="json">1</entry>', b'<entry key="n" type="json">NaN</entry>'
    )
    case, _ = read_case(data)
    assert case.events[0].data == {"n": "NaN"}


def test_a_json_value_nested_too_deep_stays_text_not_a_recursion_error():
    deep = "[" * 5000 + "]" * 5000
    data = case_xml(
        events=[{"kind": "alt_eveniment", "occurred_on": "2026-11-01", "data": {"n": 1}}]
    ).replace(
        b'<entry key="n" type="json">1</entry>',
        f'<entry key="n" type="json">{deep}</entry>'.encode(),
    )
    case, _ = read_case(data)
    assert case.events[0].data == {"n": deep}
