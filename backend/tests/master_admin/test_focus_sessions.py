import asyncio
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.core.config import Settings
from app.core.errors import Conflict
from app.models import AdminFocusSession, User
from app.schemas.master_admin.focus_sessions import AdminFocusSessionEnd
from app.services.master_admin.focus_session_service import FocusSessionService
from tests.clock import DEFAULT_NOW, FixedClock
from tests.committed_app import RacingClient, unique_clerk_id
from tests.factories import create_focus_session, create_founder, create_user
from tests.helpers import API
from tests.interleaving import until_blocked_or_done
from tests.statements import counting_statements

FOCUS = f"{API}/focus-sessions"


async def my_id(client: httpx.AsyncClient) -> int:
    response = await client.get(f"{API}/me")
    user_id: int = response.json()["id"]
    return user_id


async def start(client: httpx.AsyncClient, **body: object) -> dict[str, object]:
    response = await client.post(FOCUS, json=body)
    assert response.status_code == 201, response.text
    started: dict[str, object] = response.json()
    return started


# --- starting -------------------------------------------------------------------------


async def test_start_uses_the_server_clock_and_fifty_minutes_by_default(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post(FOCUS, json={})

    assert response.status_code == 201
    body = response.json()
    assert body["user_id"] == await my_id(client)
    assert isinstance(body["id"], int)
    assert datetime.fromisoformat(body["start_time"]) == DEFAULT_NOW
    assert body["end_time"] is None
    assert body["duration_minutes"] == 50
    assert body["completed"] is False
    assert body["interrupted"] is False
    assert body["notes"] is None
    assert datetime.fromisoformat(body["created_at"]).tzinfo is not None


async def test_start_without_a_body_is_a_default_session(client: httpx.AsyncClient) -> None:
    response = await client.post(FOCUS)

    assert response.status_code == 201
    assert response.json()["duration_minutes"] == 50


async def test_start_takes_a_duration_and_notes(client: httpx.AsyncClient) -> None:
    body = await start(client, duration_minutes=25, notes="Outreach to Acme")

    assert body["duration_minutes"] == 25
    assert body["notes"] == "Outreach to Acme"


@pytest.mark.parametrize("minutes", [5, 180])
async def test_duration_bounds_are_accepted(client: httpx.AsyncClient, minutes: int) -> None:
    assert (await start(client, duration_minutes=minutes))["duration_minutes"] == minutes


@pytest.mark.parametrize(
    "body",
    [
        {"duration_minutes": 4},
        {"duration_minutes": 181},
        {"duration_minutes": 2**63},
        {"duration_minutes": "fifty"},
        {"duration_minutes": "50"},
        {"duration_minutes": 50.0},
        {"duration_minutes": True},
        {"notes": "x" * 10_001},
        {"notes": "a\x00b"},
        {"start_time": "2026-11-25T09:00:00+00:00"},
        {"completed": True},
    ],
)
async def test_start_refuses_bad_input(client: httpx.AsyncClient, body: dict[str, object]) -> None:
    response = await client.post(FOCUS, json=body)

    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["detail"]] == [["body", *body]]
    assert (await client.get(FOCUS)).json() == []  # nothing started


async def test_notes_of_ten_thousand_characters_are_accepted(client: httpx.AsyncClient) -> None:
    assert (await start(client, notes="n" * 10_000))["notes"] == "n" * 10_000


async def test_a_second_start_while_one_is_open_is_a_conflict_naming_it(
    client: httpx.AsyncClient,
) -> None:
    first = await start(client)

    response = await client.post(FOCUS, json={"duration_minutes": 25})

    assert response.status_code == 409
    assert response.json() == {"detail": still_open(first["id"])}
    history = await client.get(FOCUS)
    assert [row["id"] for row in history.json()] == [first["id"]]


async def test_a_session_past_its_end_still_blocks_a_new_one(
    client: httpx.AsyncClient, clock: FixedClock
) -> None:
    first = await start(client)
    clock.instant = DEFAULT_NOW + timedelta(hours=5)

    response = await client.post(FOCUS, json={})

    assert response.status_code == 409
    assert response.json() == {"detail": still_open(first["id"])}


