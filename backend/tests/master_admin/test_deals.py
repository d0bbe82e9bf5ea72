"""Deals: stages with their probabilities, closing days and history; money exact."""

from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import delete, func, select, text, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.models import AdminDeal, AdminDealStageChange, DealStage, User
from app.schemas.master_admin.deals import AdminDealUpdate
from app.services.master_admin.deal_service import DealService
from tests.clock import TODAY, FixedClock, utc
from tests.committed_app import unique_clerk_id
from tests.factories import create_deal, create_founder, create_prospect, create_user
from tests.helpers import API

DEALS = f"{API}/deals"


@pytest.fixture
async def prospect_id(session: AsyncSession) -> int:
    user = await create_founder(session)
    return (await create_prospect(session, user)).id


async def new_deal(client: httpx.AsyncClient, prospect_id: int, **fields: Any) -> dict[str, Any]:
    response = await client.post(
        DEALS, json={"prospect_id": prospect_id, "title": "Licence", "value": 1000, **fields}
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def move(client: httpx.AsyncClient, deal_id: int, **fields: Any) -> dict[str, Any]:
    response = await client.put(f"{DEALS}/{deal_id}", json=fields)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_a_deal_walks_the_stages_as_the_contract_says(
    client: httpx.AsyncClient, prospect_id: int, clock: FixedClock
) -> None:
    deal = await new_deal(client, prospect_id, value=250_000)
    assert (deal["stage"], deal["probability"], deal["value"], deal["closed_on"]) == (
        "discovery",
        10,
        250_000,
        None,
    )

    moved = await move(client, deal["id"], stage="proposal")
    assert (moved["probability"], moved["closed_on"]) == (40, None)

    clock.instant = utc(TODAY, 16)
    won = await move(client, deal["id"], stage="won")
    assert (won["probability"], won["closed_on"]) == (100, str(TODAY))

    clock.instant = utc(TODAY + timedelta(days=1), 9)
    reopened = await move(client, deal["id"], stage="closing")
    assert (reopened["probability"], reopened["closed_on"]) == (80, None)

    lost = await move(client, deal["id"], stage="lost")
    assert (lost["probability"], lost["closed_on"]) == (0, str(TODAY + timedelta(days=1)))

    history = (await client.get(f"{DEALS}/{deal['id']}")).json()["stage_changes"]
    assert [(change["from_stage"], change["to_stage"]) for change in history] == [
        (None, "discovery"),
        ("discovery", "proposal"),
        ("proposal", "won"),
        ("won", "closing"),
        ("closing", "lost"),
    ]


async def test_a_deal_created_won_or_lost_is_closed_today(
    client: httpx.AsyncClient, prospect_id: int
) -> None:
    won = await new_deal(client, prospect_id, stage="won")
    lost = await new_deal(client, prospect_id, stage="lost")

    assert (won["probability"], won["closed_on"]) == (100, str(TODAY))
    assert (lost["probability"], lost["closed_on"]) == (0, str(TODAY))


async def test_the_closing_day_is_the_callers_today(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    """03:00 UTC on the 26th is still the 25th in Los Angeles."""
    user = await create_founder(session, "America/Los_Angeles")
    prospect = await create_prospect(session, user)
    clock.instant = utc(TODAY + timedelta(days=1), 3)

    assert (await new_deal(client, prospect.id, stage="won"))["closed_on"] == str(TODAY)


async def test_a_probability_sent_is_kept_and_a_stage_sent_with_one_uses_it(
    client: httpx.AsyncClient, prospect_id: int
) -> None:
    deal = await new_deal(client, prospect_id, stage="qualification", probability=35)
    assert deal["probability"] == 35

    assert (await move(client, deal["id"], stage="negotiation", probability=55))[
        "probability"
    ] == 55
    assert (await move(client, deal["id"], probability=70))["probability"] == 70
    assert (await move(client, deal["id"], stage="closing"))["probability"] == 80


async def test_sending_the_same_stage_changes_nothing_of_the_stage(
    client: httpx.AsyncClient, prospect_id: int
) -> None:
    deal = await new_deal(client, prospect_id, stage="proposal", probability=45)

    same = await move(client, deal["id"], stage="proposal", title="Renewal")

    assert (same["probability"], same["title"], same["stage_changed_at"]) == (
        45,
        "Renewal",
        deal["stage_changed_at"],
    )
    history = (await client.get(f"{DEALS}/{deal['id']}")).json()["stage_changes"]
    assert [(c["from_stage"], c["to_stage"]) for c in history] == [(None, "proposal")]


async def test_a_deal_is_read_back_with_every_field(
    client: httpx.AsyncClient, prospect_id: int
) -> None:
    deal = await new_deal(
        client,
        prospect_id,
        title="Platform licence",
        value=50_000.5,
        expected_close_date="2026-12-31",
        notes="Board meets in December",
    )

    fetched = (await client.get(f"{DEALS}/{deal['id']}")).json()

    assert {name: fetched[name] for name in deal} == deal
    assert {name: deal[name] for name in ("prospect_id", "title", "value", "notes")} == {
        "prospect_id": prospect_id,
        "title": "Platform licence",
        "value": 50_000.5,
        "notes": "Board meets in December",
    }
    assert deal["expected_close_date"] == "2026-12-31"
    [creation] = fetched["stage_changes"]
    assert (creation["from_stage"], creation["to_stage"]) == (None, "discovery")
    assert creation["changed_at"] == deal["stage_changed_at"] == deal["created_at"]


async def test_null_clears_the_close_date_and_notes_and_is_refused_elsewhere(
    client: httpx.AsyncClient, prospect_id: int
) -> None:
    deal = await new_deal(client, prospect_id, expected_close_date="2026-12-31", notes="n")

    cleared = await move(client, deal["id"], expected_close_date=None, notes=None)
    assert (cleared["expected_close_date"], cleared["notes"]) == (None, None)

    for field in ("title", "stage", "value", "probability"):
        response = await client.put(f"{DEALS}/{deal['id']}", json={field: None})
        assert response.status_code == 422, field
        assert response.json()["detail"][0]["loc"][:2] == ["body", field]


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        (0, 0),
        (0.01, 0.01),
        (50_000.5, 50_000.5),
        (999_999_999_999.99, 999_999_999_999.99),
        (10**12, 10**12),
        (1.1e3, 1100),
    ],
)
async def test_money_is_stored_exactly(
    client: httpx.AsyncClient, session: AsyncSession, prospect_id: int, value: float, stored: float
) -> None:
    deal = await new_deal(client, prospect_id, value=value)

    assert deal["value"] == stored
    assert str(await session.scalar(select(AdminDeal.value))) == f"{stored:.2f}"


