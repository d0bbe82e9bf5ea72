"""An app whose requests really commit, for tests of concurrent requests.

The usual `app` fixture runs every request in the test's rolled-back transaction, which
serialises them on one connection: races need separate connections and real commits.
Users these tests create are deleted afterwards (their rows cascade), so other tests
on the same database see nothing of them.
"""

import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass

import httpx
from fastapi import FastAPI
from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncEngine

from app.core.config import Settings
from app.models import User
from tests.clock import FixedClock
from tests.helpers import API, http_client, running_app
from tests.tokens import TokenSigner


def unique_clerk_id(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:12]}"


@asynccontextmanager
async def committing_app(
    settings: Settings, clock: FixedClock, engine: AsyncEngine, *, clerk_user_ids: list[str]
) -> AsyncIterator[FastAPI]:
    """An app on the real session dependency; deletes `clerk_user_ids` at exit."""
    try:
        async with running_app(settings, clock, session=None) as app:
            yield app
    finally:
        async with engine.begin() as connection:
            await connection.execute(delete(User).where(User.clerk_user_id.in_(clerk_user_ids)))


@asynccontextmanager
async def committing_client(
    settings: Settings, clock: FixedClock, engine: AsyncEngine, *, clerk_user_ids: list[str]
) -> AsyncIterator[httpx.AsyncClient]:
    """A client of `committing_app`."""
    async with (
        committing_app(settings, clock, engine, clerk_user_ids=clerk_user_ids) as app,
        http_client(app) as client,
    ):
        yield client


@dataclass(frozen=True)
class RacingFounder:
    """The founder a `racing_founder_client` is signed in as: their Clerk id and the id
    of the users row their first request created."""

    clerk_user_id: str
    id: int


# What the `racing_client` fixture gives: `async with racing_client(**setting_overrides)
# as (client, founder)`.
RacingClient = Callable[..., AbstractAsyncContextManager[tuple[httpx.AsyncClient, RacingFounder]]]


@asynccontextmanager
async def racing_founder_client(
    settings: Settings, clock: FixedClock, engine: AsyncEngine, signer: TokenSigner
) -> AsyncIterator[tuple[httpx.AsyncClient, RacingFounder]]:
    """A client of `committing_app` signed in as a new founder whose users row exists
    (one `/me` first, so that racing requests do not also race to create it); the
    founder and all their rows are deleted at exit."""
    clerk_user_id = unique_clerk_id("user_race")
    async with committing_client(settings, clock, engine, clerk_user_ids=[clerk_user_id]) as client:
        client.headers["Authorization"] = f"Bearer {signer.token(clerk_user_id)}"
        me = await client.get(f"{API}/me")
        assert me.status_code == 200, me.text
        yield client, RacingFounder(clerk_user_id, me.json()["id"])
