"""Backup and restore: ``filing-service backup DIR`` writes every row and every stored file
with a manifest of hashes; ``filing-service restore DIR`` puts them into an empty
instance, on SQLite and PostgreSQL and across them, or writes nothing at all.

The instance is filled through the service's own paths: cases through the API, a
document version whose PDF/A the legal counsel signs with the test PKI's PKCS#12 key, and
a filing with that signed PDF uploaded into it. Here beside the signing tests, whose
PKI, key and PDF/A fixtures it uses.
"""

import hashlib
import json
import os
import shutil
import stat
import uuid
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.pool import NullPool

from filing_service import backup, migrate
from filing_service.auth.actor import Actor
from filing_service.auth.tokens import issue_token
from filing_service.db import unit_of_work
from filing_service.models import Base, Directorate, Document, User
from filing_service.signing import service
from tests import builders
from tests.conftest import BACKENDS, PG_ADMIN_URL, _pg_url, make_app

from .conftest import signing_app_on


@pytest.fixture
def new_database(request, tmp_path):
    """``make(backend)``: the URL of a new database migrated to head, with nothing in it
    but what the migrations seed; each is dropped after the test."""
    drops = []

    def make(backend: str) -> str:
        if backend == "sqlite":
            path = tmp_path / f"{uuid.uuid4().hex[:10]}.sqlite3"
            shutil.copy(request.getfixturevalue("sqlite_template"), path)
            return f"sqlite:///{path}"
        name = f"fs_restore_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=5) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        drops.append(name)
        url = _pg_url(name)
        migrate.upgrade(url)
        return url

    yield make
    for name in drops:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _app(url: str, folder: Path, **extra):
    """An app of its own (database, content store) for one instance."""
    folder.mkdir(parents=True, exist_ok=True)
    return make_app(url, folder, STORAGE_DIR=str(folder / "storage"), **extra)


@pytest.fixture
def source(database_url, tmp_path, profile, secrets_file):
    """The instance to back up, on each database, with Cluj's signature profile."""
    folder = tmp_path / "source"
    folder.mkdir(parents=True)
    yield from signing_app_on(
        database_url, folder, profile, secrets_file, STORAGE_DIR=str(folder / "storage")
    )


def _fill(app, pdfa: bytes, make_token) -> None:
    """Cases, a signed document version and a filing holding the signed PDF."""
    client = app.test_client()
    headers = make_token("CJ")
    cases = [
        client.post("/api/v1/cases", json=builders.case(), headers=headers).get_json()["id"]
        for _ in range(2)
    ]
    tools = app.extensions["adapters"]
    with app.app_context(), unit_of_work() as uow:
        cluj = uow.session.scalar(select(Directorate).where(Directorate.code == "CJ"))
        counsel = User(
            directorate_id=cluj.id,
            username="ana.popescu",
            full_name="Ana Popescu",
            role="consilier_juridic",
            password_hash="!",
        )
        uow.session.add(counsel)
        data = json.dumps({"copil": "date de test"}).encode()
        document = Document(
            case_id=cases[0],
            doc_type="cerere_art70",
            template_name="cerere_art70.docx",
            template_version="test",
            data_sha256=tools.content.put(data),
            pdf_sha256=tools.content.put(pdfa),
        )
        uow.session.add(document)
        uow.commit()
        actor = Actor(
            kind="user",
            id=counsel.id,
            name=counsel.full_name,
            directorate_id=cluj.id,
            role=counsel.role,
        )
        signature = service.sign_document(
            uow,
            actor,
            document.id,
            "consilier_juridic",
            signer=tools.signer,
            content=tools.content,
            now=tools.clock.now,
        )
        uow.commit()
        signed = tools.content.get(signature.output_sha256)
    filing = client.post(
        f"/api/v1/cases/{cases[0]}/filings",
        json={"object": "Înlocuirea plasamentului", "legal_basis": "art. 70 alin. (1)"},
        headers=headers,
    ).get_json()
    uploaded = client.post(
        f"/api/v1/filings/{filing['id']}/documents/cerere",
        data=signed,
        content_type="application/pdf",
        headers=headers,
    )
    assert uploaded.status_code == 201, uploaded.get_json()


