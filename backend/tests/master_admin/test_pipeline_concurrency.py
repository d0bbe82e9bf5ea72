"""Racing prospect and deal writes through an app whose requests really commit: the
database's unique index and row locks decide, never a read-then-write in Python."""

import asyncio
from collections import Counter

from tests.committed_app import RacingClient
from tests.helpers import API


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
