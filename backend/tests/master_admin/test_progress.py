"""GET /progress/week: a week's done amounts per type against its goal, and where steady
progress would be by the end of today."""

from datetime import UTC, date, datetime

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import ActivityStatus, ActivityType, User
from app.services.master_admin.scoring import percent_of
from tests.clock import MONDAY, FixedClock
from tests.factories import create_activity, create_founder, create_goal, create_user
from tests.helpers import API
from tests.master_admin.expected import progress


async def test_progress_against_this_weeks_goal(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    goal = await create_goal(
        session,
        founder,
        week_start=MONDAY,
        target_discoveries=5,
        target_emails=20,
        target_videos=3,
        target_calls=10,
    )
    for day, kind, amount in [
        (date(2026, 11, 23), ActivityType.DISCOVERY, 2),
        (date(2026, 11, 25), ActivityType.DISCOVERY, 1),
        (date(2026, 11, 24), ActivityType.EMAIL, 12),
        (date(2026, 11, 25), ActivityType.EMAIL, 12),
        (date(2026, 11, 25), ActivityType.CALL, 3),
        (date(2026, 11, 22), ActivityType.CALL, 50),  # last week
        (date(2026, 11, 30), ActivityType.CALL, 50),  # next week
    ]:
        await create_activity(session, founder, date=day, type=kind, amount=amount)
    await create_activity(
        session, founder, type=ActivityType.VIDEO, amount=3, status=ActivityStatus.PENDING
    )
    await create_activity(
        session, founder, type=ActivityType.VIDEO, amount=1, status=ActivityStatus.CANCELLED
    )
    await create_activity(session, await create_user(session), type=ActivityType.VIDEO, amount=3)

    response = await client.get(f"{API}/progress/week")

    # Wednesday: 3 of the week's 7 days have begun, so expected = target x 3 / 7.
    assert response.status_code == 200
    assert response.json() == {
        "week_start": "2026-11-23",
        "goal_id": goal.id,
        "inherited": False,
        "types": [
            progress("discovery", 5, 3, 2, 60, 2.14),
            progress("email", 20, 24, 0, 100, 8.57),
            progress("video", 3, 0, 3, 0, 1.29),
            progress("call", 10, 3, 7, 30, 4.29),
        ],
    }


async def test_percent_is_rounded_down(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    await create_goal(session, founder, week_start=MONDAY, target_calls=3)
    await create_activity(session, founder, type=ActivityType.CALL, amount=2)

    response = await client.get(f"{API}/progress/week")

    # 2 / 3 = 66.7 %
    assert response.json()["types"][3] == progress("call", 3, 2, 1, 66, 1.29)


async def test_without_a_goal_targets_are_zero(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    await create_activity(session, founder, type=ActivityType.EMAIL, amount=4)

    response = await client.get(f"{API}/progress/week")

    assert response.json() == {
        "week_start": "2026-11-23",
        "goal_id": None,
        "inherited": False,
        "types": [
            progress("discovery", 0, 0, 0, 0, 0),
            progress("email", 0, 4, 0, 100, 0),
            progress("video", 0, 0, 0, 0, 0),
            progress("call", 0, 0, 0, 0, 0),
        ],
    }


async def test_a_week_without_a_goal_runs_on_last_weeks(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    last_week = await create_goal(session, founder, week_start=date(2026, 11, 16), target_calls=7)
    await create_activity(session, founder, type=ActivityType.CALL, amount=2)

    response = await client.get(f"{API}/progress/week")

    # Wednesday: expected = 7 x 3 / 7 = 3.
    assert response.json()["goal_id"] == last_week.id
    assert response.json()["inherited"] is True
    assert response.json()["types"][3] == progress("call", 7, 2, 5, 28, 3)


@pytest.mark.parametrize(
    ("week_start", "days_elapsed"),
    [("2026-11-16", 7), ("2026-11-23", 3), ("2026-11-30", 0), ("2025-01-06", 7)],
)
async def test_expected_by_today_counts_the_days_begun(
    client: httpx.AsyncClient,
    session: AsyncSession,
    founder: User,
    week_start: str,
    days_elapsed: int,
) -> None:
    goal = await create_goal(
        session, founder, week_start=date.fromisoformat(week_start), target_calls=70
    )

    response = await client.get(f"{API}/progress/week", params={"week_start": week_start})

    assert response.json()["goal_id"] == goal.id
    assert response.json()["types"][3]["expected_by_today"] == 10 * days_elapsed


async def test_on_monday_one_day_has_begun(
    client: httpx.AsyncClient, session: AsyncSession, founder: User, clock: FixedClock
) -> None:
    clock.instant = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)
    await create_goal(session, founder, week_start=MONDAY, target_emails=14)

    response = await client.get(f"{API}/progress/week")

    assert response.json()["types"][1]["expected_by_today"] == 2


async def test_this_week_is_the_callers_local_week(
    client: httpx.AsyncClient, session: AsyncSession, clock: FixedClock
) -> None:
    # Monday 05:00 UTC is Sunday evening in Los Angeles: the last day of last week.
    founder = await create_founder(session, "America/Los_Angeles")
    clock.instant = datetime(2026, 11, 23, 5, 0, tzinfo=UTC)
    last_week = await create_goal(
        session, founder, week_start=date(2026, 11, 16), target_discoveries=7
    )
    await create_goal(session, founder, week_start=MONDAY)
    await create_activity(session, founder, date=date(2026, 11, 22), amount=4)

    response = await client.get(f"{API}/progress/week")

    assert response.json()["week_start"] == "2026-11-16"
    assert response.json()["goal_id"] == last_week.id
    assert response.json()["types"][0] == progress("discovery", 7, 4, 3, 57, 7)


@pytest.mark.parametrize(
    "week_start", ["2026-11-24", "2026-11-22", "soon", "9999-12-27", "0001-01-01", "0"]
)
async def test_week_start_must_be_a_monday(
    client: httpx.AsyncClient, founder: User, week_start: str
) -> None:
    response = await client.get(f"{API}/progress/week", params={"week_start": week_start})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "week_start"]


async def test_progress_route_documents_its_errors(anonymous_client: httpx.AsyncClient) -> None:
    paths = (await anonymous_client.get("/openapi.json")).json()["paths"]

    # The router documents what every route shares (401, 403, ...); these are the route's own.
    responses = set(paths[f"{API}/progress/week"]["get"]["responses"])
    assert responses & {"200", "404", "409", "422"} == {"200", "422"}


def test_a_target_of_zero_is_met_by_a_single_one() -> None:
    assert (percent_of(0, 0), percent_of(1, 0), percent_of(3, 0)) == (0, 100, 100)
