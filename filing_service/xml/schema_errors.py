"""libxml2's XSD errors, in English and keyed by libxml2's own names, as Problems with
stable codes and Romanian messages."""
import re

from lxml import etree

from .problems import Problem

# libxml2 error type -> our stable code
_CODES = {
    "SCHEMAV_CVC_PATTERN_VALID": "xsd_pattern",
    "SCHEMAV_CVC_ENUMERATION_VALID": "xsd_enumeration",
    "SCHEMAV_CVC_DATATYPE_VALID_1_2_1": "xsd_datatype",
    "SCHEMAV_CVC_DATATYPE_VALID_1_2_2": "xsd_datatype",
    "SCHEMAV_CVC_DATATYPE_VALID_1_2_3": "xsd_datatype",
    "SCHEMAV_CVC_MAXLENGTH_VALID": "xsd_too_long",
    "SCHEMAV_CVC_MINLENGTH_VALID": "xsd_too_short",
    "SCHEMAV_CVC_LENGTH_VALID": "xsd_length",
    "SCHEMAV_CVC_MININCLUSIVE_VALID": "xsd_range",
    "SCHEMAV_CVC_MAXINCLUSIVE_VALID": "xsd_range",
    "SCHEMAV_CVC_MINEXCLUSIVE_VALID": "xsd_range",
    "SCHEMAV_CVC_MAXEXCLUSIVE_VALID": "xsd_range",
    "SCHEMAV_CVC_TOTALDIGITS_VALID": "xsd_range",
    "SCHEMAV_CVC_FRACTIONDIGITS_VALID": "xsd_range",
    "SCHEMAV_CVC_ELT_1": "xsd_unknown_root",
    "SCHEMAV_CVC_COMPLEX_TYPE_4": "xsd_missing_attribute",
    "SCHEMAV_CVC_COMPLEX_TYPE_3_2_1": "xsd_unexpected_attribute",
    "SCHEMAV_CVC_COMPLEX_TYPE_3_2_2": "xsd_unexpected_attribute",
    "SCHEMAV_CVC_COMPLEX_TYPE_2_3": "xsd_text_not_allowed",
    "SCHEMAV_CVC_COMPLEX_TYPE_2_1": "xsd_not_empty",
    "SCHEMAV_CVC_TYPE_3_1_2": "xsd_children_not_allowed",
    "SCHEMAV_CVC_IDC": "xsd_duplicate",
    "SCHEMAV_CVC_ELT_4_2": "xsd_type",
    "SCHEMAV_CVC_ELT_4_3": "xsd_type",
}

_VALUE = re.compile(r"The value '([^']*)'|'([^']*)' is not a valid value")
_SET = re.compile(r"set \{([^}]*)\}")
_EXPECTED = re.compile(r"Expected is(?: one of)? \( ([^)]*) \)")
_ATTRIBUTE = re.compile(r"[Aa]ttribute '([^']*)'")
_TYPE = re.compile(r"atomic type '([^']*)'")
_LIMIT = re.compile(r"(?:length|bound|digits) of '?(\d+)'?")
_ROMANIAN_TYPES = {"xs:date": "dată AAAA-LL-ZZ", "xs:dateTime": "dată și oră ISO 8601",
                   "xs:boolean": "true sau false", "xs:integer": "număr întreg",
                   "xs:positiveInteger": "număr întreg pozitiv"}


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
    value = _short(next((g for g in value_match.groups() if g is not None), "")
                   ) if value_match else ""
    code = _CODES.get(entry.type_name, "xsd_invalid")
    if entry.type_name == "SCHEMAV_ELEMENT_CONTENT":
        if "Missing child element" in message:
            code = "xsd_missing_element"
            text = f"În elementul „{name}” lipsește un element obligatoriu: " \
                   f"{_expected(message) or 'vezi schema'}."
        elif "not expected" in message:
            code = "xsd_unexpected_element"
            expected = _expected(message)
            text = f"Elementul „{name}” nu este permis în acest loc" + (
                f"; se aștepta: {expected}." if expected else
                " (sau este în plus față de cât permite schema).")
        else:
            code, text = "xsd_content", f"Conținutul elementului „{name}” nu respectă schema."
    elif code == "xsd_pattern":
        text = f"Valoarea „{value}” a elementului „{name}” nu are forma cerută de schemă."
    elif code == "xsd_enumeration":
        allowed = (_SET.search(message) or [None, ""])[1].replace("'", "")
        text = f"Valoarea „{value}” a elementului „{name}” nu este permisă; valori " \
               f"acceptate: {allowed}."
    elif code == "xsd_datatype":
        kind = (_TYPE.search(message) or [None, ""])[1]
        text = f"Valoarea „{value}” a elementului „{name}” nu este de tipul cerut" + (
            f" ({_ROMANIAN_TYPES.get(kind, kind)})." if kind else ".")
    elif code in ("xsd_too_long", "xsd_too_short", "xsd_length"):
        limit = (_LIMIT.search(message) or [None, "?"])[1]
        what = {"xsd_too_long": "cel mult", "xsd_too_short": "cel puțin",
                "xsd_length": "exact"}[code]
        text = f"Valoarea elementului „{name}” trebuie să aibă {what} {limit} caractere."
    elif code == "xsd_range":
        text = f"Valoarea „{value}” a elementului „{name}” este în afara limitelor permise."
    elif code == "xsd_unknown_root":
        text = (f"Elementul rădăcină „{name}” nu este cel cerut de schemă (sau nu este în "
                "spațiul de nume urn:filing-service:dgaspc:v1).")
    elif code == "xsd_missing_attribute":
        attribute = (_ATTRIBUTE.search(message) or [None, "?"])[1]
        text = f"Elementului „{name}” îi lipsește atributul obligatoriu „{attribute}”."
    elif code == "xsd_unexpected_attribute":
        attribute = _local((_ATTRIBUTE.search(message) or [None, "?"])[1])
        text = f"Atributul „{attribute}” nu este permis pe elementul „{name}”."
    elif code == "xsd_text_not_allowed":
        text = f"Elementul „{name}” poate conține doar elemente, nu text."
    elif code == "xsd_not_empty":
        text = f"Elementul „{name}” trebuie să fie gol."
    elif code == "xsd_children_not_allowed":
        text = f"Elementul „{name}” poate conține doar o valoare, nu alte elemente."
    elif code == "xsd_duplicate":
        text = f"Valoarea elementului „{name}” se repetă, dar trebuie să fie unică."
    else:
        text = f"Elementul „{name}” nu respectă schema ({_short(message)})."
    return Problem(code, text, line=entry.line or None, column=column, xpath=xpath)
