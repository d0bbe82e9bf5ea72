"""The pipeline's figures: GET /pipeline/summary and the dashboard's pipeline block."""

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import AdminDeal, AdminProspect, DealStage, ProspectStatus, User
from app.models.enums import CLOSED_STAGES, OPEN_STAGES
from app.services.master_admin.pipeline_queries import month_starts
from tests.clock import TODAY, FixedClock, utc
from tests.factories import create_deal, create_founder, create_prospect, create_user
from tests.helpers import API

SUMMARY = f"{API}/pipeline/summary"


@pytest.fixture
async def founder_prospect(session: AsyncSession) -> tuple[User, AdminProspect]:
    user = await create_founder(session)
    return user, await create_prospect(session, user)


async def open_book(client: httpx.AsyncClient, prospect_id: int) -> None:
    """The issue's example: 100,000 in discovery, 50,000.50 in proposal closing this month,
    200,000 closing at 90% in 40 days."""
    for fields in (
        {"value": 100_000},
        {"value": 50_000.50, "stage": "proposal", "expected_close_date": "2026-11-30"},
        {
            "value": 200_000,
            "stage": "closing",
            "probability": 90,
            "expected_close_date": str(TODAY + timedelta(days=40)),
        },
    ):
        deal = {"prospect_id": prospect_id, "title": "Deal", **fields}
        assert (await client.post(f"{API}/deals", json=deal)).status_code == 201


def stage(name: str, count: int = 0, value: float = 0, weighted: float = 0) -> dict[str, Any]:
    return {"stage": name, "count": count, "value": value, "weighted_value": weighted}


def forecast(*weighted: float) -> list[dict[str, Any]]:
    months = ["2026-11", "2026-12", "2027-01", "2027-02", "2027-03", "2027-04"]
    return [{"month": m, "weighted_value": w} for m, w in zip(months, weighted, strict=True)]


def test_month_starts_are_the_first_days_of_as_many_months_across_a_new_year() -> None:
    assert month_starts(date(2026, 11, 25), 3) == [
        date(2026, 11, 1),
        date(2026, 12, 1),
        date(2027, 1, 1),
    ]


async def test_an_empty_pipeline(client: httpx.AsyncClient) -> None:
    response = await client.get(SUMMARY)

    assert response.status_code == 200
    assert response.json() == {
        "stages": [
            stage(name)
            for name in ("discovery", "qualification", "proposal", "negotiation", "closing")
        ],
        "open": {"count": 0, "value": 0, "weighted_value": 0},
        "won": {"count": 0, "value": 0},
        "lost": {"count": 0},
        "win_rate": None,
        "average_cycle_days": None,
        "forecast": forecast(0, 0, 0, 0, 0, 0),
        "unscheduled_weighted_value": 0,
    }


async def test_open_deals_by_stage_and_by_month(
    client: httpx.AsyncClient, founder_prospect: tuple[User, AdminProspect]
) -> None:
    await open_book(client, founder_prospect[1].id)

    body = (await client.get(SUMMARY)).json()

    assert body["stages"] == [
        stage("discovery", 1, 100_000, 10_000),
        stage("qualification"),
        stage("proposal", 1, 50_000.5, 20_000.2),
        stage("negotiation"),
        stage("closing", 1, 200_000, 180_000),
    ]
    assert body["open"] == {"count": 3, "value": 350_000.5, "weighted_value": 210_000.2}
    # 40 days from 25 November is 4 January.
    assert body["forecast"] == forecast(20_000.2, 0, 180_000, 0, 0, 0)
    assert body["unscheduled_weighted_value"] == 10_000


async def test_overdue_deals_count_this_month_and_far_ones_in_no_month(
    client: httpx.AsyncClient, session: AsyncSession, founder_prospect: tuple[User, AdminProspect]
) -> None:
    user, prospect = founder_prospect
    for value, probability, expected in (
        (1000, 50, date(2025, 1, 1)),  # overdue: this month
        (3000, 10, date(2027, 4, 30)),  # the sixth month's last day
        (7000, 10, date(2027, 5, 1)),  # beyond the forecast
    ):
        await create_deal(
            session,
            user,
            prospect,
            value=Decimal(value),
            probability=probability,
            expected_close_date=expected,
        )

    body = (await client.get(SUMMARY)).json()

    assert body["forecast"] == forecast(500, 0, 0, 0, 0, 300)
    assert body["open"]["weighted_value"] == 1_500
    assert body["unscheduled_weighted_value"] == 0


