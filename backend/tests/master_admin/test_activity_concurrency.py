"""Racing writes on PostgreSQL, through an app whose requests really commit on their own
connections: no update is lost and nothing fails with a 500."""

import asyncio
from collections import Counter
from collections.abc import AsyncIterator, Coroutine
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

import httpx
from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from app.models import ActivityType, AdminActivity, AdminProspect, User
from app.schemas.master_admin.activities import AdminActivityUpdate
from app.services.master_admin.activity_service import ActivityService
from app.services.master_admin.scoring import LOCK_SCORES
from tests.clock import TODAY, FixedClock
from tests.committed_app import RacingClient
from tests.helpers import API
from tests.interleaving import until_blocked_or_done

# Weights small enough that 50 activities stay under the cap of 100, so a lost update
# would show in the score, not only in the count.
SMALL_WEIGHTS = {
    ActivityType.DISCOVERY: 1,
    ActivityType.EMAIL: 1,
    ActivityType.VIDEO: 1,
    ActivityType.CALL: 1,
}


async def test_fifty_simultaneous_activities_for_one_day_all_count(
    racing_client: RacingClient,
) -> None:
    async with racing_client(activity_weights=SMALL_WEIGHTS) as (client, _):
        responses = await asyncio.gather(
            *(
                client.post(
                    f"{API}/activities",
                    json={
                        "type": "email",
                        "status": "done",
                        "date": str(TODAY),
                        "amount": n % 2 + 1,
                    },
                )
                for n in range(50)
            )
        )

        assert Counter(response.status_code for response in responses) == {201: 50}
        # 25 x 1 + 25 x 2 = 75 points, weight 1
        today = (await client.get(f"{API}/scores/today")).json()
        assert today == {"date": str(TODAY), "score": 75, "streak_days": 1, "activities_count": 50}


async def test_racing_backfills_leave_every_streak_right(racing_client: RacingClient) -> None:
    days = [TODAY - timedelta(days=n) for n in range(10)]
    async with racing_client() as (client, _):
        responses = await asyncio.gather(
            *(
                client.post(
                    f"{API}/activities",
                    json={"type": "discovery", "status": "done", "date": str(day)},
                )
                for day in days * 3
            )
        )

        assert Counter(response.status_code for response in responses) == {201: 30}
        streak = (await client.get(f"{API}/scores/streak")).json()
        assert streak == {
            "current_streak": 10,
            "longest_streak": 10,
            "last_active_date": str(TODAY),
        }
        this_week = (await client.get(f"{API}/scores/week")).json()
        # Monday 23rd to Wednesday 25th close a 10-day run: days 8, 9 and 10 of it
        assert [(day["score"], day["streak_days"]) for day in this_week[:3]] == [
            (30, 8),
            (30, 9),
            (30, 10),
        ]


async def test_racing_moves_and_deletes_lose_no_update(racing_client: RacingClient) -> None:
    monday, tuesday = str(TODAY - timedelta(days=2)), str(TODAY - timedelta(days=1))
    async with racing_client(activity_weights=SMALL_WEIGHTS) as (client, _):
        ids = [
            (
                await client.post(
                    f"{API}/activities",
                    json={"type": "video", "status": "done", "date": monday},
                )
            ).json()["id"]
            for _ in range(30)
        ]

        responses = await asyncio.gather(
            *(client.put(f"{API}/activities/{id_}", json={"date": tuesday}) for id_ in ids[:20]),
            *(client.delete(f"{API}/activities/{id_}") for id_ in ids[20:]),
        )

        assert Counter(response.status_code for response in responses) == {200: 20, 204: 10}
        week = (await client.get(f"{API}/scores/week")).json()
        assert [(day["score"], day["activities_count"]) for day in week[:2]] == [(0, 0), (20, 20)]


async def test_racing_goals_for_one_week_make_one_goal_and_conflicts(
    racing_client: RacingClient,
) -> None:
    async with racing_client() as (client, _):
        responses = await asyncio.gather(
            *(
                client.post(f"{API}/goals", json={"week_start": "2026-11-23", "target_calls": n})
                for n in range(10)
            )
        )

        assert Counter(response.status_code for response in responses) == {201: 1, 409: 9}
        assert len((await client.get(f"{API}/goals")).json()) == 1


# Interleavings: one transaction holds a lock while a request runs into it.


async def test_a_delete_waits_for_a_move_of_the_same_day_and_rescores_after_it(
    racing_client: RacingClient, clock: FixedClock, engine: AsyncEngine
) -> None:
    """A move of Monday's first video is open (uncommitted) while Monday's second is
    deleted: the delete must rescore Monday from the committed move, not from before it."""
    monday, tuesday = TODAY - timedelta(days=2), TODAY - timedelta(days=1)
    async with racing_client() as (client, founder):
        moved, deleted = [
            (
                await client.post(
                    f"{API}/activities",
                    json={"type": "video", "status": "done", "date": str(monday)},
                )
            ).json()["id"]
            for _ in range(2)
        ]

        async with AsyncSession(engine, expire_on_commit=False) as mover:
            user = await mover.get(User, founder.id)
            assert user is not None
            await ActivityService(mover, clock).update_activity(
                user, moved, AdminActivityUpdate(date=tuesday)
            )
            deleting = asyncio.create_task(client.delete(f"{API}/activities/{deleted}"))
            await until_blocked_or_done(engine, [deleting])
            await mover.commit()
        assert (await deleting).status_code == 204

        week = (await client.get(f"{API}/scores/week")).json()
        # video is worth 15: Monday has nothing left, Tuesday the moved video
        assert [(day["score"], day["activities_count"]) for day in week[:2]] == [(0, 0), (15, 1)]


