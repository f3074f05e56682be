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
from .filing import Court, Filing, FilingDocument, SendAttempt
from .intake import IntakeDispatcher, IntakeReport, ReportedChild
from .login import LoginFailure
from .measure import Measure
from .signature import Signature

__all__ = ["IntakeDispatcher", "IntakeReport", "ReportedChild", "CalendarFeed", "ClosureDay",
           "ApiToken", "AuditEvent", "Base", "Case", "Child", "Deadline", "Directorate",
           "Court", "Document", "Event", "Filing", "FilingDocument", "Hearing",
           "LoginFailure", "Measure", "Parent", "PlacementTarget", "SendAttempt",
           "Signature", "User"]
