"""Racing prospect and deal writes through an app whose requests really commit: the
database's unique index and row locks decide, never a read-then-write in Python."""

import asyncio
from collections import Counter

from sqlalchemy.ext.asyncio import AsyncEngine

from app.services.master_admin.pipeline_queries import lock_pipeline
from tests.committed_app import RacingClient
from tests.helpers import API
from tests.interleaving import until_blocked_or_done


async def test_simultaneous_prospects_with_one_email_make_one_201_and_one_409(
    racing_client: RacingClient,
) -> None:
    async with racing_client() as (client, _):
        responses = await asyncio.gather(
            client.post(f"{API}/prospects", json={"name": "Ada", "email": "ada@example.com"}),
            client.post(f"{API}/prospects", json={"name": "ADA", "email": "ADA@example.com"}),
        )

        assert Counter(response.status_code for response in responses) == {201: 1, 409: 1}
        listed = await client.get(f"{API}/prospects")
        assert listed.headers["X-Total-Count"] == "1"


async def test_simultaneous_stage_moves_each_record_the_stage_they_left(
    racing_client: RacingClient,
) -> None:
    async with racing_client() as (client, _):
        prospect = (await client.post(f"{API}/prospects", json={"name": "Ada"})).json()
        deal = (
            await client.post(
                f"{API}/deals", json={"prospect_id": prospect["id"], "title": "x", "value": 1}
            )
        ).json()

        stages = ["qualification", "proposal", "negotiation", "closing", "won"]
        responses = await asyncio.gather(
            *(client.put(f"{API}/deals/{deal['id']}", json={"stage": s}) for s in stages)
        )

        assert [response.status_code for response in responses] == [200] * 5
        history = (await client.get(f"{API}/deals/{deal['id']}")).json()["stage_changes"]
        # Whatever the order the moves ran in, each left the stage the one before entered.
        assert len(history) == 6
        assert [change["from_stage"] for change in history[1:]] == [
            change["to_stage"] for change in history[:-1]
        ]
        assert sorted(change["to_stage"] for change in history[1:]) == sorted(stages)


async def test_prospect_and_deal_writes_wait_for_the_owners_pipeline_lock(
    racing_client: RacingClient, engine: AsyncEngine
) -> None:
    """The pipeline lock (advisory, on the owner) serialises one user's prospect and deal
    writes, which keep running totals: held by another transaction, each write waits."""
    async with racing_client() as (client, founder):
        prospect = (await client.post(f"{API}/prospects", json={"name": "Ada"})).json()
        deal = {"prospect_id": prospect["id"], "title": "Licence", "value": 100}
        deal_id = (await client.post(f"{API}/deals", json=deal)).json()["id"]

        async with engine.connect() as holder:
            await lock_pipeline(holder, founder.id)
            writes = [
                asyncio.create_task(
                    client.put(f"{API}/prospects/{prospect['id']}", json={"name": "Ada L."})
                ),
                asyncio.create_task(client.delete(f"{API}/deals/{deal_id}")),
            ]
            await until_blocked_or_done(engine, writes)
            assert [task.done() for task in writes] == [False, False]
            await holder.rollback()

        assert [(await task).status_code for task in writes] == [200, 204]
