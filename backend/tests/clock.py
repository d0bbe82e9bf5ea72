"""The tests' time: a clock that stands still, the instant it starts at, and that
instant's day and week."""

from datetime import UTC, date, datetime

from app.core.clock import Clock

# Wednesday 25 November 2026, 15:00 UTC: mid-week, mid-afternoon; the `clock` fixture's.
DEFAULT_NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
# "Today" and "this week" at DEFAULT_NOW, for a user in UTC: what every test means by
# them unless it moves the clock or the user's time zone. Hand-computed expected values
# (streaks, paces, week totals) rest on these days, so they are defined here only.
TODAY = date(2026, 11, 25)  # a Wednesday: day 3 of its week
MONDAY = date(2026, 11, 23)  # the first day of TODAY's week


class FixedClock(Clock):
    """A clock that stands still until a test moves it."""

    def __init__(self, instant: datetime) -> None:
        self.instant = instant

    def now(self) -> datetime:
        return self.instant


def utc(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)