async def test_another_users_open_session_does_not_block(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    other = await create_user(session)
    await create_focus_session(session, other)

    await start(client)


async def test_a_new_session_can_start_once_the_open_one_ended(
    client: httpx.AsyncClient, clock: FixedClock
) -> None:
    first = await start(client)
    clock.instant = DEFAULT_NOW + timedelta(minutes=50)
    await client.put(f"{FOCUS}/{first['id']}/complete")

    second = await start(client, duration_minutes=30)

    assert second["id"] != first["id"]
    assert datetime.fromisoformat(str(second["start_time"])) == clock.instant


async def test_the_service_lets_other_integrity_errors_through(
    session: AsyncSession, clock: FixedClock
) -> None:
    """Only the one-open-session index means "already open"; anything else is a bug."""
    user = await create_user(session)
    service = FocusSessionService(session, clock)

    with pytest.raises(IntegrityError, match="duration_range"):
        await service.start_session(user, duration_minutes=500)


# --- completing and interrupting ------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "flag"), [("complete", "completed"), ("interrupt", "interrupted")]
)
async def test_ending_sets_the_end_time_and_the_outcome(
    client: httpx.AsyncClient, clock: FixedClock, action: str, flag: str
) -> None:
    started = await start(client, notes="Deep work")
    clock.instant = DEFAULT_NOW + timedelta(minutes=31, seconds=7)

    response = await client.put(f"{FOCUS}/{started['id']}/{action}", json={"notes": "Two calls"})

    assert response.status_code == 200
    body = response.json()
    assert body["id"] == started["id"]
    assert datetime.fromisoformat(body["end_time"]) == clock.instant
    assert datetime.fromisoformat(body["start_time"]) == DEFAULT_NOW
    assert body[flag] is True
    assert body["completed" if flag == "interrupted" else "interrupted"] is False
    assert body["notes"] == "Two calls"


async def test_ending_without_notes_keeps_the_notes_and_null_clears_them(
    client: httpx.AsyncClient,
) -> None:
    first = await start(client, notes="Prospect list")
    kept = await client.put(f"{FOCUS}/{first['id']}/complete")
    second = await start(client, notes="Follow-ups")
    cleared = await client.put(f"{FOCUS}/{second['id']}/interrupt", json={"notes": None})

    assert kept.json()["notes"] == "Prospect list"
    assert cleared.json()["notes"] is None


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("complete", "complete"),
        ("complete", "interrupt"),
        ("interrupt", "complete"),
        ("interrupt", "interrupt"),
    ],
)
async def test_a_session_ends_only_once(
    client: httpx.AsyncClient, clock: FixedClock, first: str, second: str
) -> None:
    started = await start(client)
    ended = await client.put(f"{FOCUS}/{started['id']}/{first}")
    clock.instant = DEFAULT_NOW + timedelta(minutes=5)

    response = await client.put(f"{FOCUS}/{started['id']}/{second}", json={"notes": "late"})

    assert response.status_code == 409
    # The end time as the API shows it everywhere else.
    assert ended.json()["end_time"] == "2026-11-25T15:00:00Z"
    assert response.json() == {
        "detail": f"focus session {started['id']} already ended at 2026-11-25T15:00:00Z"
    }
    unchanged = (await client.get(FOCUS)).json()[0]
    assert unchanged == ended.json()


@pytest.mark.parametrize("action", ["complete", "interrupt"])
async def test_ending_an_unknown_or_foreign_session_is_not_found(
    client: httpx.AsyncClient, session: AsyncSession, action: str
) -> None:
    other = await create_user(session)
    foreign = await create_focus_session(session, other)

    for session_id in (foreign.id, 2_147_483_647):
        response = await client.put(f"{FOCUS}/{session_id}/{action}")
        assert response.status_code == 404
        assert response.json() == {"detail": f"focus session {session_id} not found"}
    await session.refresh(foreign)
    assert foreign.end_time is None


