"""Weekly goals: one per user and Monday-started week, bounded targets, owner-only."""

from datetime import UTC, date, datetime
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.models import User
from tests.clock import MONDAY, FixedClock
from tests.factories import create_founder, create_goal, create_user
from tests.helpers import API
from tests.statements import counting_statements


def goal_body(**fields: Any) -> dict[str, Any]:
    return {"week_start": "2026-11-23", **fields}


async def test_create_goal_returns_it_with_unset_targets_zero(
    client: httpx.AsyncClient, founder: User
) -> None:
    response = await client.post(
        f"{API}/goals", json=goal_body(target_discoveries=5, target_calls=12)
    )

    assert response.status_code == 201
    body = response.json()
    assert isinstance(body["id"], int)
    assert body["user_id"] == founder.id
    assert body["week_start"] == "2026-11-23"
    assert [body[f"target_{kind}"] for kind in ("discoveries", "emails", "videos", "calls")] == [
        5,
        0,
        0,
        12,
    ]
    assert datetime.fromisoformat(body["created_at"]).tzinfo is not None
    assert datetime.fromisoformat(body["updated_at"]).tzinfo is not None


async def test_week_start_must_be_a_monday(client: httpx.AsyncClient, founder: User) -> None:
    response = await client.post(f"{API}/goals", json=goal_body(week_start="2026-11-24"))

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "week_start"]


async def test_second_goal_for_the_same_week_is_a_conflict(
    client: httpx.AsyncClient, founder: User
) -> None:
    first = await client.post(f"{API}/goals", json=goal_body(target_emails=10))
    second = await client.post(f"{API}/goals", json=goal_body(target_emails=20))

    assert first.status_code == 201
    assert second.status_code == 409
    assert second.json() == {"detail": "a goal for the week of 2026-11-23 already exists"}
    listed = await client.get(f"{API}/goals")
    assert [goal["target_emails"] for goal in listed.json()] == [10]


async def test_another_users_goal_for_the_same_week_is_no_conflict(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    await create_goal(session, await create_user(session), week_start=MONDAY)

    response = await client.post(f"{API}/goals", json=goal_body())

    assert response.status_code == 201


@pytest.mark.parametrize(
    "fields",
    [
        {"target_discoveries": -1},
        {"target_emails": 100_001},
        {"target_videos": None},
        {"target_calls": "many"},
        {"target_calls": 1.5},
        {"target_calls": "5"},
        {"target_calls": True},
        {"week_start": None},
        {"week_start": "not a date"},
        {"week_start": "0001-01-01"},
        {"week_start": "1700000000"},
        {"owner": "someone"},
    ],
)
async def test_invalid_goal_bodies_are_422(
    client: httpx.AsyncClient, founder: User, fields: dict[str, Any]
) -> None:
    response = await client.post(f"{API}/goals", json=goal_body(**fields))

    assert response.status_code == 422
    [name] = fields
    assert [error["loc"] for error in response.json()["detail"]] == [["body", name]]


async def test_without_week_start_this_weeks_goal_is_set(
    client: httpx.AsyncClient, founder: User
) -> None:
    response = await client.post(f"{API}/goals", json={"target_calls": 3})

    assert response.status_code == 201
    assert response.json()["week_start"] == "2026-11-23"
    assert (await client.get(f"{API}/goals/current")).json()["id"] == response.json()["id"]


async def test_week_start_may_not_be_null(client: httpx.AsyncClient, founder: User) -> None:
    response = await client.post(f"{API}/goals", json={"week_start": None})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "week_start"]


async def test_targets_up_to_the_bound_are_accepted(
    client: httpx.AsyncClient, founder: User
) -> None:
    response = await client.post(f"{API}/goals", json=goal_body(target_calls=100_000))

    assert response.status_code == 201
    assert response.json()["target_calls"] == 100_000


