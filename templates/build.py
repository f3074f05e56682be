"""Build the DOCX templates from their readable sources in ``templates/src/``.

Each source module ``templates/src/<id>.py`` has a ``build(t)`` function that writes the
document with the small vocabulary of :class:`Template` (paragraphs, headings, numbered
requests, Jinja tags for docxtpl). This script turns it into
``filing_service/documents/templates/<id>.docx`` (package data: what the service reads),
reproducibly: the same source gives the same bytes (fixed document properties and zip
timestamps), so ``tests/documents/test_templates_build.py`` can tell when a committed
.docx and its source have drifted apart.

    .venv/bin/python templates/build.py            # every template
    .venv/bin/python templates/build.py cerere_art70
"""

import importlib.util
import io
import re
import sys
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "src"
BUILT = HERE.parent / "filing_service" / "documents" / "templates"
FONT = "Liberation Serif"  # carries ș ț; metric-compatible with Times New Roman
FIXED_TIME = datetime(2025, 1, 1)
_BOLD = re.compile(r"(\*\*.+?\*\*)")


class Template:
    """A document being written: A4, 2.5/2 cm margins, one serif font, justified text."""

    def __init__(self):
        self.doc = Document()
        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin, section.right_margin = Cm(2.5), Cm(2)
        section.top_margin, section.bottom_margin = Cm(2), Cm(2)
        for name in ("Normal", "List Number"):
            style = self.doc.styles[name]
            style.font.name, style.font.size = FONT, Pt(12)
            fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
            for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                fonts.set(qn(attr), FONT)
            style.paragraph_format.space_after = Pt(4)
            style.paragraph_format.line_spacing = 1.15
        self._page_numbers(section)
        props = self.doc.core_properties
        props.author = props.last_modified_by = "filing_service"
        props.created = props.modified = FIXED_TIME
        props.revision = 1

    def _page_numbers(self, section):
        """ "Pagina N din M", centred in the footer: a court file is read page by page."""
        para = section.footer.paragraphs[0]
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for text, field in (("Pagina ", "PAGE"), (" din ", "NUMPAGES")):
            run = para.add_run(text)
            run.font.size = Pt(9)
            simple = OxmlElement("w:fldSimple")
            simple.set(qn("w:instr"), field)
            number = OxmlElement("w:r")
            props = OxmlElement("w:rPr")
            size = OxmlElement("w:sz")
            size.set(qn("w:val"), "18")
            props.append(size)
            number.append(props)
            text_el = OxmlElement("w:t")
            text_el.text = "1"
            number.append(text_el)
            simple.append(number)
            para._p.append(simple)

    # ---- text -------------------------------------------------------------------------
    def _runs(self, paragraph, text: str, bold: bool = False, size: int | None = None):
        """Add ``text`` to ``paragraph``; ``**...**`` marks bold spans."""
        for part in _BOLD.split(text):
            if not part:
                continue
            strong = part.startswith("**") and part.endswith("**")
            run = paragraph.add_run(part[2:-2] if strong else part)
            run.bold = bold or strong
            if size:
                run.font.size = Pt(size)
        return paragraph

    def p(self, text: str, *, indent: bool = True, bold: bool = False):
        """A justified paragraph, first line indented as in a court petition."""
        para = self.doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if indent:
            para.paragraph_format.first_line_indent = Cm(1.25)
        return self._runs(para, text, bold)

    def plain(self, text: str, *, bold: bool = False, keep: bool = False):
        """A left-aligned paragraph without indent (form fields, addresses); ``keep``
        keeps it on the page of what follows (the date with the signatures)."""
        para = self.doc.add_paragraph()
        para.paragraph_format.keep_with_next = keep
        return self._runs(para, text, bold)

    def center(self, text: str, *, bold: bool = False, size: int | None = None):
        para = self.doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return self._runs(para, text, bold, size)

    def right(self, text: str, *, bold: bool = False):
        para = self.doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        return self._runs(para, text, bold)

    def title(self, text: str, subtitle: str | None = None):
        """The name of the document, centred, bold, with an optional second line."""
        para = self.center(text, bold=True, size=14)
        para.paragraph_format.space_before = Pt(12)
        if subtitle:
            self.center(subtitle, bold=True)

    def heading(self, text: str):
        """A section heading ("În fapt", "În drept", "Probe")."""
        para = self.doc.add_paragraph()
        para.paragraph_format.space_before = Pt(10)
        para.paragraph_format.keep_with_next = True
        return self._runs(para, text, bold=True)

    def item(self, text: str):
        """A numbered request of the petitum; Word numbers them, so conditional items
        never leave a gap in the numbering."""
        para = self.doc.add_paragraph(style="List Number")
        para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        return self._runs(para, text)

    def bullet(self, text: str):
        """An item of a list (evidence, annexes), with a dash: the font's own glyph, not
        Word's Symbol-font bullet, which PDF text extraction cannot read."""
        para = self.doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        para.paragraph_format.left_indent = Cm(1.25)
        para.paragraph_format.first_line_indent = Cm(-0.5)
        return self._runs(para, "– " + text)

    def tag(self, jinja: str):
        """A paragraph holding only a docxtpl paragraph tag: ``{%p if ... %}``."""
        self.doc.add_paragraph(jinja)

    def blank(self, *, keep: bool = False):
        self.doc.add_paragraph().paragraph_format.keep_with_next = keep

    # ---- tables -----------------------------------------------------------------------
    def table(
        self,
        headers: list[str],
        rows: list[list[str]],
        *,
        widths=None,
        loop: str | None = None,
        size: int = 10,
    ):
        """A bordered table; with ``loop`` ("x in xs") the second row repeats per item."""
        table = self.doc.add_table(rows=0, cols=len(headers))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        self._row(table, headers, bold=True, size=size)
        if loop:
            self._row(table, [f"{{%tr for {loop} %}}"] + [""] * (len(headers) - 1))
        for row in rows:
            self._row(table, row, size=size)
        if loop:
            self._row(table, ["{%tr endfor %}"] + [""] * (len(headers) - 1))
        if widths:
            # Fixed layout, and the grid too: LibreOffice reads the grid, Word the cells.
            table.autofit = False
            for col, width in zip(
                table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=False
            ):
                col.set(qn("w:w"), str(int(Cm(width).twips)))
            for row in table.rows:
                for cell, width in zip(row.cells, widths, strict=False):
                    cell.width = Cm(width)
        return table

    def _row(self, table, texts: list[str], bold: bool = False, size: int = 10):
        cells = table.add_row().cells
        for cell, text in zip(cells, texts, strict=False):
            para = cell.paragraphs[0]
            self._runs(para, text, bold, size=size)

    def signatures(self, left: list[str], right: list[str]):
        """Two signature blocks side by side, without borders."""
        table = self.doc.add_table(rows=1, cols=2)
        row_props = table.rows[0]._tr.get_or_add_trPr()
        row_props.append(OxmlElement("w:cantSplit"))  # a signature block is never cut
        for cell, lines in zip(table.rows[0].cells, (left, right), strict=True):
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            self._runs(cell.paragraphs[0], lines[0], bold=True)
            for line in lines[1:]:
                para = cell.add_paragraph()
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
                self._runs(para, line)

    def to_bytes(self) -> bytes:
        """The .docx, with fixed zip timestamps so equal sources give equal bytes."""
        raw = io.BytesIO()
        self.doc.save(raw)
        out = io.BytesIO()
        with (
            zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src,
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
        ):
            for info in sorted(
                src.infolist(), key=lambda i: i.filename != "[Content_Types].xml"
            ):
                fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
                fixed.compress_type = zipfile.ZIP_DEFLATED
                dst.writestr(fixed, src.read(info.filename))
        return out.getvalue()


def source_ids() -> list[str]:
    """Every template that has a source (``common.py`` holds shared blocks, not a template)."""
    return sorted(
        p.stem
        for p in SOURCES.glob("*.py")
        if not p.stem.startswith("_") and p.stem != "common"
    )


def _load(name: str):
    spec = importlib.util.spec_from_file_location(
        f"templates_src_{name}", SOURCES / f"{name}.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(doc_id: str) -> bytes:
    """The .docx bytes of template ``doc_id``, from its source."""
    sys.path.insert(0, str(SOURCES))  # so a source can ``import common``
    try:
        template = Template()
        _load(doc_id).build(template)
        return template.to_bytes()
    finally:
        sys.path.remove(str(SOURCES))


def main(argv: list[str]) -> int:
    for doc_id in argv or source_ids():
        (BUILT / f"{doc_id}.docx").write_bytes(build(doc_id))
        print(f"filing_service/documents/templates/{doc_id}.docx")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
