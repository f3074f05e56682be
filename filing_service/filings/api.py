"""HTTP routes of filings and of the court directory. Views parse, call, serialise."""

from flask import Blueprint, Response, current_app, jsonify, request, url_for

from .. import adapters
from ..api.auth import current_actor
from ..api.body import read_body
from ..api.problems import ApiProblem, problem
from ..api.registry import ApiRoutes
from ..clock import now
from ..db import unit_of_work
from ..errorcodes import Code
from ..errors import DomainError
from ..storage import store
from . import court_side, courts, delivery, rejust, replies, schemas, service, sheet
from .domain import DocumentRole, Quotas, Status

blueprint = Blueprint("filings_api", __name__)
routes = ApiRoutes(blueprint, "Depuneri la instanță")


def filing_json(filing) -> dict:
    return schemas.FilingOut.model_validate(filing).model_dump(mode="json")


def _upload_limits() -> dict:
    """The bounds of a file added to a package, from the settings (``config.py``)."""
    config = current_app.config
    return {
        "max_bytes": config["MAX_CONTENT_LENGTH"],
        "quotas": Quotas(
            files_per_filing=config["FILING_MAX_FILES"],
            bytes_per_filing=config["FILING_MAX_BYTES"],
            bytes_per_directorate=config["DIRECTORATE_MAX_FILING_BYTES"],
        ),
        "parse_seconds": config["PDF_PARSE_SECONDS"],
    }


@routes.route(
    "/cases/<int:case_id>/filings",
    "POST",
    summary="Deschide o cerere către instanță (pachet de documente)",
    body=schemas.FilingIn,
    response=schemas.FilingOut,
    status=201,
)
def create_filing(case_id: int, body):
    with unit_of_work() as uow:
        filing = service.create_filing(
            uow,
            current_actor(),
            case_id,
            object=body.object,
            legal_basis=body.legal_basis,
            court=body.court,
            now=now(),
            channel=body.channel,
            hearing_id=body.hearing_id,
        )
        response = jsonify(filing_json(filing))
        uow.commit()
    response.status_code = 201
    response.headers["Location"] = url_for(".get_filing", filing_id=filing.id)
    return response


@routes.route(
    "/filings",
    "GET",
    summary="Listează cererile către instanță ale direcției",
    query=schemas.FilingQuery,
    response=schemas.FilingPage,
)
def list_filings(query):
    with unit_of_work() as uow:
        items, total = service.list_filings(
            uow.session,
            current_actor(),
            case_id=query.case_id,
            status=query.status,
            page=query.page,
            per_page=query.per_page,
        )
        return jsonify(
            schemas.FilingPage(
                items=[schemas.FilingOut.model_validate(i) for i in items],
                total=total,
                page=query.page,
                per_page=query.per_page,
            ).model_dump(mode="json")
        )


@routes.route(
    "/filings/<int:filing_id>",
    "GET",
    summary="Citește o cerere către instanță",
    response=schemas.FilingOut,
)
def get_filing(filing_id: int):
    with unit_of_work() as uow:
        return jsonify(
            filing_json(service.load_filing(uow.session, current_actor(), filing_id))
        )


@routes.route(
    "/filings/<int:filing_id>/case-documents",
    "POST",
    summary="Adaugă în pachet un document generat al cauzei",
    body=schemas.DocumentRef,
    response=schemas.FilingDocumentOut,
    status=201,
)
def add_document(filing_id: int, body):
    with unit_of_work() as uow:
        doc = service.add_document(
            uow,
            current_actor(),
            filing_id,
            role=body.role,
            title=body.title,
            store=store(),
            document_id=body.document_id,
            **_upload_limits(),
        )
        out = schemas.FilingDocumentOut.model_validate(doc).model_dump(mode="json")
        uow.commit()
    return jsonify(out), 201


