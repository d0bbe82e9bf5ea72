"""Hostile input: whatever a client sends gets a clear 4xx and changes nothing."""

import json
from datetime import date
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.database import Base
from app.models import User  # noqa: F401  (every model registered on the metadata)
from tests import factories
from tests.helpers import API
from tests.openapi import operations, with_id

TABLES = tuple(Base.metadata.tables)
SQL_LIKE = "' OR 1=1; DROP TABLE admin_activities; --"
BEYOND_64_BITS = 2**64 + 1
BEYOND_32_BITS = 2**31


async def snapshot(session: AsyncSession) -> dict[str, str]:
    """A digest of every table's rows (users without their timestamps, which a request
    refreshes when it reads the caller's profile)."""
    digests = {}
    for table in TABLES:
        row = "(t.id, t.clerk_user_id, t.timezone, t.role)" if table == "users" else "t"
        digests[table] = str(
            await session.scalar(
                text(
                    f"SELECT md5(coalesce(string_agg({row}::text, '|' ORDER BY {row}::text), '')) FROM {table} t"
                )
            )
        )
    return digests


@pytest.fixture
async def seeded(client: httpx.AsyncClient, session: AsyncSession) -> dict[str, str]:
    """Some of the caller's data, so that "nothing changed" means something."""
    created = [
        await client.post(f"{API}/goals", json={"week_start": "2026-11-23", "target_calls": 5}),
        await client.post(
            f"{API}/activities", json={"type": "call", "status": "done", "date": "2026-11-25"}
        ),
        await client.post(f"{API}/meetings", json={"title": "Intro", "type": "discovery"}),
        await client.post(f"{API}/prospects", json={"name": "Ada", "email": "ada@example.com"}),
    ]
    deal = {"prospect_id": created[-1].json()["id"], "title": "Licence", "value": 100.5}
    created.append(await client.post(f"{API}/deals", json=deal))
    assert [response.status_code for response in created] == [201, 201, 201, 201, 201]
    return await snapshot(session)


def deeply_nested(depth: int) -> bytes:
    return b'{"type": ' + b"[" * depth + b"]" * depth + b"}"


