"""Stored scores and streaks follow the scoring settings in force: when the weights
change, every stored figure is recomputed once, at startup, before anything is served,
under each user's score lock, however many workers start at once."""

import asyncio
import hashlib
import logging
import re
from collections.abc import Callable
from datetime import UTC, date, datetime

import httpx
import pytest
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from app.core.config import DEFAULT_ACTIVITY_WEIGHTS, Settings
from app.models import ActivityType, AdminScore, ScoringSettings
from app.services.master_admin.rescoring import rescore_if_scoring_changed, scoring_fingerprint
from app.services.master_admin.scoring import LOCK_SCORES
from tests.clock import FixedClock
from tests.committed_app import committing_app, unique_clerk_id
from tests.helpers import API, configured, http_client, running_app
from tests.master_admin.expected import day_score

SUNDAY = datetime(2026, 11, 29, 15, 0, tzinfo=UTC)
NEW_WEIGHTS = {ActivityType.CALL: 25, ActivityType.EMAIL: 0}
# One call, one email, two calls, one email on four consecutive past days.
LOGGED = [
    ("2026-11-23", "call", 1),
    ("2026-11-24", "email", 1),
    ("2026-11-25", "call", 2),
    ("2026-11-26", "email", 1),
]
Bearer = Callable[..., dict[str, str]]


def week(*days: dict[str, object]) -> list[dict[str, object]]:
    """The week of Monday 23 November: `days` from Monday, the rest zero."""
    rest = [day_score(f"2026-11-{day}") for day in range(23 + len(days), 30)]
    return [*days, *rest]


async def log(client: httpx.AsyncClient, day: str, kind: str, amount: int = 1) -> None:
    body = {"type": kind, "status": "done", "date": day, "amount": amount}
    response = await client.post(f"{API}/activities", json=body)
    assert response.status_code == 201, response.text


async def scores(client: httpx.AsyncClient) -> list[dict[str, object]]:
    response = await client.get(f"{API}/scores/week", params={"week_start": "2026-11-23"})
    assert response.status_code == 200
    week_scores: list[dict[str, object]] = response.json()
    return week_scores