@pytest.mark.parametrize(
    "raw",
    [
        "1.001",
        "0.005",
        "1.0000000000000000001",  # a float would read it as 1.0
        "-0.01",
        "1000000000000.01",
        "1e400",
        '"100"',
        "true",
        "null",
        "NaN",
        "Infinity",
        "[100]",
    ],
)
async def test_money_with_more_than_two_decimals_or_not_a_number_is_422(
    client: httpx.AsyncClient, session: AsyncSession, prospect_id: int, raw: str
) -> None:
    body = f'{{"prospect_id": {prospect_id}, "title": "Licence", "value": {raw}}}'

    response = await client.post(DEALS, content=body, headers={"Content-Type": "application/json"})

    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"][:2] == ["body", "value"]
    assert await session.scalar(select(func.count()).select_from(AdminDeal)) == 0


async def test_an_update_refuses_money_with_more_decimals(
    client: httpx.AsyncClient, prospect_id: int
) -> None:
    deal = await new_deal(client, prospect_id, value=10)

    response = await client.put(
        f"{DEALS}/{deal['id']}",
        content='{"value": 10.000000000000000001}',
        headers={"Content-Type": "application/json"},
    )

    assert response.status_code == 422
    assert (await client.get(f"{DEALS}/{deal['id']}")).json()["value"] == 10


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "x" * 256}, "title"),
        ({"stage": "signed"}, "stage"),
        ({"probability": 101}, "probability"),
        ({"probability": -1}, "probability"),
        ({"probability": 50.5}, "probability"),
        ({"probability": "50"}, "probability"),
        ({"expected_close_date": "2026-02-30"}, "expected_close_date"),
        ({"notes": "x" * 10_001}, "notes"),
        ({"closed_on": "2026-11-25"}, "closed_on"),
        ({"prospect_id": 0}, "prospect_id"),
        ({"prospect_id": 2**31}, "prospect_id"),
    ],
)
async def test_bad_deal_fields_are_422(
    client: httpx.AsyncClient, prospect_id: int, fields: dict[str, Any], field: str
) -> None:
    body = {"prospect_id": prospect_id, "title": "Licence", "value": 1} | fields

    response = await client.post(DEALS, json=body)

    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"][:2] == ["body", field]