def _rows(url: str) -> dict[str, list[dict]]:
    """Every row of every table of the model, by primary key."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return {
                table.name: [
                    dict(row)
                    for row in conn.execute(
                        select(table).order_by(*table.primary_key.columns)
                    ).mappings()
                ]
                for table in Base.metadata.sorted_tables
            }
    finally:
        engine.dispose()


def _files(app) -> dict[str, str]:
    """Every stored file, by its path in the store, with the SHA-256 of its bytes."""
    root = Path(app.config["STORAGE_DIR"])
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _run(app, *args):
    return app.test_cli_runner().invoke(args=[str(a) for a in args])


@pytest.mark.parametrize("target_backend", BACKENDS)
def test_a_backup_restores_every_row_and_every_file_into_an_empty_instance(
    source, pdfa, make_token, new_database, tmp_path, target_backend
):
    _fill(source, pdfa, make_token)
    folder = tmp_path / "copie"
    made = _run(source, "backup", folder)
    assert made.exit_code == 0, made.output
    assert "Copia de siguranță" in made.output

    target_url = new_database(target_backend)
    target_iter = _app(target_url, tmp_path / "target")
    target = next(target_iter)
    restored = _run(target, "restore", folder)
    assert restored.exit_code == 0, restored.output

    before, after = _rows(source.config["DATABASE_URL"]), _rows(target_url)
    assert {name: len(rows) for name, rows in after.items()} == {
        name: len(rows) for name, rows in before.items()
    }
    for name in ("cases", "documents", "signatures", "filings", "filing_documents"):
        assert before[name], f"the instance was not filled: no {name}"
    assert after == before
    assert _files(target) == _files(source)
    # The restored instance goes on: a new case gets a new id (sequences follow the rows).
    created = target.test_client().post(
        "/api/v1/cases", json=builders.case(), headers=_token(target)
    )
    assert created.status_code == 201, created.get_json()
    assert created.get_json()["id"] > max(row["id"] for row in before["cases"])
    next(target_iter, None)


def _token(app) -> dict:
    with app.app_context(), unit_of_work() as uow:
        cluj = uow.session.scalar(select(Directorate).where(Directorate.code == "CJ"))
        issued = issue_token(uow.session, cluj.id, "sistem restaurat")
        uow.commit()
    return {"Authorization": f"Bearer {issued.token}"}


def test_every_stored_hash_column_is_either_copied_or_known_not_to_be_a_file():
    stored = {
        (table, column) for table, columns in backup.REFERENCES.items() for column in columns
    }
    hashes = {
        (table.name, column.name)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if column.name.endswith("sha256")
    }
    assert hashes == stored | backup.NOT_STORED


@pytest.fixture
def small_backup(app, make_token, tmp_path) -> Path:
    """A backup of an instance holding one case and a document's stored data."""
    client = app.test_client()
    case_id = client.post(
        "/api/v1/cases", json=builders.case(), headers=make_token("CJ")
    ).get_json()["id"]
    content = app.extensions["adapters"].content
    with app.app_context(), unit_of_work() as uow:
        uow.session.add(
            Document(
                case_id=case_id,
                doc_type="cerere_art70",
                template_name="cerere_art70.docx",
                template_version="test",
                data_sha256=content.put(b'{"copil": "date de test"}'),
            )
        )
        uow.commit()
    folder = tmp_path / "copie"
    made = _run(app, "backup", folder)
    assert made.exit_code == 0, made.output
    return folder


@pytest.fixture
def empty_target(new_database, tmp_path):
    """An empty SQLite instance to restore into."""
    target_iter = _app(new_database("sqlite"), tmp_path / "target")
    yield next(target_iter)
    next(target_iter, None)


def _is_empty(app) -> bool:
    rows = _rows(app.config["DATABASE_URL"])
    return not _files(app) and all(not r for name, r in rows.items() if name != "directorates")