@asynccontextmanager
async def a_founder_with_a_prospect(
    racing_client: RacingClient, engine: AsyncEngine
) -> AsyncIterator[tuple[httpx.AsyncClient, int, int]]:
    """A committing client signed in as a new founder, their id and a prospect of theirs."""
    async with racing_client() as (client, founder):
        yield client, founder.id, await create_prospect_of(engine, founder.id)


def call_for(prospect_id: int) -> dict[str, object]:
    return {"type": "call", "status": "done", "date": str(TODAY), "prospect_id": prospect_id}


async def create_prospect_of(engine: AsyncEngine, user_id: int) -> int:
    async with engine.begin() as connection:
        created = await connection.execute(
            insert(AdminProspect)
            .values(user_id=user_id, name="Jane Buyer", company="Acme")
            .returning(AdminProspect.id)
        )
        return created.scalar_one()


async def delete_prospect(engine: AsyncEngine, prospect_id: int) -> None:
    async with engine.begin() as connection:
        await connection.execute(delete(AdminProspect).where(AdminProspect.id == prospect_id))


async def write_while_the_prospect_is_deleted(
    engine: AsyncEngine,
    holder: AsyncConnection,
    write: Coroutine[Any, Any, httpx.Response],
    prospect_id: int,
) -> httpx.Response:
    """Run `write` (a request naming the prospect) until `holder`'s lock stops it, after
    its check of the prospect and before its own write; delete the prospect meanwhile;
    then release `holder`. Returns the write's response once both have committed."""
    writing = asyncio.create_task(write)
    await until_blocked_or_done(engine, [writing])
    deleting = asyncio.create_task(delete_prospect(engine, prospect_id))
    await until_blocked_or_done(engine, [writing, deleting])
    await holder.rollback()
    response = await writing
    await deleting
    return response


async def test_a_prospect_deleted_while_an_activity_is_logged_for_it_waits_for_it(
    racing_client: RacingClient, engine: AsyncEngine
) -> None:
    async with a_founder_with_a_prospect(racing_client, engine) as (
        client,
        user_id,
        prospect_id,
    ):
        async with engine.connect() as holder:
            # Logging takes the user's score lock after the prospect check, in its insert.
            await holder.execute(LOCK_SCORES, {"owner_id": user_id})
            logged = await write_while_the_prospect_is_deleted(
                engine,
                holder,
                client.post(f"{API}/activities", json=call_for(prospect_id)),
                prospect_id,
            )

        assert logged.status_code == 201, logged.text
        assert logged.json()["prospect_id"] == prospect_id
        # The deletion went through after the activity committed, and cleared its reference.
        stored = (await client.get(f"{API}/activities/{logged.json()['id']}")).json()
        assert (stored["prospect_id"], stored["amount"]) == (None, 1)


async def test_a_prospect_deleted_while_an_activity_is_linked_to_it_waits_for_it(
    racing_client: RacingClient, engine: AsyncEngine
) -> None:
    async with a_founder_with_a_prospect(racing_client, engine) as (
        client,
        _,
        prospect_id,
    ):
        activity_id = (
            await client.post(
                f"{API}/activities", json={"type": "email", "status": "pending", "date": str(TODAY)}
            )
        ).json()["id"]

        async with engine.connect() as holder:
            # An update writes the activity's row after the prospect check.
            await holder.execute(
                select(AdminActivity.id).where(AdminActivity.id == activity_id).with_for_update()
            )
            linked = await write_while_the_prospect_is_deleted(
                engine,
                holder,
                client.put(f"{API}/activities/{activity_id}", json={"prospect_id": prospect_id}),
                prospect_id,
            )

        assert linked.status_code == 200, linked.text
        assert linked.json()["prospect_id"] == prospect_id
        stored = (await client.get(f"{API}/activities/{activity_id}")).json()
        assert (stored["prospect_id"], stored["status"]) == (None, "pending")


async def test_activities_naming_one_prospect_do_not_wait_for_each_other(
    racing_client: RacingClient, engine: AsyncEngine
) -> None:
    """The check locks the prospect against deletion only (FOR NO KEY UPDATE), not
    against the FOR KEY SHARE that another transaction's activity naming it holds (its
    foreign-key check): that one must not hold this one up."""
    async with a_founder_with_a_prospect(racing_client, engine) as (
        client,
        _,
        prospect_id,
    ):
        async with engine.connect() as holder:
            await holder.execute(
                select(AdminProspect.id)
                .where(AdminProspect.id == prospect_id)
                .with_for_update(read=True, key_share=True)
            )
            logging = asyncio.create_task(
                client.post(f"{API}/activities", json=call_for(prospect_id))
            )
            await until_blocked_or_done(engine, [logging])
            finished_while_held = logging.done()
            await holder.rollback()

        assert finished_while_held
        assert (await logging).status_code == 201
