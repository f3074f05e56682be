"""The document wizard: choose a type, see the rules engine's findings, generate,
preview, sign, download (filled in as the documents and signing capabilities land)."""
from flask import Blueprint, render_template

from ...cases import service
from ...clock import today
from ...db import unit_of_work
from .. import capabilities
from ..session import actor, login_required

blueprint = Blueprint("documents", __name__, url_prefix="/cases/<int:case_id>/documents")


@blueprint.get("")
@login_required
def wizard(case_id: int):
    """Step one: the document types, with what the law says of this case."""
    with unit_of_work() as uow:
        case = service.load_case(uow.session, actor(), case_id)
        findings = service.findings(uow.session, case, today())
        return render_template("web/documents/wizard.html", case=case, findings=findings,
                               available=False, note=capabilities.NOT_YET)