BAD_BODIES: list[tuple[str, str, Any]] = [
    (
        "POST",
        "/activities",
        {"type": "call", "status": "done", "date": "2026-11-25", "amount": BEYOND_64_BITS},
    ),
    (
        "POST",
        "/activities",
        {"type": "call", "status": "done", "date": "2026-11-25", "amount": 10_001},
    ),
    ("POST", "/activities", {"type": "call", "status": "done", "date": "2026-11-25", "amount": 0}),
    (
        "POST",
        "/activities",
        {"type": "call", "status": "done", "date": "2026-11-25", "amount": 1.5},
    ),
    (
        "POST",
        "/activities",
        {"type": "call", "status": "done", "date": "2026-11-25", "amount": True},
    ),
    (
        "POST",
        "/activities",
        {"type": "call", "status": "done", "date": "2026-11-25", "amount": "2"},
    ),
    (
        "POST",
        "/activities",
        {"type": "call", "status": "done", "date": "2026-11-25", "notes": "x" * 10_001},
    ),
    (
        "POST",
        "/activities",
        {"type": "call", "status": "done", "date": "2026-11-25", "notes": "a\x00b"},
    ),
    ("POST", "/activities", {"type": SQL_LIKE, "status": "done", "date": "2026-11-25"}),
    ("POST", "/activities", {"type": "call", "status": "done", "date": "99999-01-01"}),
    ("POST", "/activities", {"type": "call", "status": "done", "date": "2026-02-30"}),
    ("POST", "/activities", {"type": "call", "status": "done", "date": "9999-12-31"}),
    ("POST", "/activities", {"type": "call", "status": "pending", "date": "0000-01-01"}),
    ("POST", "/activities", {"type": "call", "status": "done", "date": "2026-11-25", "user_id": 2}),
    (
        "POST",
        "/activities",
        {"type": "call", "status": "done", "date": "2026-11-25", "prospect_id": BEYOND_32_BITS},
    ),
    ("POST", "/activities", []),
    ("POST", "/activities", "call"),
    ("POST", "/activities", None),
    ("POST", "/goals", {"week_start": "2026-11-30", "target_calls": BEYOND_64_BITS}),
    ("POST", "/goals", {"week_start": "2026-11-30", "target_calls": 100_001}),
    ("POST", "/goals", {"week_start": "2026-11-24"}),
    ("POST", "/goals", {"week_start": "9999-12-27"}),
    ("POST", "/focus-sessions", {"duration_minutes": BEYOND_64_BITS}),
    ("POST", "/focus-sessions", {"duration_minutes": 4}),
    ("POST", "/focus-sessions", {"duration_minutes": 181}),
    ("POST", "/meetings", {"title": "x" * 256, "type": "demo"}),
    ("POST", "/meetings", {"title": "", "type": "demo"}),
    ("POST", "/meetings", {"title": "Demo", "type": SQL_LIKE}),
    ("POST", "/meetings", {"title": "Demo", "type": "demo", "duration_minutes": 481}),
    ("POST", "/meetings", {"title": "Demo", "type": "demo", "agenda": "x" * 10_001}),
    (
        "POST",
        "/activities",
        {"type": "call", "status": "done", "date": "2026-11-25", "notes": "x\ud800y"},
    ),
    ("POST", "/meetings", {"title": "\udfff", "type": "demo"}),
    ("POST", "/focus-sessions", {"notes": "\ud800"}),
    ("PATCH", "/me", {"timezone": "\ud800"}),
    ("PATCH", "/me", {"timezone": "x" * 100_000}),
    ("PATCH", "/me", {"timezone": SQL_LIKE}),
    ("PATCH", "/me", {"currency": SQL_LIKE}),
    ("PATCH", "/me", {"currency": "\ud800"}),
    ("POST", "/prospects", {"name": "x" * 256}),
    ("POST", "/prospects", {"name": "\udfff"}),
    ("POST", "/prospects", {"name": "Ada", "email": SQL_LIKE}),
    ("POST", "/prospects", {"name": "Ada", "email": "a\x00@example.com"}),
    ("POST", "/prospects", {"name": "Ada", "status": SQL_LIKE}),
    ("POST", "/prospects", {"name": "Ada", "tags": ["x"] * 2}),
    ("POST", "/prospects", {"name": "Ada", "tags": [["nested"]]}),
    ("POST", "/prospects", {"name": "Ada", "tags": [str(n) for n in range(10_000)]}),
    ("POST", "/prospects", {"name": "Ada", "notes": "x" * 10_001}),
    ("POST", "/prospects", {"name": "Ada", "user_id": 2}),
    ("POST", "/deals", {"prospect_id": BEYOND_64_BITS, "title": "x", "value": 1}),
    ("POST", "/deals", {"prospect_id": 2**31 - 1, "title": "x", "value": 1}),
    ("POST", "/deals", {"prospect_id": 1, "title": "x", "value": BEYOND_64_BITS}),
    ("POST", "/deals", {"prospect_id": 1, "title": "x", "value": -1}),
    ("POST", "/deals", {"prospect_id": 1, "title": "x", "value": 0.001}),
    ("POST", "/deals", {"prospect_id": 1, "title": "x", "value": "1e3"}),
    ("POST", "/deals", {"prospect_id": 1, "title": "x", "value": 1, "probability": BEYOND_64_BITS}),
    ("POST", "/deals", {"prospect_id": 1, "title": "x", "value": 1, "stage": SQL_LIKE}),
    ("POST", "/deals", {"prospect_id": 1, "title": "\ud800", "value": 1}),
    (
        "POST",
        "/deals",
        {"prospect_id": 1, "title": "x", "value": 1, "expected_close_date": "9999-12-31"},
    ),
]


