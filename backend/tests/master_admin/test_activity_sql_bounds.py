"""Scores, streaks and progress cost a fixed number of SQL statements, however long the
history: the same requests for a 1-day and a 400-day history issue the same statements."""

from collections.abc import Callable
from datetime import timedelta

import httpx
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.models import ActivityStatus, ActivityType, AdminActivity, User
from app.services.master_admin.activity_service import ActivityService
from tests.clock import MONDAY, TODAY, FixedClock
from tests.factories import create_goal, create_user
from tests.helpers import API
from tests.statements import CountedRequests


async def with_history(
    session: AsyncSession, clock: FixedClock, clerk_user_id: str, days: int
) -> User:
    """A user who scored on each of the `days` days before today (one email a day)."""
    user = await create_user(session, clerk_user_id=clerk_user_id)
    history = [TODAY - timedelta(days=n) for n in range(days, 0, -1)]
    await session.execute(
        insert(AdminActivity),
        [
            {
                "user_id": user.id,
                "type": ActivityType.EMAIL,
                "status": ActivityStatus.DONE,
                "date": day,
                "amount": 1,
            }
            for day in history
        ],
    )
    service = ActivityService(session, clock)
    await service.calculate_daily_score(user, *history)
    await create_goal(session, user, week_start=MONDAY, target_emails=10)
    return user


async def test_statements_do_not_grow_with_the_history(
    client: httpx.AsyncClient,
    session: AsyncSession,
    clock: FixedClock,
    engine: AsyncEngine,
    bearer: Callable[..., dict[str, str]],
) -> None:
    await with_history(session, clock, "user_short_history", 1)
    await with_history(session, clock, "user_long_history", 400)

    async def statements_of_each_request(clerk_user_id: str) -> dict[str, int]:
        headers = bearer(sub=clerk_user_id)
        await client.get(f"{API}/scores/today", headers=headers)  # the user row is synced
        count = CountedRequests(client, engine, headers)
        activity = {"type": "call", "status": "done", "date": str(TODAY), "amount": 1}
        created = (await count("POST /activities", "POST", "/activities", json=activity)).json()
        await count(
            "PUT /activities/{id} (backfill)",
            "PUT",
            f"/activities/{created['id']}",
            json={"date": str(TODAY - timedelta(days=3))},
        )
        await count("DELETE /activities/{id}", "DELETE", f"/activities/{created['id']}")
        await count("GET /scores/today", "GET", "/scores/today")
        await count("GET /scores/week", "GET", "/scores/week")
        streak = await count("GET /scores/streak", "GET", "/scores/streak")
        await count("GET /progress/week", "GET", "/progress/week")
        await count("GET /activities", "GET", "/activities")
        year = {"date_from": str(TODAY - timedelta(days=365)), "date_to": str(TODAY)}
        history = await count(
            "GET /scores/history (366 days)", "GET", "/scores/history", params=year
        )
        assert streak.json()["last_active_date"] == str(TODAY - timedelta(days=1))
        assert len(history.json()) == 366
        return count.counts

    short = await statements_of_each_request("user_short_history")
    long = await statements_of_each_request("user_long_history")

    assert short == long
    assert short == {
        # the caller's row; the score lock taken by the insert; the day's score and the
        # streaks from that day on, rescored together
        "POST /activities": 3,
        "PUT /activities/{id} (backfill)": 5,
        "DELETE /activities/{id}": 4,
        "GET /scores/today": 2,
        "GET /scores/week": 2,
        "GET /scores/streak": 2,
        "GET /progress/week": 2,
        # the caller's row; the page, with the count as a column
        "GET /activities": 2,
        # the caller's row; the whole range
        "GET /scores/history (366 days)": 2,
    }
    streaks = [
        (await client.get(f"{API}/scores/streak", headers=bearer(sub=sub))).json()
        for sub in ("user_short_history", "user_long_history")
    ]
    assert [streak["current_streak"] for streak in streaks] == [1, 400]
