"""The /activities endpoints: logging, listing, editing and deleting, with the day's score
kept right by every write."""

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.models import ActivityStatus, ActivityType, User
from app.services.master_admin.activity_service import ActivityService
from tests.clock import TODAY, FixedClock
from tests.committed_app import RacingClient
from tests.factories import create_activity, create_founder, create_prospect, create_user
from tests.helpers import API
from tests.statements import counting_statements


def body(**fields: Any) -> dict[str, Any]:
    return {"type": "discovery", "status": "done", "date": str(TODAY), **fields}


async def score_of(client: httpx.AsyncClient, day: str) -> tuple[int, int, int]:
    """(score, streak_days, activities_count) of `day`, read through the API."""
    monday = date.fromisoformat(day)
    monday -= timedelta(days=monday.weekday())
    week = (await client.get(f"{API}/scores/week", params={"week_start": str(monday)})).json()
    entry = next(entry for entry in week if entry["date"] == day)
    return entry["score"], entry["streak_days"], entry["activities_count"]


# POST /activities


async def test_log_an_activity(client: httpx.AsyncClient, founder: User) -> None:
    response = await client.post(f"{API}/activities", json=body(type="call", amount=2))

    assert response.status_code == 201
    created = response.json()
    assert isinstance(created["id"], int)
    assert {
        name: created[name] for name in created if name not in {"id", "created_at", "updated_at"}
    } == {
        "user_id": founder.id,
        "type": "call",
        "status": "done",
        "date": str(TODAY),
        "amount": 2,
        "notes": None,
        "prospect_id": None,
    }
    assert datetime.fromisoformat(created["created_at"]).tzinfo is not None
    assert datetime.fromisoformat(created["updated_at"]).tzinfo is not None


async def test_amount_defaults_to_one(client: httpx.AsyncClient, founder: User) -> None:
    response = await client.post(f"{API}/activities", json=body())

    assert response.json()["amount"] == 1


async def test_type_alone_logs_one_done_today(client: httpx.AsyncClient, founder: User) -> None:
    created = (await client.post(f"{API}/activities", json={"type": "call"})).json()

    assert (created["type"], created["status"], created["date"], created["amount"]) == (
        "call",
        "done",
        str(TODAY),
        1,
    )
    assert await score_of(client, str(TODAY)) == (20, 1, 1)


async def test_the_default_date_is_the_callers_today(
    client: httpx.AsyncClient, session: AsyncSession, founder: User, clock: FixedClock
) -> None:
    # 2026-11-25 03:00 UTC is still 2026-11-24 in Los Angeles.
    clock.instant = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
    founder.timezone = "America/Los_Angeles"
    await session.flush()

    created = (await client.post(f"{API}/activities", json={"type": "email"})).json()

    assert created["date"] == "2026-11-24"


async def test_logging_scores_the_day_at_once(client: httpx.AsyncClient, founder: User) -> None:
    await client.post(f"{API}/activities", json=body(type="discovery", amount=2))
    await client.post(f"{API}/activities", json=body(type="email", amount=3))
    await client.post(f"{API}/activities", json=body(type="call", amount=9, status="pending"))

    today = await client.get(f"{API}/scores/today")

    assert today.json() == {
        "date": str(TODAY),
        "score": 35,
        "streak_days": 1,
        "activities_count": 2,
    }


@pytest.mark.parametrize(
    ("fields", "loc"),
    [
        ({"type": "sms"}, ["body", "type"]),
        ({"type": None}, ["body", "type"]),
        ({"status": "maybe"}, ["body", "status"]),
        ({"status": None}, ["body", "status"]),
        ({"date": "2026-02-30"}, ["body", "date"]),
        ({"date": None}, ["body", "date"]),
        ({"date": 0}, ["body", "date"]),
        ({"date": "0"}, ["body", "date"]),
        ({"date": "2026-11-25T00:00:00"}, ["body", "date"]),
        ({"date": "0001-01-01"}, ["body", "date"]),
        ({"date": "9999-12-31", "status": "pending"}, ["body", "date"]),
        ({"amount": 0}, ["body", "amount"]),
        ({"amount": 10_001}, ["body", "amount"]),
        ({"amount": None}, ["body", "amount"]),
        ({"amount": 2.5}, ["body", "amount"]),
        ({"amount": 10**30}, ["body", "amount"]),
        ({"amount": True}, ["body", "amount"]),
        ({"amount": "2"}, ["body", "amount"]),
        ({"amount": 2.0}, ["body", "amount"]),
        ({"prospect_id": "1"}, ["body", "prospect_id"]),
        ({"notes": "x" * 10_001}, ["body", "notes"]),
        ({"notes": "nul \x00 inside"}, ["body", "notes"]),
        ({"prospect_id": 0}, ["body", "prospect_id"]),
        ({"prospect_id": 2_147_483_648}, ["body", "prospect_id"]),
        ({"user_id": 1}, ["body", "user_id"]),
    ],
)
async def test_invalid_activities_are_422(
    client: httpx.AsyncClient, founder: User, fields: dict[str, Any], loc: list[str]
) -> None:
    response = await client.post(f"{API}/activities", json=body(**fields))

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == loc
    assert (await client.get(f"{API}/activities")).json() == []


