"""The scans inside a PDF: every image of every page with the resolution it is drawn at
and its colour, as poppler's ``pdfimages -list`` reads them.

``pdfimages`` (poppler-utils, a system package of the project) walks each page's
content, forms and inline images included, and gives for each image its pixels, colour
space, components and bits, and its effective resolution: pixels over the size the page
draws it at (``x-ppi``, ``y-ppi``). It runs in a process of its own on a private copy of
the file, with a deadline, so a damaged or hostile file costs at most ``seconds`` and
never reaches our own process's memory.
"""

import os
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass

PDFIMAGES = "pdfimages"
DEFAULT_SECONDS = 10.0
# An image drawn over less than this (square inches; an eighth of an A4 page) is a logo,
# a stamp or a signature's picture, not a scanned page.
SCAN_MIN_SQUARE_INCHES = 12.0
_MAX_OUTPUT = 4 * 1024 * 1024  # bytes of listing read: some 50 000 images


class ScansUnreadable(Exception):
    """The images could not be listed (the tool is missing, the file is unreadable or
    the listing ran over its deadline)."""


@dataclass(frozen=True)
class Image:
    page: int
    width: int  # pixels
    height: int
    x_ppi: int  # pixels per inch as drawn on the page
    y_ppi: int
    colour: str  # pdfimages' colour space: gray, rgb, cmyk, lab, icc, index, sep, devn
    components: int
    bits: int

    @property
    def dpi(self) -> int:
        return max(self.x_ppi, self.y_ppi)

    @property
    def monochrome(self) -> bool:
        """Black and white or grey: one component, not a palette (which may hold
        colours)."""
        return self.components == 1 and self.colour != "index"

    @property
    def square_inches(self) -> float:
        if self.x_ppi <= 0 or self.y_ppi <= 0:
            return 0.0
        return (self.width / self.x_ppi) * (self.height / self.y_ppi)

    @property
    def is_scan(self) -> bool:
        return self.square_inches >= SCAN_MIN_SQUARE_INCHES


def images(data: bytes, *, seconds: float = DEFAULT_SECONDS) -> list[Image]:
    """Every image drawn in ``data``, page by page. Raises :class:`ScansUnreadable`."""
    with tempfile.TemporaryDirectory(prefix="fs-scans-") as folder:
        path = os.path.join(folder, "document.pdf")
        with open(path, "wb") as handle:
            handle.write(data)
        try:
            done = subprocess.run(
                [PDFIMAGES, "-list", path],
                capture_output=True,
                timeout=seconds,
                check=False,
            )
        except FileNotFoundError:
            raise ScansUnreadable("pdfimages is not installed") from None
        except subprocess.TimeoutExpired:
            raise ScansUnreadable("pdfimages ran over its deadline") from None
    if done.returncode != 0:
        raise ScansUnreadable(f"pdfimages exited with {done.returncode}")
    return parse_listing(done.stdout[:_MAX_OUTPUT].decode("ascii", "replace").splitlines())


def parse_listing(lines: Iterable[str]) -> list[Image]:
    """The rows of ``pdfimages -list``: ``page num type width height color comp bpc enc
    interp object ID x-ppi y-ppi size ratio``. Masks (``smask``, ``stencil``) are not
    pictures of a page and are left out."""
    found = []
    for line in lines:
        cells = line.split()
        if len(cells) < 14 or not cells[0].isdigit() or cells[2] != "image":
            continue
        try:
            found.append(
                Image(
                    page=int(cells[0]),
                    width=int(cells[3]),
                    height=int(cells[4]),
                    colour=cells[5],
                    components=int(cells[6]),
                    bits=int(cells[7]),
                    x_ppi=int(cells[12]),
                    y_ppi=int(cells[13]),
                )
            )
        except ValueError:
            continue  # a row pdfimages could not fill in (no resolution): not a scan
    return found
