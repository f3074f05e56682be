"""Rendering a DOCX template (docxtpl) with a document's context, safely and faithfully.

What a template author can rely on:

* **Autoescape is on.** Every value is written literally: ``& < > " '`` in a name or a
  statement of facts stay those characters in the document, and a line break in a
  value becomes a line break (``<w:br/>``) in its paragraph. Control characters other
  than line breaks and tabs are dropped (they are invalid in XML, and docxtpl would read
  ``\\a`` and ``\\f`` as a new paragraph or a page break).
* **Diacritics are normalised** before rendering: every string of the context goes
  through :func:`filing_service.law.text.normalize_text` (NFC, ş ţ -> ș ț, trimmed).
* **Undefined is strict.** A field the context lacks is an error, never a silent blank:
  test an optional part with ``{% if x is defined %}`` (the parents' variant leaves the
  art. 67^1 fields out) and an empty value with ``{% if x %}``. ``filing-service
  templates lint`` finds such mistakes before a document is ever generated.
* **Filters** (beyond Jinja's own):

  ``data_ro``
      a date (``date`` or ``"2025-03-12"``) written the Romanian way: ``12 martie 2025``;
      empty for ``None`` or ``""``.
  ``lista_ro``
      a list of strings joined the Romanian way: ``A, B și C``.
  ``da_nu``
      ``True`` -> ``da``, ``False`` -> ``nu``, ``None`` -> ``nedeclarat``.
  ``majuscule``
      upper case that keeps diacritics (``ș`` -> ``Ș``), for the court's name in a heading.

* **Fonts**: write templates in DejaVu Serif/Sans or Liberation Serif/Sans (installed,
  embedded in the PDF/A, and they carry ș ț); another font would be substituted.

The output is deterministic: the same template and context give the same DOCX bytes
(fixed timestamps inside the ZIP), so a stored version can be regenerated and compared.
"""

import io
import re
import threading
import zipfile
from datetime import date
from functools import lru_cache
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined

from ..law.dates import format_date_ro
from ..law.text import normalize_text

# C0 controls except tab and line feed; carriage returns go too (a CRLF is one break).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def data_ro(value) -> str:
    """``date(2025, 3, 12)`` or ``"2025-03-12"`` -> ``12 martie 2025``."""
    if value in (None, ""):
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    return format_date_ro(value)


def lista_ro(values) -> str:
    """``["A", "B", "C"]`` -> ``A, B și C``."""
    items = [str(v) for v in values if v not in (None, "")]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " și " + items[-1]


def da_nu(value) -> str:
    """A yes/no answer of a form (annexes 2-4)."""
    if value is None:
        return "nedeclarat"
    return "da" if value else "nu"


def majuscule(value) -> str:
    return str(value).upper()


FILTERS = {"data_ro": data_ro, "lista_ro": lista_ro, "da_nu": da_nu, "majuscule": majuscule}


class _CompilingOnce(Environment):
    """An environment that compiles each distinct source once.

    docxtpl hands Jinja the whole document XML on every render; compiling it is most of
    the rendering time, and the XML of a template does not change between documents."""

    def __init__(self, **options):
        super().__init__(**options)
        self._compiled: dict[str, object] = {}
        self._lock = threading.Lock()

    def from_string(self, source, globals=None, template_class=None):
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        with self._lock:
            template = self._compiled.get(source)
        if template is None:
            template = super().from_string(source)
            with self._lock:
                if len(self._compiled) > 256:  # a bound, in case templates churn
                    self._compiled.clear()
                self._compiled[source] = template
        return template


def environment(cls: type[Environment] = Environment) -> Environment:
    """The Jinja environment every template is rendered (and linted) with."""
    env = cls(autoescape=True, undefined=StrictUndefined)
    env.filters.update(FILTERS)
    return env


@lru_cache(maxsize=1)
def _render_environment() -> Environment:
    return environment(_CompilingOnce)


def clean_text(value: str) -> str:
    """Normalise diacritics and drop the control characters XML cannot carry."""
    return normalize_text(_CONTROL.sub("", value.replace("\r\n", "\n")))


def normalize_context(value):
    """Every string of a JSON-like structure, cleaned (keys are left as they are)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {k: normalize_context(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [normalize_context(v) for v in value]
    return value


def render_docx(template: Path | bytes, context: dict) -> bytes:
    """Render ``template`` (a path or the DOCX bytes) with ``context``; DOCX bytes out.

    Raises ``jinja2.TemplateError`` for a broken template or a missing field; the lint
    (``documents.lint``) names the paragraph where that happens."""
    source = io.BytesIO(template) if isinstance(template, bytes) else str(template)
    document = DocxTemplate(source)
    document.render(
        normalize_context(context), jinja_env=_render_environment(), autoescape=True
    )
    out = io.BytesIO()
    document.save(out)
    return deterministic_zip(out.getvalue())


def deterministic_zip(data: bytes) -> bytes:
    """The same ZIP with fixed entry timestamps, so equal content gives equal bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED  # level 1: fast; a DOCX is small
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename), compresslevel=1)
    return out.getvalue()


@lru_cache(maxsize=64)
def _template_bytes(path: str, mtime_ns: int) -> bytes:
    return Path(path).read_bytes()


def template_bytes(path: Path) -> bytes:
    """A template's bytes, cached until the file changes (the warm path reads no disk)."""
    return _template_bytes(str(path), path.stat().st_mtime_ns)
