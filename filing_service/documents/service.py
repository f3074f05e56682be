"""Service functions for documents: from a stored case to a stored, immutable version.

``generate_document`` is all or nothing: the tenant and the permission are checked, the
rules engine may refuse a court document, the DOCX is rendered and converted to PDF/A
*before* anything is written; then the files go to the content store, the row and its
audit record to the database, and the caller's one commit makes them real. If the unit
of work ends without that commit (this call failed, or something after it in the same
request did), the files this call added are removed again.

The outside tools (the converter, the templates' folder, the content store) are
parameters: the view or command passes the app's (``bootstrap.adapters()``), a unit test
passes fakes.
"""

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

import jinja2
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .. import audit
from ..auth.actor import Actor
from ..cases import service as cases
from ..db import UnitOfWork
from ..errorcodes import Code
from ..errors import Conflict, NotFound, PermissionDenied, RuleViolation
from ..law import rules
from ..law.errors import DomainError
from ..models import Case, Document
from ..storage import ContentStore
from .catalog import DOC_TYPES, PARENTS, DocType
from .context import build_context
from .render import normalize_context, render_docx, template_bytes

log = logging.getLogger(__name__)

MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


class DocumentBlocked(RuleViolation):
    """The rules engine found errors: a court document is not generated (nothing stored)."""


@dataclass
class Generated:
    """A new version and the rules engine's findings to show with it: its warnings, and
    for a document that is not filed in court, the errors that did not block it."""

    document: Document
    warnings: list[rules.Finding]


class Converter(Protocol):
    """DOCX in, PDF/A out (``converter.PooledConverter``; a fake in unit tests)."""

    def convert(self, docx: bytes) -> bytes: ...


def doc_type_of(type_id: str, variant: str) -> DocType:
    """The document type, refusing an unknown one or a variant it does not have."""
    doc_type = DOC_TYPES.get(type_id)
    if doc_type is None:
        raise DomainError(
            f"Tipul de document „{type_id}” nu există; tipuri acceptate: "
            + ", ".join(DOC_TYPES)
            + ".",
            field="type",
            code=Code.UNKNOWN_TYPE,
        )
    if variant not in doc_type.variants():
        raise DomainError(
            f"Documentul „{doc_type.title}” nu se comunică părinților și nu are varianta "
            f"„{variant}”; variante acceptate: " + ", ".join(doc_type.variants()) + ".",
            field="variant",
            code=Code.UNKNOWN_VARIANT,
            article="art. 67^1",
        )
    return doc_type


# ---- rendering (no database writes) ----------------------------------------------------


