"""Conditional content follows the case: the court must hear a child who has turned 10
(art. 134 alin. (2), art. 29 alin. (2)); a child of 14 consents, or the petition says why
the court must decide without that consent (art. 57 alin. (3)); a younger child gets
neither paragraph. Checked on the art. 70 petition's PDF."""

import pytest

from tests.documents import templates_cases as cases
from tests.documents.templates_fixtures import (
    create_case,
    docs_app,
    pdf_texts,
    pool,
    render_docx,
)

__all__ = ["docs_app", "pool"]

HEARING = "solicităm audierea copilului, obligatorie potrivit art. 134 alin. (2)"
COURT_MUST_DECIDE = (
    "în această situație măsura de protecție specială se stabilește numai "
    "de către instanța judecătorească"
)
CONSENTED = "și-a exprimat consimțământul față de măsura propusă"

CHILDREN = {
    "nine": lambda: cases.emergency_case(9),
    "twelve": lambda: cases.emergency_case(12),
    "fifteen_silent": lambda: cases.court_placement_case(15, consent=None),
    "fifteen_refuses": lambda: cases.court_placement_case(15, consent=False),
    "fifteen_consents": lambda: cases.court_placement_case(15, consent=True),
}


@pytest.fixture(scope="module")
def petitions(docs_app, pool, tmp_path_factory):
    folder = tmp_path_factory.mktemp("conditions")
    paths = {
        name: render_docx(
            docs_app, create_case(docs_app, build()), "cerere_art70", "instanta", folder
        )
        for name, build in CHILDREN.items()
    }
    converted = pdf_texts(pool, list(paths.values()))
    return {name: converted[path] for name, path in paths.items()}


def test_child_under_ten_gets_neither_the_hearing_nor_the_consent_paragraph(petitions):
    text = petitions["nine"]
    assert HEARING not in text
    assert COURT_MUST_DECIDE not in text and CONSENTED not in text
    assert "art. 57 alin. (3)" not in text and "art. 134 alin. (2)" not in text


def test_child_of_ten_or_more_gets_the_hearing_requested(petitions):
    text = petitions["twelve"]
    assert HEARING in text and "(12 ani)" in text
    # An abused child is heard under art. 101 alin. (3): council chamber, psychologist.
    assert "cu respectarea art. 101 alin. (3): în camera de consiliu" in text


def test_child_of_ten_to_thirteen_gets_no_consent_paragraph(petitions):
    text = petitions["twelve"]
    assert COURT_MUST_DECIDE not in text and CONSENTED not in text


def test_child_of_fourteen_without_consent_gets_why_the_court_must_decide(petitions):
    text = petitions["fifteen_silent"]
    assert "a împlinit vârsta de 14 ani și nu și-a exprimat consimțământul" in text
    assert COURT_MUST_DECIDE in text and "poate trece peste refuzul copilului" in text
    assert HEARING in text


def test_child_of_fourteen_who_refuses_is_named_as_refusing(petitions):
    text = petitions["fifteen_refuses"]
    assert "refuză să își dea consimțământul" in text and COURT_MUST_DECIDE in text


def test_child_of_fourteen_who_consents_gets_the_consent_not_the_court_reasons(petitions):
    text = petitions["fifteen_consents"]
    assert CONSENTED in text and COURT_MUST_DECIDE not in text


@pytest.fixture(scope="module")
def changes(docs_app, pool, tmp_path_factory):
    """The petition to change or end a measure, for a measure the commission set (the
    child moves to another family) and for a court measure ending by reintegration."""
    folder = tmp_path_factory.mktemp("changes")
    to_commission = create_case(
        docs_app,
        cases.commission_case(),
        (
            ("placement_target", {"kind": "asistent_maternal", "name": "Lucia Rus"}),
            (
                "measure",
                {
                    "kind": "plasament",
                    "authority": "comisie",
                    "status": "propusa",
                    "at_target": True,
                },
            ),
        ),
    )
    ending = cases.change_case()
    ending["measure"]["ends_on"] = cases.TODAY.isoformat()
    paths = {
        "commission": render_docx(
            docs_app, to_commission, "cerere_modificare", "instanta", folder
        ),
        "ending": render_docx(
            docs_app, create_case(docs_app, ending), "cerere_modificare", "instanta", folder
        ),
    }
    converted = pdf_texts(pool, list(paths.values()))
    return {name: converted[path] for name, path in paths.items()}


def test_change_of_a_commission_measure_goes_to_the_commission_without_court_procedure(
    changes,
):
    text = changes["commission"]
    assert "Către COMISIA PENTRU PROTECȚIA COPILULUI CLUJ" in text
    assert "TRIBUNALUL" not in text and "art. 140" not in text and "procurorului" not in text
    assert "modificarea măsurii de plasament dispuse prin actul nr. 52" in text
    assert "asistentul maternal profesionist Lucia Rus" in text


def test_ending_a_measure_by_reintegration_brings_proof_of_parents_counselling(changes):
    text = changes["ending"]
    assert "CERERE de încetare a măsurii de protecție specială" in text
    assert "reintegrarea copilului în familia sa" in text
    assert "art. 73 alin. (4)" in text and "ședințe de consiliere" in text
