"""Delivery over STARTTLS with SMTP authentication: the credentials come from the
environment or a secrets file and never reach the logs, the database or an answer."""

import logging
import ssl

import pytest
from aiosmtpd.smtp import AuthResult

from tests.conftest import make_app

from .conftest import FILED_ON, sqlite_copy
from .smtp_sink import SmtpSink
from .tls import loopback_certificate


@pytest.fixture
def database_url(tmp_path, sqlite_template):
    """These tests are about TLS and credentials, not the database: they run on SQLite only
    (the filing paths run on both databases in the other modules)."""
    return sqlite_copy(tmp_path, sqlite_template)


PASSWORD = "Parola-SMTP-secreta-42"


@pytest.fixture
def tls_smtp(tmp_path):
    """A loopback SMTP server that offers STARTTLS and takes AUTH only over TLS."""
    key, cert = loopback_certificate(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    logins = []

    def authenticator(server, session, envelope, mechanism, auth_data):
        logins.append(auth_data.login.decode())
        # handled=False: aiosmtpd then answers 535 itself.
        return AuthResult(success=auth_data.password.decode() == PASSWORD, handled=False)

    sink = SmtpSink(
        tls_context=context,
        require_starttls=True,
        authenticator=authenticator,
        auth_require_tls=True,
    ).start()
    sink.logins, sink.ca_file = logins, str(cert)
    yield sink
    sink.stop()


@pytest.fixture
def app(database_url, tmp_path, tls_smtp, portal, trust_dir):
    secret = tmp_path / "smtp-password"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    yield from make_app(
        database_url,
        tmp_path,
        SIGNATURE_TRUST_DIRS=[trust_dir],
        SMTP_HOST="127.0.0.1",
        SMTP_PORT=tls_smtp.port,
        SMTP_SECURITY="starttls",
        SMTP_CA_FILE=tls_smtp.ca_file,
        SMTP_USERNAME="depuneri",
        SMTP_PASSWORD_FILE=str(secret),
        SMTP_TIMEOUT=5,
        FILING_FROM_ADDRESS="depuneri@dgaspc-cluj.invalid",
        FILING_ALLOW_UNVERIFIED_EMAIL=True,
        FILING_SEND_RETRIES=0,
        FILING_RETRY_BASE_SECONDS=0.01,
        FIXED_NOW=FILED_ON,
    )


def send_checked(client, auth, signed_package):
    filing = signed_package()
    client.post(f"/api/v1/filings/{filing['id']}/check", headers=auth)
    return filing, client.post(f"/api/v1/filings/{filing['id']}/send", headers=auth)


def test_a_package_is_sent_over_starttls_with_the_accounts_credentials(
    client, auth, tls_smtp, signed_package, caplog
):
    caplog.set_level(logging.DEBUG)
    filing, response = send_checked(client, auth, signed_package)
    assert response.status_code == 200, response.get_json()
    assert tls_smtp.logins == ["depuneri"] and len(tls_smtp.messages) == 1
    assert PASSWORD not in caplog.text
    assert PASSWORD not in client.get(
        f"/api/v1/filings/{filing['id']}", headers=auth
    ).get_data(as_text=True)


def test_a_refused_login_is_reported_without_the_password(
    app, client, auth, tls_smtp, signed_package, tmp_path, caplog
):
    (tmp_path / "smtp-password").write_text("parola-gresita", encoding="utf-8")
    filing, response = send_checked(client, auth, signed_package)
    assert response.status_code == 502
    assert "refuzat autentificarea" in response.get_json()["detail"]
    assert tls_smtp.messages == []
    stored = client.get(f"/api/v1/filings/{filing['id']}", headers=auth).get_json()
    assert stored["status"] == "semnat"
    assert "parola-gresita" not in str(stored) + caplog.text
