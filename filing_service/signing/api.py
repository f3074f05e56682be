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
    summary="Validează semnăturile unui PDF primit (hotărâre, act returnat)",
    request_media=UPLOAD,
    response=schemas.ValidationOut,
)
def validate_signatures():
    current_actor()
    data = _uploaded_pdf()
    reports = service.validate_upload(
        data,
        trust_roots=adapters.current().signer.trust_roots(),
        parse_seconds=current_app.config["PDF_PARSE_SECONDS"],
    )
    return jsonify({"signatures": [r.as_dict() for r in reports]})


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