async def test_weighted_sums_are_rounded_to_the_cent_once(
    client: httpx.AsyncClient, session: AsyncSession, founder_prospect: tuple[User, AdminProspect]
) -> None:
    user, prospect = founder_prospect
    for _ in range(3):
        await create_deal(session, user, prospect, value=Decimal("0.05"), probability=10)

    body = (await client.get(SUMMARY)).json()

    # 3 x 0.005 = 0.015: 0.02 (each rounded first would make 0.03, or 0).
    assert body["open"] == {"count": 3, "value": 0.15, "weighted_value": 0.02}


async def test_stages_of_one_month_add_up_and_half_a_cent_rounds_up(
    client: httpx.AsyncClient, session: AsyncSession, founder_prospect: tuple[User, AdminProspect]
) -> None:
    user, prospect = founder_prospect
    for stage_name, probability, expected in (
        (DealStage.DISCOVERY, 10, None),
        (DealStage.PROPOSAL, 40, None),
        (DealStage.DISCOVERY, 10, date(2026, 12, 3)),
        (DealStage.CLOSING, 80, date(2026, 12, 24)),
    ):
        await create_deal(
            session,
            user,
            prospect,
            stage=stage_name,
            value=Decimal("0.25"),
            probability=probability,
            expected_close_date=expected,
        )

    body = (await client.get(SUMMARY)).json()

    # Undated: 0.025 + 0.1 = 0.125 -> 0.13; December: 0.025 + 0.2 = 0.225 -> 0.23; the
    # discovery stage 0.025 + 0.025 = 0.05. Half a cent rounds up (0.125 would round to
    # the even 0.12).
    assert body["unscheduled_weighted_value"] == 0.13
    assert body["forecast"] == forecast(0, 0.23, 0, 0, 0, 0)
    assert body["stages"][0] == stage("discovery", 2, 0.5, 0.05)
    assert body["open"] == {"count": 4, "value": 1, "weighted_value": 0.35}


async def test_the_periods_wins_losses_and_cycle(
    client: httpx.AsyncClient, session: AsyncSession, founder_prospect: tuple[User, AdminProspect]
) -> None:
    user, prospect = founder_prospect

    async def closed(stage: DealStage, value: int, created: date, closed_on: date) -> None:
        await create_deal(
            session,
            user,
            prospect,
            stage=stage,
            value=Decimal(value),
            probability=100 if stage is DealStage.WON else 0,
            created_on=created,
            closed_on=closed_on,
        )

    await closed(DealStage.WON, 40_000, date(2026, 10, 1), date(2026, 11, 20))  # 50 days
    await closed(DealStage.WON, 5_000, date(2026, 11, 1), date(2026, 11, 12))  # 11 days
    await closed(DealStage.LOST, 9_000, date(2026, 9, 1), date(2026, 11, 1))
    await closed(DealStage.WON, 1_000, date(2026, 1, 1), date(2026, 8, 27))  # before the 90 days
    other = await create_user(session)
    await create_deal(
        session,
        other,
        await create_prospect(session, other),
        stage=DealStage.WON,
        probability=100,
        closed_on=TODAY,
    )

    body = (await client.get(SUMMARY)).json()

    assert (body["won"], body["lost"]) == ({"count": 2, "value": 45_000}, {"count": 1})
    assert body["win_rate"] == 0.6667
    assert body["average_cycle_days"] == 30.5
    assert body["open"] == {"count": 0, "value": 0, "weighted_value": 0}

    period = (
        await client.get(SUMMARY, params={"date_from": "2026-08-27", "date_to": "2026-11-01"})
    ).json()
    assert (period["won"], period["lost"], period["win_rate"]) == (
        {"count": 1, "value": 1_000},
        {"count": 1},
        0.5,
    )
    assert period["average_cycle_days"] == 238.0
    only_to = (await client.get(SUMMARY, params={"date_to": "2026-11-15"})).json()
    # 90 days ending 15 November: from 18 August.
    assert (only_to["won"]["count"], only_to["lost"]["count"]) == (2, 1)


async def test_the_average_cycle_rounds_half_a_tenth_up(
    client: httpx.AsyncClient, session: AsyncSession, founder_prospect: tuple[User, AdminProspect]
) -> None:
    user, prospect = founder_prospect
    for days in (1, 2, 3, 3):
        await create_deal(
            session,
            user,
            prospect,
            stage=DealStage.WON,
            probability=100,
            created_on=TODAY - timedelta(days=days),
            closed_on=TODAY,
        )

    body = (await client.get(SUMMARY)).json()

    # 9 days over 4 deals: 2.25, to 2.3 (2.2 would be half to even).
    assert body["average_cycle_days"] == 2.3


