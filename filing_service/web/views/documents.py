"""The document wizard: choose a type, see what the law says of the case (errors block a
court document), generate it (petitions with the parents' variant alongside), preview the
PDF in the page, sign it with a key of the directorate's profile, download it."""

import io

from flask import Blueprint, flash, redirect, render_template, request, send_file, url_for

from ...cases import service as cases
from ...clock import today
from ...db import unit_of_work
from ...error_handlers import describe
from ...errors import NotFound
from ...http_security import allow_same_origin_frames
from ...law import rules
from .. import docs
from ..forms import FORM_ERRORS, errors_of
from ..session import actor, login_required, require

blueprint = Blueprint("documents", __name__, url_prefix="/cases/<int:case_id>/documents")


@blueprint.get("")
@login_required
def wizard(case_id: int):
    """Step one: the document types, the rules engine's findings, the documents made."""
    with unit_of_work() as uow:
        case = cases.load_case(uow.session, actor(), case_id)
        findings = cases.findings(uow.session, case, today())
        first = docs.suggested(case)
        return render_template(
            "web/documents/wizard.html",
            case=case,
            findings=findings,
            blocking=rules.errors(findings),
            types=docs.doc_types(first),
            suggested=first,
            rows=docs.rows(uow.session, actor(), case_id),
        )


@blueprint.route("/new/<type_id>", methods=["GET", "POST"])
@require("generate")
def generate(case_id: int, type_id: str):
    """Step two: review what the law says for this document, then generate it."""
    kind = docs.doc_type(type_id)
    if kind is None:
        raise NotFound("Tipul de document")
    with unit_of_work() as uow:
        case = cases.load_case(uow.session, actor(), case_id)
        findings = cases.findings(uow.session, case, today())
        blocking = rules.errors(findings) if kind.court_document else []
        problem = None
        if request.method == "POST" and not blocking:
            try:
                # Both variants, or neither: one commit once the last one is made.
                made = docs.generate(uow, actor(), case_id, type_id, today())
                uow.commit()
            except FORM_ERRORS as exc:
                uow.rollback()
                answer = describe(exc)  # the law's findings are listed, anything else said
                blocking, problem = answer.findings, None if answer.findings else answer.detail
            else:
                flash(
                    f"„{kind.title}” a fost generat"
                    + (" împreună cu varianta pentru părinți." if len(made) > 1 else "."),
                    "success",
                )
                return redirect(
                    url_for(".show", case_id=case_id, document_id=made[0].document.id)
                )
        status = 422 if request.method == "POST" else 200
        return render_template(
            "web/documents/generate.html",
            case=case,
            kind=kind,
            findings=findings,
            blocking=blocking,
            problem=problem,
        ), status


@blueprint.get("/<int:document_id>")
@login_required
def show(case_id: int, document_id: int):
    """Step three: the PDF in the page, its signatures, the form to sign it, the
    parents' variant alongside."""
    with unit_of_work() as uow:
        return _show_page(uow.session, case_id, document_id)


def _show_page(session, case_id: int, document_id: int, status: int = 200, **extra):
    document = _document(session, case_id, document_id)
    other = docs.sibling(session, actor(), document)
    keys, level, no_keys = docs.keys_for(session, actor())
    return render_template(
        "web/documents/show.html",
        case=document.case,
        doc=docs.row(session, document),
        other=docs.row(session, other) if other else None,
        keys=keys,
        level=level,
        levels=docs.LEVELS,
        no_keys=no_keys,
        remote_keys=[k.name for k in keys if k.remote],
        **extra,
    ), status


def _document(session, case_id: int, document_id: int):
    document = docs.load(session, actor(), document_id)
    if document.case_id != case_id:
        raise NotFound("Documentul")
    return document


# The inputs of the signing form, next to which an error is shown.
SIGN_INPUTS = {"key", "level", "pin", "otp"}


@blueprint.post("/<int:document_id>/sign")
@require("sign")
def sign(case_id: int, document_id: int):
    """Sign with the chosen key; the PIN typed is used once and never kept or shown."""
    form = request.form
    with unit_of_work() as uow:
        _document(uow.session, case_id, document_id)
        try:
            docs.sign(
                uow,
                actor(),
                document_id,
                form.get("key", ""),
                form.get("level"),
                form.get("pin", ""),
                form.get("otp", "").strip(),
            )
            uow.commit()
        except FORM_ERRORS as exc:
            uow.rollback()
            return _show_page(
                uow.session,
                case_id,
                document_id,
                422,
                error=describe(exc).detail,
                field_errors=errors_of(exc, SIGN_INPUTS).errors,
                chosen_key=form.get("key"),
                chosen_level=form.get("level"),
            )
    flash("Documentul a fost semnat.", "success")
    return redirect(url_for(".show", case_id=case_id, document_id=document_id))


@blueprint.get("/<int:document_id>/pdf")
@login_required
def pdf(case_id: int, document_id: int):
    """The PDF, inline for the preview or as a download (``?descarca=1``)."""
    with unit_of_work() as uow:
        _document(uow.session, case_id, document_id)
        data, name = docs.pdf(uow, actor(), document_id)
        uow.commit()  # the download is audited
    # send_file writes a Romanian name as RFC 6266 filename* with an ASCII fallback:
    # a raw header would not survive the HTTP/1.1 latin-1 header encoding.
    response = send_file(
        io.BytesIO(data),
        mimetype="application/pdf",
        download_name=name,
        as_attachment=bool(request.args.get("descarca")),
    )
    response.headers["Cache-Control"] = "private, no-store"
    return allow_same_origin_frames(response)  # the preview frames it in the page
