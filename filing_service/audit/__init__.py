"""The audit trail: every change to case data, and every read of a whole case."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from ..auth.actor import Actor
from ..models import AuditEvent

# Never written to the trail, even as a change: secrets have no business in the database.
_REDACTED = {"password_hash", "token_hash"}


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: int | None,
    *,
    case_id: int | None = None,
    changes: dict | None = None,
) -> AuditEvent:
    """Append one audit event in the caller's transaction (committed or rolled back with
    it)."""
    event = AuditEvent(
        directorate_id=actor.directorate_id,
        actor=actor.label,
        action=action,
        entity=entity,
        entity_id=entity_id,
        case_id=case_id,
        changes={
            k: ("***" if k in _REDACTED else _plain(v)) for k, v in (changes or {}).items()
        },
    )
    session.add(event)
    return event


def snapshot(obj) -> dict:
    """The column values of an ORM object, for a 'create' record."""
    return {
        attr.key: _plain(getattr(obj, attr.key)) for attr in inspect(obj).mapper.column_attrs
    }


def apply_changes(obj, values: dict) -> dict:
    """Set ``values`` on ``obj`` and return ``{field: [old, new]}`` for those that changed."""
    changed = {}
    for key, new in values.items():
        old = getattr(obj, key)
        if old != new:
            setattr(obj, key, new)
            changed[key] = [_plain(old), _plain(new)]
    return changed
