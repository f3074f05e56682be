"""Romanian text: cedilla letters become comma-below letters, NFC, trimmed."""

import unicodedata

from filing_service.law.dates import age_on, format_date_ro
from filing_service.law.text import normalize_optional, normalize_text


def test_cedilla_letters_become_comma_below():
    assert normalize_text("Şcoala din Ţara Bârsei, şi ţie") == "Școala din Țara Bârsei, și ție"


def test_decomposed_letters_are_composed_first():
    decomposed = unicodedata.normalize("NFD", "ș") + "t\u0327"  # s+comma, t+combining cedilla
    assert normalize_text(decomposed) == "ș" + "ț"


def test_text_is_trimmed_but_keeps_its_paragraphs():
    assert normalize_text("  Primul rând   \n\nAl doilea  \n") == "Primul rând\n\nAl doilea"


def test_blank_optional_text_becomes_none():
    assert normalize_optional("   ") is None


def test_dates_are_written_the_romanian_way():
    from datetime import date

    assert format_date_ro(date(2025, 3, 12)) == "12 martie 2025"


def test_a_child_turns_ten_on_the_birthday():
    from datetime import date

    assert age_on(date(2016, 5, 20), date(2026, 5, 19)) == 9
    assert age_on(date(2016, 5, 20), date(2026, 5, 20)) == 10
