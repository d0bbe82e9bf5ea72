"""GET and PATCH /me: the caller's profile and the time zone that defines "today"."""

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import User
from tests.conftest import API
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
        {},
        {"timezone": "Europe/Paris", "role": "master_admin"},
    ],
)
async def test_patch_me_refuses_bad_input_and_changes_nothing(
    client: httpx.AsyncClient, body: dict[str, object]
) -> None:
    response = await client.patch(f"{API}/me", json=body)
    assert response.status_code == 422
    assert (await client.get(f"{API}/me")).json()["timezone"] == "UTC"
