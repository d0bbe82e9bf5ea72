"""Prospects: create, list (filters, search, sorts, pages), edit, delete; the lead score
and last activity date computed when read."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import (
    ActivityStatus,
    ActivityType,
    AdminActivity,
    AdminDeal,
    AdminProspect,
    AdminScore,
    ProspectStatus,
    User,
)
from app.schemas.master_admin.prospects import AdminProspectCreate
from app.services.master_admin.prospect_service import ProspectService
from tests.clock import TODAY, FixedClock
from tests.factories import create_activity, create_founder, create_prospect, create_user
from tests.helpers import API, ClientWith

PROSPECTS = f"{API}/prospects"


def days_ago(days: int) -> str:
    return str(TODAY - timedelta(days=days))


async def new_prospect(client: httpx.AsyncClient, **fields: Any) -> dict[str, Any]:
    response = await client.post(PROSPECTS, json={"name": "Ada Lovelace", **fields})
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def log(
    client: httpx.AsyncClient, prospect_id: int | None, kind: str, day: str, **fields: Any
) -> None:
    activity = {"type": kind, "status": "done", "date": day, "prospect_id": prospect_id}
    response = await client.post(f"{API}/activities", json=activity | fields)
    assert response.status_code == 201, response.text


async def scored(client: httpx.AsyncClient, prospect_id: int) -> tuple[Any, ...]:
    body = (await client.get(f"{PROSPECTS}/{prospect_id}")).json()
    return body["lead_score"], body["lead_score_breakdown"], body["last_activity_date"]


async def test_a_prospect_is_created_with_every_field_and_read_back(
    client: httpx.AsyncClient,
) -> None:
    sent = {
        "name": "Grace Hopper",
        "email": "grace@Navy.MIL",
        "phone": "+1 555 0100",
        "company": "US Navy",
        "title": "Rear Admiral",
        "status": "qualified",
        "source": "referral",
        "tags": ["cobol", "navy"],
        "notes": "Met at the conference",
    }

    created = await client.post(PROSPECTS, json=sent)

    assert created.status_code == 201
    body = created.json()
    # The domain is normalised to lower case; the local part is kept as written.
    assert {name: body[name] for name in sent} == sent | {"email": "grace@navy.mil"}
    assert body["lead_score"] == 10  # qualified, no activity yet
    assert body["lead_score_breakdown"] == {"stage": 10, "engagement": 0.0}
    assert body["last_activity_date"] is None
    assert (await client.get(f"{PROSPECTS}/{body['id']}")).json() == body


async def test_only_the_name_is_required(client: httpx.AsyncClient) -> None:
    body = await new_prospect(client)

    assert {name: body[name] for name in ("status", "tags", "email", "notes")} == {
        "status": "new",
        "tags": [],
        "email": None,
        "notes": None,
    }
    assert (body["lead_score"], body["lead_score_breakdown"]) == (
        0,
        {"stage": 0, "engagement": 0.0},
    )


async def test_the_lead_score_follows_the_contracts_examples(client: httpx.AsyncClient) -> None:
    prospect = await new_prospect(client, status="engaged")
    await log(client, prospect["id"], "call", days_ago(0))
    await log(client, prospect["id"], "call", days_ago(14))

    # 20 + 20 x 0.5 = 30.0 of engagement; engaged is 20: 50.
    assert await scored(client, prospect["id"]) == (
        50,
        {"stage": 20, "engagement": 30.0},
        str(TODAY),
    )

    await log(client, prospect["id"], "discovery", days_ago(7))
    # + 10 x 0.5^0.5 = 7.0711: 37.07, and 57.07 rounds to 57.
    assert await scored(client, prospect["id"]) == (
        57,
        {"stage": 20, "engagement": 37.07},
        str(TODAY),
    )

    closed = await client.put(f"{PROSPECTS}/{prospect['id']}", json={"status": "closed_won"})
    assert (closed.json()["lead_score"], closed.json()["lead_score_breakdown"]) == (
        0,
        {"stage": 0, "engagement": 0.0},
    )


@pytest.mark.parametrize(
    ("status", "stage"),
    [("new", 0), ("qualified", 10), ("engaged", 20), ("proposal", 30), ("negotiation", 40)],
)
async def test_each_open_status_has_its_stage_points(
    client: httpx.AsyncClient, status: str, stage: int
) -> None:
    prospect = await new_prospect(client, status=status)
    await log(client, prospect["id"], "email", days_ago(0), amount=2)

    assert await scored(client, prospect["id"]) == (
        stage + 10,
        {"stage": stage, "engagement": 10.0},
        str(TODAY),
    )


async def test_a_closed_lost_prospect_scores_zero_whatever_its_activity(
    client: httpx.AsyncClient,
) -> None:
    prospect = await new_prospect(client, status="closed_lost")
    await log(client, prospect["id"], "call", days_ago(0), amount=3)

    assert await scored(client, prospect["id"]) == (0, {"stage": 0, "engagement": 0.0}, str(TODAY))


async def test_the_score_rounds_half_up(client: httpx.AsyncClient) -> None:
    prospect = await new_prospect(client, status="qualified")
    await log(client, prospect["id"], "email", days_ago(14))

    # 10 + 5 x 0.5 = 12.5: 13 (half to even would say 12).
    assert await scored(client, prospect["id"]) == (
        13,
        {"stage": 10, "engagement": 2.5},
        days_ago(14),
    )


async def test_engagement_is_capped_at_sixty(client: httpx.AsyncClient) -> None:
    prospect = await new_prospect(client, status="negotiation")
    await log(client, prospect["id"], "video", days_ago(1), amount=10)

    assert await scored(client, prospect["id"]) == (
        100,
        {"stage": 40, "engagement": 60.0},
        days_ago(1),
    )


async def test_only_done_activities_count_and_the_last_one_dates_the_prospect(
    client: httpx.AsyncClient,
) -> None:
    prospect = await new_prospect(client)
    await log(client, prospect["id"], "call", days_ago(28))
    await log(client, prospect["id"], "call", days_ago(0), status="pending")
    await log(client, prospect["id"], "call", days_ago(2), status="cancelled")
    await log(client, None, "email", days_ago(5))

    # 20 x 0.5^2 = 5.0; the pending call (today) dates nothing.
    assert await scored(client, prospect["id"]) == (
        5,
        {"stage": 0, "engagement": 5.0},
        days_ago(28),
    )


async def test_an_activity_dated_after_today_counts_as_of_today(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    """A done activity can end up ahead of the caller's today when they move west: its
    age counts as 0, not as a negative number that would inflate it."""
    user = await create_founder(session)
    prospect = await create_prospect(session, user)
    await create_activity(
        session,
        user,
        prospect_id=prospect.id,
        type=ActivityType.CALL,
        date=TODAY + timedelta(days=1),
    )

    assert await scored(client, prospect.id) == (
        20,
        {"stage": 0, "engagement": 20.0},
        str(TODAY + timedelta(days=1)),
    )


async def test_the_score_is_never_stale_it_decays_with_the_clock(
    client: httpx.AsyncClient, clock: FixedClock
) -> None:
    prospect = await new_prospect(client)
    await log(client, prospect["id"], "call", days_ago(0))
    assert (await scored(client, prospect["id"]))[0] == 20

    clock.instant += timedelta(days=28)

    assert (await scored(client, prospect["id"]))[0] == 5  # 20 x 0.5^2


async def test_the_score_uses_the_configured_weights(
    client_with: ClientWith, bearer: Callable[..., dict[str, str]]
) -> None:
    async with client_with(activity_weights={"call": 30}) as client:
        client.headers.update(bearer())
        prospect = await new_prospect(client)
        await log(client, prospect["id"], "call", days_ago(0))

        assert (await scored(client, prospect["id"]))[0] == 30


# Email: unique per user, ignoring case.


async def test_a_second_prospect_with_the_same_email_is_409_and_changes_nothing(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await new_prospect(client, email="ada@example.com")

    response = await client.post(PROSPECTS, json={"name": "Ada again", "email": "ADA@example.COM"})

    assert response.status_code == 409
    assert "ada@example.com" in response.json()["detail"].lower()
    assert await session.scalar(select(func.count()).select_from(AdminProspect)) == 1
    # The request's transaction is still usable: the caller can go on.
    assert (await client.get(PROSPECTS)).headers["X-Total-Count"] == "1"


async def test_another_users_prospect_may_share_the_email(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    other = await create_user(session)
    await create_prospect(session, other, email="ada@example.com")

    await new_prospect(client, email="ada@example.com")


async def test_changing_the_email_to_one_in_use_is_409_and_changes_nothing(
    client: httpx.AsyncClient,
) -> None:
    await new_prospect(client, email="ada@example.com")
    other = await new_prospect(client, name="Bob", email="bob@example.com")

    response = await client.put(
        f"{PROSPECTS}/{other['id']}", json={"email": "Ada@Example.com", "name": "Bobby"}
    )

    assert response.status_code == 409
    assert response.json() == {
        "detail": "you already have a prospect with the email Ada@example.com"
    }
    kept = (await client.get(f"{PROSPECTS}/{other['id']}")).json()
    assert (kept["email"], kept["name"]) == ("bob@example.com", "Bob")


async def test_a_constraint_other_than_the_email_still_fails_loudly(
    session: AsyncSession, clock: FixedClock
) -> None:
    """Only the email index's refusal is a conflict: another one is a bug, not a 409."""
    nobody = User(id=2_000_000_000, timezone="UTC")  # no such row

    with pytest.raises(IntegrityError, match="fk_admin_prospects_user_id_users"):
        await ProspectService(session, clock).create_prospect(
            nobody, AdminProspectCreate(name="Ada", email="ada@example.com")
        )


