"""Configuration, read from the environment when the app is built (never at import)."""
import os
import secrets
from pathlib import Path


def from_environment(instance_path: str) -> dict:
    """Settings from environment variables, with safe defaults for a local run.

    ``DATABASE_URL`` defaults to SQLite under ``instance/``; production uses PostgreSQL
    through psycopg 3 (``postgresql+psycopg://...``). Without ``SECRET_KEY`` a random key
    is made for this process only, so sessions do not survive a restart: say so in
    production by setting it.
    """
    instance = Path(instance_path)
    secret = os.environ.get("SECRET_KEY")
    secret_file = os.environ.get("SECRET_KEY_FILE")
    if not secret and secret_file:
        secret = Path(secret_file).read_text(encoding="utf-8").strip()
    return {
        "SECRET_KEY": secret or secrets.token_hex(32),
        "DATABASE_URL": os.environ.get("DATABASE_URL",
                                       f"sqlite:///{instance / 'filing_service.sqlite3'}"),
        "STORAGE_DIR": os.environ.get("STORAGE_DIR", str(instance / "storage")),
        "TIMEZONE": os.environ.get("TIMEZONE", "Europe/Bucharest"),
        # Bodies of JSON and XML requests; larger uploads (PDFs) have their own limits.
        "JSON_MAX_BYTES": int(os.environ.get("JSON_MAX_BYTES", 1024 * 1024)),
        "MAX_CONTENT_LENGTH": int(os.environ.get("MAX_UPLOAD_BYTES", 64 * 1024 * 1024)),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": os.environ.get("SESSION_COOKIE_SECURE", "0") == "1",
    }