@pytest.mark.parametrize(("method", "path", "body"), BAD_BODIES)
async def test_bad_bodies_are_422_and_change_nothing(
    client: httpx.AsyncClient,
    session: AsyncSession,
    seeded: dict[str, str],
    method: str,
    path: str,
    body: Any,
) -> None:
    # Encoded here, ASCII-escaped: httpx cannot encode a lone surrogate, a client can.
    response = await client.request(
        method,
        f"{API}{path}",
        content=json.dumps(body),
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["type"]
    assert await snapshot(session) == seeded


async def test_a_second_goal_for_the_week_is_409_and_changes_nothing(
    client: httpx.AsyncClient, session: AsyncSession, seeded: dict[str, str]
) -> None:
    response = await client.post(f"{API}/goals", json={"week_start": "2026-11-23"})
    assert response.status_code == 409
    assert await snapshot(session) == seeded


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        (deeply_nested(100_000), 422),  # beyond the parser's depth
        (
            b'{"type": "call", "status": "done", "date": "2026-11-25", "amount": 1'
            + b"0" * 5000
            + b"}",
            422,  # an integer literal too long to parse
        ),
        (b'{"type": "call", "status": "done", "date": "2026-11-25",', 422),
        (b"\xff\xfe", 422),
        (b"\xff\xfe\x00", 422),
        (b"", 422),
        (
            b'{"type": "call", "type": "email", "status": "done", "date": "2026-11-25", '
            b'"amount": NaN}',
            422,
        ),
    ],
)
async def test_malformed_json_is_4xx_and_changes_nothing(
    client: httpx.AsyncClient,
    session: AsyncSession,
    seeded: dict[str, str],
    raw: bytes,
    status: int,
) -> None:
    response = await client.post(
        f"{API}/activities", content=raw, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == status, response.text
    assert await snapshot(session) == seeded


BAD_QUERIES: list[tuple[str, dict[str, Any]]] = [
    ("/activities", {"type": SQL_LIKE}),
    ("/activities", {"status": SQL_LIKE}),
    ("/activities", {"date_from": SQL_LIKE}),
    ("/activities", {"date_to": "99999-01-01"}),
    ("/activities", {"limit": 0}),
    ("/activities", {"limit": 501}),
    ("/activities", {"limit": BEYOND_64_BITS}),
    ("/activities", {"offset": -1}),
    ("/activities", {"offset": BEYOND_64_BITS}),
    ("/activities", {"date_from": "2026-11-25", "date_to": "2026-11-01"}),
    ("/focus-sessions", {"limit": BEYOND_64_BITS}),
    ("/focus-sessions", {"offset": BEYOND_64_BITS}),
    ("/scores/week", {"week_start": "2026-11-24"}),
    ("/scores/week", {"week_start": "9999-12-27"}),
    ("/scores/week", {"week_start": SQL_LIKE}),
    ("/progress/week", {"week_start": "9999-12-27"}),
    ("/progress/week", {"week_start": "0001-01-02"}),
    ("/activities", {"prospect_id": BEYOND_64_BITS}),
    ("/prospects", {"status": SQL_LIKE}),
    ("/prospects", {"sort": SQL_LIKE}),
    ("/prospects", {"limit": BEYOND_64_BITS}),
    ("/prospects", {"q": "x" * 1_000}),
    ("/prospects", {"tag": "x" * 1_000}),
    ("/deals", {"stage": SQL_LIKE}),
    ("/deals", {"prospect_id": BEYOND_32_BITS}),
    ("/deals", {"open": SQL_LIKE}),
    ("/deals", {"offset": BEYOND_64_BITS}),
    ("/pipeline/summary", {"date_from": "99999-01-01"}),
    ("/pipeline/summary", {"date_to": "2026-11-01", "date_from": "2026-11-25"}),
    ("/scores/history", {"date_from": SQL_LIKE}),
    ("/scores/history", {"date_to": "99999-01-01"}),
    ("/scores/history", {"date_from": "2026-11-25", "date_to": "2026-11-01"}),
    ("/scores/history", {"date_from": "2016-11-01", "date_to": "2026-11-01"}),
]


@pytest.mark.parametrize(("path", "params"), BAD_QUERIES)
async def test_bad_query_parameters_are_422(
    client: httpx.AsyncClient, path: str, params: dict[str, Any]
) -> None:
    response = await client.get(f"{API}{path}", params=params)
    assert response.status_code == 422, response.text
    # The last parameter is the offending one (with both dates, the later in the list);
    # a repeatable one adds the index of the offending value.
    assert response.json()["detail"][0]["loc"][:2] == ["query", list(params)[-1]]


async def test_sql_looking_text_is_stored_verbatim(client: httpx.AsyncClient) -> None:
    created = await client.post(
        f"{API}/activities",
        json={"type": "email", "status": "pending", "date": "2026-11-25", "notes": SQL_LIKE},
    )
    assert created.status_code == 201
    fetched = await client.get(f"{API}/activities/{created.json()['id']}")
    assert fetched.json()["notes"] == SQL_LIKE


# Another user's ids, and ids that cannot exist, on every {id} route.

ID_ROUTES = {
    "goals": "goal",
    "activities": "activity",
    "focus-sessions": "focus_session",
    "nudges": "nudge",
    "meetings": "meeting",
    "prospects": "prospect",
    "deals": "deal",
}


async def other_users_rows(session: AsyncSession) -> dict[str, int]:
    other = await factories.create_user(session, clerk_user_id="user_other")
    prospect = await factories.create_prospect(session, other)
    return {
        "prospect": prospect.id,
        "deal": (await factories.create_deal(session, other, prospect)).id,
        "goal": (await factories.create_goal(session, other)).id,
        "activity": (await factories.create_activity(session, other, prospect_id=prospect.id)).id,
        "focus_session": (await factories.create_focus_session(session, other)).id,
        "nudge": (await factories.create_nudge(session, other)).id,
        "meeting": (await factories.create_meeting(session, other)).id,
    }


def id_operations(app: FastAPI) -> list[tuple[str, str, str]]:
    """(method, path template, resource) of every route that takes a resource id."""
    return [
        (method, path, ID_ROUTES[path.removeprefix(API).split("/")[1]])
        for method, path in operations(app)
        if "{" in path
    ]


async def test_another_users_ids_are_404_on_every_id_route(
    app: FastAPI, client: httpx.AsyncClient, session: AsyncSession
) -> None:
    ids = await other_users_rows(session)
    assert (await client.get(f"{API}/me")).status_code == 200  # the caller exists too
    before = await snapshot(session)
    operations = id_operations(app)
    assert {resource for _, _, resource in operations} == set(ID_ROUTES.values())
    for method, path, resource in operations:
        body: dict[str, Any] | None = {} if method in {"PUT", "PATCH"} else None
        response = await client.request(method, with_id(path, ids[resource]), json=body)
        assert response.status_code == 404, (method, path, response.text)
    assert await snapshot(session) == before


@pytest.mark.parametrize(
    ("value", "status"),
    [
        # The largest id is an id like any other: none of the caller's...
        (2**31 - 1, 404),
        # ...and other digits reach the id route, whose bounds refuse them...
        (0, 422),
        (BEYOND_32_BITS, 422),
        (BEYOND_64_BITS, 422),
        # ...anything else matches no route at all.
        (-1, 404),
        ("abc", 404),
        (SQL_LIKE, 404),
        ("1.5", 404),
        ("1e3", 404),
    ],
)
async def test_id_bounds_and_shapes_on_every_id_route(
    app: FastAPI, client: httpx.AsyncClient, value: object, status: int
) -> None:
    operations = id_operations(app)
    # GET, PUT, DELETE of five resources; nudges' two; focus's three
    assert len(operations) == 20
    for method, path, _ in operations:
        body: dict[str, Any] | None = {} if method in {"PUT", "PATCH"} else None
        response = await client.request(method, with_id(path, value), json=body)
        assert response.status_code == status, (method, path, response.text)


def test_the_hostile_bodies_are_what_they_claim() -> None:
    assert json.loads(deeply_nested(3)) == {"type": [[[]]]}
    assert BEYOND_64_BITS > 2**64
    assert date.fromisoformat("9999-12-27").isoweekday() == 1
