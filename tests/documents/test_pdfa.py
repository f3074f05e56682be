"""The PDF is PDF/A-2b with every font embedded, so it reads the same in ten years."""

import io
import re
import subprocess

import pytest
from pypdf import PdfReader

from filing_service.documents.render import render_docx
from tests.documents.conftest import make_template_bytes


@pytest.fixture(scope="module")
def pdf(converter_pool):
    template = make_template_bytes(
        [
            "Direcția Generală de Asistență Socială și Protecția Copilului {{ county }}",
            "Țară, ștampilă: {{ county }}",
        ]
    )
    return converter_pool.convert(render_docx(template, {"county": "Brașov"}))


def test_the_xmp_metadata_declares_pdfa_part_2_conformance_b(pdf):
    xmp = PdfReader(io.BytesIO(pdf)).xmp_metadata
    assert xmp is not None
    raw = xmp.stream.get_data().decode("utf-8")
    part = re.search(r"pdfaid:part(?:>|=\")(\d)", raw)
    conformance = re.search(r"pdfaid:conformance(?:>|=\")([A-Z])", raw)
    assert (part.group(1), conformance.group(1)) == ("2", "B")


def test_every_font_is_embedded(pdf, tmp_path):
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    rows = subprocess.run(
        ["pdffonts", str(path)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    assert rows, "the PDF names no font"
    embedded = [line.split()[-5] for line in rows]  # emb sub uni object ID
    assert embedded == ["yes"] * len(rows)
