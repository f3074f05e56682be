"""The manifest of a filing: an XML document (``xml/schemas/filing-manifest.xsd``) that names
every PDF of the package by SHA-256 and role, with the parties, the court, the object,
the legal basis and the confidentiality of art. 67^1.

The manifest is made once, when the package is frozen, and stored in the content store;
its own SHA-256 identifies the package from then on.
"""

from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from ..law.facts import ParentRole
from ..models import Case, Filing
from ..xml.parsing import NAMESPACE, parse_xml, validate_against

SCHEMA = "filing-manifest"
SCHEMA_VERSION = "1"
CONFIDENTIALITY_ARTICLE = "art. 67^1 din Legea nr. 272/2004"
CONFIDENTIALITY_NOTICE = (
    "Documentele conțin date cu caracter personal ale unui copil. Datele persoanei sau "
    "familiei de plasament privind adresa, veniturile, bunurile deținute în proprietate, "
    "starea medicală sau psihologică nu se comunică părinților biologici ai copilului "
    "(art. 67^1 alin. (1)); cauza se soluționează cu respectarea confidențialității și a "
    "Regulamentului (UE) 2016/679 (art. 67^1 alin. (2))."
)
_PARENT_ROLES: dict[str, str] = {
    ParentRole.MOTHER: "mama",
    ParentRole.FATHER: "tata",
    ParentRole.GUARDIAN: "tutore",
    ParentRole.LEGAL_REPRESENTATIVE: "reprezentant legal",
}


@dataclass(frozen=True)
class ManifestDocument:
    """A document as the manifest lists it."""

    position: int
    role: str
    title: str
    file_name: str
    sha256: str
    size: int


def _add(parent, name: str, text) -> etree._Element:
    element = etree.SubElement(parent, f"{{{NAMESPACE}}}{name}")
    element.text = str(text)
    return element


def build(
    filing: Filing, case: Case, key: str, created_at: datetime, portal_institution: str | None
) -> bytes:
    """The manifest of ``filing`` as UTF-8 bytes, valid against the schema (or raise
    ``ValueError`` naming what the schema refused: that is a bug, not bad input)."""
    root = etree.Element(f"{{{NAMESPACE}}}filingManifest", nsmap={None: NAMESPACE})
    root.set("schemaVersion", SCHEMA_VERSION)
    _add(root, "filingKey", key)
    _add(root, "createdAt", created_at.isoformat(timespec="seconds"))
    directorate = case.directorate
    node = etree.SubElement(root, f"{{{NAMESPACE}}}directorate")
    _add(node, "code", directorate.code)
    _add(node, "name", directorate.name)
    _add(node, "seat", directorate.seat)
    if directorate.legal_representative:
        _add(node, "legalRepresentative", directorate.legal_representative)
    court = etree.SubElement(root, f"{{{NAMESPACE}}}court")
    _add(court, "name", filing.court)
    if portal_institution:
        _add(court, "portalInstitution", portal_institution)
    basis = (
        "art. 133 alin. (1)"
        if case.child and case.child.domicile_area
        else "art. 133 alin. (2)"
    )
    _add(court, "competenceArticle", basis)
    _add(root, "caseReference", case.reference)
    if case.court_case_number:
        _add(root, "courtCaseNumber", case.court_case_number)
    _add(root, "object", filing.object)
    _add(root, "legalBasis", filing.legal_basis)
    _add(root, "stampDutyExempt", "true")  # art. 140
    parties = etree.SubElement(root, f"{{{NAMESPACE}}}parties")
    _party(parties, "reclamant", "institutie", directorate.name)
    for parent in case.parents:
        if parent.deceased:
            continue
        _party(
            parties,
            "parat",
            "persoana_fizica",
            f"{parent.first_name} {parent.last_name}",
            _PARENT_ROLES.get(parent.role),
        )
    if case.child:
        _party(parties, "copil", "persoana_fizica", case.child_name)
    confidentiality = etree.SubElement(root, f"{{{NAMESPACE}}}confidentiality")
    _add(confidentiality, "article", CONFIDENTIALITY_ARTICLE)
    _add(confidentiality, "notice", CONFIDENTIALITY_NOTICE)
    documents = etree.SubElement(root, f"{{{NAMESPACE}}}documents")
    for doc in filing.documents:
        node = etree.SubElement(documents, f"{{{NAMESPACE}}}document")
        _add(node, "position", doc.position)
        _add(node, "role", doc.role)
        _add(node, "title", doc.title)
        _add(node, "fileName", doc.file_name)
        _add(node, "mediaType", "application/pdf")
        _add(node, "sha256", doc.sha256)
        _add(node, "size", doc.size)
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    problems = validate_against(etree.ElementTree(root), SCHEMA, source=data)
    if problems:
        raise ValueError(
            "manifest invalid: " + "; ".join(f"{p.xpath}: {p.message}" for p in problems)
        )
    return data


def _party(parent, role: str, kind: str, name: str, relationship: str | None = None):
    node = etree.SubElement(parent, f"{{{NAMESPACE}}}party")
    _add(node, "role", role)
    _add(node, "kind", kind)
    _add(node, "name", name)
    if relationship:
        _add(node, "relationship", relationship)


def read(data: bytes) -> tuple[str, list[ManifestDocument]]:
    """The key and the documents a stored manifest lists (parsed with the hardened
    parser and validated: a stored manifest that no longer validates is an error)."""
    tree = parse_xml(data)
    problems = validate_against(tree, SCHEMA, source=data)
    if problems:
        raise ValueError("; ".join(p.message for p in problems))
    ns = {"fs": NAMESPACE}
    root = tree.getroot()
    documents = [
        ManifestDocument(
            position=int(d.findtext("fs:position", namespaces=ns)),
            role=d.findtext("fs:role", namespaces=ns),
            title=d.findtext("fs:title", namespaces=ns),
            file_name=d.findtext("fs:fileName", namespaces=ns),
            sha256=d.findtext("fs:sha256", namespaces=ns),
            size=int(d.findtext("fs:size", namespaces=ns)),
        )
        for d in root.iterfind("fs:documents/fs:document", ns)
    ]
    return root.findtext("fs:filingKey", namespaces=ns), documents
