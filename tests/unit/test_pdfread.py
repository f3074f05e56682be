"""The first read of an uploaded PDF: the sniff refuses from the first and last KiB
what no parser could read, and the parse runs within a deadline of its own clock."""

import itertools
import re

import pytest

from filing_service import pdfread
from filing_service.errorcodes import Code
from tests.filings.pdfs import make_pdf


def refusal(data: bytes, **kwargs) -> pdfread.PdfRefused:
    with pytest.raises(pdfread.PdfRefused) as caught:
        pdfread.read_pdf(data, **kwargs)
    return caught.value


def test_a_pdf_passes_the_sniff_and_is_read():
    reader = pdfread.read_pdf(make_pdf("Cerere"))
    assert reader.root["/Pages"]["/Count"] == 1


@pytest.mark.parametrize(
    "data",
    [b"GIF89a", b"\n" * 2048 + b"%PDF-1.7\n"],
    ids=["another-format", "header-past-the-first-kib"],
)
def test_what_does_not_start_as_a_pdf_is_not_a_pdf(data):
    assert refusal(data).code == Code.NOT_A_PDF


def test_a_file_without_eof_in_its_last_kib_is_damaged():
    found = refusal(make_pdf("Cerere") + b"%" * 2048)
    assert found.code == Code.DAMAGED_PDF
    assert "%%EOF" in found.message


def test_a_startxref_that_points_at_no_cross_reference_section_is_damaged():
    data = make_pdf("Cerere")
    offset = re.search(rb"startxref\s+(\d+)", data)
    assert offset is not None
    moved = data[: offset.start(1)] + b"9" + data[offset.start(1) :]  # ten times further
    assert refusal(moved).code == Code.DAMAGED_PDF
    shifted = data[: offset.start(1)] + b"1" + data[offset.end(1) :]  # inside the header
    assert refusal(shifted).code == Code.DAMAGED_PDF


def test_a_parse_that_outruns_its_deadline_is_refused():
    ticks = itertools.count(0.0, 0.6)  # every look at the clock: 0.6 s later
    found = refusal(make_pdf("Cerere"), seconds=1.0, clock=lambda: next(ticks))
    assert found.code == Code.DAMAGED_PDF
    assert "limitele admise" in found.message


def test_the_budget_ends_with_the_parse_so_validation_may_read_the_whole_file():
    ticks = iter([0.0] + [0.5] * 1000 + [99.0] * 1000)
    data = make_pdf("Cerere")
    reader = pdfread.read_pdf(data, seconds=1.0, clock=lambda: next(ticks))
    for _ in range(10):  # far past the byte budget, far past the deadline
        reader.stream.seek(0)
        assert reader.stream.read() == data


def test_a_parse_that_reads_more_than_its_share_of_bytes_is_stopped():
    stream = pdfread._BudgetedStream(b"x" * 1000, seconds=60, clock=lambda: 0.0)
    with pytest.raises(pdfread._OverBudget):
        for _ in range(pdfread.READS_PER_BYTE + 2):
            stream.seek(0)
            stream.read()
