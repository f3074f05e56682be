"""JSON and XML are two encodings of one model: any valid CaseIn, encoded either way and
decoded again, is the same CaseIn (and its XML is valid against the schema)."""

from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from filing_service.cases import schemas as models
from filing_service.cases.schemas import CaseIn
from filing_service.law.cnp import build_cnp
from filing_service.law.directorates import BY_CODE
from filing_service.law.events import EventKind
from filing_service.law.facts import (
    Authority,
    MeasureKind,
    Relationship,
    ResidentialKind,
    Situation,
    TargetKind,
)
from filing_service.law.text import normalize_text
from filing_service.submissions import codec
from filing_service.xml.parsing import parse_xml, validate_against

# Every character XML 1.0 can carry (tab, line breaks, all of Unicode but surrogates and
# the C0 controls), plus the Romanian letters in both forms and XML's special characters.
XML_CHARS = st.characters(
    codec="utf-8",
    exclude_categories=("Cs",),
    exclude_characters="".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r")
    + "\ufffe\uffff",
)
ROMANIAN = st.sampled_from(list("ăâîșțĂÂÎȘȚşţŞŢ <>&\"' \n\r\t"))
TEXT = st.text(st.one_of(XML_CHARS, ROMANIAN), max_size=40)
NAME = TEXT.filter(lambda s: normalize_text(s) != "" and len(normalize_text(s)) <= 100)
# Optional texts are absent or say something: a blank one fails inside pydantic for JSON
# too (api.fields: the length check runs on the None the blank became).
SOME_TEXT = TEXT.filter(lambda s: normalize_text(s) != "")
DAY = st.dates(date(1950, 1, 1), date(2026, 11, 1))


def optional(strategy):
    return st.none() | strategy


@st.composite
def person(draw, role_fields: dict):
    born = draw(DAY)
    has_cnp = draw(st.booleans())
    values = {**role_fields, "first_name": draw(NAME), "last_name": draw(NAME)}
    if has_cnp:
        values["cnp"] = build_cnp(
            born,
            sex=draw(st.sampled_from("MF")),
            county_code=draw(st.sampled_from(["12", "40", "52"])),
            serial=draw(st.integers(1, 999)),
        )
    values["birth_date"] = draw(optional(st.just(born)))
    return values


@st.composite
def child(draw):
    values = draw(person({}))
    for name in (
        "citizenship",
        "domicile_address",
        "personality",
        "health",
        "history",
        "education",
        "living_conditions",
        "other_data",
    ):
        values[name] = draw(optional(SOME_TEXT))
    values.update(
        sex=draw(optional(st.sampled_from("MF"))),
        domicile_area=draw(optional(st.sampled_from(sorted(BY_CODE)))),
        found_area=draw(optional(st.sampled_from(sorted(BY_CODE)))),
        complete_impairment_confirmed=draw(st.booleans()),
        consent=draw(optional(st.booleans())),
    )
    return values


@st.composite
def parent(draw):
    values = draw(
        person(
            {"role": draw(st.sampled_from(["mama", "tata", "tutore", "reprezentant_legal"]))}
        )
    )
    values.update(
        address=draw(optional(SOME_TEXT)),
        phone=draw(optional(SOME_TEXT)),
        agrees_to_measure=draw(optional(st.booleans())),
        parental_rights=draw(st.sampled_from(["exercitate", "suspendate", "decazut"])),
        deceased=draw(st.booleans()),
        legal_representative=draw(st.booleans()),
    )
    return values


@st.composite
def target(draw):
    values = draw(person({"kind": draw(st.sampled_from(list(TargetKind)))}))
    values["name"] = values.pop("first_name") + " " + values.pop("last_name")
    values.update(
        relationship_to_child=draw(optional(st.sampled_from(list(Relationship)))),
        residential_kind=draw(optional(st.sampled_from(list(ResidentialKind)))),
        full_legal_capacity=draw(optional(st.booleans())),
        domicile_in_romania=draw(optional(st.booleans())),
    )
    for name in (
        "attestation",
        "address",
        "income",
        "property",
        "medical_info",
        "psychological_info",
    ):
        values[name] = draw(optional(SOME_TEXT))
    return values