# Editing and deleting.


async def test_an_update_changes_the_fields_sent_and_null_clears_the_optional_ones(
    client: httpx.AsyncClient,
) -> None:
    prospect = await new_prospect(
        client, email="ada@example.com", company="Analytical", tags=["math"], notes="n", phone="1"
    )

    response = await client.put(
        f"{PROSPECTS}/{prospect['id']}",
        json={"email": None, "company": None, "tags": None, "notes": None, "status": "engaged"},
    )

    assert response.status_code == 200
    body = response.json()
    assert {
        name: body[name]
        for name in ("name", "email", "company", "tags", "notes", "phone", "status")
    } == {
        "name": "Ada Lovelace",
        "email": None,
        "company": None,
        "tags": [],
        "notes": None,
        "phone": "1",
        "status": "engaged",
    }
    assert body["lead_score"] == 20


async def test_an_empty_update_changes_nothing(client: httpx.AsyncClient) -> None:
    prospect = await new_prospect(client)

    response = await client.put(f"{PROSPECTS}/{prospect['id']}", json={})

    assert response.status_code == 200
    assert response.json() == prospect


@pytest.mark.parametrize(
    "body", [{"name": None}, {"status": None}, {"name": ""}, {"status": "won"}, {"user_id": 2}]
)
async def test_an_update_refuses_bad_fields(
    client: httpx.AsyncClient, body: dict[str, Any]
) -> None:
    prospect = await new_prospect(client)

    response = await client.put(f"{PROSPECTS}/{prospect['id']}", json=body)

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][:2] == ["body", next(iter(body))]
    assert (await client.get(f"{PROSPECTS}/{prospect['id']}")).json() == prospect


