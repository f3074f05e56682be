"""HTTP routes for documents. Views parse, call the service, serialise."""

import unicodedata
from urllib.parse import quote

from flask import Blueprint, Response, jsonify, url_for

from .. import adapters
from ..api.auth import current_actor
from ..api.registry import ApiRoutes
from ..clock import today
from ..db import unit_of_work
from . import schemas, service
from .catalog import DOC_TYPES

blueprint = Blueprint("documents_api", __name__)
routes = ApiRoutes(blueprint, "Documente")


def document_json(document, warnings=None) -> dict:
    doc_type = DOC_TYPES.get(document.doc_type)
    out = schemas.DocumentOut(
        id=document.id,
        case_id=document.case_id,
        type=document.doc_type,
        title=doc_type.title if doc_type else document.doc_type,
        variant=document.variant,
        version=document.version,
        template_name=document.template_name,
        template_version=document.template_version,
        template_sha256=document.template_sha256,
        data_sha256=document.data_sha256,
        docx_sha256=document.docx_sha256,
        pdf_sha256=document.pdf_sha256,
        status=document.status,
        created_by=document.created_by,
        created_at=document.created_at,
        warnings=[
            schemas.FindingOut(**w)
            for w in (warnings if warnings is not None else document.warnings or [])
        ],
        links=schemas.DocumentLinks(
            self=url_for("documents_api.get_document", document_id=document.id),
            docx=url_for("documents_api.get_document_docx", document_id=document.id),
            pdf=url_for("documents_api.get_document_pdf", document_id=document.id),
        ),
    )
    return out.model_dump(mode="json")


@routes.route(
    "/cases/<int:case_id>/documents",
    "POST",
    summary="Generează un document (DOCX și PDF/A-2b) din datele cauzei",
    body=schemas.DocumentIn,
    response=schemas.DocumentOut,
    status=201,
)
def create_document(case_id: int, body):
    tools = adapters.current()
    with unit_of_work() as uow:
        made = service.generate_document(
            uow,
            current_actor(),
            case_id,
            body.type,
            body.variant,
            today(),
            converter=tools.converter,
            templates=tools.templates,
            content=tools.content,
        )
        response = jsonify(document_json(made.document, [f.as_dict() for f in made.warnings]))
        uow.commit()
    response.status_code = 201
    response.headers["Location"] = url_for(".get_document", document_id=made.document.id)
    return response


@routes.route(
    "/cases/<int:case_id>/documents",
    "GET",
    summary="Listează documentele cauzei, cu toate versiunile",
    response=schemas.DocumentList,
)
def list_documents(case_id: int):
    with unit_of_work() as uow:
        items = service.list_documents(uow.session, current_actor(), case_id)
        return jsonify(
            schemas.DocumentList(
                items=[document_json(d) for d in items], total=len(items)
            ).model_dump(mode="json")
        )


@routes.route(
    "/documents/<int:document_id>",
    "GET",
    summary="Citește o versiune a unui document",
    response=schemas.DocumentOut,
)
def get_document(document_id: int):
    with unit_of_work() as uow:
        return jsonify(
            document_json(service.get_document(uow.session, current_actor(), document_id))
        )


def _file(document_id: int, kind: str) -> Response:
    with unit_of_work() as uow:
        data, name = service.document_file(
            uow, current_actor(), document_id, kind, content=adapters.current().content
        )
        uow.commit()  # the download is audited
    response = Response(data, mimetype=service.MEDIA_TYPES[kind])
    response.headers["Content-Disposition"] = content_disposition(name)
    response.headers["Cache-Control"] = "private, no-store"
    return response


def content_disposition(name: str) -> str:
    """RFC 6266: an ASCII fallback for old clients, the Romanian name in UTF-8 (RFC 8187)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    plain = plain.replace('"', "'").replace("\\", " ")
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(name, safe='')}"


@routes.route(
    "/documents/<int:document_id>/docx",
    "GET",
    summary="Descarcă DOCX-ul",
    response_media={service.MEDIA_TYPES["docx"]: {}},
)
def get_document_docx(document_id: int):
    return _file(document_id, "docx")


@routes.route(
    "/documents/<int:document_id>/pdf",
    "GET",
    summary="Descarcă PDF/A-2b",
    response_media={service.MEDIA_TYPES["pdf"]: {}},
)
def get_document_pdf(document_id: int):
    return _file(document_id, "pdf")
