"""The signing service on its own: no Flask app, pyhanko replaced by a fake signer.

The fake signs by appending a marker and answers the test PKI's root as the signing
certificate; it also notes whether a database transaction was open while it worked, since
the real signer waits on the time-stamp authority and OCSP there."""

from datetime import UTC, datetime

import pytest
from flask import has_app_context

from filing_service.auth.actor import Actor
from filing_service.cases.schemas import CaseIn
from filing_service.db import UnitOfWork
from filing_service.documents.sample import sample_case
from filing_service.documents.scratch import scratch_case
from filing_service.models import Directorate, Document, User
from filing_service.signing import service
from filing_service.signing.signer import Signed
from filing_service.signing.trust import read_certificates
from filing_service.storage import ContentStore
from tests.clock import FIXED_NOW, TODAY

from .pki import TRUST_DIR

GENERATED = b"%PDF-1.7\n% the generated PDF/A, as far as this test is concerned\n"
SIGNED_AT = datetime(2026, 11, 18, 8, 30, tzinfo=UTC)


class FakeSigner:
    """Signs by appending a marker; remembers what it was asked and the session's state."""

    def __init__(self, session):
        self.session = session
        self.calls: list[dict] = []
        self.certificate = read_certificates((TRUST_DIR / "fs-test-root.pem").read_bytes())[0]

    def secrets(self):
        return lambda spec: "secretul-serverului"

    def trust_roots(self) -> list:
        return [self.certificate]

    def sign(self, data, key, secrets, *, level, tsa_url, appearance):
        self.calls.append(
            {
                "key": key.name,
                "secret": secrets(key),
                "level": level.value,
                "signed_at": appearance.signed_at,
                "in_transaction": self.session.in_transaction(),
            }
        )
        return Signed(data + b"% signed\n", self.certificate)


@pytest.fixture
def document(tmp_path):
    """A generated version of a Cluj case, its counsel with a PKCS#12 key in the profile,
    and the content store holding the PDF; all outside any app."""
    content = ContentStore(tmp_path / "store")
    with scratch_case(CaseIn.model_validate(sample_case(TODAY)), TODAY) as (session, case):
        assert not has_app_context()
        directorate = session.get(Directorate, case.directorate_id)
        directorate.settings = {
            "signature_profile": {
                "level": "B-B",
                "keys": {
                    "cheie-consilier": {
                        "type": "pkcs12",
                        "path": "/nu/este/citit.p12",
                        "secret": "FS_PIN_ANA",
                        "users": ["ana.popescu"],
                    }
                },
            }
        }
        user = User(
            directorate_id=directorate.id,
            username="ana.popescu",
            full_name="Ana Popescu",
            role="consilier_juridic",
            password_hash="!",
        )
        version = Document(
            case_id=case.id,
            doc_type="cerere_art70",
            variant="instanta",
            version=1,
            template_name="cerere_art70.docx",
            template_version=1,
            template_sha256="0" * 64,
            data_sha256="0" * 64,
            docx_sha256="0" * 64,
            pdf_sha256=content.put(GENERATED),
            created_by="test",
            warnings=[],
        )
        session.add_all([user, version])
        session.commit()
        counsel = Actor("user", user.id, "Ana Popescu", directorate.id, "consilier_juridic")
        yield session, version, counsel, content


def test_a_signature_is_made_by_the_signer_it_is_handed_and_stored_in_its_store(document):
    session, version, counsel, content = document
    signer = FakeSigner(session)

    record = service.sign_document(
        UnitOfWork(session),
        counsel,
        version.id,
        "consilier_juridic",
        signer=signer,
        content=content,
        now=lambda: SIGNED_AT,
    )

    [call] = signer.calls
    assert (call["key"], call["secret"], call["level"]) == (
        "cheie-consilier",
        "secretul-serverului",
        "B-B",
    )
    assert call["signed_at"] == SIGNED_AT  # the clock it was given, not the wall clock
    assert content.get(record.output_sha256) == GENERATED + b"% signed\n"
    assert record.input_sha256 == version.pdf_sha256


def test_no_transaction_is_open_while_the_signer_works(document):
    """The service reads what to sign in a transaction and ends it before signing."""
    session, version, counsel, content = document
    signer = FakeSigner(session)

    service.sign_document(
        UnitOfWork(session),
        counsel,
        version.id,
        "consilier_juridic",
        signer=signer,
        content=content,
        now=lambda: FIXED_NOW,
    )

    assert [call["in_transaction"] for call in signer.calls] == [False]
