"""Template lint: a broken template is refused before it produces a document.

Two checks, each naming the paragraph of the template (its text) where the problem is:

1. **Syntax**: the template, prepared the way docxtpl prepares it, must parse as Jinja.
2. **Fields**: every variable and every ``a.b.c`` path the template reads must exist in
   the context built for a realistic case (``documents.sample``). The check is static
   (it walks the template's syntax tree, so a field in a branch that this case does not
   take is checked too); loop variables take the shape of the list's items; a path
   tested with ``is defined`` may be missing. Then the template is rendered for real with
   each variant's context, which catches what a static walk cannot (a filter applied to
   the wrong kind of value, a field the parents' variant leaves out without a guard).
"""

import io
import re
from dataclasses import dataclass
from pathlib import Path

from docx import Document as WordDocument
from docxtpl import DocxTemplate
from jinja2 import TemplateError, TemplateSyntaxError, nodes

from .render import environment, normalize_context, render_docx

_ANY = object()  # a value whose shape is not known: anything under it is accepted
_DICT_METHODS = {"items", "keys", "values", "get"}
_HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
_FOOTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"


@dataclass(frozen=True)
class Problem:
    """One problem of a template: where (the paragraph's text) and what."""

    template: str
    paragraph: str
    message: str

    def __str__(self) -> str:
        return f"{self.template}: {self.message} — în paragraful „{self.paragraph}”"


def template_sources(template: Path | bytes) -> list[tuple[str, str]]:
    """(part name, Jinja source) of the body, headers and footers, one paragraph a line,
    prepared exactly as docxtpl prepares them before rendering."""
    data = template if isinstance(template, bytes) else Path(template).read_bytes()
    helper = DocxTemplate(io.BytesIO(data))
    word = WordDocument(io.BytesIO(data))
    parts = [("corp", helper.xml_to_string(word._element.body))]
    for rel in word.part.rels.values():
        if rel.reltype in (_HEADER, _FOOTER) and not rel.is_external:
            kind = "antet" if rel.reltype == _HEADER else "subsol"
            parts.append((kind, rel.target_part.blob.decode("utf-8")))
    return [
        (name, re.sub(r"<w:p([ >])", r"\n<w:p\1", helper.patch_xml(xml)))
        for name, xml in parts
    ]


def paragraph_at(source: str, lineno: int | None) -> str:
    """The text of the paragraph on line ``lineno`` of a prepared source."""
    lines = source.splitlines()
    if not lineno or lineno > len(lines):
        return "(necunoscut)"
    text = re.sub(r"<[^>]+>", "", lines[lineno - 1]).strip()
    return text[:160] or "(paragraf fără text)"


def lint_template(
    name: str, template: Path | bytes, contexts: dict[str, dict]
) -> list[Problem]:
    """All problems of one template, checked against each variant's context."""
    env = environment()
    problems: list[Problem] = []
    try:
        sources = template_sources(template)
    except Exception as exc:  # not a DOCX at all
        return [
            Problem(
                name,
                "(fișierul întreg)",
                f"nu este un document DOCX valid ({type(exc).__name__})",
            )
        ]
    widest = _union(*[normalize_context(c) for c in contexts.values()])
    for part, source in sources:
        try:
            tree = env.parse(source)
        except TemplateSyntaxError as exc:
            problems.append(
                Problem(
                    name,
                    paragraph_at(source, exc.lineno),
                    f"eroare de sintaxă Jinja ({part}): {exc.message}",
                )
            )
            continue
        walker = _FieldWalker(widest, set(env.globals))
        walker.visit(tree, {})
        for lineno, path in walker.missing:
            problems.append(
                Problem(
                    name,
                    paragraph_at(source, lineno),
                    f"câmpul „{path}” nu există în datele documentului",
                )
            )
    if problems:
        return problems
    data = template if isinstance(template, bytes) else Path(template).read_bytes()
    for variant, context in contexts.items():
        try:
            render_docx(data, context)
        except TemplateError as exc:
            problems.append(
                Problem(name, _runtime_paragraph(sources, exc), f"varianta „{variant}”: {exc}")
            )
        except Exception as exc:
            problems.append(
                Problem(
                    name,
                    _runtime_paragraph(sources, exc),
                    f"varianta „{variant}”: {type(exc).__name__}: {exc}",
                )
            )
    return problems


def _runtime_paragraph(sources, exc: BaseException) -> str:
    """The paragraph where a runtime error happened, from Jinja's template frames."""
    lineno = getattr(exc, "lineno", None)
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            lineno = tb.tb_lineno
        tb = tb.tb_next
    candidates = [paragraph_at(source, lineno) for _, source in sources]
    return next((c for c in candidates if c != "(necunoscut)"), "(necunoscut)")


