"""libxml2's XSD errors, in English and keyed by libxml2's own names, as Problems with
stable codes and Romanian messages."""

import re

from lxml import etree

from ..errorcodes import Code
from .problems import Problem

# libxml2 error type -> our stable code
_CODES = {
    "SCHEMAV_CVC_PATTERN_VALID": Code.XSD_PATTERN,
    "SCHEMAV_CVC_ENUMERATION_VALID": Code.XSD_ENUMERATION,
    "SCHEMAV_CVC_DATATYPE_VALID_1_2_1": Code.XSD_DATATYPE,
    "SCHEMAV_CVC_DATATYPE_VALID_1_2_2": Code.XSD_DATATYPE,
    "SCHEMAV_CVC_DATATYPE_VALID_1_2_3": Code.XSD_DATATYPE,
    "SCHEMAV_CVC_MAXLENGTH_VALID": Code.XSD_TOO_LONG,
    "SCHEMAV_CVC_MINLENGTH_VALID": Code.XSD_TOO_SHORT,
    "SCHEMAV_CVC_LENGTH_VALID": Code.XSD_LENGTH,
    "SCHEMAV_CVC_MININCLUSIVE_VALID": Code.XSD_RANGE,
    "SCHEMAV_CVC_MAXINCLUSIVE_VALID": Code.XSD_RANGE,
    "SCHEMAV_CVC_MINEXCLUSIVE_VALID": Code.XSD_RANGE,
    "SCHEMAV_CVC_MAXEXCLUSIVE_VALID": Code.XSD_RANGE,
    "SCHEMAV_CVC_TOTALDIGITS_VALID": Code.XSD_RANGE,
    "SCHEMAV_CVC_FRACTIONDIGITS_VALID": Code.XSD_RANGE,
    "SCHEMAV_CVC_ELT_1": Code.XSD_UNKNOWN_ROOT,
    "SCHEMAV_CVC_COMPLEX_TYPE_4": Code.XSD_MISSING_ATTRIBUTE,
    "SCHEMAV_CVC_COMPLEX_TYPE_3_2_1": Code.XSD_UNEXPECTED_ATTRIBUTE,
    "SCHEMAV_CVC_COMPLEX_TYPE_3_2_2": Code.XSD_UNEXPECTED_ATTRIBUTE,
    "SCHEMAV_CVC_COMPLEX_TYPE_2_3": Code.XSD_TEXT_NOT_ALLOWED,
    "SCHEMAV_CVC_COMPLEX_TYPE_2_1": Code.XSD_NOT_EMPTY,
    "SCHEMAV_CVC_TYPE_3_1_2": Code.XSD_CHILDREN_NOT_ALLOWED,
    "SCHEMAV_CVC_IDC": Code.XSD_DUPLICATE,
    "SCHEMAV_CVC_ELT_4_2": Code.XSD_TYPE,
    "SCHEMAV_CVC_ELT_4_3": Code.XSD_TYPE,
}

_VALUE = re.compile(r"The value '([^']*)'|'([^']*)' is not a valid value")
_SET = re.compile(r"set \{([^}]*)\}")
_EXPECTED = re.compile(r"Expected is(?: one of)? \( ([^)]*) \)")
_ATTRIBUTE = re.compile(r"[Aa]ttribute '([^']*)'")
_TYPE = re.compile(r"atomic type '([^']*)'")
_LIMIT = re.compile(r"(?:length|bound|digits) of '?(\d+)'?")
_ROMANIAN_TYPES = {
    "xs:date": "dată AAAA-LL-ZZ",
    "xs:dateTime": "dată și oră ISO 8601",
    "xs:boolean": "true sau false",
    "xs:integer": "număr întreg",
    "xs:positiveInteger": "număr întreg pozitiv",
}


def _group(pattern: re.Pattern[str], message: str, default: str) -> str:
    """The first group of ``pattern`` in libxml2's ``message``, or ``default``."""
    found = pattern.search(message)
    return found[1] if found else default


def _local(name: str) -> str:
    return re.sub(r"\{[^}]*\}", "", name).strip()


def _short(value: str) -> str:
    return value if len(value) <= 60 else value[:57] + "..."


