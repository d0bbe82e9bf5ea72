"""Nudge rules, evaluated at the caller's local time, and the nudge inbox."""

import asyncio
import itertools
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.models import (
    ActivityStatus,
    ActivityType,
    AdminNudge,
    NudgePriority,
    NudgeType,
    User,
)
from app.services.master_admin.nudge_service import NudgeService
from tests.clock import MONDAY, TODAY, FixedClock, utc
from tests.committed_app import RacingClient
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

NUDGES = f"{API}/nudges"
GENERATE = f"{NUDGES}/generate"
# The default clock reads Wednesday 25 November 2026 (TODAY), 15:00 UTC: day 3 of the week
# starting Monday the 23rd (MONDAY), so a steady pace has target x 3 / 7 done by the end
# of today.
LOS_ANGELES = "America/Los_Angeles"  # UTC-8 in November
NO_GOAL = "No goal is set for this week yet: set your targets so your pace can be tracked."
NO_FOCUS = "No focus session completed yet today: block 50 minutes for your most important work."


def local(timezone: str, day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(timezone))


async def weekly_goal(
    session: AsyncSession,
    user: User,
    *,
    week_start: date = MONDAY,
    discoveries: int = 0,
    emails: int = 0,
    videos: int = 0,
    calls: int = 0,
) -> None:
    await create_goal(
        session,
        user,
        week_start=week_start,
        target_discoveries=discoveries,
        target_emails=emails,
        target_videos=videos,
        target_calls=calls,
    )


async def done(
    session: AsyncSession, user: User, activity_type: ActivityType, amount: int, day: date
) -> None:
    await create_activity(
        session, user, type=activity_type, amount=amount, date=day, status=ActivityStatus.DONE
    )


async def focus_completed(session: AsyncSession, user: User, *, ended: datetime) -> None:
    await create_focus_session(
        session, user, start_time=ended - timedelta(minutes=50), end_time=ended, completed=True
    )


async def quiet_week(
    session: AsyncSession, user: User, *, local_day: date = TODAY, focus: bool = True
) -> None:
    """Nothing for any rule to say before 17:00 local on `local_day`: a goal met at
    exactly the expected pace, nothing overdue, and (with `focus`) a focus session
    completed that morning."""
    week_start = local_day - timedelta(days=local_day.weekday())
    await weekly_goal(session, user, week_start=week_start, discoveries=7)
    await done(session, user, ActivityType.DISCOVERY, local_day.weekday() + 1, week_start)
    if focus:
        await focus_completed(session, user, ended=local(user.timezone, local_day, 9))


async def scored(session: AsyncSession, user: User, *days: date, score: int = 20) -> None:
    for day in days:
        await create_score(session, user, date=day, score=score)


async def generate(client: httpx.AsyncClient) -> list[dict[str, Any]]:
    response = await client.post(GENERATE)
    assert response.status_code == 201, response.text
    created: list[dict[str, Any]] = response.json()
    return created


def keys(nudges: list[dict[str, Any]]) -> list[str]:
    return [nudge["rule_key"] for nudge in nudges]


# --- a day with nothing to say --------------------------------------------------------


