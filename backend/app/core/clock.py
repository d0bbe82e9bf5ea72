"""The one source of "now" and "today"; tests replace it with a fixed clock."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo


class Clock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def local_now(self, timezone: str) -> datetime:
        return self.now().astimezone(ZoneInfo(timezone))

    def today(self, timezone: str) -> date:
        return self.local_now(timezone).date()

    def week_start(self, timezone: str) -> date:
        """The Monday of the current week in `timezone`."""
        return monday_of(self.today(timezone))


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())
