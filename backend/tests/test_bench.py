"""`make bench` compares POST /activities with pgbench replaying its SQL: the replay must
be the statements a POST really sends."""

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.replay import POST_ACTIVITY_STATEMENTS, compile_statement
from tests.conftest import API
from tests.statements import counting_statements


async def test_the_replay_is_what_a_post_sends(
    client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    await client.get(f"{API}/me")  # the caller's row exists: the POST only reads it
    activity = {"type": "call", "status": "done", "date": "2026-11-25", "amount": 2}

    with counting_statements(engine) as sent:
        response = await client.post(f"{API}/activities", json=activity)

    assert response.status_code == 201
    assert sent == [compile_statement(statement).string for statement in POST_ACTIVITY_STATEMENTS]