async def test_the_cycle_counts_from_the_callers_day_the_deal_was_opened(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    """Opened at 02:00 UTC on 2 November, still 1 November in New York; won on the 11th."""
    user = await create_founder(session, "America/New_York")
    prospect = await create_prospect(session, user)
    clock.instant = utc(date(2026, 11, 2), 2)
    deal = {"prospect_id": prospect.id, "title": "Licence", "value": 100}
    deal_id = (await client.post(f"{API}/deals", json=deal)).json()["id"]
    clock.instant = utc(date(2026, 11, 11), 17)
    assert (await client.put(f"{API}/deals/{deal_id}", json={"stage": "won"})).status_code == 200

    body = (await client.get(SUMMARY)).json()

    assert (body["won"], body["average_cycle_days"]) == ({"count": 1, "value": 100}, 10.0)


async def test_the_period_is_the_90_days_ending_today_or_any_from_one_day_up(
    client: httpx.AsyncClient, session: AsyncSession, founder_prospect: tuple[User, AdminProspect]
) -> None:
    user, prospect = founder_prospect
    # 90 days ending 25 November begin on 28 August.
    for closed_on in (date(2026, 8, 27), date(2026, 8, 28), date(2026, 11, 20)):
        await create_deal(
            session, user, prospect, stage=DealStage.WON, probability=100, closed_on=closed_on
        )

    default = (await client.get(SUMMARY)).json()
    one_day = (
        await client.get(SUMMARY, params={"date_from": "2026-11-20", "date_to": "2026-11-20"})
    ).json()

    assert default["won"]["count"] == 2
    assert one_day["won"]["count"] == 1


async def test_the_forecast_begins_in_the_callers_month(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    """30 November, 20:00 UTC, is 1 December, 09:00, in Auckland."""
    await create_founder(session, "Pacific/Auckland")
    clock.instant = utc(date(2026, 11, 30), 20)

    body = (await client.get(SUMMARY)).json()

    assert [month["month"] for month in body["forecast"]] == [
        "2026-12",
        "2027-01",
        "2027-02",
        "2027-03",
        "2027-04",
        "2027-05",
    ]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"date_from": "2026-11-26", "date_to": "2026-11-25"}, "date_from"),
        ({"date_from": "2026-02-30"}, "date_from"),
        ({"date_to": "tomorrow"}, "date_to"),
    ],
)
async def test_a_bad_period_is_422(
    client: httpx.AsyncClient, params: dict[str, str], field: str
) -> None:
    response = await client.get(SUMMARY, params=params)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", field]


async def test_a_period_ending_before_it_begins_says_so(client: httpx.AsyncClient) -> None:
    response = await client.get(
        SUMMARY, params={"date_from": "2026-11-26", "date_to": "2026-11-25"}
    )

    assert response.json()["detail"][0]["msg"] == "must be on or before date_to"


async def test_the_dashboard_shows_the_open_pipeline(
    client: httpx.AsyncClient, session: AsyncSession, founder_prospect: tuple[User, AdminProspect]
) -> None:
    user, prospect = founder_prospect  # new: not active
    await open_book(client, prospect.id)
    for status in ProspectStatus:
        await create_prospect(session, user, status=status)
    await create_deal(
        session, user, prospect, stage=DealStage.WON, probability=100, closed_on=TODAY
    )
    other = await create_user(session)
    theirs = await create_prospect(session, other, status=ProspectStatus.ENGAGED)
    await create_deal(session, other, theirs)

    pipeline = (await client.get(f"{API}/dashboard")).json()["pipeline"]

    assert pipeline == {
        "active_prospects": 4,  # qualified, engaged, proposal, negotiation
        "open_deals": 3,
        "open_value": 350_000.5,
        "weighted_value": 210_000.2,
    }


