"""The registry replies' plain parts: the mailboxes' settings (checked at start, naming
the key, never the password), the match by Message-ID and the numbers read."""

import json

import pytest

from filing_service import bootstrap
from filing_service.config import from_environment
from filing_service.filings.replies import (
    MailboxConfigError,
    answered,
    case_numbers,
    imap_date,
    parse_headers,
    parse_mailboxes,
)

SECRET = "Parola-Foarte-Secreta-1"
GOOD = {"host": "imap.dgaspc-cluj.invalid", "user": "registratura", "password": SECRET}


def test_a_good_mailbox_gets_its_defaults_and_hides_its_password():
    [(code, box)] = parse_mailboxes(json.dumps({"CJ": GOOD}), timeout=12).items()
    assert code == "CJ"
    assert (box.port, box.security, box.folder, box.timeout) == (993, "ssl", "INBOX", 12.0)
    assert SECRET not in repr(box)


@pytest.mark.parametrize(
    "entry, key",
    [
        ({**GOOD, "port": "993"}, 'REGISTRY_MAILBOXES["CJ"].port'),
        ({**GOOD, "port": 70000}, 'REGISTRY_MAILBOXES["CJ"].port'),
        ({**GOOD, "security": "tls"}, 'REGISTRY_MAILBOXES["CJ"].security'),
        ({k: v for k, v in GOOD.items() if k != "host"}, 'REGISTRY_MAILBOXES["CJ"].host'),
        ({**GOOD, "pasword": SECRET}, "„pasword”"),
        ({**GOOD, "password_file": "/etc/parola"}, "password_file"),
        ({**GOOD, "timeout": 0}, 'REGISTRY_MAILBOXES["CJ"].timeout'),
    ],
)
def test_a_wrong_mailbox_is_refused_naming_its_key_never_the_password(entry, key):
    with pytest.raises(MailboxConfigError) as refused:
        parse_mailboxes(json.dumps({"CJ": entry}))
    assert key in str(refused.value)
    assert SECRET not in str(refused.value)


def test_an_unknown_directorate_and_broken_json_are_refused():
    with pytest.raises(MailboxConfigError, match=r'REGISTRY_MAILBOXES\["XX"\]'):
        parse_mailboxes({"XX": GOOD})
    with pytest.raises(MailboxConfigError, match="nu este JSON valid") as refused:
        parse_mailboxes('{"CJ": {"password": "' + SECRET + '"')
    assert SECRET not in str(refused.value)


def test_the_app_does_not_start_with_a_wrong_mailbox(tmp_path, monkeypatch):
    """``create_app`` builds the tools with ``bootstrap``: a wrong setting stops it."""
    monkeypatch.setenv("REGISTRY_MAILBOXES", json.dumps({"CJ": {**GOOD, "port": -1}}))
    config = from_environment(str(tmp_path))
    with pytest.raises(MailboxConfigError, match=r'REGISTRY_MAILBOXES\["CJ"\]\.port'):
        bootstrap.bootstrap(config)


def test_in_reply_to_comes_first_then_the_nearest_reference():
    known = {"<a.1-1@dgaspc.invalid>": 1, "<b.1-1@dgaspc.invalid>": 2}
    assert answered("<b.1-1@dgaspc.invalid>", "<a.1-1@dgaspc.invalid>", known) == (
        2,
        "<b.1-1@dgaspc.invalid>",
    )
    refs = "<x@y> <a.1-1@dgaspc.invalid>\r\n <b.1-1@dgaspc.invalid> <z@y>"
    assert answered(None, refs, known) == (2, "<b.1-1@dgaspc.invalid>")
    assert answered("<x@y>", "<z@y>", known) is None


def test_numbers_are_checked_and_dates_come_last():
    assert case_numbers("nr. 24/11/2026 și 1234/117/2026", "0/117/2026 12345678/1/2026") == [
        "1234/117/2026",
        "24/11/2026",
    ]
    assert case_numbers("dosarul 77/85/2025/a1.2, 77/85/2025/a1.2") == ["77/85/2025/a1.2"]
    assert case_numbers("fără număr") == []


def test_a_message_without_message_id_keeps_one_stable_id():
    raw = b"From: a@b.invalid\r\nSubject: =?utf-8?q?=C3=8Enregistrare?=\r\n\r\n"
    first, second = parse_headers(raw), parse_headers(raw)
    assert first.message_id == second.message_id and first.message_id.startswith("<")
    assert first.subject == "Înregistrare" and first.sender == "a@b.invalid"


def test_search_dates_do_not_follow_the_locale():
    from datetime import date

    assert imap_date(date(2026, 11, 3)) == "3-Nov-2026"
