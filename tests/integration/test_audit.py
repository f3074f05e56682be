"""The audit trail: every change and every read of a whole case, append-only."""

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from filing_service.db import unit_of_work
from filing_service.models import AuditEvent
from tests import builders


def trail(app):
    with app.app_context(), unit_of_work() as uow:
        return [
            (e.action, e.entity, e.actor, e.changes)
            for e in uow.session.scalars(select(AuditEvent).order_by(AuditEvent.id))
        ]


def test_creating_changing_and_reading_a_case_are_recorded(app, client, auth):
    case = client.post("/api/v1/cases", json=builders.case(), headers=auth).get_json()
    client.patch(
        f"/api/v1/children/{case['child']['id']}",
        headers=auth,
        json={"education": "Elev în clasa a IV-a."},
    )
    client.get(f"/api/v1/cases/{case['id']}", headers=auth)
    events = trail(app)
    assert [(a, e) for a, e, _, _ in events] == [
        ("create", "case"),
        ("update", "child"),
        ("read", "case"),
    ]
    assert all(actor.startswith("token:") for _, _, actor, _ in events)
    assert events[1][3] == {"education": ["Elev în clasa a III-a.", "Elev în clasa a IV-a."]}


def test_a_refused_change_leaves_no_audit_record(app, client, auth):
    client.post(
        "/api/v1/cases",
        headers=auth,
        json=builders.case(
            child=builders.child(age=4), placement_target=builders.residential()
        ),
    )
    assert trail(app) == []


def test_the_audit_trail_cannot_be_changed_or_deleted(app, client, auth):
    client.post("/api/v1/cases", json=builders.case(), headers=auth)
    with app.app_context(), unit_of_work() as uow:
        with pytest.raises(DBAPIError, match="append-only"):
            uow.session.execute(text("UPDATE audit_events SET actor = 'altcineva'"))
        uow.rollback()
        with pytest.raises(DBAPIError, match="append-only"):
            uow.session.execute(text("DELETE FROM audit_events"))
