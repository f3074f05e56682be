"""Remote signing over the CSC API, against the repository's CSC server on loopback
(``csc_server``, the test PKI's counsel key): through the API at every PAdES level,
checked by pyhanko (the project's validation) and by poppler's pdfsig; what the service
was sent (only a hash); a wrong PIN or OTP, a reused OTP, a service that is down; the
profile's checks; the web signing page."""

import base64
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from filing_service.db import unit_of_work
from filing_service.errorcodes import Code
from filing_service.law.errors import DomainError
from filing_service.models import Directorate, Document, Signature
from filing_service.signing.profiles import Level, parse_key
from filing_service.signing.trust import load_trust_roots
from filing_service.signing.validation import validate_pdf
from tests.web.conftest import WebClient

from .conftest import P12_PASSPHRASE, pdfsig
from .csc_server import Credential, CscServer
from .pki import TRUST_DIR

PROBLEM = "application/problem+json"
CSC_PIN = "Parola-CSC-ana7"  # letters and digits: a CSC PIN is not only digits
CREDENTIAL = "ana-popescu-qes"
WEB_USER = "consilier.web"


@pytest.fixture
def csc(pki):
    server = CscServer(pki, {CREDENTIAL: Credential("consilier", CSC_PIN)}).start()
    yield server
    server.stop()


@pytest.fixture
def profile(pki, p12_files, csc) -> dict:
    """Cluj's profile: the counsel signs remotely, the director with a PKCS#12 file."""
    return {
        "level": "B-LT",
        "tsa_url": pki.tsa_url,
        "keys": {
            "cheie-csc": {
                "type": "csc",
                "service_url": csc.url,
                "credential_id": CREDENTIAL,
                "users": ["ana.popescu", WEB_USER],
            },
            "cheie-director": {
                "type": "pkcs12",
                "path": str(p12_files["director"]),
                "secret": "FS_TEST_P12_DIRECTOR",
                "users": ["mihai.ionescu"],
            },
        },
    }


@pytest.fixture
def secrets_file(tmp_path):
    path = tmp_path / "signing-secrets.json"
    path.write_text(json.dumps({"FS_TEST_P12_DIRECTOR": P12_PASSPHRASE}))
    return path


@pytest.fixture
def client(signing_app):
    return signing_app.test_client()


@pytest.fixture
def counsel(people, as_person):
    as_person(people["ana.popescu"])
    return people["ana.popescu"]


def sign(client, document_id, **body):
    return client.post(
        f"/api/v1/documents/{document_id}/signatures",
        json={"role": "consilier_juridic", **body},
    )


def stored(signing_app) -> tuple[int, int]:
    """Signatures recorded, and files in the content store."""
    with signing_app.app_context(), unit_of_work() as uow:
        rows = uow.session.scalar(select(func.count(Signature.id)))
    files = sum(1 for p in Path(signing_app.config["STORAGE_DIR"]).rglob("*") if p.is_file())
    return rows, files


@pytest.mark.parametrize("level", list(Level))
def test_a_csc_signature_through_the_api_validates_with_pyhanko_and_pdfsig(
    client, counsel, make_document, csc, nssdir, tmp_path, pdfa, level
):
    document_id = make_document()
    response = sign(client, document_id, level=level.value, pin=CSC_PIN, otp=csc.new_otp())
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert (body["level"], body["key_name"], body["signer_name"]) == (
        level.value,
        "cheie-csc",
        "Ana Popescu",
    )
    data = client.get(f"/api/v1/signatures/{body['id']}/pdf").data

    [report] = validate_pdf(data, load_trust_roots([TRUST_DIR]))
    assert (report.intact, report.valid, report.trusted) == (True, True, True)
    assert report.level == level.value
    assert report.signer == "Ana Popescu"
    path = tmp_path / "semnat.pdf"
    path.write_bytes(data)
    signer_section = pdfsig(path, nssdir).split("Signature #2")[0]
    assert "Signer Certificate Common Name: Ana Popescu" in signer_section
    assert "Signature Validation: Signature is Valid." in signer_section
    assert "Certificate Validation: Certificate is Trusted." in signer_section

    # The service was sent a hash, bound to one authorisation, and never the PDF.
    [authorized] = csc.calls("credentials/authorize")
    [signed] = csc.calls("signatures/signHash")
    assert authorized["numSignatures"] == 1
    assert signed["hash"] == authorized["hash"] and len(signed["hash"]) == 1
    assert len(base64.b64decode(signed["hash"][0])) == 32  # SHA-256
    assert signed["hashAlgo"] == "2.16.840.1.101.3.4.2.1"
    sent = b"".join(json.dumps(b).encode() for _, b in csc.requests)
    assert len(sent) < 2000 < len(pdfa)
    assert base64.b64encode(pdfa[:48]) not in sent
    assert {path for path, _ in csc.requests} == {
        "/csc/v1/credentials/info",
        "/csc/v1/credentials/authorize",
        "/csc/v1/signatures/signHash",
    }