async def test_the_prospect_must_be_the_callers_and_stays_fixed(
    client: httpx.AsyncClient, session: AsyncSession, prospect_id: int
) -> None:
    other = await create_user(session)
    theirs = await create_prospect(session, other)

    response = await client.post(DEALS, json={"prospect_id": theirs.id, "title": "x", "value": 1})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "prospect_id"]

    deal = await new_deal(client, prospect_id)
    moved = await client.put(f"{DEALS}/{deal['id']}", json={"prospect_id": prospect_id})
    assert moved.status_code == 422
    assert await session.scalar(select(func.count()).select_from(AdminDeal)) == 1


async def test_deleting_a_deal_deletes_it_and_its_history_only(
    client: httpx.AsyncClient, session: AsyncSession, prospect_id: int
) -> None:
    deal = await new_deal(client, prospect_id)
    await move(client, deal["id"], stage="won")
    kept = await new_deal(client, prospect_id, title="kept")

    assert (await client.delete(f"{DEALS}/{deal['id']}")).status_code == 204

    assert (await client.get(f"{DEALS}/{deal['id']}")).status_code == 404
    assert [listed["id"] for listed in (await client.get(DEALS)).json()] == [kept["id"]]
    # The kept deal's own creation stays in the history.
    assert await session.scalar(select(func.count()).select_from(AdminDealStageChange)) == 1


async def test_unknown_deals_are_404(client: httpx.AsyncClient) -> None:
    for method, body in (("GET", None), ("PUT", {"title": "x"}), ("PUT", {}), ("DELETE", None)):
        response = await client.request(method, f"{DEALS}/999999", json=body)
        assert response.status_code == 404, (method, body)
        assert response.json() == {"detail": "deal 999999 not found"}, (method, body)


# The list.


