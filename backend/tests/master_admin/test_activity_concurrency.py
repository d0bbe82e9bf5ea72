"""Racing writes on PostgreSQL, through an app whose requests really commit on their own
connections: no update is lost and nothing fails with a 500."""

import asyncio
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from app.core.config import Settings
from app.models import ActivityType
from tests.clock import FixedClock
from tests.committed_app import committing_client, unique_clerk_id
from tests.conftest import API, configured

TODAY = date(2026, 11, 25)
# Weights small enough that 50 activities stay under the cap of 100, so a lost update
# would show in the score, not only in the count.
SMALL_WEIGHTS = {
    ActivityType.DISCOVERY: 1,
    ActivityType.EMAIL: 1,
    ActivityType.VIDEO: 1,
    ActivityType.CALL: 1,
}


async def test_fifty_simultaneous_activities_for_one_day_all_count(
    settings: Settings,
    clock: FixedClock,
    engine: AsyncEngine,
    bearer: Callable[..., dict[str, str]],
) -> None:
    founder = unique_clerk_id("user_race")
    settings = configured(settings, activity_weights=SMALL_WEIGHTS)
    async with committing_client(settings, clock, engine, clerk_user_ids=[founder]) as client:
        client.headers.update(bearer(sub=founder))
        await client.get(f"{API}/me")  # the user row exists before the race

        responses = await asyncio.gather(
            *(
                client.post(
                    f"{API}/activities",
                    json={
                        "type": "email",
                        "status": "done",
                        "date": str(TODAY),
                        "amount": n % 2 + 1,
                    },
                )
                for n in range(50)
            )
        )

        assert Counter(response.status_code for response in responses) == {201: 50}
        # 25 x 1 + 25 x 2 = 75 points, weight 1
        today = (await client.get(f"{API}/scores/today")).json()
        assert today == {"date": str(TODAY), "score": 75, "streak_days": 1, "activities_count": 50}


async def test_racing_backfills_leave_every_streak_right(
    settings: Settings,
    clock: FixedClock,
    engine: AsyncEngine,
    bearer: Callable[..., dict[str, str]],
) -> None:
    founder = unique_clerk_id("user_race")
    days = [TODAY - timedelta(days=n) for n in range(10)]
    async with committing_client(settings, clock, engine, clerk_user_ids=[founder]) as client:
        client.headers.update(bearer(sub=founder))
        await client.get(f"{API}/me")

        responses = await asyncio.gather(
            *(
                client.post(
                    f"{API}/activities",
                    json={"type": "discovery", "status": "done", "date": str(day)},
                )
                for day in days * 3
            )
        )

        assert Counter(response.status_code for response in responses) == {201: 30}
        streak = (await client.get(f"{API}/scores/streak")).json()
        assert streak == {
            "current_streak": 10,
            "longest_streak": 10,
            "last_active_date": str(TODAY),
        }
        this_week = (await client.get(f"{API}/scores/week")).json()
        # Monday 23rd to Wednesday 25th close a 10-day run: days 8, 9 and 10 of it
        assert [(day["score"], day["streak_days"]) for day in this_week[:3]] == [
            (30, 8),
            (30, 9),
            (30, 10),
        ]


async def test_racing_moves_and_deletes_lose_no_update(
    settings: Settings,
    clock: FixedClock,
    engine: AsyncEngine,
    bearer: Callable[..., dict[str, str]],
) -> None:
    founder = unique_clerk_id("user_race")
    monday, tuesday = str(TODAY - timedelta(days=2)), str(TODAY - timedelta(days=1))
    settings = configured(settings, activity_weights=SMALL_WEIGHTS)
    async with committing_client(settings, clock, engine, clerk_user_ids=[founder]) as client:
        client.headers.update(bearer(sub=founder))
        ids = [
            (
                await client.post(
                    f"{API}/activities",
                    json={"type": "video", "status": "done", "date": monday},
                )
            ).json()["id"]
            for _ in range(30)
        ]

        responses = await asyncio.gather(
            *(client.put(f"{API}/activities/{id_}", json={"date": tuesday}) for id_ in ids[:20]),
            *(client.delete(f"{API}/activities/{id_}") for id_ in ids[20:]),
        )

        assert Counter(response.status_code for response in responses) == {200: 20, 204: 10}
        week = (await client.get(f"{API}/scores/week")).json()
        assert [(day["score"], day["activities_count"]) for day in week[:2]] == [(0, 0), (20, 20)]


async def test_racing_goals_for_one_week_make_one_goal_and_conflicts(
    settings: Settings,
    clock: FixedClock,
    engine: AsyncEngine,
    bearer: Callable[..., dict[str, str]],
) -> None:
    founder = unique_clerk_id("user_race")
    async with committing_client(settings, clock, engine, clerk_user_ids=[founder]) as client:
        client.headers.update(bearer(sub=founder))
        await client.get(f"{API}/me")

        responses = await asyncio.gather(
            *(
                client.post(f"{API}/goals", json={"week_start": "2026-11-23", "target_calls": n})
                for n in range(10)
            )
        )

        assert Counter(response.status_code for response in responses) == {201: 1, 409: 9}
        assert len((await client.get(f"{API}/goals")).json()) == 1