def test_a_wrong_otp_is_refused_on_its_field_and_nothing_is_stored(
    client, counsel, make_document, csc, signing_app, caplog
):
    document_id = make_document()
    before = stored(signing_app)
    response = sign(client, document_id, level="B-B", pin=CSC_PIN, otp="000000")
    assert response.status_code == 403
    assert response.mimetype == PROBLEM
    problem = response.get_json()
    assert problem["type"].endswith(Code.CSC_WRONG_OTP)
    assert [e["field"] for e in problem["errors"]] == ["otp"]
    assert "cod" in problem["detail"].lower()
    assert stored(signing_app) == before
    assert csc.calls("signatures/signHash") == []
    assert CSC_PIN not in caplog.text and CSC_PIN not in response.get_data(as_text=True)


def test_a_wrong_pin_is_refused_on_its_field(client, counsel, make_document, csc, caplog):
    response = sign(
        client, make_document(), level="B-B", pin="Pin-gresit-9", otp=csc.new_otp()
    )
    assert response.status_code == 403
    problem = response.get_json()
    assert problem["type"].endswith(Code.CSC_WRONG_PIN)
    assert [e["field"] for e in problem["errors"]] == ["pin"]
    assert "Pin-gresit-9" not in response.get_data(as_text=True)
    assert "Pin-gresit-9" not in caplog.text


def test_a_reused_otp_is_refused(client, counsel, make_document, csc, signing_app):
    otp = csc.new_otp()
    first = sign(client, make_document(), level="B-B", pin=CSC_PIN, otp=otp)
    assert first.status_code == 201, first.get_json()
    before = stored(signing_app)
    again = sign(client, make_document(), level="B-B", pin=CSC_PIN, otp=otp)
    assert again.status_code == 403
    assert again.get_json()["errors"][0]["field"] == "otp"
    assert stored(signing_app) == before


@pytest.mark.parametrize("how", ["stopped", "failing"])
def test_a_service_that_is_down_gives_a_clear_problem(
    client, counsel, make_document, csc, signing_app, how
):
    document_id = make_document()
    if how == "stopped":
        csc.stop()
    else:
        csc.fail_with = 500
    before = stored(signing_app)
    response = sign(client, document_id, level="B-B", pin=CSC_PIN, otp="123456")
    assert response.status_code == 503
    assert response.mimetype == PROBLEM
    problem = response.get_json()
    assert problem["type"].endswith(Code.CSC_UNAVAILABLE)
    assert "nu răspunde" in problem["detail"]
    assert problem["errors"][0]["field"] == "key"
    assert stored(signing_app) == before


def test_the_pin_and_the_otp_are_required_for_a_csc_key(client, counsel, make_document, csc):
    document_id = make_document()
    no_otp = sign(client, document_id, level="B-B", pin=CSC_PIN)
    assert no_otp.status_code == 422
    assert no_otp.get_json()["errors"][0] == {
        "field": "otp",
        "code": "required",
        "message": "Cheia la distanță «cheie-csc» cere codul unic (OTP) primit acum.",
    }
    no_pin = sign(client, document_id, level="B-B", otp=csc.new_otp())
    assert no_pin.get_json()["errors"][0]["field"] == "pin"
    assert csc.requests == []  # refused before the service is asked anything


