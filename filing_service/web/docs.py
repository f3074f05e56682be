"""What the document pages need of the documents and signing capabilities, through their
service functions: the catalogue, a case's documents with their signatures, the
directorate's signature profile, and the PDF to show or download."""

from dataclasses import dataclass

from .. import adapters
from ..auth.actor import Actor
from ..documents import service as documents
from ..documents.catalog import COURT, DOC_TYPES, PARENTS, DocType
from ..law.errors import DomainError
from ..law.facts import LIVE_MEASURE, Authority, MeasureKind
from ..models import Directorate, Document, Signature
from ..signing import service as signing
from ..signing.csc import RemoteAuthorization
from ..signing.profiles import KeySpec, Level, parse_profile

VARIANT_LABELS: dict[str, str] = {
    COURT: "Pentru instanță",
    PARENTS: "Pentru părinți (art. 67^1)",
}


@dataclass
class DocumentRow:
    """One version of a document as the pages list it."""

    document: Document
    title: str
    variant_label: str
    signatures: list[Signature]

    @property
    def signed(self) -> bool:
        return bool(self.signatures)

    @property
    def status_label(self) -> str:
        if not self.signatures:
            return "Generat, nesemnat"
        return "Semnat de " + ", ".join(s.signer_name for s in self.signatures)


# What the current measure usually calls for (DOMAIN.md, "The paths that end in court").
_SUGGESTED = {
    (MeasureKind.EMERGENCY_PLACEMENT, Authority.DIRECTOR): ("cerere_art70", "raport_art139"),
    (MeasureKind.EMERGENCY_PLACEMENT, Authority.COURT): ("cerere_art100_4", "raport_art139"),
    (MeasureKind.PLACEMENT, Authority.COURT): ("cerere_plasament", "raport_art139"),
    (MeasureKind.SPECIALISED_SUPERVISION, Authority.COURT): (
        "cerere_supraveghere",
        "raport_art139",
    ),
}


def suggested(case) -> tuple[str, ...]:
    """The documents the case's current measure usually needs next."""
    live = [m for m in case.measures if m.status in LIVE_MEASURE]
    if not live:
        return ()
    return _SUGGESTED.get((live[-1].kind, live[-1].authority), ())


def doc_types(first: tuple[str, ...] = ()) -> list[DocType]:
    """The fourteen document types: the suggested ones, then court documents, then the
    directorate's own acts."""
    return sorted(
        DOC_TYPES.values(),
        key=lambda d: (
            d.id not in first,
            first.index(d.id) if d.id in first else 0,
            not d.court_document,
            d.title,
        ),
    )


def doc_type(type_id: str) -> DocType | None:
    return DOC_TYPES.get(type_id)


def rows(session, actor: Actor, case_id: int) -> list[DocumentRow]:
    """Every version of every document of a case, newest first."""
    found = documents.list_documents(session, actor, case_id)
    return [row(session, d) for d in sorted(found, key=lambda d: d.id, reverse=True)]


def row(session, document: Document) -> DocumentRow:
    kind = DOC_TYPES.get(document.doc_type)
    return DocumentRow(
        document,
        kind.title if kind else document.doc_type,
        VARIANT_LABELS.get(document.variant, document.variant),
        signing.signatures_of(session, document.id),
    )


def sibling(session, actor: Actor, document: Document) -> Document | None:
    """The other variant of the same document, generated with it (same version)."""
    for other in documents.list_documents(session, actor, document.case_id):
        if (
            other.doc_type == document.doc_type
            and other.variant != document.variant
            and other.version == document.version
        ):
            return other
    return None


def generate(uow, actor: Actor, case_id: int, type_id: str, today) -> list:
    """Generate the court version and, when the document has one, the parents' version
    alongside (art. 67^1). Returns the new documents' ``Generated`` results."""
    kind = documents.doc_type_of(type_id, COURT)
    tools = adapters.current()
    made = [
        documents.generate_document(
            uow,
            actor,
            case_id,
            kind.id,
            COURT,
            today,
            converter=tools.converter,
            templates=tools.templates,
            content=tools.content,
        )
    ]
    if PARENTS in kind.variants():
        made.append(
            documents.generate_document(
                uow,
                actor,
                case_id,
                kind.id,
                PARENTS,
                today,
                converter=tools.converter,
                templates=tools.templates,
                content=tools.content,
            )
        )
    return made


def load(session, actor: Actor, document_id: int) -> Document:
    return documents.get_document(session, actor, document_id)


def pdf(uow, actor: Actor, document_id: int) -> tuple[bytes, str]:
    """The PDF to show: the last signed one if signed, else the generated PDF/A."""
    document = documents.get_document(uow.session, actor, document_id)
    signatures = signing.signatures_of(uow.session, document.id)
    content = adapters.current().content
    data, name = documents.document_file(uow, actor, document_id, "pdf", content=content)
    if signatures:
        data = signing.signed_pdf(signatures[-1], content=content)
        name = name.removesuffix(".pdf") + " - semnat.pdf"
    return data, name


def keys_for(session, actor: Actor) -> tuple[list[KeySpec], str | None, str | None]:
    """The keys of the directorate's profile this user may sign with, the profile's
    level, and why there are none (a missing or broken profile)."""
    directorate = session.get(Directorate, actor.directorate_id)
    try:
        profile = parse_profile((directorate.settings or {}).get("signature_profile"))
    except DomainError as exc:  # the page says what is wrong with the profile
        return [], None, exc.message
    mine = [k for k in profile.keys.values() if not k.users or actor.name in k.users]
    return (
        mine,
        profile.level.value,
        None
        if mine
        else ("Profilul de semnătură al direcției nu are o cheie pentru contul dvs."),
    )


LEVELS = [level.value for level in Level]


def _is_remote(session, actor: Actor, key_name: str) -> bool:
    """Whether the key chosen in the form is a remote one (the service checks the rest)."""
    directorate = session.get(Directorate, actor.directorate_id)
    try:
        profile = parse_profile((directorate.settings or {}).get("signature_profile"))
    except DomainError:
        return False
    key = profile.keys.get(key_name)
    return key is not None and key.remote


def sign(
    uow,
    actor: Actor,
    document_id: int,
    key_name: str,
    level: str | None,
    pin: str,
    otp: str = "",
) -> Signature:
    """Sign as the user's own role; the PIN typed goes straight to the key and nowhere
    else (an empty PIN lets the service use the secret configured on the server). For a
    remote key (csc) the PIN and the one-time code authorise this one signature."""
    tools = adapters.current()
    fallback = tools.signer.secrets()

    def provider(spec: KeySpec) -> str | None:
        return pin if pin else fallback(spec)

    remote = otp or _is_remote(uow.session, actor, key_name)
    return signing.sign_document(
        uow,
        actor,
        document_id,
        actor.role,
        provider,
        key_name=key_name or None,
        level=level or None,
        authorization=RemoteAuthorization(pin=pin, otp=otp) if remote else None,
        signer=tools.signer,
        content=tools.content,
        now=tools.clock.now,
    )
