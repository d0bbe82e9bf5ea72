"""Prospects, deals and the pipeline cost a fixed number of SQL statements, however big
the book: the same requests for a book of one and of hundreds issue as many statements."""

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

import httpx
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.models import (
    ActivityStatus,
    ActivityType,
    AdminActivity,
    AdminDeal,
    AdminProspect,
    DealStage,
    ProspectStatus,
)
from tests.clock import TODAY
from tests.factories import create_user
from tests.helpers import API
from tests.statements import CountedRequests


async def with_book(session: AsyncSession, clerk_user_id: str, prospects: int) -> None:
    """A user with `prospects` prospects, three deals and five done activities each."""
    user = await create_user(session, clerk_user_id=clerk_user_id)
    statuses = list(ProspectStatus)
    ids = (
        await session.scalars(
            insert(AdminProspect).returning(AdminProspect.id),
            [
                {
                    "user_id": user.id,
                    "name": f"Prospect {n}",
                    "company": "Acme",
                    "email": f"p{n}@acme.example",
                    "status": statuses[n % len(statuses)],
                }
                for n in range(prospects)
            ],
        )
    ).all()
    stages = list(DealStage)
    await session.execute(
        insert(AdminDeal),
        [
            {
                "user_id": user.id,
                "prospect_id": prospect_id,
                "title": "Deal",
                "stage": stages[(prospect_id + n) % len(stages)],
                "value": Decimal("1000.50"),
                "probability": 50,
                "closed_on": TODAY if stages[(prospect_id + n) % len(stages)].is_closed else None,
                "expected_close_date": TODAY + timedelta(days=30 * n),
            }
            for prospect_id in ids
            for n in range(3)
        ],
    )
    await session.execute(
        insert(AdminActivity),
        [
            {
                "user_id": user.id,
                "prospect_id": prospect_id,
                "type": ActivityType.CALL,
                "status": ActivityStatus.DONE,
                "date": TODAY - timedelta(days=n),
                "amount": 1,
            }
            for prospect_id in ids
            for n in range(5)
        ],
    )


async def test_statements_do_not_grow_with_the_book(
    client: httpx.AsyncClient,
    session: AsyncSession,
    engine: AsyncEngine,
    bearer: Callable[..., dict[str, str]],
) -> None:
    await with_book(session, "user_small_book", 1)
    await with_book(session, "user_big_book", 300)

    async def statements_of_each_request(clerk_user_id: str) -> dict[str, int]:
        headers = bearer(sub=clerk_user_id)
        await client.get(f"{API}/me", headers=headers)  # the user row is synced
        count = CountedRequests(client, engine, headers)

        new = {"name": "New", "email": "n@x.example"}
        prospect = (await count("POST /prospects", "POST", "/prospects", json=new)).json()
        listed = (
            await count(
                "GET /prospects (search, by score)",
                "GET",
                "/prospects",
                params={"q": "acme", "sort": "-lead_score"},
            )
        ).json()
        await count("GET /prospects/{id}", "GET", f"/prospects/{prospect['id']}")
        await count(
            "PUT /prospects/{id}",
            "PUT",
            f"/prospects/{prospect['id']}",
            json={"email": "m@x.example", "status": "engaged"},
        )
        deal = {"prospect_id": prospect["id"], "title": "Licence", "value": 10}
        deal = (await count("POST /deals", "POST", "/deals", json=deal)).json()
        await count("PUT /deals/{id} (stage)", "PUT", f"/deals/{deal['id']}", json={"stage": "won"})
        await count("GET /deals/{id}", "GET", f"/deals/{deal['id']}")
        await count("GET /deals (open)", "GET", "/deals", params={"open": "true"})
        await count("GET /pipeline/summary", "GET", "/pipeline/summary")
        await count(
            "GET /activities (by prospect)",
            "GET",
            "/activities",
            params={"prospect_id": listed[0]["id"]},
        )
        await count("GET /dashboard", "GET", "/dashboard")
        await count("DELETE /deals/{id}", "DELETE", f"/deals/{deal['id']}")
        await count("DELETE /prospects/{id}", "DELETE", f"/prospects/{prospect['id']}")
        return count.counts

    small = await statements_of_each_request("user_small_book")
    big = await statements_of_each_request("user_big_book")

    assert small == big
    assert small == {
        # the caller's row; the pipeline lock; the insert (in a savepoint); the prospect
        # as scored
        "POST /prospects": 4,
        # the caller's row; the page, with the count as a column
        "GET /prospects (search, by score)": 2,
        "GET /prospects/{id}": 2,
        "PUT /prospects/{id}": 4,
        # the caller's row; the pipeline lock; the prospect, locked; the deal; its first
        # stage change
        "POST /deals": 5,
        # the caller's row; the pipeline lock; the deal, locked; its update; the change
        "PUT /deals/{id} (stage)": 5,
        # the caller's row; the deal; its stage changes
        "GET /deals/{id}": 3,
        # the caller's row; the page, with the count as a column
        "GET /deals (open)": 2,
        "GET /pipeline/summary": 2,
        "GET /activities (by prospect)": 2,
        "GET /dashboard": 2,
        "DELETE /deals/{id}": 3,
        "DELETE /prospects/{id}": 3,
    }
