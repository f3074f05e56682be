"""Configuration, read from the environment when the app is built (never at import)."""

import os
import secrets
from importlib import resources
from pathlib import Path

SECRET_KEY_FILE_NAME = "secret_key"


def from_environment(instance_path: str) -> dict:
    """Settings from environment variables, with safe defaults for a local run.

    ``DATABASE_URL`` defaults to SQLite under ``instance/``; production uses PostgreSQL
    through psycopg 3 (``postgresql+psycopg://...``). Without ``SECRET_KEY`` (or
    ``SECRET_KEY_FILE``) the key is left unset here: ``create_app`` then takes the one of
    the instance folder (:func:`instance_secret_key`), after the caller's config had its
    say.
    """
    instance = Path(instance_path)
    json_max_bytes = int(os.environ.get("JSON_MAX_BYTES", 1024 * 1024))
    secret = os.environ.get("SECRET_KEY")
    secret_file = os.environ.get("SECRET_KEY_FILE")
    if not secret and secret_file:
        secret = Path(secret_file).read_text(encoding="utf-8").strip()
    return {
        "SECRET_KEY": secret or None,
        "DATABASE_URL": os.environ.get(
            "DATABASE_URL", f"sqlite:///{instance / 'filing_service.sqlite3'}"
        ),
        "STORAGE_DIR": os.environ.get("STORAGE_DIR", str(instance / "storage")),
        # The zone every day is reckoned in: today, the days of hearings, hour terms.
        "TIMEZONE": os.environ.get("TIMEZONE", "Europe/Bucharest"),
        "FIXED_NOW": None,  # a moment the clock stands at (tests set one)
        "LOG_LEVEL": os.environ.get("LOG_LEVEL", "INFO"),
        # Bodies of JSON and XML requests; larger uploads (PDFs) have their own limits.
        "JSON_MAX_BYTES": json_max_bytes,
        "XML_MAX_BYTES": int(os.environ.get("XML_MAX_BYTES", json_max_bytes)),
        "MAX_CONTENT_LENGTH": int(os.environ.get("MAX_UPLOAD_BYTES", 64 * 1024 * 1024)),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        # Secure on every HTTPS request anyway (http_security); "1" forces it on HTTP too.
        "SESSION_COOKIE_SECURE": os.environ.get("SESSION_COOKIE_SECURE", "0") == "1",
        # The process umask create_app sets (octal): files 0640, folders 0750 by default.
        "UMASK": int(os.environ.get("UMASK", "027"), 8),
        "WEB_IDLE_MINUTES": int(os.environ.get("WEB_IDLE_MINUTES", 60)),
        "WTF_CSRF_ENABLED": True,  # the web forms' CSRF check (a test may turn it off)
        **_converter_settings(),
        **_mail_settings(),
        **_filing_settings(),
        **_reply_settings(),
        **_signing_settings(instance),
    }


def instance_path() -> str:
    """The instance folder (``INSTANCE_PATH``; ``instance/`` under the working folder)."""
    return os.environ.get("INSTANCE_PATH", str(Path.cwd() / "instance"))


def _converter_settings() -> dict:
    """The LibreOffice pool's settings (``documents.converter``), with their defaults."""
    return {
        "CONVERTER_POOL_SIZE": int(os.environ.get("CONVERTER_POOL_SIZE", 2)),
        "CONVERTER_TIMEOUT": float(os.environ.get("CONVERTER_TIMEOUT", 60)),
        "CONVERTER_START_TIMEOUT": float(os.environ.get("CONVERTER_START_TIMEOUT", 60)),
        "CONVERTER_RETRIES": int(os.environ.get("CONVERTER_RETRIES", 1)),
        "CONVERTER_SOFFICE": os.environ.get("CONVERTER_SOFFICE", ""),
        "CONVERTER_WARM_START": os.environ.get("CONVERTER_WARM_START", "0"),
        "TEMPLATES_DIR": os.environ.get("TEMPLATES_DIR", ""),
    }


