"""`make bench` compares POST /activities with pgbench replaying its SQL: the replay must
be the statements a POST really sends."""

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.replay import POST_ACTIVITY_STATEMENTS, compile_statement, post_activity_script
from tests.helpers import API
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


def test_every_value_of_the_replay_is_a_pgbench_expression_or_a_literal() -> None:
    script = post_activity_script()

    assert "$" not in script  # no placeholder left for pgbench to choke on
    commands = script.split(";\n")
    assert commands[0].endswith("\nBEGIN")
    assert commands[-2:] == ["END", ""]
    assert len(commands) == len(POST_ACTIVITY_STATEMENTS) + 3
    assert "admin_activities.user_id = :uid::INTEGER" in script
    assert "WHEN 'call' THEN 20::INTEGER" in script  # the weights, as literals
