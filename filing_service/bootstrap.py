"""The outside tools of one app, built once by ``create_app`` and handed to the services.

As in cosmicpython's ``bootstrap``: the converter (the LibreOffice pool), the signer
(pyhanko and the trust roots), the mailer (SMTP), the courts portal client, the content
store and the clock are made here from the configuration and kept in
``app.extensions["adapters"]`` (:class:`adapters.Adapters`). Views and commands take them
with ``adapters.current()`` and pass what a service needs as parameters; the services
never look for them themselves, so a unit test hands them fakes.
"""

from datetime import timedelta
from importlib import resources
from pathlib import Path

from flask import Flask

from .adapters import Adapters
from .clock import Clock
from .documents.converter import PooledConverter, PoolSettings
from .filings.portal import PortalClient
from .filings.replies import parse_mailboxes
from .mail import Mailer
from .mail import settings as smtp_settings
from .signing.revocation import DEFAULT_SIZE, configure_process_cache
from .signing.signer import PadesSigner
from .signing.trusted_lists import SnapshotCache
from .storage import ContentStore


def bootstrap(config) -> Adapters:
    """The adapters for an app's ``config`` (nothing is started or connected yet: the
    LibreOffice pool starts with the first conversion, the portal client with a sync, a
    mailbox with ``filings fetch-replies``)."""
    templates = config.get("TEMPLATES_DIR")
    # One revocation cache per process (each gunicorn worker), shared by its threads.
    configure_process_cache(
        int(config.get("REVOCATION_CACHE_SIZE", DEFAULT_SIZE)),
        timedelta(seconds=int(config.get("REVOCATION_CACHE_NO_NEXT_UPDATE_SECONDS", 0))),
    )
    return Adapters(
        clock=Clock(config),
        content=ContentStore(config["STORAGE_DIR"]),
        converter=PooledConverter(
            PoolSettings(
                size=int(config["CONVERTER_POOL_SIZE"]),
                timeout=float(config["CONVERTER_TIMEOUT"]),
                start_timeout=float(config["CONVERTER_START_TIMEOUT"]),
                retries=int(config["CONVERTER_RETRIES"]),
                soffice=config["CONVERTER_SOFFICE"] or PoolSettings.soffice,
            )
        ),
        templates=Path(templates)
        if templates
        else _package_folder("filing_service.documents", "templates"),
        signer=PadesSigner(
            tuple(config["SIGNATURE_TRUST_DIRS"]),
            config.get("SIGNING_SECRETS_FILE"),
            snapshot=SnapshotCache(
                config["TRUSTED_LISTS_DIR"], config["TRUSTED_LISTS_LOTL_SIGNERS"]
            ),
            csc_timeout=float(config["CSC_TIMEOUT"]),
        ),
        mailer=Mailer(smtp_settings(config)),
        portal=lambda: PortalClient(
            config["PORTAL_URL"],
            float(config["PORTAL_TIMEOUT"]),
            zone=config["TIMEZONE"],
            result_cap=int(config["PORTAL_RESULT_CAP"]),
        ),
        # Checked now, so that a wrong REGISTRY_MAILBOXES stops the start (naming its key).
        mailboxes=parse_mailboxes(
            config["REGISTRY_MAILBOXES"], timeout=float(config["REGISTRY_MAILBOX_TIMEOUT"])
        ),
    )


def _package_folder(package: str, name: str) -> Path:
    """A folder of package data, as a path: the templates are read by file name (their
    cache is keyed by modification time), so the package must be installed as files."""
    folder = resources.files(package) / name
    if not isinstance(folder, Path):
        raise RuntimeError(f"{package} is not installed as files; reinstall it unzipped")
    return folder


def init_app(app: Flask) -> None:
    """Build the app's adapters (again, after a test changed the configuration)."""
    app.extensions["adapters"] = bootstrap(app.config)
