"""Rendering is faithful: user text appears literally, dates the Romanian way, diacritics
with comma below; the same data gives the same DOCX."""

import io
import zipfile

from filing_service.documents.render import data_ro, lista_ro, render_docx
from tests.documents.conftest import pdf_text


def test_markup_characters_in_user_text_appear_literally_in_the_pdf(
    make_template, converter_pool
):
    template = make_template(["Fapte: {{ facts }}"])
    facts = "Tom & Jerry <b>nu</b> \"spun\" 'nimic' </w:t> {{ x }}"
    pdf = converter_pool.convert(render_docx(template, {"facts": facts}))
    assert f"Fapte: {facts}" in pdf_text(pdf)


def test_a_newline_in_user_text_becomes_a_line_break(make_template, converter_pool):
    template = make_template(["Fapte: {{ facts }}"])
    pdf = converter_pool.convert(
        render_docx(template, {"facts": "primul rând\nal doilea rând"})
    )
    lines = pdf_text(pdf).splitlines()
    assert "Fapte: primul rând" in lines and "al doilea rând" in lines


def test_control_characters_cannot_inject_a_page_or_paragraph_break(make_template):
    template = make_template(["{{ facts }}"])
    docx = render_docx(template, {"facts": "a\fb\ac\x01d"})
    assert b'w:type="page"' not in docx and b"abcd" in _document_xml(docx)


def test_dates_are_written_the_romanian_way_in_the_pdf(make_template, converter_pool):
    template = make_template(["Data: {{ day|data_ro }}"])
    pdf = converter_pool.convert(render_docx(template, {"day": "2025-03-12"}))
    assert "Data: 12 martie 2025" in pdf_text(pdf)


def test_every_month_has_its_romanian_name():
    assert [data_ro(f"2025-{m:02d}-01").split()[1] for m in range(1, 13)] == [
        "ianuarie",
        "februarie",
        "martie",
        "aprilie",
        "mai",
        "iunie",
        "iulie",
        "august",
        "septembrie",
        "octombrie",
        "noiembrie",
        "decembrie",
    ]


def test_lists_are_joined_the_romanian_way():
    assert lista_ro(["mama", "tatăl", "bunica"]) == "mama, tatăl și bunica"


def test_cedilla_letters_are_written_with_comma_below_and_survive_in_the_pdf(
    make_template, converter_pool
):
    template = make_template(["{{ name }} din {{ place }}"])
    pdf = converter_pool.convert(
        render_docx(template, {"name": "\u015etefan \u0162urcanu", "place": "Bra\u015fov"})
    )
    text = pdf_text(pdf)
    assert "Ștefan Țurcanu din Brașov" in text
    assert not {"\u015f", "\u0163", "\u015e", "\u0162"} & set(text)


def test_the_same_template_and_data_give_the_same_docx_bytes(make_template):
    template = make_template(["{{ a }}"])
    assert render_docx(template, {"a": "x"}) == render_docx(template, {"a": "x"})


def _document_xml(docx: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return archive.read("word/document.xml")
