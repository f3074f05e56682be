"""The art. 70 petition: replace the director's emergency placement with placement."""

import pytest

from tests import builders
from tests.documents.templates_fixtures import (
    DIRECTOR,
    LEGAL_COUNSEL,
    create_case,
    docs_app,
    pdf_texts,
    pool,
    render_docx,
)

__all__ = ["docs_app", "pool"]


@pytest.fixture(scope="module")
def text(docs_app, pool, tmp_path_factory):
    """The PDF text of the court variant, for a girl of 12 in emergency placement with a
    maternal assistant, both parents opposing."""
    data = builders.case(
        child=builders.girl(12, first_name="Ioana-Ștefania", last_name="Mureșan"),
        parents=[
            builders.parent("mama", first_name="Ramona", last_name="Mureșan"),
            builders.parent(
                "tata", first_name="Sorin", last_name="Țurcanu", cnp=None, birth_date=None
            ),
        ],
        facts_summary="Copila a fost găsită singură în locuință, fără hrană & căldură.\n"
        "Vecinii au sesizat „situația” prin numărul 119.\n"
        "Copila a spus: 'mi-e frig' (temperatura <10 °C, umiditate >80%).",
    )
    case_id = create_case(docs_app, data)
    folder = tmp_path_factory.mktemp("art70")
    path = render_docx(docs_app, case_id, "cerere_art70", "instanta", folder)
    return pdf_texts(pool, [path])[path]


def test_art70_petition_is_addressed_to_the_competent_tribunal(text):
    assert "Către TRIBUNALUL CLUJ" in text
    assert "DOMNULE PREȘEDINTE" in text


def test_art70_petition_names_the_dgaspc_by_seat_and_legal_representative(text):
    assert (
        "DIRECȚIA GENERALĂ DE ASISTENȚĂ SOCIALĂ ȘI PROTECȚIA COPILULUI CLUJ, cu sediul "
        "în Cluj-Napoca, reprezentată legal prin director executiv Mihai Ionescu"
    ) in text


def test_art70_petition_names_the_parents_and_the_child_with_their_identification(text):
    assert (
        "Ramona Mureșan, CNP " in text and "în calitate de intimată (mama copilului)" in text
    )
    assert "Sorin Țurcanu" in text and "în calitate de intimat (tatăl copilului)" in text
    assert "minora Ioana-Ștefania Mureșan, născută la" in text


def test_art70_petition_asks_for_placement_instead_of_the_emergency_placement(text):
    assert (
        "CERERE de înlocuire a plasamentului în regim de urgență cu măsura plasamentului"
        in text
    )
    assert "Dispoziția directorului DGASPC Cluj nr. 1045" in text
    assert (
        "cu măsura plasamentului minorei la asistentul maternal profesionist Elena Vlad"
        in text
    )


def test_art70_petition_cites_the_articles_that_apply_to_an_abused_child(text):
    assert "art. 60 lit. c)" in text
    assert "art. 70 alin. (1) și (3)" in text
    assert "art. 66 alin. (3)" in text and "art. 66 alin. (2)" not in text
    assert "art. 68 alin. (5)" in text and "art. 67 alin. (1) și (2)" in text


def test_art70_petition_has_the_sections_of_a_petition(text):
    for section in ("MOTIVELE CERERII", "În fapt,", "În drept,", "Probe."):
        assert section in text
    assert "raportul referitor la copil, întocmit potrivit art. 139" in text


def test_art70_petition_prints_user_text_literally(text):
    assert "fără hrană & căldură." in text
    assert "Vecinii au sesizat „situația” prin numărul 119." in text
    assert "Copila a spus: 'mi-e frig' (temperatura <10 °C, umiditate >80%)." in text


def test_art70_petition_is_exempt_from_stamp_duty_and_signed_by_director_and_counsel(text):
    assert (
        "scutită de taxa judiciară de timbru și de timbrul judiciar, potrivit art. 140" in text
    )
    assert "DIRECTOR EXECUTIV" in text and DIRECTOR in text
    assert "Consilier juridic" in text and LEGAL_COUNSEL in text