def _expected(message: str) -> str:
    found = _EXPECTED.search(message)
    if not found:
        return ""
    names = [_local(n) for n in found.group(1).split(",")]
    return ", ".join(n for n in names if n)


def translate(entry, element, xpath: str | None, column: int | None) -> Problem:
    """One entry of lxml's schema error log as a :class:`Problem`."""
    message = entry.message
    name = etree.QName(element).localname if element is not None else "document"
    value_match = _VALUE.search(message)
    value = (
        _short(next((g for g in value_match.groups() if g is not None), ""))
        if value_match
        else ""
    )
    code = _CODES.get(entry.type_name, Code.XSD_INVALID)
    if entry.type_name == "SCHEMAV_ELEMENT_CONTENT":
        if "Missing child element" in message:
            code = Code.XSD_MISSING_ELEMENT
            text = (
                f"În elementul „{name}” lipsește un element obligatoriu: "
                f"{_expected(message) or 'vezi schema'}."
            )
        elif "not expected" in message:
            code = Code.XSD_UNEXPECTED_ELEMENT
            expected = _expected(message)
            text = f"Elementul „{name}” nu este permis în acest loc" + (
                f"; se aștepta: {expected}."
                if expected
                else " (sau este în plus față de cât permite schema)."
            )
        else:
            code, text = (
                Code.XSD_CONTENT,
                f"Conținutul elementului „{name}” nu respectă schema.",
            )
    elif code == Code.XSD_PATTERN:
        text = f"Valoarea „{value}” a elementului „{name}” nu are forma cerută de schemă."
    elif code == Code.XSD_ENUMERATION:
        allowed = _group(_SET, message, "").replace("'", "")
        text = (
            f"Valoarea „{value}” a elementului „{name}” nu este permisă; valori "
            f"acceptate: {allowed}."
        )
    elif code == Code.XSD_DATATYPE:
        kind = (_TYPE.search(message) or [None, ""])[1]
        text = f"Valoarea „{value}” a elementului „{name}” nu este de tipul cerut" + (
            f" ({_ROMANIAN_TYPES.get(kind, kind)})." if kind else "."
        )
    elif code in (Code.XSD_TOO_LONG, Code.XSD_TOO_SHORT, Code.XSD_LENGTH):
        limit = (_LIMIT.search(message) or [None, "?"])[1]
        what = {
            Code.XSD_TOO_LONG: "cel mult",
            Code.XSD_TOO_SHORT: "cel puțin",
            Code.XSD_LENGTH: "exact",
        }[code]
        text = f"Valoarea elementului „{name}” trebuie să aibă {what} {limit} caractere."
    elif code == Code.XSD_RANGE:
        text = f"Valoarea „{value}” a elementului „{name}” este în afara limitelor permise."
    elif code == Code.XSD_UNKNOWN_ROOT:
        text = (
            f"Elementul rădăcină „{name}” nu este cel cerut de schemă (sau nu este în "
            "spațiul de nume urn:filing-service:dgaspc:v1)."
        )
    elif code == Code.XSD_MISSING_ATTRIBUTE:
        attribute = (_ATTRIBUTE.search(message) or [None, "?"])[1]
        text = f"Elementului „{name}” îi lipsește atributul obligatoriu „{attribute}”."
    elif code == Code.XSD_UNEXPECTED_ATTRIBUTE:
        attribute = _local(_group(_ATTRIBUTE, message, "?"))
        text = f"Atributul „{attribute}” nu este permis pe elementul „{name}”."
    elif code == Code.XSD_TEXT_NOT_ALLOWED:
        text = f"Elementul „{name}” poate conține doar elemente, nu text."
    elif code == Code.XSD_NOT_EMPTY:
        text = f"Elementul „{name}” trebuie să fie gol."
    elif code == Code.XSD_CHILDREN_NOT_ALLOWED:
        text = f"Elementul „{name}” poate conține doar o valoare, nu alte elemente."
    elif code == Code.XSD_DUPLICATE:
        text = f"Valoarea elementului „{name}” se repetă, dar trebuie să fie unică."
    else:
        text = f"Elementul „{name}” nu respectă schema ({_short(message)})."
    return Problem(code, text, line=entry.line or None, column=column, xpath=xpath)