@st.composite
def measure(draw):
    return {
        "kind": draw(st.sampled_from(list(MeasureKind))),
        "authority": draw(st.sampled_from(list(Authority))),
        "status": draw(
            st.sampled_from(["propusa", "in_vigoare", "incetata", "revocata", "inlocuita"])
        ),
        "legal_basis": draw(optional(SOME_TEXT)),
        "act_number": draw(optional(SOME_TEXT)),
        "decided_on": draw(optional(DAY)),
        "starts_on": draw(optional(DAY)),
        "ends_on": draw(optional(DAY)),
        "danger_motivation": draw(optional(SOME_TEXT)),
        "residential_justification": draw(optional(SOME_TEXT)),
    }


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=6,
)
MOMENT = st.datetimes(datetime(2000, 1, 1), datetime(2030, 1, 1)).map(
    lambda d: d.replace(microsecond=0)
)
# A moment always carries its zone: a naive one is refused (api.bounds).
ZONE = st.sampled_from(
    [UTC, timezone(timedelta(hours=2)), timezone(timedelta(hours=-5, minutes=-30))]
)


@st.composite
def event(draw):
    moment, zone = draw(MOMENT), draw(ZONE)
    return {
        "kind": draw(st.sampled_from(list(EventKind))),
        "occurred_on": draw(DAY),
        "occurred_at": draw(optional(st.just(moment.replace(tzinfo=zone)))),
        "description": draw(optional(SOME_TEXT)),
        "data": draw(st.dictionaries(TEXT.filter(bool), JSON_VALUES, max_size=3)),
    }


@st.composite
def cases(draw) -> CaseIn:
    values = {
        "reference": draw(optional(SOME_TEXT)),
        "external_id": draw(optional(SOME_TEXT)),
        "status": draw(st.sampled_from(["deschis", "inchis"])),
        "situation": draw(optional(st.sampled_from(list(Situation)))),
        "facts_summary": draw(optional(SOME_TEXT)),
        "court": draw(optional(SOME_TEXT)),
        "court_case_number": draw(
            optional(
                st.builds(
                    "{}/{}/{}".format,
                    st.integers(1, 9999),
                    st.integers(1, 999),
                    st.integers(1990, 2026),
                )
            )
        ),
        "sibling_group": draw(optional(SOME_TEXT)),
        "opened_on": draw(optional(DAY)),
        "child": draw(child()),
        "parents": draw(st.lists(parent(), max_size=3)),
        "placement_target": draw(optional(target())),
        "measure": draw(optional(measure())),
        "events": draw(st.lists(event(), max_size=3)),
    }
    return CaseIn.model_validate(values)


SETTINGS = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@SETTINGS
@given(cases())
def test_json_and_xml_decode_to_the_same_case(case):
    from_json = CaseIn.model_validate_json(case.model_dump_json())
    data = codec.encode(case)
    tree = parse_xml(data)
    assert validate_against(tree, "case-submission", data) == []
    values, _ = codec.decode(tree.getroot())
    from_xml = CaseIn.model_validate(values)
    assert from_json == case
    assert from_xml == case


@SETTINGS
@given(cases())
def test_encoding_a_decoded_case_gives_the_same_bytes(case):
    data = codec.encode(case)
    values, _ = codec.decode(parse_xml(data).getroot())
    assert codec.encode(CaseIn.model_validate(values)) == data


def test_the_hypothesis_model_covers_every_field_of_the_case():
    """If CaseIn gains a field, the strategies above must learn it too."""
    generated = {
        "reference",
        "external_id",
        "status",
        "situation",
        "facts_summary",
        "court",
        "court_case_number",
        "sibling_group",
        "opened_on",
        "child",
        "parents",
        "placement_target",
        "measure",
        "events",
    }
    assert set(models.CaseIn.model_fields) == generated