def _union(*values):
    """Merge the shapes of several contexts (dicts by key, lists by their items)."""
    values = [v for v in values if v is not _ANY]
    if not values:
        return _ANY
    if all(isinstance(v, dict) for v in values):
        keys = {k for v in values for k in v}
        return {k: _union(*[v[k] for v in values if k in v]) for k in keys}
    if all(isinstance(v, list) for v in values):
        items = [i for v in values for i in v]
        return [_union(*items)] if items else []
    return values[0]


class _FieldWalker:
    """Walks a template's syntax tree, resolving every path against a sample context."""

    def __init__(self, context: dict, globals_: set[str]):
        self.context = context
        self.globals = globals_
        self.missing: list[tuple[int, str]] = []
        self.guarded: list[set[str]] = []  # paths tested with ``is defined``, per block

    def visit(self, node, scope: dict) -> None:
        if isinstance(node, nodes.For):
            self.visit(node.iter, scope)
            inner = dict(scope, loop=_ANY)
            self._bind(node.target, self._item_of(self.resolve(node.iter, scope)), inner)
            for child in node.body + node.else_:
                self.visit(child, inner)
            if node.test is not None:
                self.visit(node.test, inner)
            return
        if isinstance(node, (nodes.Assign, nodes.AssignBlock)):
            if isinstance(node, nodes.Assign):
                self.visit(node.node, scope)
            else:
                for child in node.body:
                    self.visit(child, scope)
            self._bind(node.target, _ANY, scope)
            return
        if isinstance(node, (nodes.Macro, nodes.CallBlock)):
            inner = dict(scope)
            for arg in getattr(node, "args", []):
                self._bind(arg, _ANY, inner)
            for child in node.body:
                self.visit(child, inner)
            return
        if isinstance(node, nodes.Test) and node.name in ("defined", "undefined"):
            return  # a guarded field may be missing
        if isinstance(node, nodes.If):
            # Inside ``{% if x.y is defined %}``, x.y and what lies under it may be read.
            self.visit(node.test, scope)
            tests = [node.test, *node.test.find_all(nodes.Test)]
            guarded = {
                _path(t.node)
                for t in tests
                if isinstance(t, nodes.Test) and t.name == "defined"
            }
            self.guarded.append(guarded)
            for child in node.body:
                self.visit(child, scope)
            self.guarded.pop()
            for child in node.elif_ + node.else_:
                self.visit(child, scope)
            return
        if isinstance(node, (nodes.Name, nodes.Getattr, nodes.Getitem)):
            self.resolve(node, scope)
            if isinstance(node, nodes.Getitem):
                self.visit(node.arg, scope)
            return
        for child in node.iter_child_nodes():
            self.visit(child, scope)

    def _guarded(self, path: str) -> bool:
        return any(
            path == g or path.startswith(g + ".") or path.startswith(g + "[")
            for block in self.guarded
            for g in block
        )

    def _bind(self, target, shape, scope: dict) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = shape
        elif isinstance(target, nodes.Tuple):
            for item in target.items:
                self._bind(item, _ANY, scope)

    @staticmethod
    def _item_of(shape):
        if isinstance(shape, list):
            return _union(*shape) if shape else _ANY
        return _ANY

    def resolve(self, node, scope: dict):
        """The sample value a path reaches (``_ANY`` when unknown); records a miss."""
        if isinstance(node, (nodes.Name, nodes.Getattr, nodes.Getitem)) and self._guarded(
            _path(node)
        ):
            return _ANY
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            if node.name in self.context:
                return self.context[node.name]
            if node.name not in self.globals:
                self.missing.append((node.lineno, node.name))
            return _ANY
        if isinstance(node, (nodes.Getattr, nodes.Getitem)):
            base = self.resolve(node.node, scope)
            if base is _ANY:
                return _ANY
            key = (
                node.attr
                if isinstance(node, nodes.Getattr)
                else (node.arg.value if isinstance(node.arg, nodes.Const) else None)
            )
            if isinstance(base, dict) and isinstance(key, str):
                if key in base:
                    return base[key]
                if key in _DICT_METHODS:
                    return _ANY
                self.missing.append((node.lineno, _path(node)))
                return _ANY
            if isinstance(base, list) and isinstance(key, int):
                return self._item_of(base)
            return _ANY
        self.visit(node, scope)
        return _ANY


def _path(node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_path(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        return f"{_path(node.node)}[{node.arg.value!r}]"
    return "…"
