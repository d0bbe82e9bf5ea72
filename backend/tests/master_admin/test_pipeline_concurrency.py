"""Racing prospect and deal writes through an app whose requests really commit: the
database's unique index and row locks decide, never a read-then-write in Python."""

import asyncio
from collections import Counter
from collections.abc import Callable

from sqlalchemy.ext.asyncio import AsyncEngine

from app.core.config import Settings
from tests.clock import FixedClock
from tests.committed_app import committing_client, unique_clerk_id
from tests.helpers import API


async def test_simultaneous_prospects_with_one_email_make_one_201_and_one_409(
    settings: Settings,
    clock: FixedClock,
    engine: AsyncEngine,
    bearer: Callable[..., dict[str, str]],
) -> None:
    founder = unique_clerk_id("user_race")
    async with committing_client(settings, clock, engine, clerk_user_ids=[founder]) as client:
        client.headers.update(bearer(sub=founder))
        await client.get(f"{API}/me")  # the user row exists before the race

        responses = await asyncio.gather(
            client.post(f"{API}/prospects", json={"name": "Ada", "email": "ada@example.com"}),
            client.post(f"{API}/prospects", json={"name": "ADA", "email": "ADA@example.com"}),
        )

        assert Counter(response.status_code for response in responses) == {201: 1, 409: 1}
        listed = await client.get(f"{API}/prospects")
        assert listed.headers["X-Total-Count"] == "1"


async def test_simultaneous_stage_moves_each_record_the_stage_they_left(
    settings: Settings,
    clock: FixedClock,
    engine: AsyncEngine,
    bearer: Callable[..., dict[str, str]],
) -> None:
    founder = unique_clerk_id("user_race")
    async with committing_client(settings, clock, engine, clerk_user_ids=[founder]) as client:
        client.headers.update(bearer(sub=founder))
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