@routes.route(
    "/filings/<int:filing_id>/documents/<role>",
    "POST",
    summary="Încarcă în pachet un PDF (scanare sau document semnat)",
    response=schemas.FilingDocumentOut,
    status=201,
    request_media={"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
)
def upload_document(filing_id: int, role: str):
    actor = current_actor()
    with unit_of_work() as uow:
        service.load_filing(uow.session, actor, filing_id)  # 404 before anything else
    try:
        role_value = DocumentRole(role)
    except ValueError:
        raise DomainError(
            "Rol necunoscut; valori acceptate: " + ", ".join(DocumentRole),
            field="role",
            code=Code.UNKNOWN_ROLE,
        ) from None
    if request.mimetype != "application/pdf":
        raise ApiProblem(
            415,
            "Tip de conținut nesuportat",
            "Trimiteți fișierul ca application/pdf.",
            code=Code.UNSUPPORTED_MEDIA_TYPE,
        )
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    data = read_body(limit)
    with unit_of_work() as uow:
        doc = service.add_document(
            uow,
            actor,
            filing_id,
            role=role_value,
            title=request.args.get("title"),
            store=store(),
            data=data,
            **_upload_limits(),
        )
        out = schemas.FilingDocumentOut.model_validate(doc).model_dump(mode="json")
        uow.commit()
    return jsonify(out), 201


@routes.route(
    "/filings/<int:filing_id>/documents/<int:filing_document_id>",
    "DELETE",
    summary="Scoate un document din pachetul nesemnat (celelalte se renumerotează)",
    response=schemas.FilingOut,
)
def remove_document(filing_id: int, filing_document_id: int):
    with unit_of_work() as uow:
        filing = service.remove_document(uow, current_actor(), filing_id, filing_document_id)
        response = jsonify(filing_json(filing))
        uow.commit()
        return response


@routes.route(
    "/filings/<int:filing_id>/check",
    "POST",
    summary="Verificarea dinaintea depunerii: tot ce lipsește sau este greșit",
    response=schemas.CheckOut,
)
def check_filing(filing_id: int):
    with unit_of_work() as uow:
        report = service.check(uow, current_actor(), filing_id, store(), now())
        response = jsonify(
            schemas.CheckOut(
                ok=report.ok,
                status=report.filing.status,
                problems=[schemas.ProblemOut(**p.as_dict()) for p in report.problems],
                filing=schemas.FilingOut.model_validate(report.filing),
            ).model_dump(mode="json")
        )
        uow.commit()
        return response


@routes.route(
    "/filings/<int:filing_id>/send",
    "POST",
    summary="Trimite pachetul semnat la registratura instanței (idempotent; "
    "antetul Idempotency-Key opțional)",
    response=schemas.FilingOut,
)
def send_filing(filing_id: int):
    config = current_app.config
    policy = delivery.Policy(
        retries=int(config["FILING_SEND_RETRIES"]),
        backoff_base=float(config["FILING_RETRY_BASE_SECONDS"]),
        later_base=float(config["FILING_RETRY_LATER_SECONDS"]),
        allow_unverified=bool(config["FILING_ALLOW_UNVERIFIED_EMAIL"]),
    )
    try:
        filing = delivery.send(
            unit_of_work,
            current_actor(),
            filing_id,
            store=store(),
            smtp=adapters.current().mailer.settings,
            policy=policy,
            now=now,
            sheet_tools=sheet.app_tools(),
            request_key=request.headers.get("Idempotency-Key"),
        )
    except delivery.DeliveryFailed as exc:
        return problem(
            502,
            "Trimiterea a eșuat",
            f"{exc.message}. Cererea nu a fost marcată trimisă; mesajele "
            "acceptate deja nu se retrimit, iar restul se reîncearcă automat.",
            code=Code.DELIVERY_FAILED,
            filing_id=exc.filing_id,
        )
    with unit_of_work() as uow:
        return jsonify(
            filing_json(service.load_filing(uow.session, current_actor(), filing.id))
        )


@routes.route(
    "/filings/<int:filing_id>/registration",
    "POST",
    summary="Consemnează numărul dosarului dat de instanță (ECRIS)",
    body=schemas.RegistrationIn,
    response=schemas.FilingOut,
)
def register_filing(filing_id: int, body):
    with unit_of_work() as uow:
        filing = court_side.register(
            uow, current_actor(), filing_id, body.registration_number, now(), body.on
        )
        response = jsonify(filing_json(filing))
        uow.commit()
        return response


@routes.route(
    "/filings/<int:filing_id>/status",
    "POST",
    summary="Consemnează un pas al instanței (termen, soluție, comunicare, "
    "rămânere definitivă)",
    body=schemas.StatusIn,
    response=schemas.FilingOut,
)
def record_status(filing_id: int, body):
    with unit_of_work() as uow:
        filing = court_side.record_status(
            uow, current_actor(), filing_id, Status(body.status), body.on, now(), body.note
        )
        response = jsonify(filing_json(filing))
        uow.commit()
        return response


# ---- the registry's replies (read from the directorate's mailbox) -----------------------


def reply_json(reply) -> dict:
    return schemas.FilingReplyOut.model_validate(reply).model_dump(mode="json")


@routes.route(
    "/filings/<int:filing_id>/replies",
    "GET",
    summary="Răspunsurile registraturii la cerere, citite din căsuța poștală a direcției",
    response=schemas.FilingReplyList,
)
def list_replies(filing_id: int):
    with unit_of_work() as uow:
        items = replies.list_replies(uow.session, current_actor(), filing_id)
        return jsonify(
            schemas.FilingReplyList(
                items=[schemas.FilingReplyOut.model_validate(i) for i in items],
                total=len(items),
            ).model_dump(mode="json")
        )


@routes.route(
    "/filings/<int:filing_id>/replies/<int:reply_id>/confirm",
    "POST",
    summary="Confirmă numărul de dosar propus din răspunsul registraturii "
    "(sau unul corectat): devine numărul cererii",
    body=schemas.ConfirmReplyIn,
    response=schemas.FilingReplyOut,
)
def confirm_reply(filing_id: int, reply_id: int, body):
    with unit_of_work() as uow:
        reply = replies.confirm(
            uow,
            current_actor(),
            filing_id,
            reply_id,
            now(),
            number=body.registration_number,
            on=body.on,
        )
        response = jsonify(reply_json(reply))
        uow.commit()
        return response


@routes.route(
    "/filings/<int:filing_id>/replies/<int:reply_id>/reject",
    "POST",
    summary="Respinge răspunsul registraturii (numărul propus nu este al cererii)",
    response=schemas.FilingReplyOut,
)
def reject_reply(filing_id: int, reply_id: int):
    with unit_of_work() as uow:
        reply = replies.reject(uow, current_actor(), filing_id, reply_id, now())
        response = jsonify(reply_json(reply))
        uow.commit()
        return response


@routes.route(
    "/filings/<int:filing_id>/manifest",
    "GET",
    summary="Manifestul XML al pachetului semnat",
    response_media={"application/xml": {"schema": {"type": "string"}}},
)
def get_manifest(filing_id: int):
    with unit_of_work() as uow:
        filing = service.load_filing(uow.session, current_actor(), filing_id)
    if not filing.manifest_sha256:
        raise DomainError(
            "Pachetul nu este încă semnat: manifestul se întocmește la semnare.",
            field="status",
            code=Code.NO_MANIFEST,
        )
    return Response(store().get(filing.manifest_sha256), mimetype="application/xml")


@routes.route(
    "/filings/<int:filing_id>/validation-sheet",
    "GET",
    summary="Fișa de validare a semnăturilor pachetului semnat (PDF/A de o pagină, de "
    "tipărit): fiecare fișier cu amprenta SHA-256, semnăturile și codul QR de verificare",
    response_media={"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
)
def get_validation_sheet(filing_id: int):
    tools = sheet.app_tools()
    with unit_of_work() as uow:
        filing = service.load_filing(uow.session, current_actor(), filing_id)
        data = sheet.make(uow.session, filing, tools)
    response = Response(data, mimetype="application/pdf")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="fisa-de-validare-cererea-{filing.id}.pdf"'
    )
    return response


# ---- registratura.rejust.ro ------------------------------------------------------------


@routes.route(
    "/filings/<int:filing_id>/rejust-package",
    "GET",
    summary="Pachetul pentru registratura electronică (registratura.rejust.ro): "
    "fișierele în ordinea și cu denumirile instanței, cu opisul lor",
    response_media={"application/zip": {"schema": {"type": "string", "format": "binary"}}},
)
def get_rejust_package(filing_id: int):
    tools = adapters.current()
    with unit_of_work() as uow:
        package = rejust.build_package(
            uow.session,
            current_actor(),
            filing_id,
            store=store(),
            converter=tools.converter,
        )
        uow.commit()  # the export's audit entry
    response = Response(package.zip_bytes(), mimetype="application/zip")
    response.headers["Content-Disposition"] = f'attachment; filename="{package.download_name}"'
    return response


@routes.route(
    "/filings/<int:filing_id>/rejust-sent",
    "POST",
    summary="Consemnează depunerea prin registratura electronică: dovada depunerii "
    "dată de portal (PDF); cererea devine trimisă",
    query=schemas.RejustSentQuery,
    response=schemas.FilingOut,
    request_media={"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
)
def record_rejust_sent(filing_id: int, query):
    actor = current_actor()
    with unit_of_work() as uow:
        service.load_filing(uow.session, actor, filing_id)  # 404 before anything else
    if request.mimetype != "application/pdf":
        raise ApiProblem(
            415,
            "Tip de conținut nesuportat",
            "Trimiteți dovada depunerii ca application/pdf.",
            code=Code.UNSUPPORTED_MEDIA_TYPE,
        )
    data = read_body(current_app.config["MAX_CONTENT_LENGTH"])
    with unit_of_work() as uow:
        filing = rejust.record_sent(
            uow,
            actor,
            filing_id,
            proof=data,
            on=query.on,
            now=now(),
            store=store(),
            parse_seconds=float(current_app.config["PDF_PARSE_SECONDS"]),
        )
        response = jsonify(filing_json(filing))
        uow.commit()
        return response


@routes.route(
    "/filings/<int:filing_id>/proof",
    "GET",
    summary="Descarcă dovada depunerii prin registratura electronică",
    response_media={"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
)
def get_proof(filing_id: int):
    with unit_of_work() as uow:
        name, data = rejust.proof_of(uow.session, current_actor(), filing_id, store())
        uow.commit()  # the download's audit entry
    response = Response(data, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# ---- the court directory ----------------------------------------------------------------


def court_json(court) -> dict:
    return schemas.CourtOut.model_validate(court).model_dump(mode="json")


@routes.route(
    "/courts", "GET", summary="Instanțele direcției: adresele registraturilor și limitele lor"
)
def list_courts():
    with unit_of_work() as uow:
        items = courts.list_courts(uow.session, current_actor())
        uow.commit()  # the first listing seeds the directory
        return jsonify([court_json(c) for c in items])


@routes.route(
    "/courts/<int:court_id>",
    "GET",
    summary="Citește o instanță din listă",
    response=schemas.CourtOut,
)
def get_court(court_id: int):
    with unit_of_work() as uow:
        return jsonify(court_json(courts.get_court(uow.session, current_actor(), court_id)))


@routes.route(
    "/courts/<int:court_id>",
    "PATCH",
    summary="Modifică o instanță "
    "(administrator): adresa registraturii, confirmarea ei, regulile instanței și sursele lor",
    body=schemas.CourtPatch,
    response=schemas.CourtOut,
)
def update_court(court_id: int, body):
    actor = current_actor()
    with unit_of_work() as uow:
        court = courts.update_court(
            uow, actor, court_id, body.model_dump(mode="json", exclude_unset=True), now=now()
        )
        response = jsonify(court_json(court))
        uow.commit()
        return response
