"""The one source of "now" and "today"; tests replace it with a fixed clock.

Time zones are the IANA database the app ships (the `tzdata` package), never the host's
files: a name is accepted, and a zone loaded, identically on every host.
"""

import logging
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import cache, lru_cache
from importlib.resources import files
from zoneinfo import ZoneInfo

logger = logging.getLogger(__name__)

TZDATA = files("tzdata")


@cache
def iana_time_zones() -> frozenset[str]:
    """Every zone name of the shipped IANA database (e.g. "Europe/London", "UTC")."""
    return frozenset(TZDATA.joinpath("zones").read_text().split())


@lru_cache(maxsize=1024)
def time_zone(name: str) -> tzinfo:
    """The zone `name` from the shipped database; UTC for a name it does not have (one
    stored before this rule, or by a host with other files): a read never fails on it."""
    if name not in iana_time_zones():
        logger.warning("time zone %r is not an IANA name: using UTC", name)
        return UTC
    with TZDATA.joinpath("zoneinfo", *name.split("/")).open("rb") as data:
        return ZoneInfo.from_file(data, key=name)


class Clock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def local_now(self, timezone: str) -> datetime:
        return self.now().astimezone(time_zone(timezone))

    def today(self, timezone: str) -> date:
        return self.local_now(timezone).date()

    def week_start(self, timezone: str) -> date:
        """The Monday of the current week in `timezone`."""
        return monday_of(self.today(timezone))


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


# Clocks step back (NTP, a resumed VM) and replicas' clocks differ by seconds: an instant
# read now may be earlier than one stored by another request. Intervals and durations
# derived from such pairs go through these two, so none ends before it starts.


def elapsed(start: datetime, now: datetime) -> timedelta:
    """The time from `start` to `now`; zero, not negative, when `now` reads earlier."""
    return max(timedelta(0), now - start)


def not_before(instant: datetime, start: datetime) -> datetime:
    """`instant` as the end of an interval that began at `start`: `start` when earlier."""
    return max(instant, start)
