"""The hardened XML parser every capability uses for what arrives from outside.

``parse_xml(data)`` refuses, before and while parsing, anything that is not a plain UTF-8
XML document of bounded size, depth and element count: a DOCTYPE of any kind (so no
external entities, no entity expansion, no external DTD), a declared encoding that is not
the one the bytes use, and non-XML. libxml2 is told never to load a DTD, resolve an
entity or touch the network, so even what slipped past the checks could not make it read
a file or open a connection. ``validate_against(tree, "case-submission")`` then checks the
document against one of the project's XSD schemas and reports every error.

Both raise or return :class:`~.problems.Problem` values: line, column, XPath, a stable
code and a Romanian message, so a case system can act on them.
"""

import codecs
import functools
import re
from dataclasses import dataclass
from importlib import resources

from lxml import etree

from ..errorcodes import Code
from .problems import Problem, XmlRejected
from .schema_errors import translate

NAMESPACE = "urn:filing-service:dgaspc:v1"
PREFIX = "fs"  # the prefix our XPaths use for NAMESPACE
SCHEMAS_DIR = resources.files(__package__) / "schemas"  # package data


@dataclass(frozen=True)
class Limits:
    """Bounds a document must stay within; the defaults suit every schema of the project."""

    max_bytes: int = 1024 * 1024
    max_depth: int = 32
    max_elements: int = 10_000


DEFAULT_LIMITS = Limits()

_BOMS = [
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF8, "UTF-8"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
]
_DECLARATION = re.compile(
    rb"<\?xml\s+version\s*=\s*([\"'])1\.\d+\1"
    rb"(?:\s+encoding\s*=\s*([\"'])([A-Za-z][A-Za-z0-9._\-]*)\2)?"
    rb"(?:\s+standalone\s*=\s*([\"'])(?:yes|no)\4)?\s*\?>"
)
_UTF8_NAMES = {"utf-8", "utf8"}


def parse_xml(data: bytes, *, limits: Limits = DEFAULT_LIMITS) -> etree._ElementTree:
    """Parse ``data`` as a safe XML document or raise :class:`XmlRejected`.

    Refused: more than ``limits.max_bytes``; empty or non-XML input; a byte-order mark or
    an encoding declaration other than UTF-8, or bytes that are not valid UTF-8; any
    DOCTYPE; nesting deeper than ``limits.max_depth``; more than ``limits.max_elements``
    elements; anything libxml2 finds not well-formed. Comments and processing
    instructions are dropped; CDATA becomes text. Element ``sourceline`` values are
    those of ``data``.
    """
    if len(data) > limits.max_bytes:
        raise XmlRejected(
            [
                Problem(
                    Code.XML_TOO_LARGE,
                    f"Documentul are {len(data)} octeți; limita este "
                    f"{limits.max_bytes} octeți.",
                )
            ],
            status=413,
        )
    body = _check_encoding(data)
    _check_prolog(body)
    _check_utf8(body)
    return _parse(data, limits)


def _reject(
    code: str, message: str, line: int | None = None, column: int | None = None
) -> XmlRejected:
    return XmlRejected([Problem(code, message, line=line, column=column)])


def _check_encoding(data: bytes) -> bytes:
    """Return the bytes after a UTF-8 BOM; refuse any other encoding, declared or real.

    Only UTF-8 is accepted: one encoding leaves no room for a declaration to lie about
    the bytes (an ISO-8859-2 declaration over UTF-8 bytes, or the reverse), and every
    case system can write it.
    """
    bom = next((name for mark, name in _BOMS if data.startswith(mark)), None)
    if bom not in (None, "UTF-8"):
        raise _reject(
            Code.ENCODING_UNSUPPORTED,
            f"Documentul începe cu marca de ordine a octeților (BOM) {bom}; "
            "serviciul acceptă numai documente codificate UTF-8.",
            1,
            1,
        )
    body = data[len(codecs.BOM_UTF8) :] if bom else data
    if body[:2] in (b"<\x00", b"\x00<"):
        raise _reject(
            Code.ENCODING_UNSUPPORTED,
            "Documentul pare codificat UTF-16; serviciul acceptă numai UTF-8.",
            1,
            1,
        )
    declared = _DECLARATION.match(body)
    if declared and declared.group(3):
        name = declared.group(3).decode("ascii")
        if name.lower() not in _UTF8_NAMES:
            if bom:
                raise _reject(
                    Code.ENCODING_MISMATCH,
                    f"Marca BOM spune UTF-8, dar declarația XML spune „{name}”: "
                    "codificarea documentului este contradictorie.",
                    1,
                    1,
                )
            raise _reject(
                Code.ENCODING_UNSUPPORTED,
                f"Declarația XML cere codificarea „{name}”; serviciul acceptă "
                'numai UTF-8 (encoding="UTF-8").',
                1,
                1,
            )
    return body