async def test_the_list_filters_and_is_most_recently_updated_first(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    user = await create_founder(session)
    ada = (await create_prospect(session, user)).id
    bob = (await create_prospect(session, user)).id
    await new_deal(client, ada, title="first")
    await new_deal(client, bob, title="second", stage="proposal")
    await new_deal(client, ada, title="third", stage="won")
    other = await create_user(session)
    await create_prospect(session, other)

    async def titles(**params: Any) -> tuple[list[str], str]:
        response = await client.get(DEALS, params=params)
        assert response.status_code == 200, response.text
        return [deal["title"] for deal in response.json()], response.headers["X-Total-Count"]

    # Within one transaction every deal has the same updated_at: the id breaks the tie.
    assert await titles() == (["third", "second", "first"], "3")
    assert await titles(open="true") == (["second", "first"], "2")
    assert await titles(open="false") == (["third"], "1")
    assert await titles(stage=["discovery", "won"]) == (["third", "first"], "2")
    assert await titles(prospect_id=ada) == (["third", "first"], "2")
    assert await titles(prospect_id=ada, open="true") == (["first"], "1")
    assert await titles(limit=1, offset=1) == (["second"], "3")
    # No row carries the count: it is asked for alone past the first page, known at 0 on it.
    assert await titles(offset=3) == ([], "3")
    assert await titles(open="false", stage=["discovery"]) == ([], "0")


async def test_the_list_puts_the_last_updated_deal_first(
    client: httpx.AsyncClient, session: AsyncSession, prospect_id: int
) -> None:
    older = await new_deal(client, prospect_id, title="older")
    await new_deal(client, prospect_id, title="newer")
    await session.execute(
        update(AdminDeal)
        .where(AdminDeal.id == older["id"])
        .values(updated_at=func.now() + timedelta(minutes=1))
    )

    titles = [deal["title"] for deal in (await client.get(DEALS)).json()]

    assert titles == ["older", "newer"]


async def test_the_id_breaks_ties_whatever_plan_postgresql_picks(
    client: httpx.AsyncClient, session: AsyncSession, prospect_id: int
) -> None:
    """Deals updated at one instant, read from the table in another order than their ids
    (the first one's row rewritten, so it now lies last) and sorted by PostgreSQL itself
    rather than read in the index's order: newest id first all the same."""
    ids = [(await new_deal(client, prospect_id, title=title))["id"] for title in "abc"]
    await session.execute(update(AdminDeal).where(AdminDeal.id == ids[0]).values(title="a"))
    for scan in ("enable_indexscan", "enable_indexonlyscan", "enable_bitmapscan"):
        await session.execute(text(f"SET LOCAL {scan} = off"))

    titles = [deal["title"] for deal in (await client.get(DEALS)).json()]

    assert titles == ["c", "b", "a"]


@pytest.mark.parametrize(
    "params",
    [{"stage": "signed"}, {"open": "maybe"}, {"prospect_id": 0}, {"limit": 501}, {"offset": -1}],
)
async def test_bad_list_parameters_are_422(
    client: httpx.AsyncClient, params: dict[str, Any]
) -> None:
    response = await client.get(DEALS, params=params)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][:2] == ["query", next(iter(params))]


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        (b'{"title": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", 422),  # beyond any depth
        (b'{"title": "x", "value": 1', 422),
        (b"\xff\xfe", 422),
    ],
)
async def test_unreadable_deal_bodies_are_4xx_and_create_nothing(
    client: httpx.AsyncClient, session: AsyncSession, raw: bytes, status: int
) -> None:
    """Deal bodies go through their own exact parser: it fails as the usual one does
    (a 422 saying why, like every body the JSON parser refuses)."""
    response = await client.post(DEALS, content=raw, headers={"Content-Type": "application/json"})

    assert response.status_code == status, response.text
    assert await session.scalar(select(func.count()).select_from(AdminDeal)) == 0


async def test_a_stage_move_rereads_a_deal_its_transaction_already_loaded(
    clock: FixedClock, engine: AsyncEngine
) -> None:
    """The row lock is only worth the row it reads: a copy loaded earlier in the same
    session must not hide a move committed meanwhile by another transaction."""
    async with AsyncSession(engine, expire_on_commit=False) as setup:
        user = await create_user(setup, clerk_user_id=unique_clerk_id("user_deal_stale"))
        deal = await create_deal(setup, user, await create_prospect(setup, user))
        await setup.commit()
    try:
        async with AsyncSession(engine, expire_on_commit=False) as session:
            service = DealService(session, clock)
            owner = await session.get_one(User, user.id)
            loaded = await service.get_deal(owner, deal.id)  # held: the map is weak
            assert loaded.stage is DealStage.DISCOVERY
            async with engine.begin() as other:
                await other.execute(
                    update(AdminDeal)
                    .where(AdminDeal.id == deal.id)
                    .values(stage=DealStage.PROPOSAL, probability=40)
                )

            await service.update_deal(owner, deal.id, AdminDealUpdate(stage=DealStage.WON))

            moved_from = await session.scalars(
                select(AdminDealStageChange.from_stage).where(
                    AdminDealStageChange.deal_id == deal.id,
                    AdminDealStageChange.to_stage == DealStage.WON,
                )
            )
            assert moved_from.all() == [DealStage.PROPOSAL]
    finally:
        async with engine.begin() as cleanup:
            await cleanup.execute(delete(User).where(User.id == user.id))
