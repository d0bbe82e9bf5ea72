from datetime import date, datetime, timedelta

import httpx
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.models import ActivityStatus, ActivityType
from tests.clock import MONDAY, TODAY, FixedClock, utc
from tests.factories import (
    create_activity,
    create_focus_session,
    create_founder,
    create_goal,
    create_nudge,
    create_score,
    create_user,
)
from tests.helpers import API
from tests.master_admin.expected import day_score, progress, untouched_week
from tests.statements import counting_statements

DASHBOARD = f"{API}/dashboard"


async def test_a_new_user_sees_an_empty_dashboard(client: httpx.AsyncClient) -> None:
    response = await client.get(DASHBOARD)

    assert response.status_code == 200
    assert response.json() == {
        "today": day_score("2026-11-25"),
        "streak": {"current_streak": 0, "longest_streak": 0, "last_active_date": None},
        "week_progress": untouched_week("2026-11-23"),
        "active_focus_session": None,
        "unread_nudges": 0,
        "pipeline": {"active_prospects": 0, "open_deals": 0, "open_value": 0, "weighted_value": 0},
    }


async def test_the_dashboard_gathers_everything_in_one_call(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    user = await create_founder(session)
    other = await create_user(session)
    goal = await create_goal(
        session,
        user,
        week_start=MONDAY,
        target_discoveries=5,
        target_emails=20,
        target_videos=3,
        target_calls=10,
    )
    await create_activity(session, user, type=ActivityType.DISCOVERY, amount=2, date=MONDAY)
    await create_activity(
        session, user, type=ActivityType.EMAIL, amount=7, date=MONDAY + timedelta(days=1)
    )
    await create_activity(session, user, type=ActivityType.CALL, amount=10, date=TODAY)
    await create_activity(
        session, user, type=ActivityType.VIDEO, amount=3, date=TODAY, status=ActivityStatus.PENDING
    )
    await create_activity(session, other, type=ActivityType.VIDEO, amount=3, date=TODAY)
    # An old four-day run, then the current three-day one (scored from the activities).
    for day in (date(2026, 11, 9), date(2026, 11, 10), date(2026, 11, 11), date(2026, 11, 12)):
        await create_score(session, user, date=day, score=15, streak_days=day.day - 8)
    for score, streak_days in ((20, 1), (35, 2), (100, 3)):
        day = MONDAY + timedelta(days=streak_days - 1)
        await create_score(session, user, date=day, score=score, streak_days=streak_days)
    await create_score(session, other, date=TODAY + timedelta(days=1), score=50)
    focus = await create_focus_session(
        session, user, start_time=utc(TODAY, 14, 40), duration_minutes=50
    )
    later = clock.now() + timedelta(hours=2)
    await create_nudge(session, user, expires_at=later)
    await create_nudge(session, user, expires_at=None)
    await create_nudge(session, user, expires_at=later, read=True)
    await create_nudge(session, user, expires_at=clock.now())
    await create_nudge(session, user, expires_at=later, dismissed_at=clock.now())
    await create_nudge(session, other, expires_at=later)

    response = await client.get(DASHBOARD)

    assert response.status_code == 200
    body = response.json()
    assert body["today"] == day_score("2026-11-25", 100, streak_days=3, count=1)
    assert body["streak"] == {
        "current_streak": 3,
        "longest_streak": 4,
        "last_active_date": "2026-11-25",
    }
    # Wednesday: 3 of 7 days elapsed.
    assert body["week_progress"] == {
        "week_start": "2026-11-23",
        "goal_id": goal.id,
        "inherited": False,
        "types": [
            progress("discovery", 5, done=2, remaining=3, percent=40, expected=2.14),
            progress("email", 20, done=7, remaining=13, percent=35, expected=8.57),
            progress("video", 3, done=0, remaining=3, percent=0, expected=1.29),
            progress("call", 10, done=10, remaining=0, percent=100, expected=4.29),
        ],
    }
    active = body["active_focus_session"]
    assert active["id"] == focus.id
    assert active["ends_at"] == "2026-11-25T15:30:00Z"
    assert active["remaining_seconds"] == 1800
    assert active["overdue"] is False
    assert body["unread_nudges"] == 2


async def test_an_overdue_focus_session_shows_as_overdue(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    user = await create_founder(session)
    await create_focus_session(session, user, start_time=utc(TODAY, 9), duration_minutes=25)

    active = (await client.get(DASHBOARD)).json()["active_focus_session"]

    assert (active["remaining_seconds"], active["overdue"]) == (0, True)


async def test_today_and_this_week_are_the_callers(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    """Monday 30 November 03:00 UTC is still Sunday the 29th in Los Angeles."""
    user = await create_founder(session, "America/Los_Angeles")
    await create_score(session, user, date=date(2026, 11, 29), score=20, streak_days=1)
    clock.instant = utc(date(2026, 11, 30), 3)

    body = (await client.get(DASHBOARD)).json()

    assert body["today"]["date"] == "2026-11-29"
    assert body["today"]["score"] == 20
    assert body["streak"]["current_streak"] == 1
    assert body["week_progress"]["week_start"] == "2026-11-23"


async def test_the_number_of_statements_does_not_grow_with_history(
    client: httpx.AsyncClient, session: AsyncSession, engine: AsyncEngine
) -> None:
    user = await create_founder(session)
    await client.get(DASHBOARD)
    with counting_statements(engine) as short_history:
        await client.get(DASHBOARD)

    for days_ago in range(1, 120):
        day = TODAY - timedelta(days=days_ago)
        await create_activity(session, user, date=day)
        await create_score(session, user, date=day, score=10)
        await create_nudge(session, user)
        await create_focus_session(
            session,
            user,
            start_time=utc(day, 9),
            end_time=utc(day, 9, 50),
            completed=True,
        )
    with counting_statements(engine) as long_history:
        response = await client.get(DASHBOARD)

    assert response.json()["streak"]["current_streak"] == 119
    assert response.json()["unread_nudges"] == 119
    assert len(long_history) == len(short_history)
    assert len(short_history) == 2  # the caller's user row, then one read of everything


class SteppingClock(FixedClock):
    """Moves on by a millisecond each time it is read."""

    def now(self) -> datetime:
        instant = self.instant
        self.instant += timedelta(milliseconds=1)
        return instant


async def test_today_and_this_week_come_from_one_reading_of_the_clock(
    app: FastAPI, client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await create_founder(session)
    sunday = date(2026, 11, 29)
    # The last millisecond of Sunday: a second reading would be Monday, a new week.
    app.state.clock = SteppingClock(utc(sunday, 23, 59) + timedelta(seconds=59.999))

    body = (await client.get(DASHBOARD)).json()

    assert body["today"]["date"] == "2026-11-29"
    assert body["week_progress"]["week_start"] == "2026-11-23"
