"""The text of a message to the registry (its subject and body) and the search for a
link in it: the courts take plain text with no link, the files attached whole.

Both delivery (``delivery._compose``) and the pre-submission check (``service``) use it,
so what the check read is what is sent.
"""

import re
from collections.abc import Sequence

from . import manifest

# What a mail client turns into a link: a scheme, "www.", an e-mail address or a domain
# with a path or with a top-level domain of the region; "art. 70 alin. (1)" or
# "Legea nr. 272/2004" hold none.
_LINK = re.compile(
    r"\b(?:https?|ftps?|file)://"
    r"|\bmailto:"
    r"|\bwww\d{0,3}\."
    r"|\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*"
    r"\.[a-z]{2,24}/\S*"
    r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:ro|eu|md|com|net|org|info|gov|edu|int|io|biz)\b"
    r"(?![.\w])",
    re.IGNORECASE,
)


def has_link(text: str | None) -> bool:
    """Whether ``text`` holds something a mail client would show as a link."""
    return bool(text) and _LINK.search(text or "") is not None


def subject(filing, index: int, total: int) -> str:
    case = filing.case
    return (
        f"Cerere {case.directorate.name} – ref. {case.reference} – mesajul {index} din {total}"
    )


def body(
    filing, docs: Sequence, index: int, total: int, *, sheet_name: str | None = None
) -> str:
    """The plain-text body: the filing, then each attached file with its SHA-256, and
    the validation sheet's name where the message carries it."""
    case = filing.case
    lines = [
        f"Către {filing.court} – Registratura",
        "",
        f"{case.directorate.name} depune cererea având ca obiect: {filing.object}.",
        f"Temei de drept: {filing.legal_basis}.",
        "Cauza este scutită de taxa judiciară de timbru (art. 140 din Legea nr. 272/2004).",
        "",
        f"Mesajul {index} din {total}. Documente atașate (PDF semnate electronic):",
    ]
    for d in docs:
        lines.append(f"  {d.position}. {d.title} – {d.file_name} – SHA-256 {d.sha256}")
    if sheet_name:
        lines.append(
            f"  Fișa de validare a semnăturilor (PDF separat, nesemnat): {sheet_name}"
        )
    lines += [
        "",
        f"Amprenta manifestului pachetului (SHA-256): {filing.manifest_sha256}",
        f"Cheia pachetului: {filing.idempotency_key}",
        "",
        manifest.CONFIDENTIALITY_NOTICE,
    ]
    return "\n".join(lines)


def typed_fields(filing) -> list[tuple[str, str, str]]:
    """What a person typed that the message quotes: ``(field, Romanian name, text)``."""
    fields = [
        ("object", "Obiectul cererii", filing.object or ""),
        ("legal_basis", "Temeiul de drept", filing.legal_basis or ""),
    ]
    for d in filing.documents:
        fields.append(
            (
                f"documents[{d.position}].title",
                f"Titlul documentului nr. {d.position}",
                d.title,
            )
        )
    return fields