async def test_a_quiet_day_creates_nothing(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    user = await create_founder(session)
    await quiet_week(session, user)

    response = await client.post(GENERATE)

    assert response.status_code == 201
    assert response.json() == []
    assert (await client.get(NUDGES)).json() == []


async def test_a_quiet_day_in_los_angeles_creates_nothing(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    user = await create_founder(session, LOS_ANGELES)
    await quiet_week(session, user)
    clock.instant = local(LOS_ANGELES, TODAY, 16, 59)

    assert await generate(client) == []


# --- no goal for the current week -----------------------------------------------------


async def test_no_goal_this_week_is_a_high_priority_reminder(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    user = await create_founder(session)
    await focus_completed(session, user, ended=utc(TODAY, 10))

    [nudge] = await generate(client)

    assert nudge == {
        "id": nudge["id"],
        "user_id": user.id,
        "type": "reminder",
        "priority": "high",
        "message": NO_GOAL,
        "read": False,
        "action_url": None,
        "rule_key": "no_goal:2026-11-25",
        "created_at": nudge["created_at"],
        "expires_at": "2026-11-26T00:00:00Z",
    }
    assert datetime.fromisoformat(nudge["created_at"]).tzinfo is not None


async def test_last_weeks_goal_carries_over(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    user = await create_founder(session)
    await weekly_goal(session, user, week_start=MONDAY - timedelta(days=7), calls=10)
    await focus_completed(session, user, ended=utc(TODAY, 10))

    [nudge] = await generate(client)

    # Wednesday: 10 x 3 / 7 = 4.29 calls expected.
    assert nudge["rule_key"] == "behind_pace:2026-11-25"
    assert nudge["message"] == "Behind this week's pace on calls (0 done, 4.29 expected by today)."


async def test_the_week_is_the_local_week(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    """Monday 30 November 03:00 UTC is still Sunday the 29th in Los Angeles: the goal
    of the week of the 23rd applies (and on its last day, pace means target reached)."""
    user = await create_founder(session, LOS_ANGELES)
    await quiet_week(session, user, local_day=date(2026, 11, 29))
    clock.instant = utc(date(2026, 11, 30), 3)

    [nudge] = await generate(client)

    assert nudge["rule_key"] == "celebration:discovery:2026-11-23"
    assert nudge["message"] == "Weekly discovery target reached: 7 done of 7."
    assert nudge["expires_at"] == "2026-11-30T08:00:00Z"


# --- pending activities dated before today --------------------------------------------


async def test_pending_activities_before_today_are_a_reminder(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    user = await create_founder(session)
    await quiet_week(session, user)
    other = await create_user(session)
    for day, status, owner in [
        (TODAY - timedelta(days=1), ActivityStatus.PENDING, user),
        (TODAY - timedelta(days=30), ActivityStatus.PENDING, user),
        (TODAY, ActivityStatus.PENDING, user),
        (TODAY + timedelta(days=3), ActivityStatus.PENDING, user),
        (TODAY - timedelta(days=1), ActivityStatus.CANCELLED, user),
        (TODAY - timedelta(days=1), ActivityStatus.PENDING, other),
    ]:
        await create_activity(session, owner, date=day, status=status, type=ActivityType.EMAIL)

    [nudge] = await generate(client)

    assert nudge["rule_key"] == "pending_activities:2026-11-25"
    assert nudge["type"] == "reminder"
    assert nudge["priority"] == "normal"
    assert nudge["message"] == (
        "2 pending activities are dated before today: mark them done or cancel them."
    )


async def test_one_pending_activity_is_named_in_the_singular(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    user = await create_founder(session)
    await quiet_week(session, user)
    await create_activity(
        session, user, date=TODAY - timedelta(days=1), status=ActivityStatus.PENDING
    )

    [nudge] = await generate(client)

    assert (
        nudge["message"] == "1 pending activity is dated before today: mark it done or cancel it."
    )


async def test_before_today_means_before_the_local_today(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    """At 00:30 UTC on the 26th it is still the 25th in Los Angeles: the 25th is today."""
    user = await create_founder(session, LOS_ANGELES)
    await quiet_week(session, user)
    await create_activity(session, user, date=TODAY, status=ActivityStatus.PENDING)
    clock.instant = utc(TODAY + timedelta(days=1), 0, 30)

    assert await generate(client) == []


# --- behind the weekly pace -----------------------------------------------------------


async def test_behind_pace_names_every_type_behind_in_one_suggestion(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    user = await create_founder(session)
    await focus_completed(session, user, ended=utc(TODAY, 9))
    # Expected by today (x 3 / 7): discoveries 3, emails 4.29, videos 6, calls 3.
    await weekly_goal(session, user, discoveries=7, emails=10, videos=14, calls=7)
    await done(session, user, ActivityType.DISCOVERY, 3, MONDAY)
    await done(session, user, ActivityType.EMAIL, 4, MONDAY)
    await done(session, user, ActivityType.VIDEO, 6, TODAY)
    await done(session, user, ActivityType.CALL, 2, TODAY)
    await create_activity(
        session, user, type=ActivityType.CALL, amount=5, date=TODAY, status=ActivityStatus.PENDING
    )

    [nudge] = await generate(client)

    assert nudge["rule_key"] == "behind_pace:2026-11-25"
    assert nudge["type"] == "suggestion"
    assert nudge["priority"] == "normal"
    assert nudge["message"] == (
        "Behind this week's pace on emails (4 done, 4.29 expected by today) "
        "and calls (2 done, 3 expected by today)."
    )


async def test_behind_pace_on_one_type(client: httpx.AsyncClient, session: AsyncSession) -> None:
    user = await create_founder(session)
    await focus_completed(session, user, ended=utc(TODAY, 9))
    await weekly_goal(session, user, discoveries=7, calls=70)  # expected 3 and 30
    await done(session, user, ActivityType.DISCOVERY, 3, MONDAY)
    await done(session, user, ActivityType.CALL, 29, TODAY)

    [nudge] = await generate(client)

    assert nudge["message"] == "Behind this week's pace on calls (29 done, 30 expected by today)."


async def test_behind_pace_on_three_types_lists_them(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    user = await create_founder(session)
    await focus_completed(session, user, ended=utc(TODAY, 9))
    await weekly_goal(session, user, discoveries=7, emails=7, videos=7, calls=7)
    await done(session, user, ActivityType.EMAIL, 3, MONDAY)

    [nudge] = await generate(client)

    assert nudge["message"] == (
        "Behind this week's pace on discoveries (0 done, 3 expected by today), "
        "videos (0 done, 3 expected by today) and calls (0 done, 3 expected by today)."
    )


# --- no completed focus session by 14:00 ----------------------------------------------


async def test_no_focus_session_by_two_pm_is_a_low_suggestion(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    user = await create_founder(session)
    await quiet_week(session, user, focus=False)

    clock.instant = utc(TODAY, 13, 59)
    assert await generate(client) == []

    clock.instant = utc(TODAY, 14)
    [nudge] = await generate(client)

    assert nudge["rule_key"] == "no_focus:2026-11-25"
    assert nudge["type"] == "suggestion"
    assert nudge["priority"] == "low"
    assert nudge["message"] == NO_FOCUS
    assert nudge["expires_at"] == "2026-11-26T00:00:00Z"


async def test_only_a_session_completed_today_counts(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    user = await create_founder(session)
    await quiet_week(session, user, focus=False)
    other = await create_user(session)
    await focus_completed(session, other, ended=utc(TODAY, 10))
    await focus_completed(session, user, ended=utc(TODAY - timedelta(days=1), 23, 59))
    await create_focus_session(
        session,
        user,
        start_time=utc(TODAY, 9),
        end_time=utc(TODAY, 9, 20),
        interrupted=True,
    )
    await create_focus_session(session, user, start_time=utc(TODAY, 14, 30))

    assert keys(await generate(client)) == ["no_focus:2026-11-25"]


async def test_two_pm_is_local_two_pm(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    user = await create_founder(session, LOS_ANGELES)
    await quiet_week(session, user, focus=False)
    # 07:30 UTC on the 25th is 23:30 on the 24th in Los Angeles: yesterday's session.
    await focus_completed(session, user, ended=utc(TODAY, 7, 30))

    clock.instant = utc(TODAY, 21, 59)  # 13:59 in Los Angeles
    assert await generate(client) == []

    clock.instant = utc(TODAY, 22)  # 14:00 in Los Angeles
    [nudge] = await generate(client)

    assert nudge["rule_key"] == "no_focus:2026-11-25"
    assert nudge["expires_at"] == "2026-11-26T08:00:00Z"


async def test_a_session_completed_after_local_midnight_counts(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    """Tokyo is UTC+9: 16:00 UTC on the 24th is 01:00 on the 25th there."""
    user = await create_founder(session, "Asia/Tokyo")
    await quiet_week(session, user, focus=False)
    await focus_completed(session, user, ended=utc(TODAY - timedelta(days=1), 16))
    clock.instant = utc(TODAY, 6)  # 15:00 in Tokyo

    assert await generate(client) == []


async def test_a_session_completed_at_local_midnight_is_todays(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    """The boundary: 00:00:00 in Tokyo on the 25th is 15:00 UTC on the 24th."""
    user = await create_founder(session, "Asia/Tokyo")
    await quiet_week(session, user, focus=False)
    await focus_completed(session, user, ended=local("Asia/Tokyo", TODAY, 0))
    clock.instant = utc(TODAY, 6)  # 15:00 in Tokyo

    assert await generate(client) == []


# --- streak at risk -------------------------------------------------------------------


async def test_a_streak_at_risk_at_five_pm_is_an_urgent_alert(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    user = await create_founder(session)
    await quiet_week(session, user)
    await scored(session, user, TODAY - timedelta(days=2), TODAY - timedelta(days=1))

    clock.instant = utc(TODAY, 16, 59)
    assert await generate(client) == []

    clock.instant = utc(TODAY, 17)
    [nudge] = await generate(client)

    assert nudge["rule_key"] == "streak_at_risk:2026-11-25"
    assert nudge["type"] == "alert"
    assert nudge["priority"] == "urgent"
    assert nudge["message"] == (
        "Your 2-day streak ends tonight: log a done activity today to keep it alive."
    )
    assert nudge["expires_at"] == "2026-11-26T00:00:00Z"


async def test_a_one_day_streak_is_not_at_risk(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    user = await create_founder(session)
    await quiet_week(session, user)
    await scored(session, user, TODAY - timedelta(days=3), TODAY - timedelta(days=1))
    clock.instant = utc(TODAY, 23, 59)

    assert await generate(client) == []


async def test_a_streak_scored_today_is_safe(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    user = await create_founder(session)
    await quiet_week(session, user)
    await scored(session, user, TODAY - timedelta(days=2), TODAY - timedelta(days=1))
    await scored(session, user, TODAY, score=1)  # one point is enough
    clock.instant = utc(TODAY, 17)

    assert await generate(client) == []


async def test_a_zero_score_today_does_not_save_the_streak(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    user = await create_founder(session)
    await quiet_week(session, user)
    await scored(session, user, *(TODAY - timedelta(days=n) for n in range(1, 6)))
    await scored(session, user, TODAY, score=0)
    clock.instant = utc(TODAY, 18)

    [nudge] = await generate(client)

    assert nudge["message"] == (
        "Your 5-day streak ends tonight: log a done activity today to keep it alive."
    )


async def test_five_pm_is_local_five_pm(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    """17:00 in Los Angeles is 01:00 UTC the next day; "today" is still the 25th there,
    so the streak ending on the 24th is alive and at risk."""
    user = await create_founder(session, LOS_ANGELES)
    await quiet_week(session, user)
    await scored(session, user, TODAY - timedelta(days=2), TODAY - timedelta(days=1))

    clock.instant = local(LOS_ANGELES, TODAY, 16, 59)
    assert await generate(client) == []

    clock.instant = local(LOS_ANGELES, TODAY, 17)
    assert clock.instant == utc(TODAY + timedelta(days=1), 1)
    [nudge] = await generate(client)

    assert nudge["rule_key"] == "streak_at_risk:2026-11-25"
    assert nudge["expires_at"] == "2026-11-26T08:00:00Z"


# --- weekly targets reached -----------------------------------------------------------


async def test_a_reached_target_is_celebrated_once_per_type_per_week(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    user = await create_founder(session)
    await focus_completed(session, user, ended=utc(TODAY, 9))
    await weekly_goal(session, user, discoveries=3, emails=0, videos=2, calls=10)
    await done(session, user, ActivityType.DISCOVERY, 3, MONDAY)
    await done(session, user, ActivityType.EMAIL, 8, MONDAY)
    await done(session, user, ActivityType.CALL, 12, TODAY)
    await done(session, user, ActivityType.VIDEO, 1, TODAY)

    created = await generate(client)

    assert sorted(keys(created)) == [
        "celebration:call:2026-11-23",
        "celebration:discovery:2026-11-23",
    ]
    calls = next(nudge for nudge in created if nudge["rule_key"].startswith("celebration:call"))
    assert calls["type"] == "celebration"
    assert calls["priority"] == "low"
    assert calls["message"] == "Weekly call target reached: 12 done of 10."
    assert calls["expires_at"] == "2026-11-26T00:00:00Z"

    await done(session, user, ActivityType.VIDEO, 1, TODAY)
    clock.instant = utc(TODAY + timedelta(days=1), 15)
    await focus_completed(session, user, ended=utc(TODAY + timedelta(days=1), 9))
    await done(session, user, ActivityType.DISCOVERY, 5, TODAY)

    assert keys(await generate(client)) == ["celebration:video:2026-11-23"]


async def test_a_new_week_celebrates_again(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    user = await create_founder(session)
    next_monday = MONDAY + timedelta(days=7)
    for week_start in (MONDAY, next_monday):
        await weekly_goal(session, user, week_start=week_start, calls=1)
        await done(session, user, ActivityType.CALL, 1, week_start)
    await focus_completed(session, user, ended=utc(TODAY, 9))
    await focus_completed(session, user, ended=utc(next_monday, 9))

    first = await generate(client)
    clock.instant = utc(next_monday, 15)
    second = await generate(client)

    assert keys(first) == ["celebration:call:2026-11-23"]
    assert keys(second) == ["celebration:call:2026-11-30"]


# --- every rule at once, and once a day -----------------------------------------------


async def test_generate_returns_the_new_nudges_most_pressing_first(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    user = await create_founder(session)
    await create_activity(session, user, date=MONDAY, status=ActivityStatus.PENDING)
    await scored(session, user, MONDAY, MONDAY + timedelta(days=1))
    clock.instant = utc(TODAY, 17)

    created = await generate(client)

    assert keys(created) == [
        "streak_at_risk:2026-11-25",
        "no_goal:2026-11-25",
        "pending_activities:2026-11-25",
        "no_focus:2026-11-25",
    ]
    assert [nudge["priority"] for nudge in created] == ["urgent", "high", "normal", "low"]


async def test_new_nudges_of_one_priority_come_newest_first(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    user = await create_founder(session)
    await weekly_goal(session, user, calls=7)  # 3 calls expected by today, none done
    await create_activity(session, user, date=MONDAY, status=ActivityStatus.PENDING)
    clock.instant = utc(TODAY, 10)

    created = await generate(client)

    # Both normal; inserted in key order, so behind_pace has the older id.
    assert keys(created) == ["pending_activities:2026-11-25", "behind_pace:2026-11-25"]
    assert created[0]["id"] > created[1]["id"]


async def test_the_rules_read_the_clock_once(
    client: httpx.AsyncClient,
    session: AsyncSession,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Generated a moment before midnight, finished after it: the score, streak and
    week the rules see are the ones of the instant the rules were run."""
    tuesday = TODAY - timedelta(days=1)
    user = await create_founder(session)
    await quiet_week(session, user, local_day=tuesday)
    await scored(session, user, MONDAY - timedelta(days=1), MONDAY, tuesday)
    instants = itertools.chain(
        [utc(tuesday, 23, 59) + timedelta(seconds=59)], itertools.repeat(utc(TODAY, 0))
    )
    monkeypatch.setattr(clock, "now", lambda: next(instants))

    assert await generate(client) == []


async def test_generating_again_the_same_day_creates_nothing(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    await create_founder(session)
    first = await generate(client)
    clock.instant = utc(TODAY, 23, 59)

    again = await generate(client)

    assert keys(first) == ["no_goal:2026-11-25", "no_focus:2026-11-25"]
    assert again == []
    assert len((await client.get(NUDGES)).json()) == 2


async def test_a_read_or_deleted_nudge_does_not_come_back_the_same_day(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    user = await create_founder(session)
    no_goal, no_focus = await generate(client)
    await client.put(f"{NUDGES}/{no_goal['id']}/read")
    await client.delete(f"{NUDGES}/{no_focus['id']}")

    assert await generate(client) == []
    assert (await client.get(NUDGES)).json() == []
    stored = select(func.count()).where(AdminNudge.user_id == user.id)
    assert await session.scalar(stored) == 2


async def test_the_rules_fire_again_the_next_day(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    await create_founder(session)
    no_goal = (await generate(client))[0]
    await client.delete(f"{NUDGES}/{no_goal['id']}")

    clock.instant = utc(TODAY + timedelta(days=1), 14)
    again = await generate(client)

    assert keys(again) == ["no_goal:2026-11-26", "no_focus:2026-11-26"]
    assert again[0]["expires_at"] == "2026-11-27T00:00:00Z"


# --- the inbox ------------------------------------------------------------------------


async def inbox(session: AsyncSession, user: User, clock: FixedClock) -> dict[str, AdminNudge]:
    """Nudges of every kind the inbox must sort or leave out, named by what they are."""
    now = clock.now()
    later = now + timedelta(hours=9)
    other = await create_user(session)

    async def nudge(owner: User, priority: NudgePriority, **fields: Any) -> AdminNudge:
        defaults: dict[str, Any] = {"expires_at": later, "created_at": now - timedelta(hours=1)}
        return await create_nudge(session, owner, priority=priority, **(defaults | fields))

    return {
        "low": await nudge(user, NudgePriority.LOW),
        "urgent": await nudge(user, NudgePriority.URGENT, type=NudgeType.ALERT),
        "older_normal": await nudge(
            user, NudgePriority.NORMAL, created_at=now - timedelta(hours=3)
        ),
        "high": await nudge(user, NudgePriority.HIGH),
        "newer_normal": await nudge(
            user, NudgePriority.NORMAL, created_at=now - timedelta(hours=2)
        ),
        "never_expires": await nudge(user, NudgePriority.LOW, expires_at=None, created_at=now),
        "read_high": await nudge(
            user, NudgePriority.HIGH, read=True, created_at=now - timedelta(hours=2)
        ),
        "expired": await nudge(user, NudgePriority.URGENT, expires_at=now),
        "dismissed": await nudge(user, NudgePriority.URGENT, dismissed_at=now),
        "someone_elses": await nudge(other, NudgePriority.URGENT),
    }


async def test_the_inbox_shows_unread_unexpired_nudges_most_pressing_first(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    user = await create_founder(session)
    nudges = await inbox(session, user, clock)

    response = await client.get(NUDGES)

    assert response.status_code == 200
    assert [row["id"] for row in response.json()] == [
        nudges[name].id
        for name in ("urgent", "high", "newer_normal", "older_normal", "never_expires", "low")
    ]


async def test_include_read_widens_the_inbox_to_read_nudges(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    user = await create_founder(session)
    nudges = await inbox(session, user, clock)

    response = await client.get(NUDGES, params={"include_read": "true"})

    assert [row["id"] for row in response.json()] == [
        nudges[name].id
        for name in (
            "urgent",
            "high",
            "read_high",
            "newer_normal",
            "older_normal",
            "never_expires",
            "low",
        )
    ]


async def test_nudges_alike_in_priority_and_age_list_the_newest_id_first(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    user = await create_founder(session)
    created_at = clock.instant - timedelta(hours=1)
    first, second = [await create_nudge(session, user, created_at=created_at) for _ in range(2)]

    response = await client.get(NUDGES)

    assert [row["id"] for row in response.json()] == [second.id, first.id]


async def test_the_service_lists_unread_nudges_unless_asked(
    session: AsyncSession, clock: FixedClock
) -> None:
    user = await create_founder(session)
    nudges = await inbox(session, user, clock)
    service = NudgeService(session, clock)

    unread = [nudge.id for nudge in await service.list_nudges(user)]
    everything = [nudge.id for nudge in await service.list_nudges(user, include_read=True)]

    assert nudges["read_high"].id not in unread
    assert nudges["read_high"].id in everything
    assert len(everything) == len(unread) + 1


async def test_a_nudge_expires_at_the_end_of_the_local_day(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    await create_founder(session, LOS_ANGELES)
    created = await generate(client)
    assert keys(created) == ["no_goal:2026-11-25"]  # 07:00 in Los Angeles

    clock.instant = local(LOS_ANGELES, TODAY, 23, 59)
    before_midnight = (await client.get(NUDGES)).json()
    clock.instant = local(LOS_ANGELES, TODAY + timedelta(days=1), 0)
    after_midnight = (await client.get(NUDGES, params={"include_read": True})).json()

    assert [row["id"] for row in before_midnight] == [row["id"] for row in created]
    assert after_midnight == []


async def test_include_read_must_be_a_boolean(client: httpx.AsyncClient) -> None:
    assert (await client.get(NUDGES, params={"include_read": "perhaps"})).status_code == 422


async def test_marking_read(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    user = await create_founder(session)
    nudge = await create_nudge(session, user, expires_at=clock.now() + timedelta(hours=1))

    response = await client.put(f"{NUDGES}/{nudge.id}/read")
    again = await client.put(f"{NUDGES}/{nudge.id}/read")

    assert response.status_code == 200
    body = response.json()
    assert body["id"] == nudge.id
    assert body["read"] is True
    assert body["message"] == nudge.message
    assert again.status_code == 200
    assert again.json() == body
    assert (await client.get(NUDGES)).json() == []
    assert [row["id"] for row in (await client.get(NUDGES, params={"include_read": 1})).json()] == [
        nudge.id
    ]


async def test_deleting_hides_the_nudge_for_good(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    user = await create_founder(session)
    kept = await create_nudge(session, user)
    gone = await create_nudge(session, user, created_at=clock.now() - timedelta(hours=1))

    response = await client.delete(f"{NUDGES}/{gone.id}")

    assert response.status_code == 204
    assert response.content == b""
    assert [row["id"] for row in (await client.get(NUDGES, params={"include_read": 1})).json()] == [
        kept.id
    ]
    missing = {"detail": f"nudge {gone.id} not found"}
    for repeat in (
        await client.delete(f"{NUDGES}/{gone.id}"),
        await client.put(f"{NUDGES}/{gone.id}/read"),
    ):
        assert repeat.status_code == 404
        assert repeat.json() == missing
    await session.refresh(gone)
    assert gone.dismissed_at == clock.now()


async def test_another_users_or_an_unknown_nudge_is_not_found(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await create_founder(session)
    theirs = await create_nudge(session, await create_user(session))

    for nudge_id in (theirs.id, 2_147_483_647):
        for response in (
            await client.put(f"{NUDGES}/{nudge_id}/read"),
            await client.delete(f"{NUDGES}/{nudge_id}"),
        ):
            assert response.status_code == 404
            assert response.json() == {"detail": f"nudge {nudge_id} not found"}
    await session.refresh(theirs)
    assert (theirs.read, theirs.dismissed_at) == (False, None)


async def test_generate_is_not_a_nudge_id(client: httpx.AsyncClient) -> None:
    # Every id route's bounds are walked in test_hostile_input.
    assert (await client.put(f"{NUDGES}/generate/read")).status_code == 404


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
async def test_the_generate_path_only_generates(client: httpx.AsyncClient, method: str) -> None:
    response = await client.request(method, GENERATE)

    assert response.status_code == 405
    assert response.headers["Allow"] == "POST"


# --- racing generate calls, with real commits -----------------------------------------


async def test_racing_generate_calls_create_each_nudge_once(
    racing_client: RacingClient, clock: FixedClock, engine: AsyncEngine
) -> None:
    clock.instant = utc(TODAY, 17)
    async with racing_client() as (client, founder):
        responses = await asyncio.gather(*(client.post(GENERATE) for _ in range(8)))

        assert [response.status_code for response in responses] == [201] * 8
        created = [nudge["rule_key"] for response in responses for nudge in response.json()]
        assert sorted(created) == ["no_focus:2026-11-25", "no_goal:2026-11-25"]
        async with engine.connect() as connection:
            stored = await connection.scalars(
                select(AdminNudge.rule_key)
                .join(User)
                .where(User.id == founder.id)
                .order_by(AdminNudge.rule_key)
            )
            assert stored.all() == ["no_focus:2026-11-25", "no_goal:2026-11-25"]
