"""GET and PATCH /me: the caller's profile and the time zone that defines "today"."""

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User
from tests.helpers import API
from tests.tokens import FOUNDER


async def test_get_me_returns_the_callers_profile(client: httpx.AsyncClient) -> None:
    response = await client.get(f"{API}/me")
    assert response.status_code == 200
    body = response.json()
    assert (body["clerk_user_id"], body["role"], body["timezone"]) == (
        FOUNDER,
        "master_admin",
        "UTC",
    )


async def test_patch_me_sets_the_time_zone(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    response = await client.patch(f"{API}/me", json={"timezone": "Europe/Paris"})

    assert response.status_code == 200
    assert response.json()["timezone"] == "Europe/Paris"
    stored = await session.scalar(select(User).where(User.clerk_user_id == FOUNDER))
    assert stored is not None
    assert stored.timezone == "Europe/Paris"
    assert (await client.get(f"{API}/me")).json()["timezone"] == "Europe/Paris"


@pytest.mark.parametrize(
    "body",
    [
        {"timezone": "Mars/Olympus_Mons"},
        {"timezone": "../../etc/passwd"},
        {"timezone": "Europe/Paris\x00"},
        {"timezone": ""},
        {"timezone": None},
        {"timezone": 3},
        {"currency": "usd"},
        {"currency": "XYZ"},
        {"currency": "US"},
        {"currency": None},
        {"currency": 840},
        {"timezone": "Europe/Paris", "role": "master_admin"},
    ],
)
async def test_patch_me_refuses_bad_input_and_changes_nothing(
    client: httpx.AsyncClient, body: dict[str, object]
) -> None:
    response = await client.patch(f"{API}/me", json=body)
    assert response.status_code == 422
    profile = (await client.get(f"{API}/me")).json()
    assert (profile["timezone"], profile["currency"]) == ("UTC", "USD")


async def test_the_currency_defaults_to_usd_and_takes_any_iso_4217_code(
    client: httpx.AsyncClient,
) -> None:
    assert (await client.get(f"{API}/me")).json()["currency"] == "USD"

    response = await client.patch(f"{API}/me", json={"currency": "CHF"})

    assert response.status_code == 200
    assert (response.json()["currency"], response.json()["timezone"]) == ("CHF", "UTC")
    assert (await client.get(f"{API}/me")).json()["currency"] == "CHF"
    # One the pycountry list knows that is not among the usual few.
    assert (await client.patch(f"{API}/me", json={"currency": "XOF"})).status_code == 200


async def test_an_empty_patch_changes_nothing(client: httpx.AsyncClient) -> None:
    await client.patch(f"{API}/me", json={"timezone": "Asia/Tokyo"})

    response = await client.patch(f"{API}/me", json={})

    assert response.status_code == 200
    assert (response.json()["timezone"], response.json()["currency"]) == ("Asia/Tokyo", "USD")
