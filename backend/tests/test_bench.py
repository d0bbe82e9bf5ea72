"""`make bench` compares POST /activities with pgbench replaying its SQL, and both
measured endpoints with a bare FastAPI + asyncpg app sending the same SQL: the replay
and the ceiling must be the statements the project really sends, and the ceiling must
answer and write as the project does."""

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from app.core.config import Settings
from app.models import AdminActivity, AdminScore, User
from bench import ceiling
from bench.replay import POST_ACTIVITY_STATEMENTS, compile_statement, post_activity_script
from tests.clock import TODAY, FixedClock
from tests.committed_app import committing_client, unique_clerk_id
from tests.helpers import API, http_client
from tests.statements import counting_statements

YESTERDAY = TODAY - timedelta(days=1)


async def test_the_replay_is_what_a_post_sends(
    client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    await client.get(f"{API}/me")  # the caller's row exists: the POST only reads it
    activity = {"type": "call", "status": "done", "date": "2026-11-25", "amount": 2}

    with counting_statements(engine) as sent:
        response = await client.post(f"{API}/activities", json=activity)

    assert response.status_code == 201
    assert sent == [compile_statement(statement).string for statement in POST_ACTIVITY_STATEMENTS]


def test_every_value_of_the_replay_is_a_pgbench_expression_or_a_literal() -> None:
    script = post_activity_script()

    assert "$" not in script  # no placeholder left for pgbench to choke on
    commands = script.split(";\n")
    assert commands[0].endswith("\nBEGIN")
    assert commands[-2:] == ["END", ""]
    assert len(commands) == len(POST_ACTIVITY_STATEMENTS) + 3
    assert "admin_activities.user_id = :uid::INTEGER" in script
    assert "WHEN 'call' THEN 20::INTEGER" in script  # the weights, as literals


# The framework ceiling (bench/ceiling.py) against the project, on committed data: both
# apps on the test database, the ceiling with its own pool, as `make bench` runs them.


@asynccontextmanager
async def ceiling_client(database_url: str, clock: FixedClock) -> AsyncIterator[httpx.AsyncClient]:
    app = ceiling.create_app(database_url, clock=clock)
    async with app.router.lifespan_context(app), http_client(app) as client:
        yield client


def as_caller(clerk_user_id: str) -> dict[str, str]:
    """How the bench names the ceiling's caller: the Clerk user id as the credentials."""
    return {"Authorization": f"Bearer {clerk_user_id}"}


async def test_the_project_reads_todays_score_with_the_ceilings_statements(
    client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    await client.get(f"{API}/me")

    with counting_statements(engine) as sent:
        response = await client.get(f"{API}/scores/today")

    assert response.status_code == 200
    assert sent == [
        compile_statement(statement).string for statement in ceiling.GET_SCORE_TODAY_STATEMENTS
    ]


async def test_the_ceiling_answers_todays_score_as_the_project_does(
    settings: Settings,
    clock: FixedClock,
    engine: AsyncEngine,
    database_url: str,
    bearer: Callable[..., dict[str, str]],
) -> None:
    busy, idle = unique_clerk_id("user_ceiling"), unique_clerk_id("user_ceiling")
    async with (
        committing_client(settings, clock, engine, clerk_user_ids=[busy, idle]) as project,
        ceiling_client(database_url, clock) as bare,
    ):
        await project.get(f"{API}/me", headers=bearer(sub=idle))
        for activity in [
            {"type": "discovery", "date": str(YESTERDAY)},
            {"type": "call", "amount": 2},  # today's, by default
            {"type": "email", "status": "pending"},
        ]:
            response = await project.post(f"{API}/activities", json=activity, headers=bearer(busy))
            assert response.status_code == 201

        for user, expected in [
            (busy, {"date": str(TODAY), "score": 40, "streak_days": 2, "activities_count": 1}),
            (idle, {"date": str(TODAY), "score": 0, "streak_days": 0, "activities_count": 0}),
        ]:
            ours = await project.get(f"{API}/scores/today", headers=bearer(sub=user))
            theirs = await bare.get(f"{API}/scores/today", headers=as_caller(user))
            assert (ours.status_code, ours.json()) == (200, expected)
            assert (theirs.status_code, theirs.json()) == (200, expected)

        unknown = await bare.get(f"{API}/scores/today", headers=as_caller("user_nobody"))
        assert unknown.status_code == 401


async def stored_rows(engine: AsyncEngine, clerk_user_id: str) -> dict[str, list[tuple[Any, ...]]]:
    """A user's activities and scores, without what differs between two users' rows."""
    user = select(User.id).where(User.clerk_user_id == clerk_user_id).scalar_subquery()
    async with engine.connect() as connection:
        activities = await connection.execute(
            select(
                AdminActivity.type,
                AdminActivity.status,
                AdminActivity.date,
                AdminActivity.amount,
                AdminActivity.notes,
                AdminActivity.prospect_id,
            )
            .where(AdminActivity.user_id == user)
            .order_by(AdminActivity.id)
        )
        scores = await connection.execute(
            select(
                AdminScore.date,
                AdminScore.score,
                AdminScore.activities_count,
                AdminScore.streak_days,
            )
            .where(AdminScore.user_id == user)
            .order_by(AdminScore.date)
        )
        return {"activities": list(map(tuple, activities)), "scores": list(map(tuple, scores))}


async def test_the_ceilings_post_writes_what_the_projects_does(
    settings: Settings,
    clock: FixedClock,
    engine: AsyncEngine,
    database_url: str,
    bearer: Callable[..., dict[str, str]],
) -> None:
    ours, theirs = unique_clerk_id("user_ceiling"), unique_clerk_id("user_ceiling")
    history = [
        {"type": "email", "date": str(TODAY - timedelta(days=3))},
        {"type": "discovery", "date": str(YESTERDAY), "amount": 2},
    ]
    posts = [
        # A backfill of the gap: the day scores and yesterday's streak is renumbered.
        {"type": "video", "status": "done", "date": str(TODAY - timedelta(days=2)), "amount": 1},
        {"type": "call", "notes": "today's, by default"},
        {"type": "email", "status": "pending", "date": str(TODAY + timedelta(days=1))},
        {"type": "discovery", "status": "cancelled", "date": str(YESTERDAY), "amount": 3},
    ]
    async with (
        committing_client(settings, clock, engine, clerk_user_ids=[ours, theirs]) as project,
        ceiling_client(database_url, clock) as bare,
    ):
        for user in (ours, theirs):
            for activity in history:
                response = await project.post(
                    f"{API}/activities", json=activity, headers=bearer(sub=user)
                )
                assert response.status_code == 201
        assert await stored_rows(engine, ours) == await stored_rows(engine, theirs)

        for activity in posts:
            mine = await project.post(f"{API}/activities", json=activity, headers=bearer(sub=ours))
            bare_one = await bare.post(
                f"{API}/activities", json=activity, headers=as_caller(theirs)
            )
            assert (mine.status_code, bare_one.status_code) == (201, 201)
            differing = {"id", "user_id", "created_at", "updated_at"}
            assert list(bare_one.json()) == list(mine.json())  # the same fields, in order
            assert {k: v for k, v in bare_one.json().items() if k not in differing} == {
                k: v for k, v in mine.json().items() if k not in differing
            }
            created = datetime.fromisoformat(bare_one.json()["created_at"])
            assert bare_one.json()["created_at"].endswith("Z")
            assert created.tzinfo is not None

        rows = await stored_rows(engine, theirs)
        assert rows == await stored_rows(engine, ours)
        assert rows["scores"] == [
            (TODAY - timedelta(days=3), 5, 1, 1),
            (TODAY - timedelta(days=2), 15, 1, 2),
            (YESTERDAY, 20, 1, 3),
            (TODAY, 20, 1, 4),
        ]

        unknown = await bare.post(
            f"{API}/activities", json=posts[0], headers=as_caller("user_nobody")
        )
        assert unknown.status_code == 401