async def test_list_goals_newest_week_first_and_only_the_callers(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    older = await create_goal(session, founder, week_start=date(2026, 11, 9))
    newest = await create_goal(session, founder, week_start=MONDAY)
    middle = await create_goal(session, founder, week_start=date(2026, 11, 16))
    await create_goal(session, await create_user(session), week_start=date(2026, 11, 30))

    response = await client.get(f"{API}/goals")

    assert response.status_code == 200
    assert [goal["id"] for goal in response.json()] == [newest.id, middle.id, older.id]


async def test_list_goals_is_empty_without_goals(client: httpx.AsyncClient, founder: User) -> None:
    response = await client.get(f"{API}/goals")

    assert response.status_code == 200
    assert response.json() == []


async def test_current_goal_is_404_when_no_week_up_to_this_one_has_one(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    await create_goal(session, founder, week_start=date(2026, 11, 30))
    await create_goal(session, await create_user(session), week_start=date(2026, 11, 16))

    response = await client.get(f"{API}/goals/current")

    assert response.status_code == 404
    assert response.json() == {"detail": "no goal is set for the week of 2026-11-23 or before"}


async def test_a_week_without_a_goal_inherits_the_latest_earlier_one(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    await create_goal(session, founder, week_start=date(2026, 11, 2), target_calls=5)
    last_week = await create_goal(session, founder, week_start=date(2026, 11, 16), target_calls=7)
    await create_goal(session, founder, week_start=date(2026, 11, 30), target_calls=9)

    response = await client.get(f"{API}/goals/current")

    assert response.status_code == 200
    body = response.json()
    assert (body["id"], body["week_start"], body["target_calls"], body["inherited"]) == (
        last_week.id,
        "2026-11-16",
        7,
        True,
    )


async def test_current_goal_is_this_weeks(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    await create_goal(session, founder, week_start=date(2026, 11, 16))
    this_week = await create_goal(session, founder, week_start=MONDAY)

    response = await client.get(f"{API}/goals/current")

    assert response.status_code == 200
    assert (response.json()["id"], response.json()["inherited"]) == (this_week.id, False)


async def test_current_week_is_the_callers_local_week(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    # Monday 05:00 UTC is still Sunday evening in Los Angeles: last week's goal applies.
    founder = await create_founder(session, "America/Los_Angeles")
    clock.instant = datetime(2026, 11, 23, 5, 0, tzinfo=UTC)
    last_week = await create_goal(session, founder, week_start=date(2026, 11, 16))
    await create_goal(session, founder, week_start=MONDAY)

    response = await client.get(f"{API}/goals/current")

    assert response.json()["id"] == last_week.id


@pytest.mark.parametrize("method", ["PUT", "DELETE"])
async def test_current_is_not_a_goal_id(
    client: httpx.AsyncClient, founder: User, method: str
) -> None:
    response = await client.request(method, f"{API}/goals/current", json={})

    assert response.status_code == 405


async def test_get_goal_by_id(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    goal = await create_goal(session, founder, target_videos=7)

    response = await client.get(f"{API}/goals/{goal.id}")

    assert response.status_code == 200
    assert response.json()["target_videos"] == 7


async def test_another_users_goal_is_404_for_every_method(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    goal = await create_goal(session, await create_user(session), target_calls=4)
    url = f"{API}/goals/{goal.id}"

    responses = [
        await client.get(url),
        await client.put(url, json={"target_calls": 99}),
        await client.delete(url),
    ]

    assert [response.status_code for response in responses] == [404, 404, 404]
    assert {response.json()["detail"] for response in responses} == {f"goal {goal.id} not found"}
    await session.refresh(goal)
    assert goal.target_calls == 4


async def test_put_changes_only_the_fields_sent(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    goal = await create_goal(
        session,
        founder,
        target_discoveries=5,
        target_emails=20,
        target_videos=3,
        target_calls=10,
    )

    response = await client.put(f"{API}/goals/{goal.id}", json={"target_emails": 25})

    assert response.status_code == 200
    body = response.json()
    assert (
        body["target_discoveries"],
        body["target_emails"],
        body["target_videos"],
        body["target_calls"],
    ) == (5, 25, 3, 10)
    assert body["week_start"] == "2026-11-23"
    fetched = await client.get(f"{API}/goals/{goal.id}")
    assert fetched.json()["target_emails"] == 25


async def test_put_with_an_empty_body_changes_nothing(
    client: httpx.AsyncClient, session: AsyncSession, engine: AsyncEngine, founder: User
) -> None:
    goal = await create_goal(session, founder, target_calls=10)

    with counting_statements(engine) as sent:
        response = await client.put(f"{API}/goals/{goal.id}", json={})

    assert response.status_code == 200
    assert response.json()["target_calls"] == 10
    assert [statement for statement in sent if statement.startswith("UPDATE")] == []


@pytest.mark.parametrize(
    "body",
    [
        {"target_calls": None},
        {"target_emails": -1},
        {"target_emails": 100_001},
        {"target_emails": "25"},
        {"week_start": "2026-11-30"},
        {"notes": "unknown field"},
    ],
)
async def test_invalid_goal_updates_are_422(
    client: httpx.AsyncClient, session: AsyncSession, founder: User, body: dict[str, Any]
) -> None:
    goal = await create_goal(session, founder, target_calls=10, target_emails=20)

    response = await client.put(f"{API}/goals/{goal.id}", json=body)

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", *body]
    await session.refresh(goal)
    assert (goal.target_calls, goal.target_emails) == (10, 20)


async def test_delete_goal(client: httpx.AsyncClient, session: AsyncSession, founder: User) -> None:
    goal = await create_goal(session, founder)
    last_weeks = await create_goal(session, founder, week_start=date(2026, 11, 16))

    deleted = await client.delete(f"{API}/goals/{goal.id}")
    fetched = await client.get(f"{API}/goals/{goal.id}")
    deleted_again = await client.delete(f"{API}/goals/{goal.id}")

    assert deleted.status_code == 204
    assert deleted.content == b""
    assert fetched.status_code == 404
    assert deleted_again.status_code == 404
    assert deleted_again.json() == {"detail": f"goal {goal.id} not found"}
    assert (await client.get(f"{API}/goals/{last_weeks.id}")).status_code == 200


async def test_a_deleted_weeks_goal_can_be_set_again(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    goal = await create_goal(session, founder, week_start=MONDAY)
    await client.delete(f"{API}/goals/{goal.id}")

    response = await client.post(f"{API}/goals", json=goal_body(target_calls=1))

    assert response.status_code == 201


async def test_goal_routes_document_their_errors(anonymous_client: httpx.AsyncClient) -> None:
    paths = (await anonymous_client.get("/openapi.json")).json()["paths"]

    # The router documents what every route shares (401, 403, ...); these are the routes' own.
    documented = {
        (method, path): set(operation["responses"]) & {"200", "201", "204", "404", "409", "422"}
        for path, operations in paths.items()
        if path.startswith(f"{API}/goals")
        for method, operation in operations.items()
    }

    assert documented == {
        ("post", f"{API}/goals"): {"201", "409", "422"},
        ("get", f"{API}/goals"): {"200"},
        ("get", f"{API}/goals/current"): {"200", "404"},
        ("get", f"{API}/goals/{{goal_id}}"): {"200", "404", "422"},
        ("put", f"{API}/goals/{{goal_id}}"): {"200", "404", "422"},
        ("delete", f"{API}/goals/{{goal_id}}"): {"204", "404", "422"},
    }
