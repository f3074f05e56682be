"""The context the templates read: plain JSON data, the articles computed for the case,
and the art. 67^1 fields left out of the parents' variant altogether."""

import json

import pytest

from filing_service.cases.findings import findings
from filing_service.db import unit_of_work
from filing_service.documents import context_law as law
from filing_service.documents.catalog import DOC_TYPES
from filing_service.documents.context import build_context
from filing_service.models import Case
from tests.documents import templates_cases as cases
from tests.documents.templates_fixtures import TODAY, create_case, docs_app

__all__ = ["docs_app"]


def _context(
    app, data: dict, variant: str, doc_id: str = "cerere_art70", code: str = "CJ"
) -> dict:
    case_id = create_case(app, data, code=code)
    with app.app_context(), unit_of_work() as uow:
        case = uow.session.get(Case, case_id)
        return build_context(
            uow.session,
            case,
            DOC_TYPES[doc_id],
            variant,
            TODAY,
            case.directorate,
            findings(uow.session, case, TODAY),
        )


def test_context_is_plain_json_data(docs_app):
    context = _context(docs_app, cases.emergency_case(), "instanta")
    assert json.loads(json.dumps(context)) == context


def test_parents_variant_has_no_confidential_placement_data_at_all(docs_app):
    context = _context(docs_app, cases.emergency_case(), "parinti")
    assert "placement_private" not in context
    assert not set(cases.CONFIDENTIAL.values()) & set(_strings(context))


def test_full_variant_carries_the_confidential_placement_data(docs_app):
    context = _context(docs_app, cases.emergency_case(), "instanta")
    assert context["placement_private"]["income"] == cases.CONFIDENTIAL["income"]


def test_parents_variant_hides_a_child_domicile_that_is_the_placement_address(docs_app):
    """During placement the child's domicile is at the placement person (art. 63)."""
    data = cases.emergency_case()
    data["child"]["domicile_address"] = cases.CONFIDENTIAL["address"]
    assert _context(docs_app, data, "parinti")["child"]["domicile"] == ""


def test_court_is_the_tribunal_of_the_childs_domicile_when_the_case_names_none(docs_app):
    data = cases.emergency_case(court=None)
    assert _context(docs_app, data, "instanta")["court"]["name"] == "Tribunalul Cluj"


def test_a_bucharest_sector_directorate_is_named_with_its_sector_and_commission(docs_app):
    data = cases.emergency_case(court="Tribunalul București")
    data["child"].update(domicile_area="B3", domicile_address="Bd. Fictiv nr. 1, Sector 3")
    context = _context(docs_app, data, "instanta", code="B3")
    assert context["directorate"]["short"] == "DGASPC Sector 3"
    assert context["commission"]["name"] == "Comisia pentru Protecția Copilului Sector 3"
    assert context["court"]["name_upper"] == "TRIBUNALUL BUCUREȘTI"


@pytest.mark.parametrize(
    "letter, article",
    [
        ("a", "art. 66 alin. (3)"),
        ("b", "art. 66 alin. (2)"),
        ("c", "art. 66 alin. (3)"),
        ("e", "art. 66 alin. (2)"),
    ],
)
def test_parental_rights_article_follows_the_art_60_letter(letter, article):
    assert law.parental_rights(letter)["article"] == article
    assert article in law.court_grounds("cerere_art70", letter, 8, False, False)


def test_residential_exception_of_art_64_alin_2_applies_from_3_to_7_with_impairment():
    assert law.residential_exception("serviciu_rezidential", 5, True)
    assert not law.residential_exception("serviciu_rezidential", 5, False)
    assert not law.residential_exception("serviciu_rezidential", 2, True)
    assert not law.residential_exception("asistent_maternal", 5, True)


def test_a_petition_to_the_commission_cites_no_court_procedure():
    grounds = law.court_grounds("cerere_modificare", "c", 12, False, True, to_court=False)
    assert "art. 73 alin. (4)" in grounds
    assert not any(g.startswith(("art. 133", "art. 134", "art. 140")) for g in grounds)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_an_unknown_variant_name_gets_no_confidential_data(docs_app):
    assert "placement_private" not in _context(docs_app, cases.emergency_case(), "parinte")