async def test_active_is_not_a_session_id(client: httpx.AsyncClient) -> None:
    # Every id route's bounds are walked in test_hostile_input.
    response = await client.put(f"{FOCUS}/active/complete")

    assert response.status_code == 404


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
async def test_the_active_session_path_only_reads(client: httpx.AsyncClient, method: str) -> None:
    response = await client.request(method, f"{FOCUS}/active")

    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD"


@pytest.mark.parametrize(
    "body", [{"notes": "x" * 10_001}, {"notes": "\x00"}, {"completed": False}, {"end_time": None}]
)
async def test_ending_refuses_bad_input(client: httpx.AsyncClient, body: dict[str, object]) -> None:
    started = await start(client)

    response = await client.put(f"{FOCUS}/{started['id']}/complete", json=body)

    assert response.status_code == 422
    assert (await client.get(f"{FOCUS}/active")).json()["end_time"] is None


# --- the active session ---------------------------------------------------------------


async def test_no_active_session_is_200_with_null(client: httpx.AsyncClient) -> None:
    response = await client.get(f"{FOCUS}/active")

    assert response.status_code == 200
    assert response.json() is None


async def test_the_active_session_shows_its_timer(
    client: httpx.AsyncClient, clock: FixedClock
) -> None:
    started = await start(client, duration_minutes=50)
    clock.instant = DEFAULT_NOW + timedelta(minutes=10)

    response = await client.get(f"{FOCUS}/active")

    assert response.status_code == 200
    body = response.json()
    assert body["id"] == started["id"]
    assert datetime.fromisoformat(body["ends_at"]) == datetime(2026, 11, 25, 15, 50, tzinfo=UTC)
    assert body["remaining_seconds"] == 2400
    assert body["overdue"] is False
    assert body["end_time"] is None


@pytest.mark.parametrize(
    ("elapsed", "remaining_seconds", "overdue"),
    [
        # Seconds round up, so 0 means the time is up.
        (timedelta(minutes=4, seconds=59, microseconds=1), 1, False),
        # At its end the session is overdue.
        (timedelta(minutes=5), 0, True),
    ],
)
async def test_the_timer_counts_whole_seconds_down_to_its_end(
    client: httpx.AsyncClient,
    clock: FixedClock,
    elapsed: timedelta,
    remaining_seconds: int,
    overdue: bool,
) -> None:
    await start(client, duration_minutes=5)
    clock.instant = DEFAULT_NOW + elapsed

    body = (await client.get(f"{FOCUS}/active")).json()

    assert (body["remaining_seconds"], body["overdue"]) == (remaining_seconds, overdue)


async def test_a_session_long_past_its_end_stays_open_and_overdue(
    client: httpx.AsyncClient, clock: FixedClock
) -> None:
    started = await start(client, duration_minutes=50)
    clock.instant = DEFAULT_NOW + timedelta(days=2)

    body = (await client.get(f"{FOCUS}/active")).json()

    assert body["id"] == started["id"]
    assert body["remaining_seconds"] == 0
    assert body["overdue"] is True
    assert body["end_time"] is None


async def test_an_ended_session_is_no_longer_active(client: httpx.AsyncClient) -> None:
    started = await start(client)
    await client.put(f"{FOCUS}/{started['id']}/interrupt")

    assert (await client.get(f"{FOCUS}/active")).json() is None


