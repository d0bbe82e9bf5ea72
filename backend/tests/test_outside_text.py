"""Text that comes from outside a request body (token claims, headers, settings; the AI's
replies are in test_nudge_phrasing) is checked at its boundary by one rule: Unicode
scalar values only (no lone surrogate, which PostgreSQL refuses), no NUL, bounded."""

from typing import Any

import httpx
import pytest
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.core.text import outside_text
from app.models import User
from tests.helpers import API
from tests.tokens import TokenSigner


@pytest.mark.parametrize(
    ("value", "max_length", "expected"),
    [
        ("Set this week's targets now \U0001f3af", 100, "Set this week's targets now \U0001f3af"),
        ("x" * 5, 5, "x" * 5),
        ("x" * 6, 5, None),
        ("", 5, None),
        ("a\ud83d", 5, None),  # a high surrogate alone
        ("\udfffa", 5, None),  # a low surrogate alone
        ("\ud83d\udfaf", 5, None),  # a pair, as two code points: still not scalar values
        ("a\x00b", 5, None),
        (42, 5, None),
        (None, 5, None),
        (["a"], 5, None),
    ],
)
def test_the_rule(value: object, max_length: int, expected: str | None) -> None:
    assert outside_text(value, max_length=max_length) == expected


async def get_me(client: httpx.AsyncClient, token: str) -> httpx.Response:
    return await client.get(f"{API}/me", headers={"Authorization": f"Bearer {token}"})


async def stored_user(session: AsyncSession, clerk_user_id: str) -> User | None:
    user = await session.scalar(select(User).where(User.clerk_user_id == clerk_user_id))
    if user is not None:
        await session.refresh(user)
    return user


@pytest.mark.parametrize("sub", ["user_\ud83d", "\udc00"])
async def test_a_subject_that_is_not_text_is_401_and_stores_nothing(
    anonymous_client: httpx.AsyncClient, signer: TokenSigner, session: AsyncSession, sub: str
) -> None:
    response = await get_me(anonymous_client, signer.token(sub))

    assert (response.status_code, response.json()) == (
        401,
        {"detail": "the token's subject is malformed"},
    )
    assert await session.scalar(select(User).where(User.clerk_user_id.startswith("user_"))) is None


async def test_profile_claims_that_are_not_text_are_treated_as_absent(
    anonymous_client: httpx.AsyncClient, signer: TokenSigner, session: AsyncSession
) -> None:
    token = signer.token(
        "user_claims",
        email="grace\ud800@example.com",
        first_name="Grace",
        last_name="Hopper\x00",
    )

    response = await get_me(anonymous_client, token)

    assert response.status_code == 200
    body = response.json()
    assert (body["email"], body["first_name"], body["last_name"]) == (None, "Grace", None)


async def test_a_role_that_is_not_text_is_no_role(
    anonymous_client: httpx.AsyncClient, signer: TokenSigner, session: AsyncSession
) -> None:
    response = await get_me(anonymous_client, signer.token("user_role", role="master_admin\udfff"))

    assert response.status_code == 403
    user = await stored_user(session, "user_role")
    assert user is not None
    assert user.role is None


async def test_a_session_token_beyond_any_clerk_token_is_401_unread(
    anonymous_client: httpx.AsyncClient, signer: TokenSigner, session: AsyncSession
) -> None:
    # Validly signed, but far larger than a cookie can carry: a flood, not a session.
    token = signer.token("user_huge", padding="x" * 20_000)

    response = await get_me(anonymous_client, token)

    assert (response.status_code, response.json()) == (401, {"detail": "the token is malformed"})
    assert await stored_user(session, "user_huge") is None


async def test_a_session_cookie_beyond_any_clerk_token_is_401_unread(
    anonymous_client: httpx.AsyncClient, signer: TokenSigner
) -> None:
    token = signer.token("user_huge", padding="x" * 20_000)

    response = await anonymous_client.get(f"{API}/me", headers={"Cookie": f"__session={token}"})

    assert (response.status_code, response.json()) == (401, {"detail": "the token is malformed"})


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        ("master_admin_role", "master\udcffadmin"),  # an undecodable byte of the environment
        ("clerk_role_claim", "metadata.\x00role"),
        ("clerk_issuer", "https://clerk.example\udc80"),
        ("master_admin_user_ids", "user_1,user_\udcff"),
        ("nudge_ai_model", "gpt\udcc3"),
        ("nudge_ai_api_key", "sk-\u00e9t\u00e9"),  # sent in a header: visible ASCII only
        ("nudge_ai_api_key", "sk test"),
        ("master_admin_role", "r" * 65_537),
    ],
)
def test_settings_that_are_not_text_refuse_to_start(
    clean_environment: pytest.MonkeyPatch, setting: str, value: str
) -> None:
    overrides: dict[str, Any] = {setting: value}
    with pytest.raises(ValidationError) as refused:
        Settings(_env_file=None, **overrides)

    [error] = refused.value.errors()
    assert error["loc"] == (setting,)


def test_an_undecodable_byte_in_the_environment_refuses_to_start(
    clean_environment: pytest.MonkeyPatch,
) -> None:
    clean_environment.setenv("MASTER_ADMIN_ROLE", "master\udcffadmin")  # byte 0xFF

    with pytest.raises(ValidationError, match="master_admin_role"):
        Settings(_env_file=None)