def test_a_pin_or_otp_for_a_local_key_is_refused(
    client, people, as_person, counsel, make_document, csc
):
    document_id = make_document()
    assert (
        sign(client, document_id, level="B-B", pin=CSC_PIN, otp=csc.new_otp()).status_code
        == 201
    )
    as_person(people["mihai.ionescu"])
    response = client.post(
        f"/api/v1/documents/{document_id}/signatures",
        json={"role": "director", "level": "B-B", "otp": "123456"},
    )
    assert response.status_code == 422
    error = response.get_json()["errors"][0]
    assert (error["field"], error["code"]) == ("otp", Code.CSC_ONLY)


@pytest.mark.parametrize(
    ("extra", "field", "code"),
    [
        ({"pin": "1234"}, "keys.k", Code.SECRET_IN_PROFILE),
        ({"OTP": "123456"}, "keys.k", Code.SECRET_IN_PROFILE),
        ({"secret": "FS_CSC"}, "keys.k.secret", Code.SECRET_IN_PROFILE),
        ({"service_url": "http://csc.example/api"}, "keys.k.service_url", Code.CSC_URL),
        ({"service_url": "ftp://127.0.0.1/x"}, "keys.k.service_url", Code.CSC_URL),
        ({"service_url": "https://u:p@csc.example"}, "keys.k.service_url", Code.CSC_URL),
        ({"credential_id": ""}, "keys.k.credential_id", Code.REQUIRED),
    ],
)
def test_the_profile_checks_a_csc_key(extra, field, code):
    spec = {"type": "csc", "service_url": "https://csc.example/api", "credential_id": "c"}
    with pytest.raises(DomainError) as raised:
        parse_key("k", {**spec, **extra})
    assert (raised.value.field, raised.value.code) == (field, code)
    assert "1234" not in raised.value.message


def test_a_csc_key_is_accepted_on_https_or_on_loopback_http():
    for url in ("https://csc.example/api/", "http://127.0.0.1:8080", "http://[::1]:9"):
        key = parse_key("k", {"type": "csc", "service_url": url, "credential_id": "c"})
        assert key.remote and key.service_url == url.rstrip("/")
        assert key.public()["credential_id"] == "c"


def test_a_profile_with_a_pin_is_refused_through_the_api(
    client, counsel, make_document, signing_app, profile
):
    with signing_app.app_context(), unit_of_work() as uow:
        cluj = uow.session.query(Directorate).filter_by(code="CJ").one()
        bad = {**profile["keys"]["cheie-csc"], "pin": "1234"}
        cluj.settings = {"signature_profile": {**profile, "keys": {"k": bad}}}
        uow.commit()
    response = sign(client, make_document(), key="k", pin="x", otp="1")
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["code"] == Code.SECRET_IN_PROFILE
    assert "1234" not in response.get_data(as_text=True)


# ---- the web signing page ---------------------------------------------------------------


@pytest.fixture
def app(signing_app):
    return signing_app  # make_user's app


@pytest.fixture
def browser(signing_app, make_user) -> WebClient:
    name, password = make_user(WEB_USER, "consilier_juridic")
    web = WebClient(signing_app.test_client())
    assert web.login(name, password).status_code == 302
    return web


def page_of(signing_app, document_id: int) -> str:
    with signing_app.app_context(), unit_of_work() as uow:
        case_id = uow.session.get(Document, document_id).case_id
    return f"/cases/{case_id}/documents/{document_id}"


def test_the_web_page_offers_the_csc_key_and_asks_for_the_pin_and_otp(
    browser, make_document, signing_app, csc
):
    location = page_of(signing_app, make_document())
    page = browser.get(location).get_data(as_text=True)
    assert "cheie-csc (semnare la distanță)" in page
    assert 'name="otp"' in page and 'autocomplete="one-time-code"' in page
    assert "Codul unic (OTP) al semnării la distanță" in page
    assert 'id="pin" name="pin" type="password"' in page

    refused = browser.post(
        f"{location}/sign",
        {"key": "cheie-csc", "level": "B-B", "pin": CSC_PIN, "otp": "999999"},
    )
    text = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert '<p class="error-text" id="otp-error">Codul unic (OTP) este greșit' in text
    assert CSC_PIN not in text

    done = browser.post(
        f"{location}/sign",
        {"key": "cheie-csc", "level": "B-B", "pin": CSC_PIN, "otp": csc.new_otp()},
    )
    assert done.status_code == 302, done.get_data(as_text=True)
    assert stored(signing_app)[0] == 1