async def test_unknown_prospects_are_404(client: httpx.AsyncClient) -> None:
    for method, body in (("GET", None), ("PUT", {"name": "x"}), ("PUT", {}), ("DELETE", None)):
        response = await client.request(method, f"{PROSPECTS}/999999", json=body)
        assert response.status_code == 404, (method, body)
        assert response.json() == {"detail": "prospect 999999 not found"}, (method, body)


async def test_deleting_a_prospect_deletes_its_deals_and_unlinks_its_activities(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    prospect = await new_prospect(client)
    kept = await new_prospect(client, name="Kept")
    await log(client, prospect["id"], "call", days_ago(0))
    await log(client, kept["id"], "email", days_ago(0))
    for target in (prospect, kept):
        deal = {"prospect_id": target["id"], "title": "Licence", "value": 1000}
        assert (await client.post(f"{API}/deals", json=deal)).status_code == 201
    scores_before = (await session.execute(select(AdminScore.date, AdminScore.score))).all()

    response = await client.delete(f"{PROSPECTS}/{prospect['id']}")

    assert response.status_code == 204
    assert (await client.get(f"{PROSPECTS}/{prospect['id']}")).status_code == 404
    deals = (await session.execute(select(AdminDeal.prospect_id))).scalars().all()
    assert deals == [kept["id"]]
    activities = (
        await session.execute(
            select(AdminActivity.type, AdminActivity.prospect_id).order_by(AdminActivity.id)
        )
    ).all()
    assert activities == [(ActivityType.CALL, None), (ActivityType.EMAIL, kept["id"])]
    assert (await session.execute(select(AdminScore.date, AdminScore.score))).all() == scores_before
    assert scores_before == [(TODAY, 25)]


# The list.


@pytest.fixture
async def book(client: httpx.AsyncClient) -> dict[str, int]:
    """Four prospects, created in this order (so newest first is the reverse)."""
    ids = {}
    for name, fields in (
        (
            "Ada",
            {
                "email": "ada@analytical.org",
                "company": "Analytical",
                "status": "engaged",
                "tags": ["vip", "math"],
            },
        ),
        (
            "Bob",
            {"email": "bob@acme.com", "company": "ACME 100%", "status": "new", "tags": ["vip"]},
        ),
        ("Cy", {"company": "Cyberdyne", "status": "qualified"}),
        ("Di", {"email": "di@acme.com", "status": "closed_won"}),
    ):
        ids[name] = (await new_prospect(client, name=name, **fields))["id"]
    await log(client, ids["Cy"], "call", days_ago(3))  # qualified 10 + 20 x 0.5^(3/14) = 27
    await log(client, ids["Ada"], "email", days_ago(1))  # engaged 20 + 5 x 0.5^(1/14) = 25
    await log(client, ids["Di"], "call", days_ago(0))  # closed: 0
    return ids


async def names(client: httpx.AsyncClient, **params: Any) -> tuple[list[str], str]:
    response = await client.get(PROSPECTS, params=params)
    assert response.status_code == 200, response.text
    return [p["name"] for p in response.json()], response.headers["X-Total-Count"]


async def test_the_list_is_newest_first_with_scores(
    client: httpx.AsyncClient, book: dict[str, int]
) -> None:
    response = await client.get(PROSPECTS)

    body = response.json()
    assert [p["name"] for p in body] == ["Di", "Cy", "Bob", "Ada"]
    assert [p["lead_score"] for p in body] == [0, 27, 0, 25]
    assert [p["last_activity_date"] for p in body] == [days_ago(0), days_ago(3), None, days_ago(1)]
    assert "lead_score_breakdown" not in body[0]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"sort": "name"}, ["Ada", "Bob", "Cy", "Di"]),
        ({"sort": "-lead_score"}, ["Cy", "Ada", "Di", "Bob"]),  # ties: newest first
        ({"sort": "-last_activity_date"}, ["Di", "Ada", "Cy", "Bob"]),  # never active last
        ({"status": ["new", "closed_won"]}, ["Di", "Bob"]),
        ({"status": "engaged"}, ["Ada"]),
        ({"tag": "vip"}, ["Bob", "Ada"]),
        ({"tag": "VIP"}, []),
        ({"q": "ACME"}, ["Di", "Bob"]),  # company or email, any case
        ({"q": "analytical.ORG"}, ["Ada"]),
        ({"q": "cy"}, ["Cy"]),  # the name (and Cyberdyne)
        ({"q": "%"}, ["Bob"]),  # a literal percent sign, not a wildcard
        ({"q": "_"}, []),
        ({"q": "bob acme"}, []),  # no match across two fields
        ({"q": "bob@acme.com"}, ["Bob"]),
        ({"q": "acme", "tag": "vip", "status": "new"}, ["Bob"]),
    ],
)
async def test_the_list_filters_searches_and_sorts(
    client: httpx.AsyncClient, book: dict[str, int], params: dict[str, Any], expected: list[str]
) -> None:
    assert await names(client, **params) == (expected, str(len(expected)))


