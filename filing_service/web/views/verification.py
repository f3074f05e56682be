"""The public verification page a validation sheet's QR code leads to:
``/verificare/<sha256>``, with no log-in.

It answers only for the exact SHA-256 of a file of a signed (frozen) package the service
holds: the document's type, the directorate that filed it and its signatures (signer,
role, time, level, qualification, result), validated again from the stored file. No
title, no file name, no case: nothing of the child. Anything else (an unknown hash, a
draft's file, a malformed address) gets the same Romanian 404, so the page tells nothing
beyond whether the service holds a signed file with that hash, which only someone who
has the file can ask. Each address may ask ``VERIFICATION_PER_MINUTE`` times a minute
(counted per process, on the app's clock): a validation costs CPU.
"""

import re

from flask import Blueprint, current_app, render_template, request

from ... import adapters
from ...clock import now, zone
from ...db import unit_of_work
from ...filings import sheet
from ...signing.trust import load_trust_roots
from ...storage import store

blueprint = Blueprint("verification", __name__)
_SHA256 = re.compile(r"[0-9a-f]{64}")
_HITS = "verification_hits"


def _too_many() -> bool:
    """Count this request against its address's minute; True once over the limit."""
    minute = now().strftime("%Y%m%d%H%M")
    hits: dict = current_app.extensions.setdefault(_HITS, {})
    if hits.get("minute") != minute:
        hits.clear()
        hits["minute"] = minute
    address = request.remote_addr or "-"
    hits[address] = hits.get(address, 0) + 1
    return hits[address] > int(current_app.config["VERIFICATION_PER_MINUTE"])


@blueprint.get("/verificare/<sha256>")
def verify(sha256: str):
    """What the service holds for the file ``sha256``."""
    if _too_many():
        page = render_template("web/verification/limited.html")
        return page, 429, {"Retry-After": "60"}
    digest = sha256.lower()
    found = None
    if _SHA256.fullmatch(digest):
        with unit_of_work() as uow:
            document = sheet.held_file(uow.session, digest)
            if document is not None:
                found = _answer(uow.session, document, digest)
    if found is None:
        shown = digest if _SHA256.fullmatch(digest) else None
        return render_template("web/verification/unknown.html", sha256=shown), 404
    return render_template("web/verification/file.html", **found)


def _answer(session, document, digest: str) -> dict:
    case = document.filing.case
    dirs = current_app.config.get("SIGNATURE_TRUST_DIRS")
    lines: list[sheet.SignatureLine]
    problem: str | None
    try:
        data = store().get(digest)
    except OSError:
        lines, problem = [], "Fișierul păstrat nu mai corespunde amprentei sale."
    else:
        lines, problem = sheet.file_signatures(
            session,
            data,
            digest,
            case.directorate_id,
            trust_roots=load_trust_roots(dirs) if dirs is not None else [],
            zone=zone(),
            parse_seconds=float(current_app.config["PDF_PARSE_SECONDS"]),
            trusted_lists=adapters.current().signer.trusted_lists(),
        )
    return {
        "sha256": digest,
        "kind": sheet.kind_label(document.role),
        "directorate": case.directorate.name,
        "signatures": lines,
        "problem": problem,
        "verified_at": sheet.moment_ro(now(), zone()),
    }
