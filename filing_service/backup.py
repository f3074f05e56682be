"""Backup and restore: the database and the content store, checked by a manifest of hashes.

A backup is a folder:

- ``database/<table>.jsonl``: every row of every table of the model, one JSON object a
  line, ordered by primary key, read in one transaction (a consistent snapshot: on
  PostgreSQL a read-only REPEATABLE READ transaction, on SQLite the write lock the
  engine's transactions take). JSON lines rather than a native dump, so a backup of
  SQLite restores into PostgreSQL and back.
- ``files/``: every file the rows refer to (``REFERENCES``), laid out as the content
  store lays them out. Stored files are never rewritten nor removed once a committed row
  names them, so copying them after the snapshot copies what the snapshot refers to.
- ``manifest.json``, written last (an interrupted backup has none): the schema revision,
  each table's row count and SHA-256, each file's SHA-256 and size.

A restore goes into an empty instance (migrated to the backup's revision, no rows but the
directorates the first migration seeds, no stored file). It checks the manifest, every
table file and every content file against their hashes before it writes anything; then
it writes every row in one transaction, copies the files into the content store, resets
PostgreSQL's sequences and commits, removing the copied files if anything fails.

A JSON column's SQL NULL and JSON ``null`` both read as None; a restore writes SQL NULL.
"""

import hashlib
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from alembic.runtime.migration import MigrationContext
from sqlalchemy import JSON, Connection, Date, DateTime, Table, bindparam, func, insert, select
from sqlalchemy import text as sql
from sqlalchemy.engine import Engine

from .models import Base
from .storage import ContentStore

FORMAT = "filing-service-backup/1"
MANIFEST = "manifest.json"
DATABASE = "database"
FILES = "files"
BATCH = 500

# The columns that name a file of the content store, by table. Every other column whose
# name ends in sha256 is the digest of something that is not stored (the DOCX template of
# the package, a signer's certificate): tests/signing/test_backup.py fails on a new one
# that is in neither list.
REFERENCES: dict[str, tuple[str, ...]] = {
    "documents": ("data_sha256", "docx_sha256", "pdf_sha256"),
    "signatures": ("input_sha256", "output_sha256"),
    "filings": ("manifest_sha256", "proof_sha256"),
    "filing_documents": ("sha256",),
}
NOT_STORED = {("documents", "template_sha256"), ("signatures", "certificate_sha256")}

# Tables the migrations fill (0001 seeds the 47 directorates): an empty instance has these
# rows, and a restore replaces them with the backup's.
SEEDED = {"directorates"}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, in Romanian, and
    names tables, files by hash and counts, never a row's data."""


@dataclass(frozen=True)
class Summary:
    """What a backup holds or a restore wrote."""

    rows: int
    files: int