def _mail_settings() -> dict:
    """The service's one SMTP configuration (``filing_service.mail``), which filings and
    the deadlines' digest share, and the sender of each. The password is not read here:
    ``SMTP_PASSWORD`` (:func:`environment_secret`) or ``SMTP_PASSWORD_FILE``, when a
    connection is opened."""
    return {
        "SMTP_HOST": os.environ.get("SMTP_HOST", "127.0.0.1"),
        "SMTP_PORT": int(os.environ.get("SMTP_PORT", "25")),
        "SMTP_SECURITY": os.environ.get("SMTP_SECURITY", "starttls"),
        "SMTP_USERNAME": os.environ.get("SMTP_USERNAME") or None,
        "SMTP_PASSWORD_FILE": os.environ.get("SMTP_PASSWORD_FILE") or None,
        "SMTP_CA_FILE": os.environ.get("SMTP_CA_FILE") or None,
        "SMTP_TIMEOUT": float(os.environ.get("SMTP_TIMEOUT", "30")),
        "FILING_FROM_ADDRESS": os.environ.get(
            "FILING_FROM_ADDRESS", "depuneri@dgaspc.invalid"
        ),
        "DEADLINES_FROM_ADDRESS": os.environ.get(
            "DEADLINES_FROM_ADDRESS", "termene@dgaspc.invalid"
        ),
    }


def _filing_settings() -> dict:
    """Sending filings (retries) and the courts portal (``filings``)."""
    return {
        "FILING_ALLOW_UNVERIFIED_EMAIL": os.environ.get("FILING_ALLOW_UNVERIFIED_EMAIL")
        == "1",
        "FILING_SEND_RETRIES": int(os.environ.get("FILING_SEND_RETRIES", "2")),
        "FILING_RETRY_BASE_SECONDS": float(os.environ.get("FILING_RETRY_BASE_SECONDS", "2")),
        "FILING_RETRY_LATER_SECONDS": float(
            os.environ.get("FILING_RETRY_LATER_SECONDS", "300")
        ),
        "PORTAL_URL": os.environ.get("PORTAL_URL", "http://portalquery.just.ro/query.asmx"),
        "PORTAL_TIMEOUT": float(os.environ.get("PORTAL_TIMEOUT", "20")),
        # The most cases the portal gives for one question: an answer that reaches it is
        # asked again in two halves of its interval.
        "PORTAL_RESULT_CAP": int(os.environ.get("PORTAL_RESULT_CAP", "1000")),
        # Quotas of uploads to filings: files and bytes per package, bytes per directorate.
        "FILING_MAX_FILES": int(os.environ.get("FILING_MAX_FILES", "20")),
        "FILING_MAX_BYTES": int(os.environ.get("FILING_MAX_BYTES", 200 * 1024 * 1024)),
        "DIRECTORATE_MAX_FILING_BYTES": int(
            os.environ.get("DIRECTORATE_MAX_FILING_BYTES", 20 * 1024**3)
        ),
        # The CPU time a PDF someone sent may take to be parsed (``pdfread``), in seconds.
        "PDF_PARSE_SECONDS": float(os.environ.get("PDF_PARSE_SECONDS", "1.0")),
    }


def _reply_settings() -> dict:
    """The registry's replies read from each directorate's mailbox (``filings.replies``).

    ``REGISTRY_MAILBOXES`` is kept as the JSON text it is (``{"CJ": {"host", "port",
    "user", "password" or "password_file", "security": "ssl" | "starttls" | "none",
    "folder": "INBOX"}}``): ``filings.replies.parse_mailboxes`` checks it when the app is
    built, naming the key at fault and never the password."""
    return {
        "REGISTRY_MAILBOXES": os.environ.get("REGISTRY_MAILBOXES", "{}"),
        "REGISTRY_MAILBOX_TIMEOUT": float(os.environ.get("REGISTRY_MAILBOX_TIMEOUT", "30")),
        # Without an earlier run (or --since), how many days back the first run reads.
        "REGISTRY_REPLIES_DAYS": int(os.environ.get("REGISTRY_REPLIES_DAYS", "14")),
    }


