"""The /scores endpoints: today's score, a week of scores, and the streak, in the
caller's time zone."""

from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User
from app.services.master_admin.scoring import WORKING_BEFORE, WORKING_PER_WEEK, rest_params
from tests.clock import FixedClock
from tests.factories import create_founder, create_score, create_user
from tests.helpers import API
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


# GET /scores/history


async def test_history_is_the_365_days_ending_today_by_default(
    client: httpx.AsyncClient, founder: User
) -> None:
    await log(client, "2025-11-25", type="call")  # the day before the year shown
    await log(client, "2025-11-26", type="email")
    await log(client, "2026-11-25", type="video", amount=2)

    response = await client.get(f"{API}/scores/history")

    assert response.status_code == 200
    history = response.json()
    assert len(history) == 365
    # 2025-11-25 scored too, so the first day shown is a 2-day streak
    assert history[0] == day_score("2025-11-26", 5, 2, 1)
    assert history[-1] == day_score("2026-11-25", 30, 1, 1)
    assert sum(day["score"] for day in history) == 35


async def test_history_is_oldest_first_and_zero_filled(
    client: httpx.AsyncClient, founder: User
) -> None:
    await log(client, "2026-11-19", type="call")  # before the range: streaks only
    await log(client, "2026-11-20", type="discovery")
    await log(client, "2026-11-20", type="email", amount=3)
    await log(client, "2026-11-20", type="video", status="pending")
    await log(client, "2026-11-22", type="call", amount=6)
    await log(client, "2026-11-23", type="video")

    response = await client.get(
        f"{API}/scores/history", params={"date_from": "2026-11-20", "date_to": "2026-11-24"}
    )

    assert response.json() == [
        day_score("2026-11-20", 25, 2, 2),  # discovery 10 + email 3 x 5; the video is pending
        day_score("2026-11-21"),
        day_score("2026-11-22", 100, 1, 1),  # call 6 x 20 = 120, capped
        day_score("2026-11-23", 15, 2, 1),
        day_score("2026-11-24"),
    ]


async def test_history_of_one_day(client: httpx.AsyncClient, founder: User) -> None:
    await log(client, "2026-11-24", type="email")

    response = await client.get(
        f"{API}/scores/history", params={"date_from": "2026-11-24", "date_to": "2026-11-24"}
    )

    assert response.json() == [day_score("2026-11-24", 5, 1, 1)]


async def test_history_from_a_day_runs_to_today(client: httpx.AsyncClient, founder: User) -> None:
    response = await client.get(f"{API}/scores/history", params={"date_from": "2026-11-01"})

    days = [day["date"] for day in response.json()]
    assert (len(days), days[0], days[-1]) == (25, "2026-11-01", "2026-11-25")


async def test_history_to_a_day_is_the_365_days_ending_it(
    client: httpx.AsyncClient, founder: User
) -> None:
    response = await client.get(f"{API}/scores/history", params={"date_to": "2024-03-01"})

    days = [day["date"] for day in response.json()]
    # 2024 is a leap year: 365 days ending on 1 March start on 3 March 2023
    assert (len(days), days[0], days[-1]) == (365, "2023-03-03", "2024-03-01")


async def test_history_at_the_edges_of_the_calendar(
    client: httpx.AsyncClient, founder: User
) -> None:
    first = await client.get(f"{API}/scores/history", params={"date_to": "0001-01-03"})
    last = await client.get(
        f"{API}/scores/history", params={"date_from": "9999-12-29", "date_to": "9999-12-30"}
    )

    # nothing before the first storable day
    assert first.json() == [day_score("0001-01-02"), day_score("0001-01-03")]
    assert last.json() == [day_score("9999-12-29"), day_score("9999-12-30")]


async def test_history_spans_at_most_366_days(client: httpx.AsyncClient, founder: User) -> None:
    await log(client, "2024-02-29", type="call")
    leap_year = {"date_from": "2024-01-01", "date_to": "2024-12-31"}
    one_day_more = {"date_from": "2024-01-01", "date_to": "2025-01-01"}

    allowed = await client.get(f"{API}/scores/history", params=leap_year)
    refused = await client.get(f"{API}/scores/history", params=one_day_more)

    assert allowed.status_code == 200
    assert len(allowed.json()) == 366
    assert allowed.json()[59] == day_score("2024-02-29", 20, 1, 1)
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["query", "date_to"]
    assert "366 days" in refused.json()["detail"][0]["msg"]


@pytest.mark.parametrize(
    ("params", "loc"),
    [
        ({"date_from": "2026-11-25", "date_to": "2026-11-24"}, ["query", "date_to"]),
        ({"date_from": "2026-11-26"}, ["query", "date_from"]),  # after today, the default end
        ({"date_from": "2025-11-24"}, ["query", "date_from"]),  # 367 days up to today
        ({"date_from": "yesterday"}, ["query", "date_from"]),
        ({"date_to": "1700000000"}, ["query", "date_to"]),
        ({"date_to": "0001-01-01"}, ["query", "date_to"]),
        ({"date_from": "2026-11-01", "date_to": "9999-12-31"}, ["query", "date_to"]),
    ],
)
async def test_invalid_history_ranges_are_422(
    client: httpx.AsyncClient, founder: User, params: dict[str, str], loc: list[str]
) -> None:
    response = await client.get(f"{API}/scores/history", params=params)

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == loc


async def test_history_never_shows_another_users_scores(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    other = await create_user(session, clerk_user_id="user_other")
    await create_score(
        session, other, date=date(2026, 11, 24), score=40, streak_days=1, activities_count=2
    )
    await log(client, "2026-11-25", type="email")

    response = await client.get(f"{API}/scores/history", params={"date_from": "2026-11-24"})

    assert response.json() == [day_score("2026-11-24"), day_score("2026-11-25", 5, 1, 1)]


async def test_history_is_in_the_callers_time_zone(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    # 03:00 UTC on the 26th is still 19:00 on the 25th in Los Angeles.
    await create_founder(session, "America/Los_Angeles")
    clock.instant = datetime(2026, 11, 26, 3, 0, tzinfo=UTC)

    response = await client.get(f"{API}/scores/history")

    assert [day["date"] for day in response.json()][::364] == ["2025-11-26", "2026-11-25"]


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
    assert own("/scores/history") == {"200", "422"}


def test_rest_params_count_the_working_days_before_each_weekday() -> None:
    # Saturday and Sunday off: 5 working days a week; before Monday none, before
    # Tuesday 1, ..., before Saturday and before Sunday 5.
    assert rest_params([6, 7]) == {
        WORKING_PER_WEEK.key: 5,
        WORKING_BEFORE.key: [0, 1, 2, 3, 4, 5, 5],
    }
    # Wednesday off.
    assert rest_params([3])[WORKING_BEFORE.key] == [0, 1, 2, 2, 3, 4, 5]
