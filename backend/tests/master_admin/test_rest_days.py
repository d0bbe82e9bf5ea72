"""Rest days (`PATCH /me` `rest_days`): streaks that neither break nor grow on an unscored
rest day, pace over working days, and nudges silent on rest days. The clock stands on
Wednesday 2026-11-25 unless a test moves it."""

from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.models import User
from tests.clock import FixedClock, utc
from tests.factories import create_activity, create_goal
from tests.helpers import API
from tests.statements import counting_statements

THURSDAY, FRIDAY, SATURDAY, MONDAY = "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-23"
WEEKEND = [6, 7]


async def log(client: httpx.AsyncClient, *days: str) -> None:
    for day in days:
        response = await client.post(f"{API}/activities", json={"type": "call", "date": day})
        assert response.status_code == 201, response.text


async def set_rest_days(client: httpx.AsyncClient, rest_days: list[int]) -> dict[str, Any]:
    response = await client.patch(f"{API}/me", json={"rest_days": rest_days})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def streak_days(client: httpx.AsyncClient, week_start: str) -> dict[str, int]:
    week = (await client.get(f"{API}/scores/week", params={"week_start": week_start})).json()
    return {entry["date"]: entry["streak_days"] for entry in week if entry["streak_days"]}


async def test_the_weekend_neither_breaks_nor_extends_a_streak(
    client: httpx.AsyncClient, founder: User
) -> None:
    await set_rest_days(client, WEEKEND)
    await log(client, THURSDAY, FRIDAY, MONDAY)

    assert (await streak_days(client, MONDAY)) == {MONDAY: 3}

    await log(client, SATURDAY)

    assert (await streak_days(client, "2026-11-16")) == {THURSDAY: 1, FRIDAY: 2, SATURDAY: 3}
    assert (await streak_days(client, MONDAY)) == {MONDAY: 4}


async def test_a_missed_working_day_still_breaks_the_streak(
    client: httpx.AsyncClient, founder: User
) -> None:
    await set_rest_days(client, WEEKEND)
    # Tuesday the 24th is a working day without a score.
    await log(client, FRIDAY, MONDAY, "2026-11-25")

    assert (await streak_days(client, MONDAY)) == {MONDAY: 2, "2026-11-25": 1}
    streak = (await client.get(f"{API}/scores/streak")).json()
    assert (streak["current_streak"], streak["longest_streak"]) == (1, 2)


async def test_setting_rest_days_renumbers_the_history_in_the_same_request(
    client: httpx.AsyncClient, founder: User
) -> None:
    await log(client, THURSDAY, FRIDAY, MONDAY, "2026-11-24")
    assert (await streak_days(client, MONDAY)) == {MONDAY: 1, "2026-11-24": 2}

    profile = await set_rest_days(client, [7, 6])

    assert profile["rest_days"] == [6, 7]
    assert (await streak_days(client, MONDAY)) == {MONDAY: 3, "2026-11-24": 4}
    assert (await client.get(f"{API}/scores/streak")).json() == {
        "current_streak": 4,
        "longest_streak": 4,
        "last_active_date": "2026-11-24",
    }

    await set_rest_days(client, [])

    assert (await streak_days(client, MONDAY)) == {MONDAY: 1, "2026-11-24": 2}
    assert (await client.get(f"{API}/me")).json()["rest_days"] == []


async def test_renumbering_is_bounded_whatever_the_history(
    client: httpx.AsyncClient, session: AsyncSession, engine: AsyncEngine, founder: User
) -> None:
    for offset in range(60):
        await create_activity(session, founder, date=date(2026, 9, 1) + timedelta(days=offset))
    await client.patch(f"{API}/me", json={"rest_days": [7]})

    with counting_statements(engine) as sent:
        await set_rest_days(client, WEEKEND)

    # The user's read, the score lock, the profile's UPDATE, the renumbering UPDATE.
    assert len(sent) == 4


async def test_the_current_streak_survives_an_unscored_rest_day(
    client: httpx.AsyncClient, founder: User
) -> None:
    # Tuesday the 24th is a rest day; today (Wednesday) has no score yet.
    await log(client, "2026-11-22", MONDAY)

    without = (await client.get(f"{API}/scores/streak")).json()
    await set_rest_days(client, [2])
    with_rest_day = (await client.get(f"{API}/scores/streak")).json()

    assert (without["current_streak"], without["longest_streak"]) == (0, 2)
    assert (with_rest_day["current_streak"], with_rest_day["longest_streak"]) == (2, 2)


async def test_on_monday_a_streak_ending_on_friday_is_alive(
    client: httpx.AsyncClient, founder: User, clock: FixedClock
) -> None:
    clock.instant = utc(date(2026, 11, 30), 8)
    await set_rest_days(client, WEEKEND)
    await log(client, "2026-11-26", "2026-11-27")

    streak = (await client.get(f"{API}/scores/streak")).json()
    dashboard = (await client.get(f"{API}/dashboard")).json()

    assert streak["current_streak"] == 2
    assert dashboard["streak"]["current_streak"] == 2


async def test_pace_counts_working_days(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    await create_goal(session, founder, week_start=date(2026, 11, 23), target_calls=10)
    await set_rest_days(client, WEEKEND)

    progress = (await client.get(f"{API}/progress/week")).json()
    dashboard = (await client.get(f"{API}/dashboard")).json()

    # Wednesday is the third of five working days: 10 x 3 / 5 = 6.
    assert progress["types"][3]["expected_by_today"] == 6.0
    assert dashboard["week_progress"]["types"][3]["expected_by_today"] == 6.0


async def test_on_a_rest_day_pace_and_streak_nudges_are_silent(
    client: httpx.AsyncClient, session: AsyncSession, founder: User, clock: FixedClock
) -> None:
    await create_goal(session, founder, week_start=date(2026, 11, 23), target_calls=10)
    # Saturday 18:00: behind pace on calls and a 2-day streak unscored today.
    clock.instant = utc(date(2026, 11, 28), 18)
    for day in ("2026-11-26", "2026-11-27"):
        await client.post(f"{API}/activities", json={"type": "email", "date": day})

    await set_rest_days(client, [6])
    on_rest_day = (await client.post(f"{API}/nudges/generate")).json()
    await set_rest_days(client, [])
    on_working_day = (await client.post(f"{API}/nudges/generate")).json()

    assert [nudge["rule_key"] for nudge in on_rest_day] == ["no_focus:2026-11-28"]
    assert sorted(nudge["rule_key"] for nudge in on_working_day) == [
        "behind_pace:2026-11-28",
        "streak_at_risk:2026-11-28",
    ]


@pytest.mark.parametrize(
    "rest_days",
    [
        [1, 2, 3, 4, 5, 6, 7],
        [0],
        [8],
        [1, 1],
        None,
        "6",
        [6.0],
        [True],
        [[6]],
        [1, 2, 3, 4, 5, 6, 7, 1],
    ],
)
async def test_invalid_rest_days_are_422_and_change_nothing(
    client: httpx.AsyncClient, founder: User, rest_days: Any
) -> None:
    await set_rest_days(client, WEEKEND)

    response = await client.patch(f"{API}/me", json={"rest_days": rest_days})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][:2] == ["body", "rest_days"]
    assert (await client.get(f"{API}/me")).json()["rest_days"] == WEEKEND
