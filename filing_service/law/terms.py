"""Calendar arithmetic shared by the rules and the deadlines.

Terms in months end on the corresponding day of the month, or on the month's last day
when that day does not exist (Code of Civil Procedure, art. 181 alin. 1 pct. 3).
"""

import calendar
from datetime import date


def add_months(start: date, months: int) -> date:
    """The corresponding day ``months`` later, clamped to the end of a shorter month."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)
