"""Commands: ``filing-service templates list|lint`` and ``filing-service documents
render|sample``."""

import json
import os
import tempfile
from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from .. import adapters
from ..api.problems import validation_errors
from ..cases.findings import findings
from ..cases.schemas import CaseIn
from ..clock import today
from ..db import unit_of_work
from ..errors import RuleViolation
from ..law.errors import DomainError
from ..models import Directorate
from .catalog import COURT, DOC_TYPES, VARIANTS
from .context import build_context
from .converter import ConversionFailed
from .lint import Problem, lint_template
from .render import render_docx, template_bytes
from .sample import sample_case
from .scratch import scratch_case
from .service import doc_type_of

templates = AppGroup("templates", help="Șabloanele DOCX ale documentelor.")
documents = AppGroup("documents", help="Generarea documentelor din date JSON.")


def init_app(app: Flask) -> None:
    app.cli.add_command(templates)
    app.cli.add_command(documents)


# ---- templates -------------------------------------------------------------------------


@templates.command("list")
def list_templates():
    """List every document type with its template, version and variants."""
    folder = adapters.current().templates
    for doc_type in DOC_TYPES.values():
        present = "" if (folder / doc_type.template).exists() else "  [LIPSEȘTE]"
        click.echo(
            f"{doc_type.id:28} {doc_type.template:34} v{doc_type.version:4} "
            f"{'/'.join(doc_type.variants()):18} {doc_type.title}{present}"
        )


def lint_all(folder: Path, on) -> dict[str, list[Problem]]:
    """Lint every template of the catalog against the sample case's contexts."""
    results: dict[str, list[Problem]] = {}
    data = CaseIn.model_validate(sample_case(on))
    with scratch_case(data, on, director="Ion Exemplu") as (session, case):
        found = findings(session, case, on)
        for doc_type in DOC_TYPES.values():
            path = folder / doc_type.template
            if not path.exists():
                results[doc_type.template] = [
                    Problem(doc_type.template, "(fișierul întreg)", "șablonul lipsește")
                ]
                continue
            contexts = {
                v: build_context(session, case, doc_type, v, on, case.directorate, found)
                for v in doc_type.variants()
            }
            results[doc_type.template] = lint_template(doc_type.template, path, contexts)
    return results


@templates.command("lint")
def lint_templates():
    """Check every template (Jinja syntax, fields the data lacks); exit 1 on a problem."""
    results = lint_all(adapters.current().templates, today())
    for name, problems in results.items():
        click.echo(f"{'OK' if not problems else 'EROARE':7} {name}")
        for problem in problems:
            where = (
                ""
                if problem.paragraph.startswith("(")
                else f" — în paragraful „{problem.paragraph}”"
            )
            click.echo(f"        {problem.message}{where}")
    bad = sum(1 for p in results.values() if p)
    click.echo(f"{len(results)} șabloane, {bad} cu probleme.")
    if bad:
        raise SystemExit(1)


# ---- documents -------------------------------------------------------------------------


@documents.command("sample")
def print_sample():
    """Print a fictional case as JSON, an example for ``documents render --data``."""
    click.echo(json.dumps(sample_case(today()), ensure_ascii=False, indent=2))


@documents.command("render")
@click.option("--type", "type_id", required=True, help="Tipul documentului (ex. cerere_art70)")
@click.option(
    "--data",
    "data_path",
    required=True,
    type=click.Path(dir_okay=False),
    help="Fișier JSON cu datele cauzei (forma CaseIn a API-ului)",
)
@click.option(
    "--out",
    "out_path",
    required=True,
    type=click.Path(dir_okay=False),
    help="Unde se scrie PDF-ul",
)
@click.option("--variant", default=str(COURT), type=click.Choice([str(v) for v in VARIANTS]))
@click.option("--docx", "with_docx", is_flag=True, help="Scrie și DOCX-ul lângă PDF")
@click.option("--directorate", default="CJ", help="Codul direcției (CJ, B3, ...)")
@click.option("--director", default=None, help="Numele directorului, pentru semnături")
def render_command(type_id, data_path, out_path, variant, with_docx, directorate, director):
    """Render a document from a JSON file of case data, without storing anything."""
    try:
        doc_type = doc_type_of(type_id, variant)
    except DomainError as exc:
        raise click.BadParameter(exc.message, param_hint=f"--{exc.field}") from None
    data = _read_case(data_path)
    on = today()
    try:
        with scratch_case(
            data, on, directorate, director, known=_known_directorate(directorate)
        ) as (session, case):
            context = build_context(
                session,
                case,
                doc_type,
                variant,
                on,
                case.directorate,
                findings(session, case, on),
            )
        tools = adapters.current()
        docx = render_docx(template_bytes(tools.templates / doc_type.template), context)
        pdf = tools.converter.convert(docx)
    except RuleViolation as exc:
        raise click.ClickException(
            "Legea nr. 272/2004 nu permite documentul: "
            + "; ".join(f"{f.message} ({f.article})" for f in exc.findings)
        ) from None
    except DomainError as exc:
        raise click.ClickException(f"{exc.field or 'date'}: {exc.message}") from None
    except ConversionFailed as exc:
        raise click.ClickException(exc.message) from None
    out = Path(out_path)
    _write_atomically(out, pdf)
    if with_docx:
        _write_atomically(out.with_suffix(".docx"), docx)
    click.echo(f"Scris: {out}" + (f" și {out.with_suffix('.docx')}" if with_docx else ""))


def _known_directorate(code: str) -> dict | None:
    """The directorate's own settings (director, legal counsel) from the service's
    database, when there is one; the command also works without it."""
    try:
        with unit_of_work() as uow:
            found = uow.session.scalar(
                select(Directorate).where(Directorate.code == code.upper())
            )
            if found is None:
                return None
            return {
                "name": found.name,
                "seat": found.seat,
                "tribunal": found.tribunal,
                "legal_representative": found.legal_representative,
                "settings": dict(found.settings or {}),
            }
    except SQLAlchemyError:
        return None


def _read_case(path: str) -> CaseIn:
    """The JSON file as a CaseIn, or a message that says what is wrong and where."""
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise click.BadParameter("fișierul nu există.", param_hint="--data") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise click.BadParameter(
            f"fișierul nu poate fi citit ca text UTF-8 ({type(exc).__name__}).",
            param_hint="--data",
        ) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise click.BadParameter(
            f"nu este JSON valid (linia {exc.lineno}, coloana {exc.colno}).",
            param_hint="--data",
        ) from None
    try:
        return CaseIn.model_validate(data)
    except ValidationError as exc:
        lines = [f"{e['field'] or 'corp'}: {e['message']}" for e in validation_errors(exc)]
        raise click.BadParameter(
            "datele cauzei nu sunt valide:\n  " + "\n  ".join(lines), param_hint="--data"
        ) from None


def _write_atomically(target: Path, data: bytes) -> None:
    """Write ``target`` whole or not at all (a failure leaves no half-written file)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