def _signing_settings(instance: Path) -> dict:
    """``SIGNATURE_TRUST_DIRS``: folders of trusted root certificates, ``:``-separated
    (default: the package's ``signing/qualified_roots``); ``SIGNING_SECRETS_FILE``: a JSON
    file of PINs and passphrases by name, for keys whose secret is not in the environment
    (default ``instance/signing-secrets.json``, used only if it exists); ``CSC_TIMEOUT``:
    the seconds each call to a remote signing service may take (default 30);
    ``VERIFICATION_BASE_URL`` and ``VERIFICATION_PER_MINUTE``: the public verification
    page the validation sheet's QR codes lead to, and its limit per address.

    ``REVOCATION_CACHE_SIZE``: how many OCSP responses and CRLs a process keeps, each
    until its ``nextUpdate`` (``signing.revocation``; 0: none, every B-LT signature
    fetches its own); ``REVOCATION_CACHE_NO_NEXT_UPDATE_SECONDS``: how long one without
    a ``nextUpdate`` may be reused (default 0: not at all)."""
    trust_dirs = os.environ.get("SIGNATURE_TRUST_DIRS")
    return {
        "REVOCATION_CACHE_SIZE": int(os.environ.get("REVOCATION_CACHE_SIZE", "512")),
        "REVOCATION_CACHE_NO_NEXT_UPDATE_SECONDS": int(
            os.environ.get("REVOCATION_CACHE_NO_NEXT_UPDATE_SECONDS", "0")
        ),
        "SIGNATURE_TRUST_DIRS": trust_dirs.split(":")
        if trust_dirs
        else [str(resources.files("filing_service") / "signing" / "qualified_roots")],
        "SIGNING_SECRETS_FILE": os.environ.get(
            "SIGNING_SECRETS_FILE", str(instance / "signing-secrets.json")
        ),
        # Seconds allowed to each call to a remote signing service (CSC API).
        "CSC_TIMEOUT": float(os.environ.get("CSC_TIMEOUT", "30")),
        # Where the validation sheet's QR codes lead: the public verification page,
        # followed by ``/<sha256>`` (the service's own ``/verificare`` by default).
        "VERIFICATION_BASE_URL": os.environ.get(
            "VERIFICATION_BASE_URL", "http://localhost:8000/verificare"
        ).rstrip("/"),
        # How many verification pages one address may ask for in a minute.
        "VERIFICATION_PER_MINUTE": int(os.environ.get("VERIFICATION_PER_MINUTE", "30")),
        # The EU trusted lists: the snapshot's folder, where the refresh fetches the LOTL,
        # a PEM file of the LOTL's signer certificates (default: pyHanko's last known),
        # and the time one list's download may take.
        "TRUSTED_LISTS_DIR": os.environ.get(
            "TRUSTED_LISTS_DIR", str(instance / "trusted-lists")
        ),
        "TRUSTED_LISTS_LOTL_URL": os.environ.get(
            "TRUSTED_LISTS_LOTL_URL", "https://ec.europa.eu/tools/lotl/eu-lotl.xml"
        ),
        "TRUSTED_LISTS_LOTL_SIGNERS": os.environ.get("TRUSTED_LISTS_LOTL_SIGNERS") or None,
        "TRUSTED_LISTS_TIMEOUT": float(os.environ.get("TRUSTED_LISTS_TIMEOUT", "30")),
    }


def environment_secret(name: str) -> str | None:
    """The secret in the environment variable ``name`` (a PIN or passphrase a signature
    profile names, ``SMTP_PASSWORD``), read when it is needed and never kept: the
    profiles name their variables, so they cannot be listed when the app is built."""
    return os.environ.get(name)


def child_environment(**overrides: str) -> dict[str, str]:
    """The environment of a child process (LibreOffice): the service's own, with
    ``overrides``."""
    return {**os.environ, **overrides}


def instance_secret_key(instance_path: str) -> str:
    """The session-signing key kept in the instance folder, made on the first run.

    Every gunicorn worker builds its own app: a key made per process would make each
    worker refuse the cookies and CSRF tokens the other signed. So the first process to
    get here writes a random key to ``instance/secret_key`` (mode 0600), and every worker
    and every later run reads that file. The file is written under a temporary name and
    linked into place, which fails if another worker got there first: the loser reads
    the winner's key, never a half-written one.
    """
    folder = Path(instance_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / SECRET_KEY_FILE_NAME
    if not target.exists():
        draft = folder / f".{SECRET_KEY_FILE_NAME}.{os.getpid()}.{secrets.token_hex(4)}"
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as out:
                out.write(secrets.token_hex(32) + "\n")
            os.link(draft, target)
        except FileExistsError:
            pass  # another worker made it a moment ago: use that one
        finally:
            draft.unlink(missing_ok=True)
    key = target.read_text(encoding="utf-8").strip()
    if len(key) < 32:
        raise RuntimeError(f"{target} does not hold a usable key; remove it to make one anew")
    return key


def gunicorn_timeout() -> int:
    """Seconds gunicorn lets a worker spend on one request before it kills it.

    gunicorn's default (30 s) is shorter than one conversion may take. A sync worker
    cannot tell gunicorn it is alive while it waits for LibreOffice, so below the
    converter's own bound gunicorn would kill the worker (an HTML 500, the pool lost)
    before the pool gives up on a hung instance and answers 503 problem+json. The worst
    case is each attempt (the first and every retry) starting an instance and then
    waiting out its conversion; 30 s more for the rest of the request.
    """
    settings = _converter_settings()
    attempts = 1 + settings["CONVERTER_RETRIES"]
    per_attempt = settings["CONVERTER_START_TIMEOUT"] + settings["CONVERTER_TIMEOUT"]
    return int(attempts * per_attempt) + 30