RECOMPUTED = text(
    """
    SELECT (SELECT count(*) FROM admin_prospects WHERE user_id = :owner
            AND status IN ('qualified', 'engaged', 'proposal', 'negotiation')),
           count(*), coalesce(sum(value), 0), coalesce(sum(value * probability), 0)
    FROM admin_deals WHERE user_id = :owner AND stage NOT IN ('won', 'lost')
    """
)
RECOMPUTED_BUCKETS = text(
    """
    SELECT stage,
           CASE WHEN stage IN ('won', 'lost') THEN closed_on
                ELSE coalesce(date_trunc('month', expected_close_date)::date, 'infinity') END,
           count(*), sum(value), sum(value * probability),
           sum(CASE WHEN stage = 'won' THEN closed_on - created_on ELSE 0 END)
    FROM admin_deals WHERE user_id = :owner GROUP BY 1, 2 ORDER BY 1, 2
    """
)
STORED_BUCKETS = text(
    "SELECT stage, day, deals, value, weighted_x100, cycle_days FROM admin_pipeline_buckets "
    "WHERE user_id = :owner AND (deals, value, weighted_x100, cycle_days) <> (0, 0, 0, 0) "
    "ORDER BY 1, 2"
)
STORED = text(
    "SELECT active_prospects, open_deals, open_value, open_weighted_x100 "
    "FROM admin_pipeline_totals WHERE user_id = :owner"
)


async def test_the_running_totals_always_equal_their_recomputation(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    """Every kind of write keeps the dashboard's totals and the summary's buckets equal
    to a count of the rows: the API's, a cascade's and raw SQL's."""
    user = await create_founder(session)

    async def totals_match() -> tuple[Any, ...]:
        owner = {"owner": user.id}
        buckets = (await session.execute(STORED_BUCKETS, owner)).all()
        assert buckets == (await session.execute(RECOMPUTED_BUCKETS, owner)).all()
        stored = (await session.execute(STORED, {"owner": user.id})).one()
        assert tuple(stored) == tuple((await session.execute(RECOMPUTED, {"owner": user.id})).one())
        # The deal list's counts are the buckets' sums.
        for is_open, stages in ((None, None), ("true", OPEN_STAGES), ("false", CLOSED_STAGES)):
            response = await client.get(f"{API}/deals", params={"open": is_open} if is_open else {})
            counted = select(func.count()).where(AdminDeal.user_id == user.id)
            if stages is not None:
                counted = counted.where(AdminDeal.stage.in_(stages))
            assert int(response.headers["X-Total-Count"]) == await session.scalar(counted)
        return tuple(stored)

    async def post(path: str, body: dict[str, Any]) -> int:
        response = await client.post(f"{API}/{path}", json=body)
        assert response.status_code == 201, response.text
        return int(response.json()["id"])

    ada = await post("prospects", {"name": "Ada", "status": "engaged"})
    bob = await post("prospects", {"name": "Bob"})
    assert await totals_match() == (1, 0, 0, 0)
    first = await post("deals", {"prospect_id": ada, "title": "a", "value": 1000.5})
    second = await post(
        "deals", {"prospect_id": bob, "title": "b", "value": 200, "stage": "closing"}
    )
    await post("deals", {"prospect_id": bob, "title": "c", "value": 50, "stage": "won"})
    assert await totals_match() == (1, 2, Decimal("1200.50"), Decimal("26005.00"))

    for path, body in (
        (f"deals/{first}", {"expected_close_date": "2027-02-14"}),
        (f"deals/{first}", {"expected_close_date": "2027-03-01"}),
        (f"deals/{first}", {"value": 10.25, "probability": 50, "expected_close_date": None}),
        (f"deals/{first}", {"title": "renamed"}),
        (f"deals/{second}", {"stage": "won"}),
        (f"deals/{second}", {"stage": "proposal"}),
        (f"prospects/{bob}", {"status": "negotiation"}),
        (f"prospects/{ada}", {"status": "closed_lost"}),
    ):
        assert (await client.put(f"{API}/{path}", json=body)).status_code == 200
        await totals_match()
    assert await totals_match() == (1, 2, Decimal("210.25"), Decimal("8512.50"))

    assert (await client.delete(f"{API}/deals/{first}")).status_code == 204
    await totals_match()
    await session.execute(
        text(
            "UPDATE admin_deals SET probability = 90, closed_on = closed_on - 3 WHERE user_id = :owner"
        ),
        {"owner": user.id},
    )
    await totals_match()
    assert (await client.delete(f"{API}/prospects/{bob}")).status_code == 204  # its deals go too
    assert await totals_match() == (0, 0, 0, 0)


async def test_a_user_with_deals_can_be_deleted(session: AsyncSession) -> None:
    """Deleting a user cascades to its deals, whose trigger then finds no totals row to
    update: nothing fails and nothing is left."""
    user = await create_user(session)
    prospect = await create_prospect(session, user, status=ProspectStatus.ENGAGED)
    await create_deal(session, user, prospect)

    await session.execute(text("DELETE FROM users WHERE id = :id"), {"id": user.id})

    assert (await session.execute(STORED, {"owner": user.id})).all() == []