def _check_utf8(body: bytes) -> None:
    """Refuse bytes that are not UTF-8, whatever the declaration claims."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _position(body, exc.start)
        raise _reject(
            Code.ENCODING_INVALID,
            f"Octeții de la linia {line}, coloana {column} nu sunt UTF-8 valid, "
            "deși documentul trebuie să fie (și se declară) UTF-8.",
            line,
            column,
        ) from None


def _position(body: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of byte ``offset``."""
    before = body[:offset]
    line = before.count(b"\n") + 1
    start = before.rfind(b"\n") + 1
    return line, len(before[start:].decode("utf-8", errors="replace")) + 1


def _check_prolog(body: bytes) -> None:
    """Refuse empty input, input that does not start like XML, and any DOCTYPE.

    Only the prolog (declaration, comments, processing instructions) can hold a DOCTYPE,
    so this reads no further than the root element's start tag.
    """
    stripped = body.lstrip()
    if not stripped:
        raise _reject(Code.XML_EMPTY, "Corpul cererii este gol; se aștepta un document XML.")
    if not stripped.startswith(b"<"):
        raise _reject(
            Code.NOT_XML,
            "Corpul cererii nu este un document XML (trebuie să înceapă cu „<”).",
            1,
            1,
        )
    position = 0
    declared = _DECLARATION.match(body)
    if declared:
        position = declared.end()
    while True:
        while position < len(body) and body[position : position + 1].isspace():
            position += 1
        rest = body[position : position + 9]
        if rest.startswith(b"<!--"):
            end, closing = body.find(b"-->", position + 4), 3
        elif rest.startswith(b"<?"):
            end, closing = body.find(b"?>", position + 2), 2
        elif rest.upper().startswith(b"<!DOCTYPE"):
            line, column = _position(body, position)
            raise _reject(
                Code.DOCTYPE_FORBIDDEN,
                "Documentul conține o declarație DOCTYPE. Din motive de "
                "securitate nu se acceptă DTD-uri, entități sau referințe "
                "externe; validarea se face după schema XSD a serviciului.",
                line,
                column,
            )
        else:
            return
        if end < 0:
            return  # unterminated: the parser reports it with its position
        position = end + closing


# encoding: libxml2 decodes as UTF-8 whatever a declaration that slipped past
# _check_encoding might say; the bytes were checked as UTF-8 already.
_PARSER_OPTIONS = dict(
    encoding="utf-8",
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
    collect_ids=False,
    strip_cdata=True,
)


def _parse(data: bytes, limits: Limits) -> etree._ElementTree:
    """Count, parse in C with every loading switched off, then bound the depth.

    The element count is bounded before parsing, from the start tags in the bytes (C
    speed; ``<`` inside comments or CDATA can only over-count), so a document with too
    many elements is refused before any of it is in memory. libxml2 itself stops at 256
    levels (huge_tree off); our smaller limit is checked on the parsed tree with one
    XPath, also in C.
    """
    tags = data.count(b"<") - data.count(b"</") - data.count(b"<!") - data.count(b"<?")
    if tags > limits.max_elements:
        raise _reject(
            Code.XML_TOO_MANY_ELEMENTS,
            f"Documentul are {tags} etichete de început de element; limita este "
            f"{limits.max_elements} elemente.",
        )
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(parser, exc) from None
    too_deep = root.xpath("/*" * (limits.max_depth + 1))
    if too_deep:
        raise _reject(
            Code.XML_TOO_DEEP,
            f"Elementele sunt imbricate pe mai mult de {limits.max_depth} niveluri.",
            too_deep[0].sourceline,
        )
    tree = root.getroottree()
    if tree.docinfo.doctype:  # unreachable after _check_prolog; kept as a second lock
        raise _reject(Code.DOCTYPE_FORBIDDEN, "Documentul conține o declarație DOCTYPE.")
    return tree


