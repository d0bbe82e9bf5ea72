from datetime import UTC, date, datetime

from app.core.clock import Clock
from tests.clock import FixedClock


def test_the_real_clock_is_aware_and_current() -> None:
    before = datetime.now(UTC)
    now = Clock().now()
    assert now.tzinfo is not None
    assert before <= now <= datetime.now(UTC)


def test_today_and_the_week_follow_the_time_zone() -> None:
    # Sunday 29 November 2026, 23:30 in London is already Monday 30th in Tokyo.
    clock = FixedClock(datetime(2026, 11, 29, 23, 30, tzinfo=UTC))
    assert clock.today("Europe/London") == date(2026, 11, 29)
    assert clock.week_start("Europe/London") == date(2026, 11, 23)
    assert clock.today("Asia/Tokyo") == date(2026, 11, 30)
    assert clock.week_start("Asia/Tokyo") == date(2026, 11, 30)
    assert clock.local_now("America/Los_Angeles").hour == 15
