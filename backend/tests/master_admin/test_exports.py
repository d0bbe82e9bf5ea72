"""CSV exports: RFC 4180 quoting, formula-looking cells defused, streamed in bounded
memory."""

import csv
import io
import tracemalloc
from datetime import date

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.csv_export import csv_response
from app.models import ActivityType, User
from app.services.master_admin.activity_service import (
    ACTIVITY_EXPORT_HEADER,
    activity_export_rows,
    activity_filters,
)
from tests.clock import TODAY
from tests.committed_app import RacingClient
from tests.factories import create_activity, create_user
from tests.helpers import API

HEADER = "id,date,type,status,amount,prospect_id,notes,created_at"


def parsed(response: httpx.Response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.text, newline="")))


async def test_activities_export_quotes_and_defuses(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    formula = await create_activity(
        session, founder, date=date(2026, 11, 24), notes='=HYPERLINK("http://x.example","y")'
    )
    tricky = await create_activity(
        session,
        founder,
        date=TODAY,
        type=ActivityType.CALL,
        amount=2,
        notes='one, "two"\nthree',
    )
    await create_activity(session, await create_user(session), notes="not mine")

    response = await client.get(f"{API}/activities/export.csv")

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.text.startswith(HEADER + "\r\n")
    rows = parsed(response)
    assert rows[0] == HEADER.split(",")
    assert [row[:7] for row in rows[1:]] == [
        [str(tricky.id), "2026-11-25", "call", "done", "2", "", 'one, "two"\nthree'],
        [
            str(formula.id),
            "2026-11-24",
            "discovery",
            "done",
            "1",
            "",
            '\'=HYPERLINK("http://x.example","y")',
        ],
    ]
    assert rows[1][7] == tricky.created_at.isoformat()


async def test_activities_export_applies_the_lists_filters(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    await create_activity(session, founder, date=date(2026, 11, 20), type=ActivityType.CALL)
    kept = await create_activity(session, founder, date=date(2026, 11, 24), type=ActivityType.CALL)
    await create_activity(session, founder, date=date(2026, 11, 24), type=ActivityType.EMAIL)

    response = await client.get(
        f"{API}/activities/export.csv", params={"type": "call", "date_from": "2026-11-21"}
    )

    assert [row[0] for row in parsed(response)[1:]] == [str(kept.id)]


async def test_activities_export_stops_at_its_limit_newest_first(
    client: httpx.AsyncClient,
    session: AsyncSession,
    founder: User,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The limit is 100,000 rows; 2 here, so that three activities pass it.
    monkeypatch.setattr("app.services.master_admin.activity_service.ACTIVITY_EXPORT_LIMIT", 2)
    days = (date(2026, 11, 22), date(2026, 11, 24), date(2026, 11, 23))
    ids = {day: (await create_activity(session, founder, date=day)).id for day in days}

    response = await client.get(f"{API}/activities/export.csv")

    assert [row[0] for row in parsed(response)[1:]] == [
        str(ids[date(2026, 11, 24)]),
        str(ids[date(2026, 11, 23)]),
    ]


async def test_the_export_reads_in_a_transaction_of_its_own(racing_client: RacingClient) -> None:
    """Outside the test's transaction: the session the streamed body is read from."""
    async with racing_client() as (client, _):
        call = {"type": "call", "date": "2026-11-24"}
        created = (await client.post(f"{API}/activities", json=call)).json()
        response = await client.get(f"{API}/activities/export.csv")

    assert [row[0] for row in parsed(response)[1:]] == [str(created["id"])]


async def test_activities_export_refuses_a_reversed_range(
    client: httpx.AsyncClient, founder: User
) -> None:
    response = await client.get(
        f"{API}/activities/export.csv",
        params={"date_from": "2026-11-25", "date_to": "2026-11-24"},
    )

    assert response.status_code == 422


async def test_100000_rows_stream_in_bounded_memory(session: AsyncSession, founder: User) -> None:
    await session.execute(
        text(
            "INSERT INTO admin_activities (user_id, type, status, date, amount, notes) "
            "SELECT :owner, 'email', 'done', DATE '2026-01-01' + (n % 300), 1, "
            "'a note of some forty characters, quoted' FROM generate_series(1, 100000) n"
        ),
        {"owner": founder.id},
    )
    params = activity_filters(founder)
    response = csv_response(
        ACTIVITY_EXPORT_HEADER, activity_export_rows(session, params), "activities.csv"
    )

    lines = 0
    size = 0
    tracemalloc.start()
    try:
        async for chunk in response.body_iterator:
            assert isinstance(chunk, bytes)
            lines += chunk.count(b"\r\n")
            size += len(chunk)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert lines == 100_001
    # About 9 MB of CSV went through; a chunk of 1,000 rows at a time stays far below.
    assert size > 9_000_000
    assert peak < 3_000_000


async def test_scores_export_is_zero_filled_oldest_first(
    client: httpx.AsyncClient, founder: User
) -> None:
    for day in ("2026-11-22", "2026-11-24"):
        await client.post(f"{API}/activities", json={"type": "call", "date": day})

    response = await client.get(
        f"{API}/scores/export.csv", params={"date_from": "2026-11-21", "date_to": "2026-11-25"}
    )

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.text == (
        "date,score,streak_days,activities_count\r\n"
        "2026-11-21,0,0,0\r\n"
        "2026-11-22,20,1,1\r\n"
        "2026-11-23,0,0,0\r\n"
        "2026-11-24,20,1,1\r\n"
        "2026-11-25,0,0,0\r\n"
    )


async def test_scores_export_defaults_to_the_365_days_ending_today(
    client: httpx.AsyncClient, founder: User
) -> None:
    rows = parsed(await client.get(f"{API}/scores/export.csv"))

    assert len(rows) == 366
    assert (rows[1][0], rows[-1][0]) == ("2025-11-26", "2026-11-25")


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "2026-11-25", "date_to": "2026-11-24"},
        # 3,661 days.
        {"date_from": "2016-11-17", "date_to": "2026-11-25"},
        {"date_from": "soon"},
    ],
)
async def test_scores_export_refuses_bad_ranges(
    client: httpx.AsyncClient, founder: User, params: dict[str, str]
) -> None:
    response = await client.get(f"{API}/scores/export.csv", params=params)

    assert response.status_code == 422


async def test_scores_export_of_3660_days_is_answered(
    client: httpx.AsyncClient, founder: User
) -> None:
    # 2016-11-18 .. 2026-11-25: 3,660 days (three leap days between).
    response = await client.get(
        f"{API}/scores/export.csv", params={"date_from": "2016-11-18", "date_to": "2026-11-25"}
    )

    assert response.status_code == 200
    assert len(parsed(response)) == 3_661
