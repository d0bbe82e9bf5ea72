"""Clocks that step back (NTP, a VM resumed) or differ between replicas: no stored
interval ends before it starts, and no derived duration exceeds its plan or goes
negative."""

from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import elapsed, not_before
from tests.clock import FixedClock
from tests.factories import create_focus_session, create_founder, create_nudge
from tests.helpers import API

FOCUS = f"{API}/focus-sessions"
TEN = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
STEPPED_BACK = TEN - timedelta(seconds=10)  # 09:59:50


def test_the_rule() -> None:
    assert elapsed(TEN, TEN + timedelta(seconds=3)) == timedelta(seconds=3)
    assert elapsed(TEN, STEPPED_BACK) == timedelta(0)
    assert not_before(TEN + timedelta(seconds=3), TEN) == TEN + timedelta(seconds=3)
    assert not_before(STEPPED_BACK, TEN) == TEN


@pytest.fixture
async def started_at_ten(client: httpx.AsyncClient, clock: FixedClock) -> int:
    """A 50-minute session started at 10:00:00; then the clock steps back 10 s."""
    clock.instant = TEN
    response = await client.post(FOCUS, json={"duration_minutes": 50})
    assert response.status_code == 201
    clock.instant = STEPPED_BACK
    session_id: int = response.json()["id"]
    return session_id


async def test_the_timer_never_shows_more_than_the_plan(
    client: httpx.AsyncClient, started_at_ten: int
) -> None:
    body = (await client.get(f"{FOCUS}/active")).json()

    assert (body["remaining_seconds"], body["overdue"]) == (3000, False)
    assert datetime.fromisoformat(body["ends_at"]) == TEN + timedelta(minutes=50)
    dashboard = (await client.get(f"{API}/dashboard")).json()
    assert dashboard["active_focus_session"]["remaining_seconds"] == 3000


@pytest.mark.parametrize("ending", ["interrupt", "complete"])
async def test_an_end_is_never_stored_before_the_start(
    client: httpx.AsyncClient, started_at_ten: int, ending: str
) -> None:
    response = await client.put(f"{FOCUS}/{started_at_ten}/{ending}")

    assert response.status_code == 200
    body = response.json()
    assert datetime.fromisoformat(body["end_time"]) == TEN
    assert datetime.fromisoformat(body["start_time"]) == TEN
    history = (await client.get(FOCUS)).json()
    assert datetime.fromisoformat(history[0]["end_time"]) == TEN


async def test_the_database_refuses_an_end_before_the_start(
    session: AsyncSession,
) -> None:
    user = await create_founder(session)

    with pytest.raises(IntegrityError, match="ck_admin_focus_sessions_ends_after_start"):
        async with session.begin_nested():
            await create_focus_session(
                session, user, start_time=TEN, end_time=STEPPED_BACK, interrupted=True
            )


async def test_a_nudge_is_never_dismissed_before_it_was_created(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    # Created by a replica whose clock is ahead; dismissed by one 10 s behind it.
    nudge = await create_nudge(session, await create_founder(session), created_at=TEN)
    clock.instant = STEPPED_BACK

    assert (await client.delete(f"{API}/nudges/{nudge.id}")).status_code == 204

    await session.refresh(nudge)
    assert nudge.dismissed_at == TEN


async def test_a_generated_nudge_is_created_and_expires_on_the_same_clock(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    # The database's clock (now, real time) is days ahead of this app's fixed one: the
    # nudge's lifetime is the app's today either way, never one that ended before it began.
    await create_founder(session)

    nudges = (await client.post(f"{API}/nudges/generate")).json()

    assert {nudge["rule_key"] for nudge in nudges} == {"no_goal:2026-11-25", "no_focus:2026-11-25"}
    for nudge in nudges:
        assert datetime.fromisoformat(nudge["created_at"]) == clock.now()
        assert datetime.fromisoformat(nudge["expires_at"]) == datetime(2026, 11, 26, tzinfo=UTC)
