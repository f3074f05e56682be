"""HTTP routes of signing: sign a document, list and download its signatures, validate
an uploaded PDF. Views parse, call the service, serialise."""

from flask import Blueprint, Response, current_app, jsonify, request

from .. import adapters
from ..api.auth import current_actor
from ..api.body import read_body
from ..api.problems import ApiProblem
from ..api.registry import ApiRoutes
from ..db import unit_of_work
from ..errorcodes import Code
from . import schemas, service

blueprint = Blueprint("signing_api", __name__)
routes = ApiRoutes(blueprint, "Semnături")

PDF = {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}
ETSI_XML = {"application/xml": {"schema": {"type": "string"}}}
UPLOAD = {
    **PDF,
    "multipart/form-data": {
        "schema": {
            "type": "object",
            "required": ["file"],
            "properties": {"file": {"type": "string", "format": "binary"}},
        }
    },
}


def _out(signature) -> dict:
    return schemas.SignatureOut.model_validate(signature).model_dump(mode="json")


@routes.route(
    "/documents/<int:document_id>/signatures",
    "POST",
    summary="Semnează ultima versiune a documentului (PAdES)",
    body=schemas.SignIn,
    response=schemas.SignatureOut,
    status=201,
)
def sign_document(document_id: int, body):
    with unit_of_work() as uow:
        tools = adapters.current()
        signature = service.sign_document(
            uow,
            current_actor(),
            document_id,
            body.role,
            key_name=body.key,
            level=body.level,
            authorization=body.authorization(),
            signer=tools.signer,
            content=tools.content,
            now=tools.clock.now,
        )
        response = jsonify(_out(signature))
        uow.commit()
    response.status_code = 201
    return response


@routes.route(
    "/documents/<int:document_id>/signatures",
    "GET",
    summary="Semnăturile unui document",
    response=schemas.SignatureList,
)
def list_signatures(document_id: int):
    with unit_of_work() as uow:
        items = service.list_signatures(uow.session, current_actor(), document_id)
        return jsonify({"items": [_out(s) for s in items]})


@routes.route(
    "/signatures/<int:signature_id>",
    "GET",
    summary="Citește o semnătură",
    response=schemas.SignatureOut,
)
def get_signature(signature_id: int):
    with unit_of_work() as uow:
        return jsonify(
            _out(service.load_signature(uow.session, current_actor(), signature_id))
        )


@routes.route(
    "/signatures/<int:signature_id>/pdf",
    "GET",
    summary="Descarcă PDF-ul semnat (versiunea de după această semnătură)",
    response_media=PDF,
)
def download_signed(signature_id: int):
    with unit_of_work() as uow:
        signature = service.load_signature(uow.session, current_actor(), signature_id)
    data = service.signed_pdf(signature, content=adapters.current().content)
    return Response(
        data,
        mimetype="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="document-{signature.document_id}'
            f'-semnat-{signature.id}.pdf"'
        },
    )


@routes.route(
    "/signatures/validate",
    "POST",
    summary="Validează semnăturile unui PDF primit (hotărâre, act returnat); "
    "?format=etsi sau Accept: application/xml: raportul ETSI TS 119 102-2",
    request_media=UPLOAD,
    query=schemas.ValidationQuery,
    response=schemas.ValidationOut,
    response_media=ETSI_XML,
)
def validate_signatures(query):
    current_actor()
    etsi = _wants_etsi(query.format)
    validation = _validate(_uploaded_pdf())
    if etsi:
        return Response(validation.etsi_report(), mimetype="application/xml")
    return jsonify({"signatures": [r.as_dict() for r in validation.signatures]})


@routes.route(
    "/signatures/<int:signature_id>/validation",
    "GET",
    summary="Validează PDF-ul semnat de această semnătură (calificare, listă de încredere)",
    response=schemas.ValidationOut,
)
def validate_stored(signature_id: int):
    validation = _validate(_stored_pdf(signature_id))
    return jsonify({"signatures": [r.as_dict() for r in validation.signatures]})


@routes.route(
    "/signatures/<int:signature_id>/validation-report",
    "GET",
    summary="Descarcă raportul de validare ETSI TS 119 102-2 (XML) al PDF-ului semnat",
    response_media=ETSI_XML,
)
def validation_report(signature_id: int):
    with unit_of_work() as uow:
        signature = service.load_signature(uow.session, current_actor(), signature_id)
    data = service.signed_pdf(signature, content=adapters.current().content)
    return Response(
        _validate(data).etsi_report(),
        mimetype="application/xml",
        headers={
            "Content-Disposition": f'attachment; filename="raport-validare-document-'
            f'{signature.document_id}-semnatura-{signature.id}.xml"'
        },
    )


def _stored_pdf(signature_id: int) -> bytes:
    with unit_of_work() as uow:
        signature = service.load_signature(uow.session, current_actor(), signature_id)
    return service.signed_pdf(signature, content=adapters.current().content)


def _validate(data: bytes):
    """One validation run (folders of roots and the trusted lists' snapshot, offline)."""
    signer = adapters.current().signer
    return service.validate_file(
        data,
        trust_roots=signer.trust_roots(),
        trusted_lists=signer.trusted_lists(),
        parse_seconds=current_app.config["PDF_PARSE_SECONDS"],
    )


def _wants_etsi(format_: str | None) -> bool:
    """``?format=`` first, then the Accept header: the ETSI XML report only when XML is
    preferred to JSON (an Accept naming neither gets JSON, the default)."""
    if format_ is not None:
        return format_ == "etsi"
    best = request.accept_mimetypes.best_match(["application/json", "application/xml"])
    return best == "application/xml"


def _uploaded_pdf() -> bytes:
    """The PDF of the request: a raw application/pdf body or a multipart ``file``.

    The declared length is checked before anything is read, so an oversized upload is
    refused without buffering it.
    """
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    declared = request.content_length
    if declared is not None and declared > limit:
        raise ApiProblem(
            413,
            "Cerere prea mare",
            f"Fișierul are {declared} octeți; limita este {limit} octeți.",
            code=Code.REQUEST_TOO_LARGE,
        )
    if request.mimetype == "multipart/form-data":
        upload = request.files.get("file")
        if upload is None:
            raise ApiProblem(
                400,
                "Fișier lipsă",
                "Trimiteți PDF-ul în câmpul «file» al formularului.",
                code=Code.FILE_MISSING,
                errors=[
                    {
                        "field": "file",
                        "code": Code.MISSING,
                        "message": "Câmpul este obligatoriu.",
                    }
                ],
            )
        return upload.read()
    if request.mimetype != "application/pdf":
        raise ApiProblem(
            415,
            "Tip de conținut nesuportat",
            "Trimiteți PDF-ul ca application/pdf sau multipart/form-data (câmpul «file»).",
            code=Code.UNSUPPORTED_MEDIA_TYPE,
        )
    data = read_body(limit)
    if not data:
        raise ApiProblem(
            400, "Fișier lipsă", "Corpul cererii este gol.", code=Code.FILE_MISSING
        )
    return data
