"""The SQLAlchemy models, one module per aggregate.

Importing this package registers every table on ``Base.metadata`` (Alembic reads it).
"""

from .audit import AuditEvent
from .base import Base
from .case import Case, Child, Parent, PlacementTarget
from .deadline import CalendarFeed, ClosureDay, Deadline
from .directorate import ApiToken, Directorate, User
from .document import Document
from .event import Event, Hearing
from .filing import Court, Filing, FilingDocument, FilingReply, SendAttempt
from .intake import IntakeDispatcher, IntakeReport, ReportedChild
from .login import LoginFailure
from .measure import Measure
from .signature import Signature

__all__ = [
    "ApiToken",
    "AuditEvent",
    "Base",
    "CalendarFeed",
    "Case",
    "Child",
    "ClosureDay",
    "Court",
    "Deadline",
    "Directorate",
    "Document",
    "Event",
    "Filing",
    "FilingDocument",
    "FilingReply",
    "Hearing",
    "IntakeDispatcher",
    "IntakeReport",
    "LoginFailure",
    "Measure",
    "Parent",
    "PlacementTarget",
    "ReportedChild",
    "SendAttempt",
    "Signature",
    "User",
]
