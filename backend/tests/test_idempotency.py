"""`Idempotency-Key` on POST: a repeat within 24 hours replays the first response and
changes nothing; another request under the key is 422; a key in use is 409; keys of
different users never meet; a failed request releases its key."""

import asyncio
import hashlib
import json
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import httpx
import pytest
from fastapi import Depends, FastAPI
from sqlalchemy import delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.api.idempotency import idempotent_post
from app.core.config import Settings
from app.main import create_app
from app.models import AdminActivity, IdempotencyKey, User
from tests.clock import FixedClock
from tests.committed_app import RacingClient
from tests.helpers import API

CALL = {"type": "call", "date": "2026-11-25"}


def keyed(key: str) -> dict[str, str]:
    return {"Idempotency-Key": key}


async def activity_count(session: AsyncSession, user: User) -> int:
    count = await session.scalar(
        select(func.count()).select_from(AdminActivity).where(AdminActivity.user_id == user.id)
    )
    assert count is not None
    return count


async def test_a_repeat_replays_the_first_response_and_changes_nothing(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    first = await client.post(f"{API}/activities", json=CALL, headers=keyed("retry-1"))
    second = await client.post(f"{API}/activities", json=CALL, headers=keyed("retry-1"))

    assert (first.status_code, second.status_code) == (201, 201)
    assert second.content == first.content
    assert second.headers["content-type"] == "application/json"
    assert await activity_count(session, founder) == 1
    assert (await client.get(f"{API}/scores/today")).json()["score"] == 20


async def test_without_a_key_every_post_counts(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    await client.post(f"{API}/activities", json=CALL)
    await client.post(f"{API}/activities", json=CALL)

    assert await activity_count(session, founder) == 2


async def test_an_error_response_is_replayed_too(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    bad = {"type": "sms"}
    first = await client.post(f"{API}/activities", json=bad, headers=keyed("bad-1"))
    second = await client.post(f"{API}/activities", json=bad, headers=keyed("bad-1"))

    assert (first.status_code, second.status_code) == (422, 422)
    assert second.content == first.content


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/activities", {**CALL, "amount": 2}),
        ("/goals", CALL),
    ],
)
async def test_the_same_key_with_another_request_is_422(
    client: httpx.AsyncClient, session: AsyncSession, founder: User, path: str, body: Any
) -> None:
    await client.post(f"{API}/activities", json=CALL, headers=keyed("reused"))

    response = await client.post(f"{API}{path}", json=body, headers=keyed("reused"))

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["header", "Idempotency-Key"]
    assert await activity_count(session, founder) == 1


def post_paths() -> list[str]:
    """Every POST route of the API, from its OpenAPI document (none has a path parameter)."""
    paths = create_app(Settings(database_url="postgresql://unused")).openapi()["paths"]
    return sorted(
        path for path, operations in paths.items() if path.startswith(API) and "post" in operations
    )


@pytest.mark.parametrize("path", post_paths())
async def test_every_post_route_takes_a_key(
    client: httpx.AsyncClient, founder: User, path: str
) -> None:
    response = await client.post(path, json={}, headers=keyed("two words"))

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["header", "Idempotency-Key"]


@pytest.mark.parametrize("key", ["", "two words", "x" * 256, "tab\there"])
async def test_a_malformed_key_is_422_and_changes_nothing(
    client: httpx.AsyncClient, session: AsyncSession, founder: User, key: str
) -> None:
    response = await client.post(f"{API}/activities", json=CALL, headers=keyed(key))

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["header", "Idempotency-Key"]
    assert await activity_count(session, founder) == 0


async def test_a_key_of_255_visible_characters_is_accepted(
    client: httpx.AsyncClient, founder: User
) -> None:
    key = "!~" + "k" * 253
    response = await client.post(f"{API}/activities", json=CALL, headers=keyed(key))

    assert response.status_code == 201


async def test_after_24_hours_the_key_is_free_again(
    client: httpx.AsyncClient, session: AsyncSession, founder: User, clock: FixedClock
) -> None:
    await client.post(f"{API}/activities", json=CALL, headers=keyed("daily"))
    clock.instant += timedelta(hours=23, minutes=59)
    await client.post(f"{API}/activities", json=CALL, headers=keyed("daily"))
    assert await activity_count(session, founder) == 1

    clock.instant += timedelta(minutes=2)
    response = await client.post(f"{API}/activities", json=CALL, headers=keyed("daily"))

    assert response.status_code == 201
    assert await activity_count(session, founder) == 2


async def test_a_claim_a_crashed_worker_left_running_is_freed_after_5_minutes(
    client: httpx.AsyncClient,
    session: AsyncSession,
    engine: AsyncEngine,
    founder: User,
    clock: FixedClock,
) -> None:
    path, body = f"{API}/activities", json.dumps(CALL).encode()
    headers = {**keyed("crashed"), "Content-Type": "application/json"}
    # The claim of the same request, made 4:59 ago by a worker that never finished it.
    fingerprint = hashlib.sha256(b"\n".join([b"POST", path.encode(), body])).hexdigest()
    claimed_at = clock.instant - timedelta(minutes=4, seconds=59)
    mine = IdempotencyKey.user_id == founder.id
    async with engine.begin() as connection:
        await connection.execute(
            insert(IdempotencyKey).values(
                user_id=founder.id,
                key="crashed",
                request_fingerprint=fingerprint,
                created_at=claimed_at,
            )
        )
    try:
        running = await client.post(path, content=body, headers=headers)
        clock.instant += timedelta(seconds=2)
        freed = await client.post(path, content=body, headers=headers)
    finally:
        async with engine.begin() as connection:
            await connection.execute(delete(IdempotencyKey).where(mine))

    assert running.status_code == 409
    assert freed.status_code == 201
    assert await activity_count(session, founder) == 1


async def test_another_users_identical_key_is_independent(
    client: httpx.AsyncClient,
    session: AsyncSession,
    founder: User,
    bearer: Callable[..., dict[str, str]],
) -> None:
    await client.post(f"{API}/activities", json=CALL, headers=keyed("shared"))

    other = await client.post(
        f"{API}/activities",
        json={**CALL, "amount": 3},
        headers={**keyed("shared"), **bearer(sub="user_other_admin")},
    )

    assert other.status_code == 201
    assert other.json()["amount"] == 3
    assert await activity_count(session, founder) == 1


async def test_simultaneous_sends_with_one_key_create_one_row(racing_client: RacingClient) -> None:
    async with racing_client() as (client, _):
        responses = await asyncio.gather(
            *(
                client.post(f"{API}/activities", json=CALL, headers=keyed("at-once"))
                for _ in range(8)
            )
        )

        listed = (await client.get(f"{API}/activities")).json()
        assert len(listed) == 1
        statuses = Counter(response.status_code for response in responses)
        assert set(statuses) <= {201, 409}
        assert statuses[201] >= 1
        created = [r.json() for r in responses if r.status_code == 201]
        assert all(body == listed[0] for body in created)


def failing_app(app: FastAPI) -> None:
    """Routes that fail after claiming their key: a 5xx response and an exception."""

    @app.post("/failing/503", dependencies=[Depends(idempotent_post)])
    async def unavailable() -> None:
        from app.core.errors import ServiceUnavailable

        raise ServiceUnavailable("down")

    @app.post("/failing/raise", dependencies=[Depends(idempotent_post)])
    async def broken() -> None:
        raise RuntimeError("broken")


@pytest.mark.parametrize("path", ["/failing/503", "/failing/raise"])
async def test_a_failed_request_releases_its_key(
    app: FastAPI, client: httpx.AsyncClient, session: AsyncSession, founder: User, path: str
) -> None:
    failing_app(app)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://test", headers=client.headers
    ) as failing:
        first = await failing.post(path, json={}, headers=keyed("fails"))

    assert first.status_code in {500, 503}
    claims = await session.scalar(
        select(func.count())
        .select_from(IdempotencyKey)
        .where(IdempotencyKey.user_id == founder.id, IdempotencyKey.key == "fails")
    )
    assert claims == 0
