"""Time zones are names of the IANA database the app ships (the `tzdata` package), the
same on every host; a stored zone that cannot be loaded never turns a read into a 500."""

from datetime import UTC, date, datetime
from importlib.resources import files

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import iana_time_zones, time_zone
from tests import factories
from tests.clock import MONDAY, FixedClock
from tests.helpers import API

SHIPPED = set(files("tzdata").joinpath("zones").read_text().split())


@pytest.mark.parametrize(
    "name",
    [
        "localtime",  # a file of a Debian host's /usr/share/zoneinfo, not a zone
        "posixrules",
        "posix/Europe/Paris",
        "right/UTC",
        "zone.tab",
        "Europe",
        "europe/paris",
    ],
)
async def test_a_name_that_is_not_an_iana_zone_is_422(client: httpx.AsyncClient, name: str) -> None:
    response = await client.patch(f"{API}/me", json={"timezone": name})

    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == (
        "Value error, must be an IANA time zone name, e.g. Europe/London"
    )
    assert (await client.get(f"{API}/me")).json()["timezone"] == "UTC"


def test_the_accepted_names_are_exactly_those_the_app_ships() -> None:
    assert iana_time_zones() == SHIPPED
    assert {"UTC", "Europe/London", "America/Argentina/Buenos_Aires", "Etc/GMT+5"} <= SHIPPED
    assert "localtime" not in SHIPPED


@pytest.mark.parametrize("name", ["America/Argentina/Buenos_Aires", "Etc/GMT+5", "UTC"])
async def test_every_shipped_name_is_accepted(client: httpx.AsyncClient, name: str) -> None:
    response = await client.patch(f"{API}/me", json={"timezone": name})

    assert (response.status_code, response.json()["timezone"]) == (200, name)


def test_zones_load_from_the_shipped_database() -> None:
    paris = time_zone("Europe/Paris")

    assert str(paris) == "Europe/Paris"
    assert datetime(2026, 7, 1, 12, tzinfo=UTC).astimezone(paris).hour == 14
    assert datetime(2026, 12, 1, 12, tzinfo=UTC).astimezone(paris).hour == 13


@pytest.mark.parametrize("stored", ["localtime", "Mars/Olympus_Mons", "", "../../etc/passwd"])
def test_a_stored_name_that_cannot_be_loaded_reads_as_utc(stored: str) -> None:
    clock = FixedClock(datetime(2026, 11, 25, 23, 30, tzinfo=UTC))

    assert time_zone(stored) is UTC
    assert clock.today(stored) == date(2026, 11, 25)
    assert clock.local_now(stored) == datetime(2026, 11, 25, 23, 30, tzinfo=UTC)


READS = [
    ("GET", "/me"),
    ("GET", "/scores/today"),
    ("GET", "/scores/week"),
    ("GET", "/scores/streak"),
    ("GET", "/progress/week"),
    ("GET", "/dashboard"),
    ("GET", "/goals/current"),
    ("GET", "/activities/today"),
    ("GET", "/focus-sessions/active"),
    ("GET", "/nudges"),
    ("POST", "/nudges/generate"),
]


@pytest.mark.parametrize("stored", ["localtime", "Mars/Olympus_Mons"])
async def test_a_user_whose_stored_zone_cannot_be_loaded_is_served_in_utc(
    client: httpx.AsyncClient, session: AsyncSession, stored: str
) -> None:
    # Stored before this rule existed, or by a replica whose host knew the name.
    user = await factories.create_founder(session, timezone=stored)
    await factories.create_goal(session, user, week_start=MONDAY)
    logged = await client.post(
        f"{API}/activities", json={"type": "call", "status": "done", "date": "2026-11-25"}
    )
    assert logged.status_code == 201

    statuses = {
        path: (await client.request(method, f"{API}{path}")).status_code for method, path in READS
    }

    assert statuses == {path: 201 if method == "POST" else 200 for method, path in READS}
    today = (await client.get(f"{API}/scores/today")).json()
    assert today == {"date": "2026-11-25", "score": 20, "streak_days": 1, "activities_count": 1}
