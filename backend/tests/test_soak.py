"""A bounded concurrency soak on PostgreSQL: many clients mix creates, updates, deletes and
focus sessions for a few users; afterwards no request got a 5xx and every stored score
and streak equals what the activities say."""

import asyncio
import random
import time
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from app.core.config import Settings
from tests.clock import TODAY, FixedClock
from tests.committed_app import committing_client, unique_clerk_id
from tests.helpers import API

SOAK_SECONDS = 4.0
CLIENTS = 24
TYPES = ["discovery", "email", "video", "call"]
STATUSES = ["done", "done", "done", "pending", "cancelled"]

# Scores recomputed from scratch, compared with what is stored: any difference is a row.
MISMATCHED_SCORES = text("""
    WITH expected AS (
        SELECT user_id, date,
               least(100, sum(amount * CASE type WHEN 'discovery' THEN 10 WHEN 'email' THEN 5
                                                 WHEN 'video' THEN 15 ELSE 20 END)) AS score,
               count(*) AS activities_count
        FROM admin_activities WHERE status = 'done' AND user_id = ANY(:user_ids)
        GROUP BY user_id, date)
    SELECT coalesce(e.user_id, s.user_id), coalesce(e.date, s.date),
           e.score, s.score, e.activities_count, s.activities_count
    FROM expected e
    FULL OUTER JOIN (SELECT * FROM admin_scores WHERE user_id = ANY(:user_ids)) s
        USING (user_id, date)
    WHERE coalesce(e.score, 0) IS DISTINCT FROM coalesce(s.score, 0)
       OR coalesce(e.activities_count, 0) IS DISTINCT FROM coalesce(s.activities_count, 0)
""")


def random_activity(rng: random.Random) -> dict[str, Any]:
    return {
        "type": rng.choice(TYPES),
        "status": rng.choice(STATUSES),
        "date": str(TODAY - timedelta(days=rng.randrange(10))),
        "amount": rng.randint(1, 4),
    }


async def worker(
    client: httpx.AsyncClient, headers: dict[str, str], seed: int, deadline: float
) -> Counter[int]:
    rng = random.Random(seed)
    statuses: Counter[int] = Counter()
    mine: list[int] = []
    while time.monotonic() < deadline:
        roll = rng.random()
        if roll < 0.45 or not mine:
            response = await client.post(
                f"{API}/activities", json=random_activity(rng), headers=headers
            )
            if response.status_code == 201:
                mine.append(response.json()["id"])
        elif roll < 0.75:
            changes = dict(rng.sample(sorted(random_activity(rng).items()), k=rng.randint(1, 3)))
            response = await client.put(
                f"{API}/activities/{rng.choice(mine)}", json=changes, headers=headers
            )
        elif roll < 0.9:
            response = await client.delete(
                f"{API}/activities/{mine.pop(rng.randrange(len(mine)))}", headers=headers
            )
        else:
            response = await client.post(f"{API}/focus-sessions", json={}, headers=headers)
            if response.status_code == 201:
                focus_id = response.json()["id"]
                response = await client.put(
                    f"{API}/focus-sessions/{focus_id}/complete", json={}, headers=headers
                )
        statuses[response.status_code] += 1
    return statuses


def expected_streaks(scores: list[tuple[date, int]]) -> list[int]:
    streaks, previous, run = [], None, 0
    for day, score in scores:
        run = (run + 1 if previous == day - timedelta(days=1) and run else 1) if score > 0 else 0
        streaks.append(run)
        previous = day
    return streaks


async def test_a_mixed_concurrent_load_leaves_every_score_right(
    settings: Settings,
    clock: FixedClock,
    engine: AsyncEngine,
    bearer: Callable[..., dict[str, str]],
) -> None:
    founders = [unique_clerk_id(f"user_soak{n}") for n in range(4)]
    async with committing_client(settings, clock, engine, clerk_user_ids=founders) as client:
        headers = [bearer(sub=founder) for founder in founders]
        for founder_headers in headers:
            assert (await client.get(f"{API}/me", headers=founder_headers)).status_code == 200
        deadline = time.monotonic() + SOAK_SECONDS
        results = await asyncio.gather(
            *(worker(client, headers[n % len(headers)], n, deadline) for n in range(CLIENTS))
        )

        statuses = sum(results, Counter[int]())
        assert statuses[201] >= CLIENTS, statuses  # every client created at least once
        assert not {code for code in statuses if code >= 500}, statuses
        # Only the conflicts the contract names: a second open focus session (409) and
        # updates or deletes of an activity another client just deleted (404).
        assert set(statuses) <= {200, 201, 204, 404, 409}, statuses

        async with engine.connect() as connection:
            user_ids = list(
                (
                    await connection.execute(
                        text("SELECT id FROM users WHERE clerk_user_id = ANY(:ids)"),
                        {"ids": founders},
                    )
                ).scalars()
            )
            assert (await connection.execute(MISMATCHED_SCORES, {"user_ids": user_ids})).all() == []
            for user_id in user_ids:
                rows = (
                    await connection.execute(
                        text(
                            "SELECT date, score, streak_days FROM admin_scores WHERE user_id = :id ORDER BY date"
                        ),
                        {"id": user_id},
                    )
                ).all()
                assert [row.streak_days for row in rows] == expected_streaks(
                    [(row.date, row.score) for row in rows]
                )
            # The check itself can fail: one corrupted score is one mismatch.
            await connection.execute(
                text(
                    "UPDATE admin_scores SET activities_count = activities_count + 1 "
                    "WHERE id = (SELECT min(id) FROM admin_scores WHERE user_id = ANY(:ids))"
                ),
                {"ids": user_ids},
            )
            assert (
                len((await connection.execute(MISMATCHED_SCORES, {"user_ids": user_ids})).all())
                == 1
            )


def test_expected_streaks_counts_runs_of_consecutive_scoring_days() -> None:
    days = [date(2026, 11, d) for d in (1, 2, 3, 5, 6, 7, 8)]
    scores = [10, 20, 0, 5, 5, 0, 5]
    assert expected_streaks(list(zip(days, scores, strict=True))) == [1, 2, 0, 1, 2, 0, 1]
