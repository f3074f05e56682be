"""Signing a document version: legal counsel then director, each in its own incremental
update, a new file every time, recorded; only people who may sign, in their turn."""

import logging

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from filing_service.auth.actor import Actor
from filing_service.db import unit_of_work
from filing_service.errors import Conflict, NotFound, PermissionDenied
from filing_service.models import AuditEvent, Directorate, Signature
from filing_service.signing import service
from filing_service.signing.keys import SigningKeyError
from filing_service.storage import ContentStore


def sign(app, actor, document_id, role=None, **kwargs):
    tools = app.extensions["adapters"]
    with app.app_context(), unit_of_work() as uow:
        signature = service.sign_document(
            uow,
            actor,
            document_id,
            role or actor.role,
            signer=tools.signer,
            content=tools.content,
            now=tools.clock.now,
            **kwargs,
        )
        uow.commit()
        return signature


def stored(app, sha: str) -> bytes:
    return ContentStore(app.config["STORAGE_DIR"]).get(sha)


def validate(app, data: bytes):
    with app.app_context():
        return service.validate_upload(
            data, trust_roots=app.extensions["adapters"].signer.trust_roots()
        )


def test_counsel_then_director_sign_in_turn_and_both_signatures_stay_valid(
    signing_app, people, make_document
):
    document_id = make_document()
    first = sign(signing_app, people["ana.popescu"], document_id)
    second = sign(signing_app, people["mihai.ionescu"], document_id)

    assert second.input_sha256 == first.output_sha256
    final = stored(signing_app, second.output_sha256)
    counsel, director = validate(signing_app, final)
    assert (counsel.signer, director.signer) == ("Ana Popescu", "Mihai Ionescu")
    assert all(r.intact and r.valid and r.trusted for r in (counsel, director))
    assert counsel.modification_level in ("FORM_FILLING", "LTA_UPDATES")
    assert counsel.level == director.level == "B-LT"


def test_each_signature_is_an_incremental_update_written_to_a_new_file(
    signing_app, people, make_document, pdfa
):
    document_id = make_document()
    first = sign(signing_app, people["ana.popescu"], document_id)
    second = sign(signing_app, people["mihai.ionescu"], document_id)

    one, two = (
        stored(signing_app, first.output_sha256),
        stored(signing_app, second.output_sha256),
    )
    assert one.startswith(pdfa)  # the generated PDF/A, byte for byte, then the update
    assert two.startswith(one)  # the counsel's signed file, byte for byte
    assert len({first.input_sha256, first.output_sha256, second.output_sha256}) == 3
    assert stored(signing_app, first.input_sha256) == pdfa  # nothing was rewritten


def test_the_signature_record_says_who_signed_what_how_and_when(
    signing_app, people, make_document
):
    document_id = make_document()
    record = sign(signing_app, people["ana.popescu"], document_id)
    with signing_app.app_context(), unit_of_work() as uow:
        row = uow.session.get(Signature, record.id)
        audit = uow.session.scalars(
            select(AuditEvent).where(AuditEvent.entity == "signature")
        ).all()
    assert (row.document_id, row.role, row.key_name, row.level) == (
        document_id,
        "consilier_juridic",
        "cheie-consilier",
        "B-LT",
    )
    assert row.signer_name == "Ana Popescu"
    assert row.profile["key"] == {
        "name": "cheie-consilier",
        "type": "pkcs12",
        "path": row.profile["key"]["path"],
    }
    assert row.signed_at is not None
    assert [a.changes["output_sha256"] for a in audit] == [row.output_sha256]


def test_the_director_cannot_sign_before_the_legal_counsel(signing_app, people, make_document):
    with pytest.raises(Conflict, match="consilier juridic"):
        sign(signing_app, people["mihai.ionescu"], make_document())


def test_the_same_role_cannot_sign_a_document_twice(signing_app, people, make_document):
    document_id = make_document()
    sign(signing_app, people["ana.popescu"], document_id, level="B-B")
    with pytest.raises(Conflict, match="deja semnat"):
        sign(signing_app, people["ana.popescu"], document_id, level="B-B")