async def test_the_search_takes_slashes_and_underscores_literally(
    client: httpx.AsyncClient,
) -> None:
    for name in ("a/b", "ab", "a_c", "axc"):
        await new_prospect(client, name=name)

    assert await names(client, q="a/b") == (["a/b"], "1")
    assert await names(client, q="a_c") == (["a_c"], "1")


async def test_the_list_pages_and_counts_every_match(
    client: httpx.AsyncClient, book: dict[str, int]
) -> None:
    assert await names(client, sort="name", limit=2, offset=1) == (["Bob", "Cy"], "4")
    assert await names(client, sort="name", limit=2, offset=4) == ([], "4")


@pytest.mark.parametrize(
    ("sort", "second_and_third"),
    [("-lead_score", ["Ada", "Di"]), ("-last_activity_date", ["Ada", "Cy"])],
)
async def test_a_list_ordered_by_a_score_counts_every_match_not_the_page(
    client: httpx.AsyncClient, book: dict[str, int], sort: str, second_and_third: list[str]
) -> None:
    """These orders count their matches over the scored rows (a window), not by a
    second search: the count is still every match, past the page and past the end."""
    assert await names(client, sort=sort, limit=2, offset=1) == (second_and_third, "4")
    assert await names(client, sort=sort, q="acme", limit=1) == (["Di"], "2")
    assert await names(client, sort=sort, limit=2, offset=4) == ([], "4")