async def test_type_is_required(client: httpx.AsyncClient, founder: User) -> None:
    response = await client.post(f"{API}/activities", json={"status": "done"})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "type"]


async def test_bounds_themselves_are_accepted(client: httpx.AsyncClient, founder: User) -> None:
    response = await client.post(
        f"{API}/activities", json=body(type="email", amount=10_000, notes="n" * 10_000)
    )

    assert response.status_code == 201
    assert await score_of(client, str(TODAY)) == (100, 1, 1)


async def test_a_done_activity_cannot_be_dated_after_today(
    client: httpx.AsyncClient, founder: User
) -> None:
    response = await client.post(f"{API}/activities", json=body(date="2026-11-26"))

    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert (error["loc"], error["msg"]) == (
        ["body", "date"],
        "a done activity cannot be dated after today (2026-11-25 in UTC)",
    )


async def test_the_first_and_last_storable_days_are_accepted(
    client: httpx.AsyncClient, founder: User
) -> None:
    first = await client.post(f"{API}/activities", json=body(date="0001-01-02"))
    last = await client.post(f"{API}/activities", json=body(status="pending", date="9999-12-30"))
    listed = await client.get(f"{API}/activities", params={"date_from": "0001-01-02"})

    assert (first.status_code, last.status_code) == (201, 201)
    assert [activity["date"] for activity in listed.json()] == ["9999-12-30", "0001-01-02"]
    assert (await client.get(f"{API}/scores/streak")).json()["last_active_date"] == "0001-01-02"


async def test_a_pending_activity_may_be_planned_ahead(
    client: httpx.AsyncClient, founder: User
) -> None:
    response = await client.post(
        f"{API}/activities", json=body(status="pending", date="2026-12-01")
    )

    assert response.status_code == 201


