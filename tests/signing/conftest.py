"""Fixtures of the signing tests: one test PKI (OCSP, CRL, TSA on loopback), one SoftHSM2
token, one NSS database for pdfsig and one PDF/A made by LibreOffice, per session; the
app on PostgreSQL with DGASPC Cluj's signature profile, its two signers and a document.
"""

import itertools
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from filing_service.api.auth import set_actor
from filing_service.auth.actor import Actor
from filing_service.db import unit_of_work
from filing_service.models import Case, Directorate, Document, User
from filing_service.storage import ContentStore
from tests import builders
from tests.conftest import _truncate_pg, make_app

from .pki import SOFTHSM_MODULE, TRUST_DIR, TestPki, make_softhsm_token, nss_database

_numbers = itertools.count(1)
P12_PASSPHRASE = "fraza-de-test-p12"
PETITION_TEXT = (
    "Cerere privind înlocuirea plasamentului în regim de urgență "
    "(art. 70 alin. 1 din Legea nr. 272/2004). Text de test: ș ț ă î â Ș Ț."
)


@pytest.fixture(scope="session")
def signing_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("signing")


@pytest.fixture(scope="session")
def pki(signing_dir):
    """The test PKI, answering OCSP, CRL and TSA requests on a free loopback port."""
    started = TestPki(signing_dir).start()
    yield started
    started.stop()


@pytest.fixture(scope="session")
def token(pki, signing_dir):
    """A SoftHSM2 token holding both signers' keys and certificates."""
    for tool in ("softhsm2-util", "pkcs11-tool"):
        assert shutil.which(tool), f"{tool} is required (apt-get install softhsm2 opensc)"
    assert Path(SOFTHSM_MODULE).is_file(), f"{SOFTHSM_MODULE} is required (softhsm2)"
    return make_softhsm_token(pki, signing_dir / "softhsm")


@pytest.fixture(scope="session")
def p12_files(pki) -> dict[str, Path]:
    return {label: pki.pkcs12(label, P12_PASSPHRASE) for label in ("consilier", "director")}


@pytest.fixture(scope="session")
def nssdir(pki, signing_dir) -> str:
    assert shutil.which("certutil"), "certutil is required (apt-get install libnss3-tools)"
    return nss_database(pki, signing_dir)


@pytest.fixture(scope="session")
def pdfa(signing_dir) -> bytes:
    """A one-page PDF/A-2b with Romanian text, converted by LibreOffice once."""
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice (soffice) is required to make the PDF/A under test"
    work = signing_dir / "pdfa"
    work.mkdir()
    source = work / "petitie.fodt"
    source.write_text(_FODT.replace("{text}", PETITION_TEXT), encoding="utf-8")
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{work}/profile",
            "--headless",
            "--convert-to",
            'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}',
            "--outdir",
            str(work),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    return (work / "petitie.pdf").read_bytes()


@pytest.fixture
def profile(pki, p12_files, token) -> dict:
    """DGASPC Cluj's signature profile: counsel on a PKCS#12 file, director on the token."""
    return {
        "level": "B-LT",
        "tsa_url": pki.tsa_url,
        "keys": {
            "cheie-consilier": {
                "type": "pkcs12",
                "path": str(p12_files["consilier"]),
                "secret": "FS_TEST_P12_ANA",
                "users": ["ana.popescu"],
            },
            "cheie-director": {
                "type": "pkcs11",
                "module": SOFTHSM_MODULE,
                "token_label": token.label,
                "key_label": "director",
                "secret": "FS_TEST_PIN_DIRECTOR",
                "users": ["mihai.ionescu"],
            },
        },
    }


@pytest.fixture
def secrets_file(tmp_path, token) -> Path:
    """The service's secrets file (JSON, by secret name), outside the database."""
    path = tmp_path / "signing-secrets.json"
    path.write_text(
        json.dumps({"FS_TEST_P12_ANA": P12_PASSPHRASE, "FS_TEST_PIN_DIRECTOR": token.pin})
    )
    return path