async def test_another_users_open_session_is_not_my_active_one(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    other = await create_user(session)
    await create_focus_session(session, other)

    assert (await client.get(f"{FOCUS}/active")).json() is None


# --- one session ----------------------------------------------------------------------


async def test_get_one_session(client: httpx.AsyncClient) -> None:
    started = await start(client, duration_minutes=20)

    response = await client.get(f"{FOCUS}/{started['id']}")

    assert response.status_code == 200
    assert response.json() == started


async def test_get_an_unknown_or_foreign_session_is_not_found(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    other = await create_user(session)
    foreign = await create_focus_session(session, other)

    for session_id in (foreign.id, 2_147_483_647):
        response = await client.get(f"{FOCUS}/{session_id}")
        assert response.status_code == 404
        assert response.json() == {"detail": f"focus session {session_id} not found"}


# --- history --------------------------------------------------------------------------


async def make_history(client: httpx.AsyncClient, clock: FixedClock, count: int) -> list[int]:
    """`count` ended sessions an hour apart, oldest first."""
    ids = []
    for hour in range(count):
        clock.instant = DEFAULT_NOW + timedelta(hours=hour)
        started = await start(client)
        ids.append(int(str(started["id"])))
        await client.put(f"{FOCUS}/{started['id']}/complete")
    return ids


async def test_history_is_newest_first_with_the_total_in_a_header(
    client: httpx.AsyncClient, clock: FixedClock, session: AsyncSession
) -> None:
    other = await create_user(session)
    await create_focus_session(session, other)
    ids = await make_history(client, clock, 3)

    response = await client.get(FOCUS)

    assert response.status_code == 200
    assert [row["id"] for row in response.json()] == ids[::-1]
    assert response.headers["X-Total-Count"] == "3"
    assert response.json()[0]["completed"] is True


async def test_history_orders_by_start_time_then_newest_id(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    at = datetime(2026, 11, 25, 9, tzinfo=UTC)
    later = await create_focus_session(session, founder, start_time=at + timedelta(hours=1))
    first_tied, second_tied = [
        await create_focus_session(
            session, founder, start_time=at, end_time=at + timedelta(minutes=5), interrupted=True
        )
        for _ in range(2)
    ]

    response = await client.get(FOCUS)

    assert [row["id"] for row in response.json()] == [later.id, second_tied.id, first_tied.id]


async def test_the_service_starts_fifty_minutes_by_default(
    session: AsyncSession, clock: FixedClock
) -> None:
    focus = await FocusSessionService(session, clock).start_session(await create_user(session))

    assert (focus.duration_minutes, focus.start_time) == (50, DEFAULT_NOW)


async def test_history_pages_with_limit_and_offset(
    client: httpx.AsyncClient, clock: FixedClock
) -> None:
    ids = await make_history(client, clock, 5)

    page = await client.get(FOCUS, params={"limit": 2, "offset": 1})
    beyond = await client.get(FOCUS, params={"offset": 10})

    assert [row["id"] for row in page.json()] == [ids[3], ids[2]]
    assert page.headers["X-Total-Count"] == "5"
    assert beyond.json() == []
    assert beyond.headers["X-Total-Count"] == "5"


async def test_empty_history(client: httpx.AsyncClient) -> None:
    response = await client.get(FOCUS)

    assert response.json() == []
    assert response.headers["X-Total-Count"] == "0"


@pytest.mark.parametrize(
    "params",
    [{"limit": 0}, {"limit": 501}, {"offset": -1}, {"limit": "many"}, {"offset": 2**63}],
)
async def test_history_refuses_bad_paging(
    client: httpx.AsyncClient, params: dict[str, str | int]
) -> None:
    response = await client.get(FOCUS, params=params)

    assert response.status_code == 422


async def test_history_limit_of_500_is_accepted(client: httpx.AsyncClient) -> None:
    assert (await client.get(FOCUS, params={"limit": 500})).status_code == 200


# --- racing starts, with real commits -------------------------------------------------


async def test_racing_starts_make_exactly_one_session(
    racing_client: RacingClient, engine: AsyncEngine
) -> None:
    async with racing_client() as (client, founder):
        responses = await asyncio.gather(*(client.post(FOCUS, json={}) for _ in range(8)))

        statuses = sorted(response.status_code for response in responses)
        assert statuses == [201] + [409] * 7
        winner = next(response.json() for response in responses if response.status_code == 201)
        for response in responses:
            if response.status_code == 409:
                assert response.json() == {"detail": still_open(winner["id"])}
        async with engine.connect() as connection:
            stored = await connection.scalar(
                select(func.count())
                .select_from(AdminFocusSession)
                .join(User)
                .where(User.id == founder.id)
            )
        assert stored == 1


async def test_a_refused_start_whose_blocker_has_since_ended_still_says_why(
    session: AsyncSession, clock: FixedClock
) -> None:
    """The blocking session can end between the refused insert and the read that names
    it; no lock can hold a request there, so the message is checked on its own."""
    user = await create_user(session)
    service = FocusSessionService(session, clock)

    detail = await service._still_open_detail(user)

    assert detail == "another focus session is still open: complete or interrupt it first"


def still_open(focus_id: object) -> str:
    return f"focus session {focus_id} is still open: complete or interrupt it first"


# GET /focus-sessions/stats


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


async def test_focus_stats_of_this_week(
    client: httpx.AsyncClient, session: AsyncSession, founder: User, clock: FixedClock
) -> None:
    clock.instant = at("2026-11-25T15:00:30+00:00")
    sessions = [
        # Monday: 50 planned, ended after 50:59 -> 50 (capped), completed.
        ("2026-11-23T09:00:00+00:00", "2026-11-23T09:50:59+00:00", 50, True),
        # Monday: interrupted after 12:40 -> 12.
        ("2026-11-23T11:00:00+00:00", "2026-11-23T11:12:40+00:00", 50, False),
        # Tuesday: 25 planned, ended 40 minutes later -> 25 (capped).
        ("2026-11-24T08:00:00+00:00", "2026-11-24T08:40:00+00:00", 25, True),
        # Wednesday, still open since 14:30 -> 30 minutes by now.
        ("2026-11-25T14:30:00+00:00", None, 50, False),
        # Last Sunday and next Monday: other weeks.
        ("2026-11-22T23:00:00+00:00", "2026-11-22T23:50:00+00:00", 50, True),
        ("2026-11-30T00:00:00+00:00", "2026-11-30T00:50:00+00:00", 50, True),
    ]
    for start, end, planned, completed in sessions:
        await create_focus_session(
            session,
            founder,
            start_time=at(start),
            end_time=None if end is None else at(end),
            duration_minutes=planned,
            completed=completed,
            interrupted=end is not None and not completed,
        )
    await create_focus_session(session, await create_user(session), duration_minutes=50)

    response = await client.get(f"{API}/focus-sessions/stats")

    assert response.status_code == 200
    assert response.json() == {
        "week_start": "2026-11-23",
        "sessions": 4,
        "completed": 2,
        "interrupted": 1,
        "focused_minutes": 117,
        "by_day": [
            {"date": "2026-11-23", "focused_minutes": 62},
            {"date": "2026-11-24", "focused_minutes": 25},
            {"date": "2026-11-25", "focused_minutes": 30},
            {"date": "2026-11-26", "focused_minutes": 0},
            {"date": "2026-11-27", "focused_minutes": 0},
            {"date": "2026-11-28", "focused_minutes": 0},
            {"date": "2026-11-29", "focused_minutes": 0},
        ],
    }


async def test_focus_stats_count_the_local_day_a_session_started(
    client: httpx.AsyncClient, session: AsyncSession, engine: AsyncEngine, clock: FixedClock
) -> None:
    # 2026-11-23 06:00 UTC is Sunday the 22nd, 22:00, in Los Angeles: last week there.
    founder = await create_founder(session, "America/Los_Angeles")
    await create_focus_session(
        session,
        founder,
        start_time=at("2026-11-23T06:00:00+00:00"),
        end_time=at("2026-11-23T06:20:00+00:00"),
        interrupted=True,
    )

    with counting_statements(engine) as sent:
        last_week = (
            await client.get(f"{API}/focus-sessions/stats", params={"week_start": "2026-11-16"})
        ).json()
    # Monday the 30th, 03:00 UTC, is still Sunday the 29th in Los Angeles: the week there
    # began on the 23rd (in UTC, a new one has begun).
    clock.instant = at("2026-11-30T03:00:00+00:00")
    this_week = (await client.get(f"{API}/focus-sessions/stats")).json()

    assert (last_week["interrupted"], last_week["focused_minutes"]) == (1, 20)
    assert last_week["by_day"][6] == {"date": "2026-11-22", "focused_minutes": 20}
    assert this_week["week_start"] == "2026-11-23"
    assert (this_week["sessions"], this_week["focused_minutes"]) == (0, 0)
    # The user's row and the week's sessions.
    assert len(sent) == 2


async def test_a_session_ended_in_its_first_minute_adds_no_focused_minute(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    await create_focus_session(
        session,
        founder,
        start_time=at("2026-11-24T09:00:00+00:00"),
        end_time=at("2026-11-24T09:00:59+00:00"),
        interrupted=True,
    )

    stats = (await client.get(f"{API}/focus-sessions/stats")).json()

    assert (stats["sessions"], stats["interrupted"], stats["focused_minutes"]) == (1, 1, 0)
    assert stats["by_day"][1] == {"date": "2026-11-24", "focused_minutes": 0}


async def test_focus_stats_week_start_must_be_a_monday(
    client: httpx.AsyncClient, founder: User
) -> None:
    response = await client.get(f"{API}/focus-sessions/stats", params={"week_start": "2026-11-24"})

    assert response.status_code == 422


# --- racing ends, with real commits ---------------------------------------------------


async def test_racing_completes_and_interrupts_end_a_session_once(
    racing_client: RacingClient, engine: AsyncEngine
) -> None:
    """Every end reads the open session while another transaction holds its row: the
    first to get the row ends it, each of the others finds it ended (409)."""
    async with racing_client() as (client, _):
        focus_id = (await client.post(FOCUS, json={"notes": "draft"})).json()["id"]
        # notes -> how the request ends the session
        ends = {
            "done 1": "complete",
            "done 2": "complete",
            "phone 1": "interrupt",
            "phone 2": "interrupt",
        }

        async with engine.connect() as holder:
            await holder.execute(
                select(AdminFocusSession.id)
                .where(AdminFocusSession.id == focus_id)
                .with_for_update()
            )
            racing = [
                asyncio.create_task(client.put(f"{FOCUS}/{focus_id}/{end}", json={"notes": notes}))
                for notes, end in ends.items()
            ]
            await until_blocked_or_done(engine, racing)
            await holder.commit()
        responses = await asyncio.gather(*racing)

        assert sorted(response.status_code for response in responses) == [200, 409, 409, 409]
        [winner] = [response.json() for response in responses if response.status_code == 200]
        stored = (await client.get(f"{FOCUS}/{focus_id}")).json()
        assert stored == winner
        end = ends[winner["notes"]]
        assert (stored["completed"], stored["interrupted"]) == (
            end == "complete",
            end == "interrupt",
        )
        assert stored["end_time"] == "2026-11-25T15:00:00Z"
        for response in responses:
            if response.status_code == 409:
                assert response.json() == {
                    "detail": f"focus session {focus_id} already ended at 2026-11-25T15:00:00Z"
                }


async def test_an_end_rereads_a_session_its_transaction_already_loaded(
    settings: Settings, clock: FixedClock, engine: AsyncEngine
) -> None:
    """The row lock is only worth the row it reads: a copy loaded earlier in the same
    session must not hide an end committed meanwhile by another transaction."""
    clerk_id = unique_clerk_id("user_focus_stale")
    async with engine.begin() as setup:
        user_id = (
            await setup.execute(insert(User).values(clerk_user_id=clerk_id).returning(User.id))
        ).scalar_one()
        focus_id = (
            await setup.execute(
                insert(AdminFocusSession)
                .values(user_id=user_id, start_time=DEFAULT_NOW)
                .returning(AdminFocusSession.id)
            )
        ).scalar_one()
    try:
        async with AsyncSession(engine, expire_on_commit=False) as session:
            service = FocusSessionService(session, clock)
            user = await session.get_one(User, user_id)
            loaded = await service.get_session(user, focus_id)  # held: the map is weak
            assert (loaded.end_time, loaded.interrupted) == (None, False)
            async with engine.begin() as other:
                await other.execute(
                    update(AdminFocusSession)
                    .where(AdminFocusSession.id == focus_id)
                    .values(end_time=DEFAULT_NOW, interrupted=True)
                )

            with pytest.raises(Conflict, match=f"focus session {focus_id} already ended"):
                await service.complete_session(user, focus_id, AdminFocusSessionEnd())
            assert (loaded.end_time, loaded.interrupted) == (DEFAULT_NOW, True)
    finally:
        async with engine.begin() as cleanup:
            await cleanup.execute(delete(User).where(User.id == user_id))