async def test_today_is_the_callers_local_date(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    # 11:30 UTC on the 25th is 00:30 on the 26th in Auckland: the 26th is their today.
    await create_founder(session, "Pacific/Auckland")
    clock.instant = datetime(2026, 11, 25, 11, 30, tzinfo=UTC)

    logged = await client.post(f"{API}/activities", json=body(date="2026-11-26"))
    too_early = await client.post(f"{API}/activities", json=body(date="2026-11-27"))
    listed = await client.get(f"{API}/activities/today")

    assert logged.status_code == 201
    assert too_early.status_code == 422
    assert [activity["id"] for activity in listed.json()] == [logged.json()["id"]]


async def test_an_activity_may_name_the_callers_prospect(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    prospect = await create_prospect(session, founder)

    response = await client.post(f"{API}/activities", json=body(prospect_id=prospect.id))

    assert response.status_code == 201
    assert response.json()["prospect_id"] == prospect.id


@pytest.mark.parametrize("whose", ["another users", "nobodys"])
async def test_a_prospect_not_of_the_callers_is_422(
    client: httpx.AsyncClient, session: AsyncSession, founder: User, whose: str
) -> None:
    prospect_id = 2_147_483_647
    if whose == "another users":
        prospect_id = (await create_prospect(session, await create_user(session))).id

    response = await client.post(f"{API}/activities", json=body(prospect_id=prospect_id))

    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert (error["loc"], error["msg"]) == (
        ["body", "prospect_id"],
        f"no prospect {prospect_id} of yours",
    )


async def test_having_prospects_does_not_make_an_unknown_one_mine(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    await create_prospect(session, founder)

    response = await client.post(f"{API}/activities", json=body(prospect_id=2_147_483_647))

    assert response.status_code == 422


# GET /activities


async def test_list_is_newest_first_with_the_total(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    older = await create_activity(session, founder, date=date(2026, 11, 20))
    first_today = await create_activity(session, founder, date=TODAY)
    second_today = await create_activity(session, founder, date=TODAY)
    planned = await create_activity(
        session, founder, date=date(2026, 12, 2), status=ActivityStatus.PENDING
    )
    await create_activity(session, await create_user(session))

    response = await client.get(f"{API}/activities")

    assert response.status_code == 200
    assert response.headers["X-Total-Count"] == "4"
    assert [activity["id"] for activity in response.json()] == [
        planned.id,
        second_today.id,
        first_today.id,
        older.id,
    ]


async def test_list_pages_with_limit_and_offset(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    ids = [
        (await create_activity(session, founder, date=date(2026, 11, day))).id
        for day in range(1, 8)
    ]

    page = await client.get(f"{API}/activities", params={"limit": 3, "offset": 2})
    beyond = await client.get(f"{API}/activities", params={"offset": 100})

    assert [activity["id"] for activity in page.json()] == [ids[4], ids[3], ids[2]]
    assert page.headers["X-Total-Count"] == "7"
    assert beyond.json() == []
    assert beyond.headers["X-Total-Count"] == "7"


async def test_list_returns_at_most_100_by_default(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    for _ in range(101):
        await create_activity(session, founder)

    default = await client.get(f"{API}/activities")
    largest = await client.get(f"{API}/activities", params={"limit": 500})

    assert len(default.json()) == 100
    assert len(largest.json()) == 101
    assert default.headers["X-Total-Count"] == "101"


async def test_list_filters(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    early_call = await create_activity(
        session, founder, date=date(2026, 11, 2), type=ActivityType.CALL
    )
    call = await create_activity(session, founder, date=date(2026, 11, 10), type=ActivityType.CALL)
    email = await create_activity(
        session, founder, date=date(2026, 11, 12), type=ActivityType.EMAIL
    )
    pending_call = await create_activity(
        session,
        founder,
        date=date(2026, 11, 14),
        type=ActivityType.CALL,
        status=ActivityStatus.PENDING,
    )
    await create_activity(session, founder, date=date(2026, 11, 20), type=ActivityType.CALL)

    async def listed(**params: str) -> tuple[list[int], str]:
        response = await client.get(f"{API}/activities", params=params)
        return [activity["id"] for activity in response.json()], response.headers["X-Total-Count"]

    in_range = {"date_from": "2026-11-10", "date_to": "2026-11-14"}
    assert await listed(**in_range) == ([pending_call.id, email.id, call.id], "3")
    assert await listed(**in_range, type="call") == ([pending_call.id, call.id], "2")
    assert await listed(**in_range, type="call", status="done") == ([call.id], "1")
    assert await listed(date_to="2026-11-10", type="call") == ([call.id, early_call.id], "2")
    assert await listed(date_from="2026-11-12", date_to="2026-11-12") == ([email.id], "1")
    assert await listed(status="cancelled") == ([], "0")


async def test_a_date_range_that_ends_before_it_starts_says_so(
    client: httpx.AsyncClient, founder: User
) -> None:
    params = {"date_from": "2026-11-02", "date_to": "2026-11-01"}
    response = await client.get(f"{API}/activities", params=params)

    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert (error["loc"], error["msg"]) == (["query", "date_to"], "must be on or after date_from")


async def test_the_service_lists_the_first_hundred_by_default(
    session: AsyncSession, clock: FixedClock, founder: User
) -> None:
    ids = [(await create_activity(session, founder)).id for _ in range(101)]

    page, total = await ActivityService(session, clock).list_activities(founder)

    assert [activity["id"] for activity in json.loads(page)] == ids[:0:-1]
    assert total == 101


@pytest.mark.parametrize(
    ("params", "loc"),
    [
        ({"type": "sms"}, ["query", "type"]),
        ({"status": "finished"}, ["query", "status"]),
        ({"date_from": "yesterday"}, ["query", "date_from"]),
        ({"date_to": "2026-13-01"}, ["query", "date_to"]),
        ({"date_to": "0"}, ["query", "date_to"]),
        ({"date_from": "1700000000"}, ["query", "date_from"]),
        ({"date_from": "0001-01-01"}, ["query", "date_from"]),
        ({"date_from": "2026-11-02", "date_to": "2026-11-01"}, ["query", "date_to"]),
        ({"limit": "0"}, ["query", "limit"]),
        ({"limit": "501"}, ["query", "limit"]),
        ({"offset": "-1"}, ["query", "offset"]),
        ({"offset": str(2**63)}, ["query", "offset"]),
    ],
)
async def test_invalid_list_parameters_are_422(
    client: httpx.AsyncClient, founder: User, params: dict[str, str], loc: list[str]
) -> None:
    response = await client.get(f"{API}/activities", params=params)

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == loc


# GET /activities/today


async def test_today_lists_every_status_of_today_newest_first(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    done = await create_activity(session, founder, date=TODAY)
    cancelled = await create_activity(session, founder, date=TODAY, status=ActivityStatus.CANCELLED)
    await create_activity(session, founder, date=date(2026, 11, 24))
    await create_activity(session, founder, date=date(2026, 11, 26), status=ActivityStatus.PENDING)
    await create_activity(session, await create_user(session), date=TODAY)

    response = await client.get(f"{API}/activities/today")

    assert response.status_code == 200
    assert [activity["id"] for activity in response.json()] == [cancelled.id, done.id]


async def test_today_is_empty_without_activities(client: httpx.AsyncClient, founder: User) -> None:
    response = await client.get(f"{API}/activities/today")

    assert response.status_code == 200
    assert response.json() == []


@pytest.mark.parametrize("method", ["PUT", "DELETE"])
async def test_today_is_not_an_activity_id(
    client: httpx.AsyncClient, founder: User, method: str
) -> None:
    response = await client.request(method, f"{API}/activities/today", json={})

    assert response.status_code == 405


# GET /activities/{id}


async def test_get_an_activity(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    activity = await create_activity(session, founder, notes="Intro call with Acme")

    response = await client.get(f"{API}/activities/{activity.id}")

    assert response.status_code == 200
    assert response.json()["notes"] == "Intro call with Acme"


async def test_another_users_activity_is_404_for_every_method(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    theirs = await create_activity(session, await create_user(session), amount=3)
    url = f"{API}/activities/{theirs.id}"

    responses = [
        await client.get(url),
        await client.put(url, json={"amount": 9}),
        await client.delete(url),
    ]

    assert [response.status_code for response in responses] == [404, 404, 404]
    await session.refresh(theirs)
    assert theirs.amount == 3


# PUT /activities/{id}


async def test_put_changes_only_the_fields_sent(client: httpx.AsyncClient, founder: User) -> None:
    created = (
        await client.post(f"{API}/activities", json=body(type="email", amount=2, notes="Hi"))
    ).json()

    response = await client.put(f"{API}/activities/{created['id']}", json={"amount": 4})

    assert response.status_code == 200
    updated = response.json()
    assert (updated["type"], updated["amount"], updated["notes"], updated["date"]) == (
        "email",
        4,
        "Hi",
        str(TODAY),
    )
    assert await score_of(client, str(TODAY)) == (20, 1, 1)


async def test_put_moving_an_activity_rescores_both_days(
    client: httpx.AsyncClient, founder: User
) -> None:
    moved = (
        await client.post(f"{API}/activities", json=body(date="2026-11-23", type="call"))
    ).json()
    await client.post(f"{API}/activities", json=body(date="2026-11-23", type="email"))

    response = await client.put(
        f"{API}/activities/{moved['id']}", json={"date": "2026-11-24", "amount": 2}
    )

    assert response.status_code == 200
    assert await score_of(client, "2026-11-23") == (5, 1, 1)
    assert await score_of(client, "2026-11-24") == (40, 2, 1)


async def test_put_with_an_empty_body_changes_nothing(
    client: httpx.AsyncClient, session: AsyncSession, engine: AsyncEngine, founder: User
) -> None:
    activity = await create_activity(session, founder, amount=3, notes="kept")

    with counting_statements(engine) as sent:
        response = await client.put(f"{API}/activities/{activity.id}", json={})

    assert response.status_code == 200
    assert (response.json()["amount"], response.json()["notes"]) == (3, "kept")
    assert [statement for statement in sent if statement.startswith("UPDATE")] == []


async def test_a_put_of_notes_alone_rescores_nothing(
    client: httpx.AsyncClient, session: AsyncSession, engine: AsyncEngine, founder: User
) -> None:
    activity = await create_activity(session, founder, notes="before")

    with counting_statements(engine) as sent:
        response = await client.put(f"{API}/activities/{activity.id}", json={"notes": "after"})

    assert response.json()["notes"] == "after"
    assert [statement for statement in sent if "admin_scores" in statement] == []


async def test_an_update_answers_with_the_updated_at_it_stored(racing_client: RacingClient) -> None:
    """Separate transactions, so the database's clock moves between the two writes."""
    async with racing_client() as (client, _):
        created = (await client.post(f"{API}/activities", json=body())).json()
        updated = (await client.put(f"{API}/activities/{created['id']}", json={"amount": 2})).json()
        stored = (await client.get(f"{API}/activities/{created['id']}")).json()

    assert updated == stored
    assert datetime.fromisoformat(updated["updated_at"]) > datetime.fromisoformat(
        created["updated_at"]
    )


async def test_put_null_clears_notes_and_prospect(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    prospect = await create_prospect(session, founder)
    activity = await create_activity(session, founder, notes="Follow up", prospect_id=prospect.id)

    response = await client.put(
        f"{API}/activities/{activity.id}", json={"notes": None, "prospect_id": None}
    )

    assert response.status_code == 200
    assert (response.json()["notes"], response.json()["prospect_id"]) == (None, None)


async def test_put_may_set_the_callers_prospect(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    prospect = await create_prospect(session, founder)
    activity = await create_activity(session, founder)

    response = await client.put(
        f"{API}/activities/{activity.id}", json={"prospect_id": prospect.id}
    )

    assert response.json()["prospect_id"] == prospect.id


@pytest.mark.parametrize(
    "update",
    [
        {"type": None},
        {"status": None},
        {"date": None},
        {"amount": None},
        {"amount": 0},
        {"amount": 10_001},
        {"amount": False},
        {"amount": "4"},
        {"type": "sms"},
        {"date": "0001-01-01"},
        {"date": 20261125},
        {"notes": "x" * 10_001},
        {"notes": "\x00"},
        {"prospect_id": 2_147_483_648},
        {"user_id": 2},
    ],
)
async def test_invalid_updates_are_422_and_change_nothing(
    client: httpx.AsyncClient, session: AsyncSession, founder: User, update: dict[str, Any]
) -> None:
    activity = await create_activity(session, founder, amount=3, notes="kept")

    response = await client.put(f"{API}/activities/{activity.id}", json=update)

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", *update]
    fetched = (await client.get(f"{API}/activities/{activity.id}")).json()
    assert (fetched["amount"], fetched["notes"]) == (3, "kept")


async def test_put_refuses_a_done_activity_after_today(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    planned = await create_activity(
        session, founder, date=date(2026, 11, 27), status=ActivityStatus.PENDING
    )

    response = await client.put(f"{API}/activities/{planned.id}", json={"status": "done"})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "date"]


async def test_put_refuses_another_users_prospect(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    theirs = await create_prospect(session, await create_user(session))
    activity = await create_activity(session, founder)

    response = await client.put(f"{API}/activities/{activity.id}", json={"prospect_id": theirs.id})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "prospect_id"]


async def test_put_of_a_planned_activity_leaves_scores_alone(
    client: httpx.AsyncClient, founder: User
) -> None:
    planned = (
        await client.post(f"{API}/activities", json=body(status="pending", date="2026-11-30"))
    ).json()

    response = await client.put(
        f"{API}/activities/{planned['id']}", json={"type": "video", "date": "2026-12-01"}
    )

    assert response.status_code == 200
    assert await score_of(client, "2026-11-30") == (0, 0, 0)
    assert (await client.get(f"{API}/scores/streak")).json()["last_active_date"] is None


# DELETE /activities/{id}


async def test_delete_an_activity_and_its_points(client: httpx.AsyncClient, founder: User) -> None:
    call = (await client.post(f"{API}/activities", json=body(type="call"))).json()
    await client.post(f"{API}/activities", json=body(type="video"))

    deleted = await client.delete(f"{API}/activities/{call['id']}")

    assert deleted.status_code == 204
    assert deleted.content == b""
    assert (await client.get(f"{API}/activities/{call['id']}")).status_code == 404
    assert (await client.get(f"{API}/activities/{call['id']}")).json() == {
        "detail": f"activity {call['id']} not found"
    }
    deleted_again = await client.delete(f"{API}/activities/{call['id']}")
    assert deleted_again.status_code == 404
    assert deleted_again.json() == {"detail": f"activity {call['id']} not found"}
    assert await score_of(client, str(TODAY)) == (15, 1, 1)


# Documentation and access


async def test_activity_routes_document_their_errors(anonymous_client: httpx.AsyncClient) -> None:
    paths = (await anonymous_client.get("/openapi.json")).json()["paths"]

    # The router documents what every route shares (401, 403, ...); these are the routes' own.
    documented = {
        (method, path): set(operation["responses"]) & {"200", "201", "204", "404", "409", "422"}
        for path, operations in paths.items()
        if path.startswith(f"{API}/activities")
        for method, operation in operations.items()
    }

    assert documented == {
        ("post", f"{API}/activities"): {"201", "422"},
        ("get", f"{API}/activities"): {"200", "422"},
        ("get", f"{API}/activities/export.csv"): {"200", "422"},
        ("get", f"{API}/activities/today"): {"200"},
        ("get", f"{API}/activities/{{activity_id}}"): {"200", "404", "422"},
        ("put", f"{API}/activities/{{activity_id}}"): {"200", "404", "422"},
        ("delete", f"{API}/activities/{{activity_id}}"): {"204", "404", "422"},
    }
