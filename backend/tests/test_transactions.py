"""What a request sends to PostgreSQL besides its statements: a read (GET, HEAD) sends
no transaction control at all, each statement being its own transaction; a write is one
transaction, BEGIN to COMMIT; and a connection, once opened, serves request after request.
"""

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import FastAPI
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from app.core.config import Settings
from tests.clock import FixedClock
from tests.committed_app import committing_app, unique_clerk_id
from tests.helpers import API, configured, http_client
from tests.tokens import TokenSigner

TRANSACTION_CONTROL = {"BEGIN", "COMMIT", "ROLLBACK"}


@contextmanager
def transaction_control(app: FastAPI) -> Iterator[list[str]]:
    """The BEGIN, COMMIT and ROLLBACK the app's connections send inside the block, and
    "connect" for each connection opened. asyncpg logs the queries it sends as text,
    which is how it sends transaction control (and its own type lookups, left out)."""
    sent: list[str] = []
    engine: AsyncEngine = app.state.engine

    def log(record: Any) -> None:
        command = record.query.split()[0].rstrip(";").upper()
        if command in TRANSACTION_CONTROL:
            sent.append(command)

    def checkout(dbapi_connection: Any, *_: Any) -> None:
        dbapi_connection.driver_connection.add_query_logger(log)

    def checkin(dbapi_connection: Any, *_: Any) -> None:
        dbapi_connection.driver_connection.remove_query_logger(log)

    def connect(*_: Any) -> None:
        sent.append("connect")

    listeners = {"checkout": checkout, "checkin": checkin, "connect": connect}
    for name, listener in listeners.items():
        event.listen(engine.sync_engine.pool, name, listener)
    try:
        yield sent
    finally:
        for name, listener in listeners.items():
            event.remove(engine.sync_engine.pool, name, listener)


async def test_reads_send_no_transaction_control_and_writes_one_transaction(
    settings: Settings, clock: FixedClock, engine: AsyncEngine, signer: TokenSigner
) -> None:
    clerk_user_id = unique_clerk_id("user_tx")
    async with (
        committing_app(settings, clock, engine, clerk_user_ids=[clerk_user_id]) as app,
        http_client(app) as client,
    ):
        client.headers["Authorization"] = f"Bearer {signer.token(clerk_user_id)}"
        # The first request creates the caller's row: written, and committed, on its own.
        with transaction_control(app) as first:
            assert (await client.get(f"{API}/scores/today")).status_code == 200
        assert first == []

        with transaction_control(app) as reads:
            for path in ["/scores/today", "/dashboard", "/activities/today", "/me"]:
                assert (await client.get(f"{API}{path}")).status_code == 200
            assert (await client.head(f"{API}/scores/streak")).status_code == 200
        assert reads == []

        with transaction_control(app) as write:
            created = await client.post(f"{API}/activities", json={"type": "call"})
            assert created.status_code == 201, created.text
        assert write == ["BEGIN", "COMMIT"]

        with transaction_control(app) as refused:
            missing = await client.put(f"{API}/activities/999999", json={"notes": "x"})
            assert missing.status_code == 404
        assert refused == ["BEGIN", "ROLLBACK"]


async def test_a_connection_once_opened_is_kept_under_load(
    settings: Settings, clock: FixedClock, engine: AsyncEngine, signer: TokenSigner
) -> None:
    clerk_user_id = unique_clerk_id("user_pool")
    pool_size = 2
    small_pool = configured(settings, db_pool_size=pool_size)
    async with (
        committing_app(small_pool, clock, engine, clerk_user_ids=[clerk_user_id]) as app,
        http_client(app) as client,
    ):
        client.headers["Authorization"] = f"Bearer {signer.token(clerk_user_id)}"

        async def burst() -> list[int]:
            responses = await asyncio.gather(
                *(client.get(f"{API}/dashboard") for _ in range(3 * pool_size))
            )
            return [response.status_code for response in responses]

        with transaction_control(app) as first:
            assert await burst() == [200] * 3 * pool_size
        # The lifespan's own check opened one connection before.
        assert first.count("connect") == pool_size - 1
        with transaction_control(app) as second:
            assert await burst() == [200] * 3 * pool_size
        assert second == []