async def test_changed_weights_rescore_every_stored_day_at_startup(
    settings: Settings,
    clock: FixedClock,
    engine: AsyncEngine,
    bearer: Bearer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    clock.instant = SUNDAY
    clerk_user_id = unique_clerk_id("user_weights")
    async with (
        committing_app(settings, clock, engine, clerk_user_ids=[clerk_user_id]) as first,
        http_client(first, headers=bearer(clerk_user_id)) as before,
    ):
        for day, kind, amount in LOGGED:
            await log(before, day, kind, amount)
        assert await scores(before) == week(
            day_score("2026-11-23", 20, 1, 1),
            day_score("2026-11-24", 5, 2, 1),
            day_score("2026-11-25", 40, 3, 1),
            day_score("2026-11-26", 5, 4, 1),
        )

        # A restart with ACTIVITY_WEIGHTS={"call": 25, "email": 0}.
        reweighted = configured(settings, activity_weights=NEW_WEIGHTS)
        caplog.set_level(logging.INFO, logger="app.services.master_admin.rescoring")
        async with (
            running_app(reweighted, clock, session=None) as second,
            http_client(second, headers=bearer(clerk_user_id)) as after,
        ):
            rescored = [r.getMessage() for r in caplog.records if r.name.endswith("rescoring")]
            assert len(rescored) == 1
            assert re.fullmatch(r"scoring settings changed: rescored \d+ users", rescored[0])
            assert await scores(after) == week(
                day_score("2026-11-23", 25, 1, 1),
                day_score("2026-11-24", 0, 0, 1),
                day_score("2026-11-25", 50, 1, 1),
                day_score("2026-11-26", 0, 0, 1),
            )
            await log(after, "2026-11-25", "call")  # one more call on the third day

            assert await scores(after) == week(
                day_score("2026-11-23", 25, 1, 1),
                day_score("2026-11-24", 0, 0, 1),
                day_score("2026-11-25", 75, 1, 2),
                day_score("2026-11-26", 0, 0, 1),
            )
            streak = (await after.get(f"{API}/scores/streak")).json()
            assert streak == {
                "current_streak": 0,
                "longest_streak": 1,
                "last_active_date": "2026-11-25",
            }


def test_the_fingerprint_names_the_settings_not_their_order() -> None:
    defaults = dict(DEFAULT_ACTIVITY_WEIGHTS)
    reordered = dict(reversed(list(defaults.items())))

    assert scoring_fingerprint(defaults) == scoring_fingerprint(reordered)
    assert len(scoring_fingerprint(defaults)) == 64
    assert scoring_fingerprint(defaults) != scoring_fingerprint(defaults | {ActivityType.VIDEO: 16})


def test_the_fingerprint_is_of_one_canonical_text() -> None:
    """Stored fingerprints must stay comparable across releases: a different rendering of
    the same settings would rescore every user at the next start."""
    canonical = b'{"cap":100,"formula":1,"weights":{"call":20,"discovery":10,"email":5,"video":15}}'

    assert scoring_fingerprint(DEFAULT_ACTIVITY_WEIGHTS) == hashlib.sha256(canonical).hexdigest()


async def stored(engine: AsyncEngine, user_id: int) -> list[tuple[date, int, int, int]]:
    async with engine.connect() as connection:
        rows = await connection.execute(
            select(
                AdminScore.date,
                AdminScore.score,
                AdminScore.streak_days,
                AdminScore.activities_count,
            )
            .where(AdminScore.user_id == user_id)
            .order_by(AdminScore.date)
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


async def committed_user(engine: AsyncEngine, clerk_user_id: str) -> int:
    """A user with a call on 23 and 24 November and an email on the 25th, scored with
    the default weights; committed, as a running service's would be."""
    async with engine.begin() as connection:
        user_id: int = await connection.scalar(
            text("INSERT INTO users (clerk_user_id) VALUES (:id) RETURNING id"),
            {"id": clerk_user_id},
        )
        await connection.execute(
            text(
                "INSERT INTO admin_activities (user_id, type, status, date, amount) VALUES "
                "(:u, 'call', 'done', '2026-11-23', 1), (:u, 'call', 'done', '2026-11-24', 1), "
                "(:u, 'email', 'done', '2026-11-25', 1)"
            ),
            {"u": user_id},
        )
        await connection.execute(
            text(
                "INSERT INTO admin_scores (user_id, date, score, streak_days, activities_count) "
                "VALUES (:u, '2026-11-23', 20, 1, 1), (:u, '2026-11-24', 20, 2, 1), "
                "(:u, '2026-11-25', 5, 3, 1), "
                # A stale row: its day has nothing done any more.
                "(:u, '2026-11-27', 40, 1, 2)"
            ),
            {"u": user_id},
        )
    return user_id


async def delete_user(engine: AsyncEngine, user_id: int) -> None:
    async with engine.begin() as connection:
        await connection.execute(text("DELETE FROM users WHERE id = :u"), {"u": user_id})


async def test_workers_starting_at_once_rescore_once(engine: AsyncEngine) -> None:
    user_id = await committed_user(engine, unique_clerk_id("user_workers"))
    weights = DEFAULT_ACTIVITY_WEIGHTS | {ActivityType.CALL: 30, ActivityType.EMAIL: 10}
    try:
        results = await asyncio.gather(
            *(rescore_if_scoring_changed(engine, weights) for _ in range(4))
        )
        again = await rescore_if_scoring_changed(engine, weights)
        rows = await stored(engine, user_id)
    finally:
        await delete_user(engine, user_id)

    assert sorted(results, key=str) == [1, None, None, None]  # one rescored the one user
    assert again is None
    assert rows == [
        (date(2026, 11, 23), 30, 1, 1),
        (date(2026, 11, 24), 30, 2, 1),
        (date(2026, 11, 25), 10, 3, 1),
        (date(2026, 11, 27), 0, 0, 0),
    ]
    async with engine.connect() as connection:
        fingerprint = await connection.scalar(select(ScoringSettings.fingerprint))
    assert fingerprint == scoring_fingerprint(weights)


async def test_rescoring_waits_for_a_write_holding_the_users_lock(engine: AsyncEngine) -> None:
    user_id = await committed_user(engine, unique_clerk_id("user_locked"))
    weights = DEFAULT_ACTIVITY_WEIGHTS | {ActivityType.EMAIL: 7}
    try:
        async with engine.connect() as writer:
            # A request of another worker, mid-transaction: lock taken, activity written.
            await writer.execute(LOCK_SCORES, {"owner_id": user_id})
            await writer.execute(
                text(
                    "INSERT INTO admin_activities (user_id, type, status, date, amount) "
                    "VALUES (:u, 'email', 'done', '2026-11-25', 2)"
                ),
                {"u": user_id},
            )
            rescoring = asyncio.create_task(rescore_if_scoring_changed(engine, weights))
            await asyncio.sleep(0.3)
            assert not rescoring.done()
            await writer.commit()
        await rescoring
        rows = await stored(engine, user_id)
    finally:
        await delete_user(engine, user_id)

    # The 25th: one email, then two more, all at 7.
    assert rows[2] == (date(2026, 11, 25), 21, 3, 2)


async def test_unchanged_settings_write_nothing(engine: AsyncEngine) -> None:
    weights = dict(DEFAULT_ACTIVITY_WEIGHTS)
    await rescore_if_scoring_changed(engine, weights)
    user_id = await committed_user(engine, unique_clerk_id("user_unchanged"))
    try:
        result = await rescore_if_scoring_changed(engine, weights)
        rows = await stored(engine, user_id)
    finally:
        await delete_user(engine, user_id)

    assert result is None
    assert rows[-1] == (date(2026, 11, 27), 40, 1, 2)  # left as it was: not rescored