def test_a_case_manager_cannot_sign(signing_app, people, make_document):
    with pytest.raises(PermissionDenied):
        sign(signing_app, people["ioana.muresan"], make_document(), "consilier_juridic")


def test_a_case_system_token_cannot_sign_on_behalf_of_a_person(
    signing_app, people, make_document
):
    ana = people["ana.popescu"]
    token = Actor(
        kind="token",
        id=1,
        name="sistem",
        directorate_id=ana.directorate_id,
        role="consilier_juridic",
    )
    with pytest.raises(PermissionDenied, match="sistem informatic"):
        sign(signing_app, token, make_document(), "consilier_juridic")


def test_a_person_signs_only_in_their_own_role(signing_app, people, make_document):
    with pytest.raises(PermissionDenied):
        sign(signing_app, people["ana.popescu"], make_document(), "director")


def test_another_directorates_document_is_not_found(signing_app, people, make_document):
    with pytest.raises(NotFound):
        sign(signing_app, people["elena.dumitrescu"], make_document())


def test_a_wrong_pin_is_a_clear_error_that_never_repeats_the_pin(
    signing_app, people, make_document, caplog
):
    document_id = make_document()
    sign(signing_app, people["ana.popescu"], document_id, level="B-B")
    wrong_pin = "990011"
    caplog.set_level(logging.DEBUG)
    with pytest.raises(SigningKeyError) as raised:
        sign(
            signing_app,
            people["mihai.ionescu"],
            document_id,
            pin_provider=lambda spec: wrong_pin,
        )
    assert raised.value.code == "wrong_secret"
    assert "PIN greșit" in raised.value.message
    assert wrong_pin not in str(raised.value)
    assert wrong_pin not in caplog.text
    with signing_app.app_context(), unit_of_work() as uow:
        assert len(service.signatures_of(uow.session, document_id)) == 1  # nothing added


def test_a_wrong_pkcs12_passphrase_is_a_clear_error_without_the_passphrase(
    signing_app, people, make_document
):
    with pytest.raises(SigningKeyError) as raised:
        sign(
            signing_app,
            people["ana.popescu"],
            make_document(),
            pin_provider=lambda spec: "parola-gresita-123",
        )
    assert "parola este greșită" in raised.value.message
    assert "parola-gresita-123" not in str(raised.value)


def test_a_missing_secret_names_the_variable_to_set_not_a_value(
    signing_app, people, make_document
):
    document_id = make_document()
    sign(signing_app, people["ana.popescu"], document_id, level="B-B")
    with pytest.raises(SigningKeyError, match="FS_TEST_PIN_DIRECTOR"):
        sign(signing_app, people["mihai.ionescu"], document_id, pin_provider=lambda spec: None)


def test_the_demo_profile_lets_the_demo_counsel_sign_with_the_test_only_p12(
    signing_app, people, make_document
):
    with signing_app.app_context(), unit_of_work() as uow:
        cluj = uow.session.get(Directorate, people["ana.popescu"].directorate_id)
        cluj.settings = {}
        uow.commit()
    result = signing_app.test_cli_runner().invoke(args=["signing-demo"])
    assert result.exit_code == 0, result.output

    record = sign(signing_app, people["ana.popescu"], make_document())
    assert (record.key_name, record.level) == ("demo-consilier", "B-B")
    with signing_app.app_context(), unit_of_work() as uow:
        profile = uow.session.get(Directorate, record.directorate_id).settings
    assert "demo-semnatura" not in str(profile)  # the passphrase is in the secrets file


def test_the_database_refuses_a_second_signature_of_the_same_role(
    signing_app, people, make_document
):
    """Two requests racing past the service's turn check cannot both be recorded."""
    document_id = make_document()
    first = sign(signing_app, people["ana.popescu"], document_id, level="B-B")
    with signing_app.app_context(), unit_of_work() as uow:
        uow.session.add(
            Signature(
                **{
                    c: getattr(first, c)
                    for c in (
                        "directorate_id",
                        "document_id",
                        "signer_user_id",
                        "signer_name",
                        "role",
                        "key_name",
                        "level",
                        "input_sha256",
                        "output_sha256",
                        "certificate_sha256",
                    )
                }
            )
        )
        with pytest.raises(IntegrityError):
            uow.session.flush()
