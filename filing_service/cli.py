"""Command-line commands: ``filing-service <command>`` (or ``flask --app filing_service``)."""

import json
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from . import adapters, backup, db, migrate
from .auth.passwords import hash_password
from .auth.roles import Role
from .auth.tokens import issue_token
from .db import unit_of_work
from .demo import load_demo
from .models import Directorate, User


def init_app(app: Flask) -> None:
    for command in (
        init_db,
        seed_demo,
        create_user,
        issue_token_command,
        backup_command,
        restore_command,
    ):
        app.cli.add_command(command)


@click.command("init-db")
@with_appcontext
def init_db():
    """Create or upgrade the database schema (Alembic migrations to head)."""
    migrate.upgrade(current_app.config["DATABASE_URL"])
    click.echo("Baza de date este la zi.")


@click.command("seed-demo")
@with_appcontext
def seed_demo():
    """Load fictional users and cases for a demonstration (idempotent)."""
    created = load_demo(current_app)
    click.echo(f"Date demonstrative: {created} înregistrări noi.")


@click.command("create-user")
@with_appcontext
@click.option("--directorate", required=True, help="Codul direcției (CJ, B3, ...)")
@click.option("--username", required=True)
@click.option("--full-name", required=True)
@click.option(
    "--role",
    type=click.Choice([r.value for r in Role if r != Role.CASE_SYSTEM]),
    required=True,
)
@click.option("--email")
@click.password_option(help="Parola (cerută interactiv dacă lipsește)")
def create_user(directorate, username, full_name, role, email, password):
    """Create a web user of a directorate."""
    with unit_of_work() as uow:
        target = _directorate(uow.session, directorate)
        uow.session.add(
            User(
                directorate_id=target.id,
                username=username,
                full_name=full_name,
                role=role,
                email=email,
                password_hash=hash_password(password),
            )
        )
        uow.commit()
    click.echo(f"Utilizatorul {username} a fost creat.")


@click.command("issue-token")
@with_appcontext
@click.option("--directorate", required=True, help="Codul direcției (CJ, B3, ...)")
@click.option("--name", required=True, help="Numele sistemului care va folosi tokenul")
def issue_token_command(directorate, name):
    """Issue an API token for a case system; the token is printed once, never stored."""
    with unit_of_work() as uow:
        target = _directorate(uow.session, directorate)
        issued = issue_token(uow.session, target.id, name)
        uow.commit()
    click.echo(json.dumps({"token": issued.token, "id": issued.record.id}))


@click.command("backup")
@with_appcontext
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
def backup_command(folder: Path):
    """Write a consistent backup (every table's rows and the stored files they name, with
    a manifest of hashes) into FOLDER, a new or empty folder."""
    tools = adapters.current()
    try:
        made = backup.backup(db.engine(), tools.content, folder, made_at=tools.clock.now())
    except backup.BackupError as refused:
        raise click.ClickException(str(refused)) from None
    click.echo(
        f"Copia de siguranță a fost scrisă în {folder}: "
        f"{made.rows} rânduri, {made.files} fișiere."
    )


@click.command("restore")
@with_appcontext
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
def restore_command(folder: Path):
    """Restore the backup in FOLDER into this instance, which must be empty (init-db run,
    nothing else); every hash is checked before anything is written."""
    try:
        made = backup.restore(db.engine(), adapters.current().content, folder)
    except backup.BackupError as refused:
        raise click.ClickException(str(refused)) from None
    click.echo(
        f"Copia din {folder} a fost restaurată: {made.rows} rânduri, {made.files} fișiere."
    )


def _directorate(session, code: str) -> Directorate:
    found = session.scalar(select(Directorate).where(Directorate.code == code.upper()))
    if found is None:
        raise click.BadParameter(f"direcția {code} nu există", param_hint="--directorate")
    return found
