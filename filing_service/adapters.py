"""The outside tools of one app, as the services receive them.

``create_app`` builds them once (``bootstrap.bootstrap``) and keeps them in
``app.extensions["adapters"]``; a view or command takes them with :func:`current` and
passes what a service needs as parameters. This module imports none of the tools, so
any capability's doors may import it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from flask import current_app

if TYPE_CHECKING:  # the types only: bootstrap imports the tools themselves
    from .clock import Clock
    from .documents.converter import PooledConverter
    from .filings.portal import PortalClient
    from .filings.replies import MailboxSettings
    from .mail import Mailer
    from .signing.signer import PadesSigner
    from .storage import ContentStore


@dataclass(frozen=True)
class Adapters:
    """Every outside tool the services use."""

    clock: Clock
    content: ContentStore
    converter: PooledConverter  # the LibreOffice pool, started by the first conversion
    templates: Path  # the folder of the DOCX templates
    signer: PadesSigner
    mailer: Mailer
    portal: Callable[[], PortalClient]  # a client per sync: zeep reads the WSDL on making it
    # The directorates' own mailboxes, where the registries' replies arrive (by code).
    mailboxes: dict[str, MailboxSettings] = field(default_factory=dict)


def current() -> Adapters:
    """The current app's adapters."""
    return current_app.extensions["adapters"]