def _tamper(path: Path, old: bytes, new: bytes) -> None:
    path.chmod(0o644)
    data = path.read_bytes()
    assert old in data
    path.write_bytes(data.replace(old, new, 1))


def test_a_restore_refuses_an_instance_that_is_not_empty(small_backup, empty_target):
    _run(empty_target, "restore", small_backup)
    before = _rows(empty_target.config["DATABASE_URL"])
    again = _run(empty_target, "restore", small_backup)
    assert again.exit_code != 0
    assert "Instanța nu este goală (tabelul" in again.output
    assert _rows(empty_target.config["DATABASE_URL"]) == before


def test_a_changed_stored_file_in_the_backup_is_refused_before_anything_is_written(
    small_backup, empty_target
):
    [stored] = [p for p in (small_backup / "files").rglob("*") if p.is_file()]
    _tamper(stored, b"test", b"TEST")
    refused = _run(empty_target, "restore", small_backup)
    assert refused.exit_code != 0
    assert f"Fișierul {stored.name} lipsește din copie sau a fost modificat." in refused.output
    assert _is_empty(empty_target)


def test_a_changed_row_in_the_backup_is_refused_before_anything_is_written(
    small_backup, empty_target
):
    _tamper(small_backup / "database" / "cases.jsonl", b'"id": 1', b'"id": 7')
    refused = _run(empty_target, "restore", small_backup)
    assert refused.exit_code != 0
    assert "Fișierul tabelului cases lipsește sau a fost modificat." in refused.output
    assert _is_empty(empty_target)


def test_a_backup_without_its_manifest_is_not_restored(small_backup, empty_target):
    (small_backup / "manifest.json").unlink()
    refused = _run(empty_target, "restore", small_backup)
    assert refused.exit_code != 0 and "nu conține manifest.json" in refused.output
    assert _is_empty(empty_target)


def test_a_backup_is_not_written_into_a_folder_that_holds_files(app, tmp_path):
    folder = tmp_path / "ocupat"
    folder.mkdir()
    (folder / "altceva.txt").write_text("x")
    refused = _run(app, "backup", folder)
    assert refused.exit_code != 0 and "nu este gol" in refused.output
    assert sorted(p.name for p in folder.iterdir()) == ["altceva.txt"]


def test_a_manifest_of_the_wrong_shape_is_refused_before_anything_is_written(
    small_backup, empty_target
):
    path = small_backup / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["tables"]["cases"] = "toate"
    path.write_text(json.dumps(manifest))
    refused = _run(empty_target, "restore", small_backup)
    assert refused.exit_code != 0
    assert "manifest.json sau un tabel nu are forma așteptată" in refused.output
    assert _is_empty(empty_target)


def test_only_the_services_user_can_read_a_backup_whatever_the_umask(app, tmp_path):
    folder = tmp_path / "copie"
    previous = os.umask(0o022)
    try:
        made = _run(app, "backup", folder)
    finally:
        os.umask(previous)
    assert made.exit_code == 0, made.output
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in [folder / "manifest.json", *(folder / "database").iterdir()]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_a_backup_that_misses_a_stored_file_fails_and_leaves_no_manifest(
    app, make_token, tmp_path
):
    case_id = (
        app.test_client()
        .post("/api/v1/cases", json=builders.case(), headers=make_token("CJ"))
        .get_json()["id"]
    )
    lost = hashlib.sha256(b"nu mai este").hexdigest()
    with app.app_context(), unit_of_work() as uow:
        uow.session.add(
            Document(
                case_id=case_id,
                doc_type="cerere_art70",
                template_name="cerere_art70.docx",
                template_version="test",
                data_sha256=lost,
            )
        )
        uow.commit()
    folder = tmp_path / "copie"
    refused = _run(app, "backup", folder)
    assert refused.exit_code != 0
    assert f"Fișierul {lost} lipsește din depozitul de fișiere." in refused.output
    assert not (folder / "manifest.json").exists()