def canonical_json(context: dict) -> bytes:
    """The context as canonical JSON: what ``data_sha256`` is the hash of."""
    return json.dumps(
        normalize_context(context), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode("utf-8")


class TemplateBroken(Exception):
    """The template of a document cannot be filled in (a Jinja error, a field it names
    that the data has not): a fault of the installation, not of the case."""

    def __init__(self, doc_type: DocType):
        super().__init__(doc_type.template)
        self.message = (
            f"Șablonul documentului „{doc_type.title}” are o eroare și nu poate "
            "fi completat; anunțați administratorul. Nimic nu a fost salvat."
        )


def render_pdf(
    doc_type: DocType, context: dict, pool: Converter, folder: Path
) -> tuple[bytes, bytes, bytes]:
    """(template, DOCX, PDF/A) for ``context``; raises TemplateBroken, ConversionFailed."""
    template = template_bytes(folder / doc_type.template)
    try:
        docx = render_docx(template, context)
    except jinja2.TemplateError as exc:
        # The error names template fields, never the case's data: it may be logged.
        log.error(
            "template %s (%s) cannot be rendered: %s",
            doc_type.template,
            context["doc"]["variant"],
            exc,
        )
        raise TemplateBroken(doc_type) from None
    return template, docx, pool.convert(docx)


# ---- generation ------------------------------------------------------------------------


def generate_document(
    uow: UnitOfWork,
    actor: Actor,
    case_id: int,
    doc_type_id: str,
    variant: str,
    today: date,
    *,
    converter: Converter,
    templates: Path,
    content: ContentStore,
) -> Generated:
    """Generate the next version of a document of a case, or raise and store nothing.

    ``converter`` makes the PDF/A, ``templates`` is the folder of the DOCX templates,
    ``content`` the store the files go to."""
    session = uow.session
    case = cases.load_case(session, actor, case_id)
    if not actor.can("generate"):
        raise PermissionDenied()
    # One generation of a case at a time: two clicks on "generate" must not race for the
    # same version or the same files. (PostgreSQL; SQLite has no row locks, and there
    # the second of two simultaneous generations fails with its transaction.)
    session.execute(select(Case.id).where(Case.id == case.id).with_for_update())
    doc_type = doc_type_of(doc_type_id, variant)
    findings = cases.findings(session, case, today)
    errors = rules.errors(findings)
    if errors and doc_type.court_document:
        raise DocumentBlocked(errors)
    context = build_context(
        session, case, doc_type, variant, today, case.directorate, findings
    )
    data = canonical_json(context)
    template, docx, pdf = render_pdf(doc_type, context, converter, templates)

    added: list[str] = []
    # The files stay only if the caller commits the row that names them.
    uow.on_rollback(lambda: _remove_unreferenced(uow.session.bind, content, added))
    try:
        digests = [_put(content, blob, added) for blob in (data, docx, pdf)]
        document = Document(
            case_id=case.id,
            doc_type=doc_type.id,
            variant=variant,
            version=_next_version(session, case.id, doc_type.id, variant),
            template_name=doc_type.template,
            template_version=doc_type.version,
            template_sha256=hashlib.sha256(template).hexdigest(),
            data_sha256=digests[0],
            docx_sha256=digests[1],
            pdf_sha256=digests[2],
            created_by=actor.label,
            warnings=[f.as_dict() for f in findings],
        )
        session.add(document)
        session.flush()
        audit.record(
            session,
            actor,
            "create",
            "document",
            document.id,
            case_id=case.id,
            changes={
                "type": doc_type.id,
                "variant": variant,
                "version": document.version,
                "pdf_sha256": digests[2],
            },
        )
        uow.flush()
    except IntegrityError:
        raise Conflict(
            "O altă versiune a acestui document a fost generată în același timp; reîncercați.",
            field="type",
        ) from None
    return Generated(document, findings)


def _put(content: ContentStore, data: bytes, added: list[str]) -> str:
    digest = hashlib.sha256(data).hexdigest()
    if not content.exists(digest):
        content.put(data)
        added.append(digest)
    return digest


def _remove_unreferenced(bind, content: ContentStore, digests: list[str]) -> None:
    """Undo the files a generation added once its unit of work is rolled back, unless a
    committed version uses them too (the same data rendered twice gives the same DOCX: a
    concurrent generation that won may reference the very file this one wrote). Asked
    in a session of its own: the generation's has ended."""
    if not digests:
        return
    try:
        with Session(bind) as session:
            for digest in digests:
                used = session.scalar(
                    select(Document.id)
                    .where(
                        (Document.data_sha256 == digest)
                        | (Document.docx_sha256 == digest)
                        | (Document.pdf_sha256 == digest)
                    )
                    .limit(1)
                )
                if used is None:
                    content.path(digest).unlink(missing_ok=True)
    except Exception:  # the database is gone: an unused file is better than a lost one
        log.warning("could not check %d new files after a failed generation", len(digests))


def _next_version(session: Session, case_id: int, doc_type: str, variant: str) -> int:
    latest = session.scalar(
        select(func.max(Document.version)).where(
            Document.case_id == case_id,
            Document.doc_type == doc_type,
            Document.variant == variant,
        )
    )
    return (latest or 0) + 1


# ---- reading ---------------------------------------------------------------------------


def list_documents(session: Session, actor: Actor, case_id: int) -> list[Document]:
    """Every version of every document of a case, oldest first within each document."""
    case = cases.load_case(session, actor, case_id)
    return list(
        session.scalars(
            select(Document)
            .where(Document.case_id == case.id)
            .order_by(Document.doc_type, Document.variant, Document.version)
        )
    )


def get_document(session: Session, actor: Actor, document_id: int) -> Document:
    """A document of the actor's directorate; another directorate's is not found."""
    document = session.scalar(
        select(Document)
        .join(Case, Document.case_id == Case.id)
        .where(Document.id == document_id, Case.directorate_id == actor.directorate_id)
    )
    if document is None:
        raise NotFound("Documentul")
    return document


def document_file(
    uow: UnitOfWork, actor: Actor, document_id: int, kind: str, *, content: ContentStore
) -> tuple[bytes, str]:
    """The stored DOCX or PDF of a version (from ``content``) and its download name; the
    read is audited."""
    document = get_document(uow.session, actor, document_id)
    digest = document.pdf_sha256 if kind == "pdf" else document.docx_sha256
    if digest is None:
        raise NotFound("Fișierul")
    data = content.get(digest)
    audit.record(
        uow.session,
        actor,
        "read",
        "document",
        document.id,
        case_id=document.case_id,
        changes={"file": kind},
    )
    uow.flush()
    return data, download_name(document, kind)


def download_name(document: Document, kind: str) -> str:
    """A Romanian file name: the document's title, the case reference, the version."""
    doc_type = DOC_TYPES.get(document.doc_type)
    title = doc_type.title if doc_type else document.doc_type
    title = " ".join(title.split())[:90].rstrip()
    suffix = " (părinți)" if document.variant == PARENTS else ""
    name = f"{title} - {document.case.reference} - v{document.version}{suffix}.{kind}"
    # The case reference is the directorate's text: no path or control characters.
    return "".join(" " if c in '/\\:*?"<>|' or not c.isprintable() else c for c in name)


def regenerate_docx(document: Document, *, templates: Path, content: ContentStore) -> bool:
    """Render a stored version again from its recorded data; True if the DOCX is
    byte-identical (same template file, same data)."""
    context = json.loads(content.get(document.data_sha256))
    doc_type = DOC_TYPES[document.doc_type]
    template = template_bytes(templates / doc_type.template)
    return hashlib.sha256(render_docx(template, context)).hexdigest() == document.docx_sha256