def _syntax_error(parser, exc: etree.XMLSyntaxError) -> XmlRejected:
    """The first error libxml2 logged for this parser, with its position."""
    entries = [e for e in parser.error_log if e.level_name in ("ERROR", "FATAL")]
    first = entries[0] if entries else None
    line, column = (first.line, first.column) if first else (exc.position or (None, None))
    reason = (first.message if first else exc.msg) or "eroare de sintaxă"
    reason = re.sub(r",? line \d+, column \d+.*$", "", reason).strip()[:200]
    if first is not None and first.type_name == "ERR_UNDECLARED_ENTITY":
        return _reject(
            Code.ENTITY_FORBIDDEN,
            f"Referință la o entitate nedefinită (linia {line}, coloana {column}): "
            "documentul nu poate folosi entități, în afara celor predefinite "
            "(&amp; &lt; &gt; &quot; &apos;) și a referințelor numerice.",
            line,
            column,
        )
    if "Excessive depth" in reason:
        return _reject(
            Code.XML_TOO_DEEP,
            "Elementele sunt imbricate pe prea multe niveluri.",
            line or None,
            column or None,
        )
    return _reject(
        Code.XML_MALFORMED,
        f"Documentul nu este XML bine format (linia {line}, coloana {column}): {reason}.",
        line or None,
        column or None,
    )


# ---- schemas ---------------------------------------------------------------------------


@functools.cache
def load_schema(name: str) -> etree.XMLSchema:
    """The compiled schema ``xml/schemas/<name>.xsd``, loaded once per process.

    Its ``xs:include`` of ``common.xsd`` is read from the same directory; the schema
    parser, too, never uses the network.
    """
    if name not in {entry.name.removesuffix(".xsd") for entry in SCHEMAS_DIR.iterdir()}:
        raise ValueError(f"unknown schema {name!r}")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    with resources.as_file(SCHEMAS_DIR) as folder:  # common.xsd is included from there
        return etree.XMLSchema(etree.parse(str(folder / f"{name}.xsd"), parser))


def validate_against(
    tree: etree._ElementTree, schema_name: str, source: bytes | None = None
) -> list[Problem]:
    """Every error of ``tree`` against ``xml/schemas/<schema_name>.xsd`` (empty if valid).

    Each problem has the element's line, an XPath to it (``fs:`` prefix), a code such as
    ``xsd_pattern`` and a Romanian message. Give the ``source`` bytes to get columns too.
    """
    schema = load_schema(schema_name)
    if schema.validate(tree):
        return []
    lines = source.decode("utf-8", errors="replace").splitlines() if source else None
    problems: list[Problem] = []
    for entry in schema.error_log:
        element = _element_at(tree, entry.path)
        problem = translate(
            entry,
            element,
            element_xpath(element) if element is not None else None,
            element_column(lines, element, entry.line),
        )
        # libxml2 may follow a facet error with a generic one on the same element.
        if (
            problems
            and problem.code == Code.XSD_DATATYPE
            and (problems[-1].xpath, problems[-1].line) == (problem.xpath, problem.line)
        ):
            continue
        problems.append(problem)
    return problems


def _element_at(tree: etree._ElementTree, path: str | None):
    if not path:
        return None
    try:
        found = tree.xpath(path)
    except etree.XPathError:
        return None
    return found[0] if found and isinstance(found[0], etree._Element) else None


def element_xpath(element: etree._Element) -> str:
    """``/fs:caseSubmission/fs:parents/fs:parent[2]/fs:cnp``: positions only where needed."""
    steps = []
    node = element
    while node is not None:
        qname = etree.QName(node)
        name = (
            f"{PREFIX}:{qname.localname}"
            if qname.namespace == NAMESPACE
            else (
                qname.localname
                if qname.namespace is None
                else f"*[local-name()='{qname.localname}']"
            )
        )
        parent = node.getparent()
        if parent is not None:
            same = [s for s in parent if s.tag == node.tag]
            if len(same) > 1:
                name += f"[{same.index(node) + 1}]"
        steps.append(name)
        node = parent
    return "/" + "/".join(reversed(steps))


def element_column(lines: list[str] | None, element, line: int | None = None) -> int | None:
    """Column of the element's start tag on its line (libxml2 gives none for schema
    errors): the first start tag of that name on the line, in the source ``lines``."""
    line = line or (element.sourceline if element is not None else None)
    if not lines or element is None or not line or line > len(lines):
        return None
    local = etree.QName(element).localname
    match = re.search(r"<(?:[\w.\-]+:)?" + re.escape(local) + r"[\s/>]", lines[line - 1])
    return match.start() + 1 if match else None
