"""The rules of a filing in plain Python: statuses, composition, splitting, back-off."""

import pytest

from filing_service.filings.domain import (
    Attachment,
    Status,
    TooLarge,
    backoff_seconds,
    can_move,
    package_problems,
    split_into_messages,
)


def files(*sizes):
    return [Attachment(i, f"{i:02d}.pdf", size) for i, size in enumerate(sizes, start=1)]


def test_attachments_are_grouped_in_order_under_the_limit():
    groups = split_into_messages(files(40, 40, 20, 90), limit=100)
    assert [[a.position for a in g] for g in groups] == [[1, 2, 3], [4]]


def test_a_single_file_over_the_limit_cannot_be_sent_by_e_mail():
    with pytest.raises(TooLarge) as refused:
        split_into_messages(files(10, 101), limit=100)
    assert refused.value.attachment.position == 2


def test_a_package_needs_one_petition_and_the_art_139_report():
    assert package_problems(["cerere", "raport_art139"]) == []
    assert {p.code for p in package_problems(["inscris"])} == {
        "petition_missing",
        "child_report_missing",
    }
    assert {p.code for p in package_problems(["cerere", "cerere", "raport_art139"])} == {
        "several_petitions"
    }


@pytest.mark.parametrize(
    "current, target, allowed",
    [
        (Status.DRAFT, Status.SENT, False),  # only a signed package is sent
        (Status.SIGNED, Status.SENT, True),
        (Status.SENT, Status.DRAFT, False),  # what was sent stays sent
        (Status.REGISTERED, Status.DECIDED, True),  # the portal may skip a step
        (Status.COMMUNICATED, Status.HEARING_SET, False),
        (Status.COMMUNICATED, Status.FINAL, True),
    ],
)
def test_statuses_follow_one_another(current, target, allowed):
    assert can_move(current, target) is allowed


def test_the_back_off_doubles_and_is_capped():
    assert [backoff_seconds(n, 2) for n in (1, 2, 3)] == [2, 4, 8]
    assert backoff_seconds(30, 2, cap=600) == 600
