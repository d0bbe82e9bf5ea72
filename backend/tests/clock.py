"""The tests' time: a clock that stands still, and the instant it starts at."""

from datetime import UTC, date, datetime

from app.core.clock import Clock

# Wednesday 25 November 2026, 15:00 UTC: mid-week, mid-afternoon; the `clock` fixture's.
DEFAULT_NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


class FixedClock(Clock):
    """A clock that stands still until a test moves it."""

    def __init__(self, instant: datetime) -> None:
        self.instant = instant

    def now(self) -> datetime:
        return self.instant


def utc(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)
