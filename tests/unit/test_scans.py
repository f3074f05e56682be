"""The scans of a PDF as poppler's ``pdfimages`` reads them: resolution as drawn and
colour, for real files drawn by Pillow; a bad file is reported, never a crash."""

import pytest

from filing_service.filings import scans
from tests.filings.pdfs import make_pdf, scan_pdf


def test_a_600_dpi_black_and_white_scan_is_read_as_such():
    [image] = scans.images(scan_pdf(600))
    assert (image.page, image.dpi, image.monochrome, image.is_scan) == (1, 600, True, True)


def test_a_colour_scan_is_read_with_its_colour_space():
    [image] = scans.images(scan_pdf(200, colour=True))
    assert (image.dpi, image.colour, image.components, image.monochrome) == (
        200,
        "rgb",
        3,
        False,
    )


def test_a_small_picture_is_not_a_scanned_page():
    [image] = scans.images(scan_pdf(300, inches=(2, 1)))
    assert not image.is_scan


def test_a_page_without_images_has_none():
    assert scans.images(make_pdf("Cerere")) == []


def test_a_file_that_is_no_pdf_is_reported_not_raised_as_anything_else():
    with pytest.raises(scans.ScansUnreadable):
        scans.images(b"%PDF-1.7\nnot really\n")


def test_the_listing_is_read_without_masks_or_broken_rows():
    lines = [
        "page   num  type   width height color comp bpc  enc interp  object ID x-ppi y-ppi "
        "size ratio",
        "-" * 90,
        "   1     0 image    2400  3000  gray    1   1  ccitt  no  5  0   600   600  9B 0.1%",
        "   1     1 smask    2400  3000  gray    1   8  image  no  6  0   600   600  9B 0.1%",
        "   2     2 image     800  1000  index   1   8  image  no  7  0   200   200  9K 1.2%",
        "   3     3 image     800  1000  rgb     3   8  jpeg   no  8  0     -     -  9K 1.2%",
    ]
    found = scans.parse_listing(lines)
    assert [(i.page, i.dpi, i.monochrome) for i in found] == [(1, 600, True), (2, 200, False)]