def signing_app_on(url, folder, profile, secrets_file, **extra):
    """An app on ``url`` that trusts the test root and where Cluj signs with ``profile``:
    a generator, as ``tests.conftest.make_app`` (next() for the app, next() again to end)."""
    app_iter = make_app(
        url,
        folder,
        SIGNATURE_TRUST_DIRS=[str(TRUST_DIR)],
        SIGNING_SECRETS_FILE=str(secrets_file),
        **extra,
    )
    app = next(app_iter)
    with app.app_context(), unit_of_work() as uow:
        cluj = uow.session.scalar(select(Directorate).where(Directorate.code == "CJ"))
        cluj.settings = {**(cluj.settings or {}), "signature_profile": profile}
        uow.commit()
    yield app
    next(app_iter, None)


@pytest.fixture
def signing_app(request, tmp_path, profile, secrets_file):
    """The app on PostgreSQL (signing is heavy: one backend), trusting the test root."""
    url = request.getfixturevalue("pg_database")
    yield from signing_app_on(url, tmp_path, profile, secrets_file)
    _truncate_pg(url)


@pytest.fixture
def people(signing_app) -> dict[str, Actor]:
    """The signers of Cluj (and a case manager of Cluj, and a counsel of Sector 3)."""
    made = {}
    with signing_app.app_context(), unit_of_work() as uow:
        for username, full_name, role, code in [
            ("ana.popescu", "Ana Popescu", "consilier_juridic", "CJ"),
            ("mihai.ionescu", "Mihai Ionescu", "director", "CJ"),
            ("ioana.muresan", "Ioana Mureșan", "manager_de_caz", "CJ"),
            ("elena.dumitrescu", "Elena Dumitrescu", "consilier_juridic", "B3"),
        ]:
            directorate = uow.session.scalar(
                select(Directorate).where(Directorate.code == code)
            )
            user = User(
                directorate_id=directorate.id,
                username=username,
                full_name=full_name,
                role=role,
                password_hash="!",
            )  # no log-in in these tests
            uow.session.add(user)
            uow.session.flush()
            made[username] = Actor(
                kind="user",
                id=user.id,
                name=full_name,
                directorate_id=directorate.id,
                role=role,
            )
        uow.commit()
    return made


@pytest.fixture
def make_document(signing_app, pdfa):
    """A document version of a Cluj case whose PDF/A is in the content store."""

    def make(pdf: bytes | None = None) -> int:
        with signing_app.app_context(), unit_of_work() as uow:
            cluj = uow.session.scalar(select(Directorate).where(Directorate.code == "CJ"))
            case = Case(
                directorate_id=cluj.id,
                reference=f"CJ-S-{next(_numbers)}",
                opened_on=builders.years_ago(0),
            )
            uow.session.add(case)
            uow.session.flush()
            sha = ContentStore(signing_app.config["STORAGE_DIR"]).put(pdf or pdfa)
            document = Document(
                case_id=case.id,
                doc_type="cerere_art70",
                template_name="cerere_art70.docx",
                template_version="test",
                data_sha256="0" * 64,
                pdf_sha256=sha,
            )
            uow.session.add(document)
            uow.commit()
            return document.id

    return make


@pytest.fixture
def as_person(signing_app):
    """API requests made as a logged-in person: stands in for the web session's door,
    which sets the same actor (``api.auth.set_actor``) before the same views run."""
    current: dict = {}

    @signing_app.before_request
    def _login():
        if current.get("actor") is not None:
            set_actor(current["actor"])

    def login(actor: Actor | None):
        current["actor"] = actor

    return login


def pdfsig(path: Path, nssdir: str) -> str:
    """poppler's pdfsig report (text; it exits 0 even when a digest does not match)."""
    done = subprocess.run(
        ["pdfsig", "-nssdir", nssdir, "-no-ocsp", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done.stdout + done.stderr


_FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:fo="urn:oasis:names:xsl-formatting-objects:xmlns:xsl-formatting-objects-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:font-face-decls><style:font-face style:name="DejaVu Sans"
  svg:font-family="'DejaVu Sans'"/></office:font-face-decls>
 <office:styles><style:default-style style:family="paragraph"><style:text-properties
  style:font-name="DejaVu Sans" fo:font-size="11pt"/></style:default-style></office:styles>
 <office:body><office:text><text:p>Către Tribunalul Cluj</text:p>
  <text:p>{text}</text:p></office:text></office:body>
</office:document>
"""