async def test_another_users_prospect_is_404_to_change_or_delete_and_stays_as_it_was(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    other = await create_user(session)
    theirs = await create_prospect(session, other, name="Theirs")

    changed = await client.put(f"{PROSPECTS}/{theirs.id}", json={"name": "Mine now"})
    deleted = await client.delete(f"{PROSPECTS}/{theirs.id}")

    assert (changed.status_code, deleted.status_code) == (404, 404)
    await session.refresh(theirs)
    assert theirs.name == "Theirs"


async def test_by_name_namesakes_come_in_the_order_they_were_added(
    client: httpx.AsyncClient,
) -> None:
    first, second = [(await new_prospect(client, name="Ada"))["id"] for _ in range(2)]

    listed = (await client.get(PROSPECTS, params={"sort": "name"})).json()

    assert [prospect["id"] for prospect in listed] == [first, second]


async def test_the_lead_score_counts_days_in_the_callers_time_zone(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    """30 November, 20:00 UTC, is 1 December in Auckland: a call of 30 November is a day
    old there (in UTC it would be today's)."""
    await create_founder(session, "Pacific/Auckland")
    clock.instant = datetime(2026, 11, 30, 20, tzinfo=UTC)
    prospect = await new_prospect(client, status="engaged")
    await log(client, prospect["id"], "call", "2026-11-30")

    listed = (await client.get(PROSPECTS)).json()

    # engaged 20 + call 20 x 0.5^(1/14) = 20 + 19.03 -> 39 (40 if the call were today's)
    assert [p["lead_score"] for p in listed] == [39]


async def test_the_list_shows_only_the_callers_prospects(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    other = await create_user(session)
    await create_prospect(session, other, name="Theirs", status=ProspectStatus.NEW)

    assert await names(client) == ([], "0")


@pytest.mark.parametrize(
    "params",
    [
        {"status": "won"},
        {"sort": "lead_score"},
        {"sort": "-name"},
        {"limit": 0},
        {"limit": 501},
        {"offset": -1},
        {"tag": ""},
        {"tag": "x" * 51},
        {"q": "x" * 256},
        {"q": "a\x00b"},
        {"q": "a\x1fb"},
        {"tag": "a\x00"},
    ],
)
async def test_bad_list_parameters_are_422(
    client: httpx.AsyncClient, params: dict[str, Any]
) -> None:
    response = await client.get(PROSPECTS, params=params)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][:2] == ["query", next(iter(params))]


# Bodies.


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "name"),
        ({"name": ""}, "name"),
        ({"name": "x" * 256}, "name"),
        ({"name": "a\x00b"}, "name"),
        ({"name": "A", "email": "not an address"}, "email"),
        ({"name": "A", "email": "a@localhost"}, "email"),
        ({"name": "A", "email": "a" * 310 + "@example.com"}, "email"),
        ({"name": "A", "phone": "1" * 51}, "phone"),
        ({"name": "A", "company": "x" * 256}, "company"),
        ({"name": "A", "title": "x" * 256}, "title"),
        ({"name": "A", "source": "x" * 101}, "source"),
        ({"name": "A", "status": "contacted"}, "status"),
        ({"name": "A", "tags": ["a", "a"]}, "tags"),
        ({"name": "A", "tags": [""]}, "tags"),
        ({"name": "A", "tags": ["x" * 51]}, "tags"),
        ({"name": "A", "tags": [str(n) for n in range(21)]}, "tags"),
        ({"name": "A", "tags": "vip"}, "tags"),
        ({"name": "A", "tags": None}, "tags"),
        ({"name": "A", "notes": "x" * 10_001}, "notes"),
        ({"name": "A", "lead_score": 99}, "lead_score"),
    ],
)
async def test_bad_bodies_are_422_and_create_nothing(
    client: httpx.AsyncClient, body: dict[str, Any], field: str
) -> None:
    response = await client.post(PROSPECTS, json=body)

    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"][:2] == ["body", field]
    assert await names(client) == ([], "0")


async def test_twenty_distinct_tags_are_fine(client: httpx.AsyncClient) -> None:
    tags = [f"t{n}" for n in range(20)]
    assert (await new_prospect(client, tags=tags))["tags"] == tags


# Activities by prospect.


async def test_activities_can_be_listed_by_prospect(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    ada = await new_prospect(client)
    bob = await new_prospect(client, name="Bob")
    await log(client, ada["id"], "call", days_ago(2))
    await log(client, bob["id"], "email", days_ago(1))
    await log(client, ada["id"], "video", days_ago(0), status="pending")
    await log(client, None, "email", days_ago(0))

    response = await client.get(f"{API}/activities", params={"prospect_id": ada["id"]})

    assert response.headers["X-Total-Count"] == "2"
    assert [(a["type"], a["date"]) for a in response.json()] == [
        ("video", days_ago(0)),
        ("call", days_ago(2)),
    ]
    assert all(a["prospect_id"] == ada["id"] for a in response.json())
    other = await create_user(session)
    theirs = await create_prospect(session, other)
    await create_activity(session, other, prospect_id=theirs.id, status=ActivityStatus.DONE)
    assert (await client.get(f"{API}/activities", params={"prospect_id": theirs.id})).json() == []