def _tables() -> list[Table]:
    """The model's tables, parents before children (the order rows are inserted in)."""
    return list(Base.metadata.sorted_tables)


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _encode(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _decoder(table: Table) -> Callable[[dict], dict]:
    """Turn a dumped row back into column values, by each column's type."""
    kinds: dict[str, Callable[[str], date]] = {}
    for column in table.columns:
        kind = getattr(column.type, "impl", column.type)  # UtcDateTime is a DateTime
        if isinstance(kind, DateTime):
            kinds[column.name] = datetime.fromisoformat
        elif isinstance(kind, Date):
            kinds[column.name] = date.fromisoformat

    def decode(row: dict) -> dict:
        return {
            name: (kinds[name](value) if name in kinds and value is not None else value)
            for name, value in row.items()
        }

    return decode


def revision(conn: Connection) -> str | None:
    """The Alembic revision the database is at."""
    return MigrationContext.configure(conn).get_current_revision()


def _snapshot(conn: Connection) -> Connection:
    """The connection in a transaction that sees one state of the database."""
    if conn.dialect.name == "postgresql":
        conn = conn.execution_options(
            isolation_level="REPEATABLE READ", postgresql_readonly=True
        )
    conn.begin()
    return conn


def backup(
    engine: Engine, content: ContentStore, target: Path, *, made_at: datetime
) -> Summary:
    """Write a backup of the database and the files its rows refer to into ``target``
    (a new or empty folder)."""
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise BackupError(f"Dosarul {target} nu este gol; alegeți un dosar nou pentru copie.")
    # The backup holds children's data: only the service's own user may read it.
    target.mkdir(mode=0o700, parents=True, exist_ok=True)
    target.chmod(0o700)
    (target / DATABASE).mkdir(mode=0o700)
    tables: dict[str, dict] = {}
    referenced: set[str] = set()
    with engine.connect() as conn:
        conn = _snapshot(conn)
        at = revision(conn)
        for table in _tables():
            tables[table.name] = _dump_table(conn, table, target, referenced)
        conn.rollback()
    files = {}
    store = ContentStore(target / FILES)
    for sha in sorted(referenced):
        try:
            data = content.get(sha)
        except FileNotFoundError:
            raise BackupError(f"Fișierul {sha} lipsește din depozitul de fișiere.") from None
        except OSError:  # its bytes no longer match its hash
            raise BackupError(f"Fișierul {sha} din depozit este deteriorat.") from None
        store.put(data)
        files[sha] = len(data)
    manifest = {
        "format": FORMAT,
        "revision": at,
        "made_at": made_at.isoformat(),
        "database": engine.dialect.name,
        "tables": tables,
        "files": files,
    }
    _write_atomically(target / MANIFEST, json.dumps(manifest, indent=2, sort_keys=True))
    return Summary(rows=sum(t["rows"] for t in tables.values()), files=len(files))


def _dump_table(conn: Connection, table: Table, target: Path, referenced: set[str]) -> dict:
    """Write ``table``'s rows, ordered by primary key; note the files they name."""
    path = target / DATABASE / f"{table.name}.jsonl"
    columns = REFERENCES.get(table.name, ())
    count = 0
    digest = hashlib.sha256()
    query = select(table).order_by(*table.primary_key.columns)
    with _private(path) as handle:
        for row in conn.execute(query.execution_options(yield_per=BATCH)).mappings():
            line = json.dumps(
                {k: _encode(v) for k, v in row.items()}, ensure_ascii=False, sort_keys=True
            )
            handle.write(line + "\n")
            digest.update((line + "\n").encode())
            referenced.update(row[c] for c in columns if row[c])
            count += 1
        handle.flush()
        os.fsync(handle.fileno())
    return {
        "file": f"{DATABASE}/{table.name}.jsonl",
        "rows": count,
        "sha256": digest.hexdigest(),
    }


def _private(path: Path) -> TextIO:
    """A new text file that only the service's user can read (mode 0600, whatever the
    umask)."""
    return open(
        os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8"
    )


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with _private(tmp) as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def restore(engine: Engine, content: ContentStore, source: Path) -> Summary:
    """Restore the backup in ``source`` into this empty instance; nothing is written
    unless the manifest and every file in it check out."""
    source = Path(source)
    manifest = _read_manifest(source)
    files = _verify(source, manifest)
    with engine.connect() as conn:
        at = revision(conn)
        if at != manifest["revision"]:
            raise BackupError(
                f"Copia este la revizia {manifest['revision']} a schemei, iar baza de date "
                f"la {at}. Restaurați într-o instanță la aceeași revizie."
            )
        _refuse_if_not_empty(conn, content)
    written: list[Path] = []
    try:
        with engine.begin() as conn:
            rows = 0
            for table in _tables():
                if table.name in SEEDED:
                    conn.execute(table.delete())
                rows += _load_table(conn, table, source, manifest["tables"][table.name])
            for sha in files:
                if not content.exists(sha):
                    content.put((source / FILES / sha[:2] / sha[2:4] / sha).read_bytes())
                    written.append(content.path(sha))
            if conn.dialect.name == "postgresql":
                _reset_sequences(conn)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return Summary(rows=rows, files=len(files))


def _read_manifest(source: Path) -> dict:
    try:
        manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BackupError(
            f"Dosarul {source} nu conține {MANIFEST}: nu este o copie întreagă."
        ) from None
    except ValueError:
        raise BackupError(f"{MANIFEST} nu poate fi citit (JSON invalid).") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{MANIFEST} nu descrie o copie în formatul {FORMAT}.")
    if not isinstance(manifest.get("revision"), str):
        raise BackupError(f"{MANIFEST} nu spune la ce revizie a schemei a fost făcută copia.")
    tables = manifest.get("tables")
    expected = {t.name for t in _tables()}
    if not isinstance(tables, dict) or set(tables) != expected:
        raise BackupError(f"{MANIFEST} nu enumeră exact tabelele bazei de date.")
    if not isinstance(manifest.get("files"), dict):
        raise BackupError(f"{MANIFEST} nu enumeră fișierele copiei.")
    return manifest


def _lines(source: Path, entry: dict) -> Iterator[str]:
    with (source / entry["file"]).open(encoding="utf-8") as handle:
        yield from handle


def _verify(source: Path, manifest: dict) -> list[str]:
    """Check every table file and every content file against the manifest; the files the
    rows refer to must all be in it, and every row must read as its table's columns.
    Returns the files' hashes."""
    try:
        return _check_contents(source, manifest)
    except (KeyError, TypeError, ValueError, AttributeError):
        # A manifest or a row of the wrong shape (hand-edited, or not ours): say so
        # without quoting it, it may hold a child's data.
        raise BackupError(
            f"Copia din {source} nu poate fi citită: {MANIFEST} sau un tabel nu are forma "
            "așteptată."
        ) from None


def _check_contents(source: Path, manifest: dict) -> list[str]:
    listed = manifest["files"]
    for table in _tables():
        entry = manifest["tables"][table.name]
        if entry.get("file") != f"{DATABASE}/{table.name}.jsonl":
            raise BackupError(f"Tabelul {table.name} nu are fișierul așteptat în {MANIFEST}.")
        path = source / entry["file"]
        if not path.is_file() or _sha256_file(path) != entry.get("sha256"):
            raise BackupError(
                f"Fișierul tabelului {table.name} lipsește sau a fost modificat."
            )
        names = {c.name for c in table.columns}
        references = REFERENCES.get(table.name, ())
        decode = _decoder(table)
        count = 0
        for line in _lines(source, entry):
            row = json.loads(line)
            if not isinstance(row, dict) or set(row) != names:
                raise BackupError(f"Un rând al tabelului {table.name} nu are coloanele lui.")
            decode(row)  # a date that does not read stops the restore here, not half-way
            missing = [row[c] for c in references if row[c] and row[c] not in listed]
            if missing:
                raise BackupError(f"Fișierul {missing[0]} nu este în copie.")
            count += 1
        if count != entry.get("rows"):
            raise BackupError(
                f"Tabelul {table.name} nu are numărul de rânduri din {MANIFEST}."
            )
    for sha, size in listed.items():
        try:
            path = ContentStore(source / FILES).path(sha)
        except ValueError:
            raise BackupError(
                f"{MANIFEST} numește un fișier printr-un hash invalid."
            ) from None
        if not path.is_file() or path.stat().st_size != size or _sha256_file(path) != sha:
            raise BackupError(f"Fișierul {sha} lipsește din copie sau a fost modificat.")
    return sorted(listed)


def _refuse_if_not_empty(conn: Connection, content: ContentStore) -> None:
    for table in _tables():
        if table.name in SEEDED:
            continue
        if conn.scalar(select(func.count()).select_from(table)):
            raise BackupError(
                f"Instanța nu este goală (tabelul {table.name} are rânduri): restaurarea "
                "se face numai într-o instanță nouă."
            )
    if content.root.exists() and any(p.is_file() for p in content.root.rglob("*")):
        raise BackupError(
            f"Depozitul de fișiere {content.root} nu este gol: restaurarea se face numai "
            "într-o instanță nouă."
        )


def _load_table(conn: Connection, table: Table, source: Path, entry: dict) -> int:
    """Insert the table's rows in batches; the file is hashed again as it is read, so a
    file changed since the check rolls the restore back."""
    decode = _decoder(table)
    # None in a JSON column is SQL NULL, not the JSON null the type would write.
    statement = insert(table).values(
        {
            c.name: bindparam(c.name, type_=JSON(none_as_null=True))
            for c in table.columns
            if isinstance(c.type, JSON)
        }
    )
    digest = hashlib.sha256()
    batch: list[dict] = []
    count = 0
    for line in _lines(source, entry):
        digest.update(line.encode())
        batch.append(decode(json.loads(line)))
        if len(batch) == BATCH:
            conn.execute(statement, batch)
            count, batch = count + len(batch), []
    if batch:
        conn.execute(statement, batch)
        count += len(batch)
    if digest.hexdigest() != entry["sha256"]:
        raise BackupError(
            f"Fișierul tabelului {table.name} s-a schimbat în timpul restaurării."
        )
    return count


def _reset_sequences(conn: Connection) -> None:
    """Let PostgreSQL's next ids follow the restored rows (rows were inserted with their
    ids, which does not move a sequence)."""
    for table in _tables():
        for column in table.primary_key.columns:
            if not column.autoincrement or column.type.python_type is not int:
                continue
            conn.execute(
                sql(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                    f'COALESCE(MAX("{column.name}"), 1), MAX("{column.name}") IS NOT NULL) '
                    f'FROM "{table.name}"'
                )
            )
