"""The /scores endpoints: today's score, a week of scores, and the streak, in the
caller's time zone."""

from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User
from tests.clock import FixedClock
from tests.conftest import API
from tests.factories import create_founder
from tests.master_admin.expected import day_score


async def log(client: httpx.AsyncClient, day: str, **fields: Any) -> None:
    activity = {"type": "discovery", "status": "done", "date": day, **fields}
    response = await client.post(f"{API}/activities", json=activity)
    assert response.status_code == 201, response.text


# GET /scores/today


async def test_today_is_zeros_when_nothing_is_logged(
    client: httpx.AsyncClient, founder: User
) -> None:
    response = await client.get(f"{API}/scores/today")

    assert response.status_code == 200
    assert response.json() == day_score("2026-11-25")


async def test_today_scores_the_done_activities(client: httpx.AsyncClient, founder: User) -> None:
    await log(client, "2026-11-24", type="video")
    await log(client, "2026-11-25", type="discovery", amount=2)
    await log(client, "2026-11-25", type="email", amount=3)

    response = await client.get(f"{API}/scores/today")

    # discovery 2 x 10 + email 3 x 5 = 35; yesterday scored too, so a 2-day streak
    assert response.json() == day_score("2026-11-25", 35, 2, 2)


async def test_today_is_the_callers_local_day(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    # 03:00 UTC on the 26th is still 19:00 on the 25th in Los Angeles.
    await create_founder(session, "America/Los_Angeles")
    clock.instant = datetime(2026, 11, 26, 3, 0, tzinfo=UTC)
    await log(client, "2026-11-25", type="call")

    response = await client.get(f"{API}/scores/today")

    assert response.json() == day_score("2026-11-25", 20, 1, 1)


# GET /scores/week


async def test_week_is_monday_to_sunday_zero_filled(
    client: httpx.AsyncClient, founder: User
) -> None:
    await log(client, "2026-11-22", type="call")  # the Sunday before: not this week
    await log(client, "2026-11-23", type="email", amount=2)
    await log(client, "2026-11-25", type="call", amount=6)

    response = await client.get(f"{API}/scores/week")

    assert response.status_code == 200
    assert response.json() == [
        day_score("2026-11-23", 10, 2, 1),
        day_score("2026-11-24"),
        day_score("2026-11-25", 100, 1, 1),
        day_score("2026-11-26"),
        day_score("2026-11-27"),
        day_score("2026-11-28"),
        day_score("2026-11-29"),
    ]


async def test_week_of_a_given_monday(client: httpx.AsyncClient, founder: User) -> None:
    await log(client, "2026-11-22", type="video")
    await log(client, "2026-11-23", type="video")

    response = await client.get(f"{API}/scores/week", params={"week_start": "2026-11-16"})

    assert [day["date"] for day in response.json()] == [
        str(date(2026, 11, 16) + timedelta(days=n)) for n in range(7)
    ]
    assert response.json()[-1] == day_score("2026-11-22", 15, 1, 1)
    assert sum(day["score"] for day in response.json()) == 15


async def test_this_week_is_the_callers_local_week(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    # Monday 05:00 UTC is Sunday evening in Los Angeles: the week began on the 16th.
    await create_founder(session, "America/Los_Angeles")
    clock.instant = datetime(2026, 11, 23, 5, 0, tzinfo=UTC)

    response = await client.get(f"{API}/scores/week")

    assert [day["date"] for day in response.json()][::6] == ["2026-11-16", "2026-11-22"]


@pytest.mark.parametrize(
    "week_start", ["2026-11-25", "2026-11-29", "monday", "9999-12-27", "0001-01-01", "0"]
)
async def test_week_start_must_be_a_monday(
    client: httpx.AsyncClient, founder: User, week_start: str
) -> None:
    response = await client.get(f"{API}/scores/week", params={"week_start": week_start})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "week_start"]


async def test_the_earliest_and_latest_weeks_are_answered(
    client: httpx.AsyncClient, founder: User
) -> None:
    first = await client.get(f"{API}/scores/week", params={"week_start": "0001-01-08"})
    last = await client.get(f"{API}/scores/week", params={"week_start": "9999-12-20"})

    assert first.json()[0] == day_score("0001-01-08")
    assert last.json()[-1] == day_score("9999-12-26")


# GET /scores/streak


async def test_streak_without_history(client: httpx.AsyncClient, founder: User) -> None:
    response = await client.get(f"{API}/scores/streak")

    assert response.status_code == 200
    assert response.json() == {"current_streak": 0, "longest_streak": 0, "last_active_date": None}


async def test_streak_with_gaps(client: httpx.AsyncClient, founder: User) -> None:
    for day in ("2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13"):
        await log(client, day)
    for day in ("2026-11-23", "2026-11-24"):
        await log(client, day)

    before_today = (await client.get(f"{API}/scores/streak")).json()
    await log(client, "2026-11-25")
    after_today = (await client.get(f"{API}/scores/streak")).json()

    # today not yet scored: the streak still counts from yesterday
    assert before_today == {
        "current_streak": 2,
        "longest_streak": 4,
        "last_active_date": "2026-11-24",
    }
    assert after_today == {
        "current_streak": 3,
        "longest_streak": 4,
        "last_active_date": "2026-11-25",
    }


async def test_streak_is_broken_by_a_missed_day(client: httpx.AsyncClient, founder: User) -> None:
    await log(client, "2026-11-22")
    await log(client, "2026-11-23")

    response = await client.get(f"{API}/scores/streak")

    assert response.json() == {
        "current_streak": 0,
        "longest_streak": 2,
        "last_active_date": "2026-11-23",
    }


async def test_backfill_and_delete_fix_later_streaks(
    client: httpx.AsyncClient, founder: User
) -> None:
    await log(client, "2026-11-22")
    await log(client, "2026-11-24")
    await log(client, "2026-11-25")
    backfill = {"type": "call", "status": "done", "date": "2026-11-23"}
    backfilled = (await client.post(f"{API}/activities", json=backfill)).json()

    streak = (await client.get(f"{API}/scores/streak")).json()
    week = (await client.get(f"{API}/scores/week")).json()
    assert (streak["current_streak"], streak["longest_streak"]) == (4, 4)
    assert [day["streak_days"] for day in week[:3]] == [2, 3, 4]

    await client.delete(f"{API}/activities/{backfilled['id']}")

    streak = (await client.get(f"{API}/scores/streak")).json()
    week = (await client.get(f"{API}/scores/week")).json()
    assert (streak["current_streak"], streak["longest_streak"]) == (2, 2)
    assert week[:3] == [
        day_score("2026-11-23"),
        day_score("2026-11-24", 10, 1, 1),
        day_score("2026-11-25", 10, 2, 1),
    ]


async def test_streak_around_midnight_in_the_callers_time_zone(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    await create_founder(session, "Pacific/Auckland")
    # 10:30 UTC on the 24th is 23:30 on the 24th in Auckland.
    clock.instant = datetime(2026, 11, 24, 10, 30, tzinfo=UTC)
    await log(client, "2026-11-23")
    await log(client, "2026-11-24")

    # An hour later it is the 25th there: nothing yet today, the streak is still alive.
    clock.instant = datetime(2026, 11, 24, 11, 30, tzinfo=UTC)
    alive = (await client.get(f"{API}/scores/streak")).json()
    today = (await client.get(f"{API}/scores/today")).json()
    # A day later, with the 25th missed, it is over.
    clock.instant = datetime(2026, 11, 25, 11, 30, tzinfo=UTC)
    broken = (await client.get(f"{API}/scores/streak")).json()

    assert alive["current_streak"] == 2
    assert today == day_score("2026-11-25")
    assert broken["current_streak"] == 0
    assert broken["longest_streak"] == 2


async def test_score_routes_document_their_errors(anonymous_client: httpx.AsyncClient) -> None:
    paths = (await anonymous_client.get("/openapi.json")).json()["paths"]

    # The router documents what every route shares (401, 403, ...); these are the routes' own.
    def own(path: str) -> set[str]:
        return set(paths[f"{API}{path}"]["get"]["responses"]) & {"200", "404", "409", "422"}

    assert own("/scores/today") == {"200"}
    assert own("/scores/week") == {"200", "422"}
    assert own("/scores/streak") == {"200"}
