"""What tests share besides fixtures: the API's prefix, the test app's settings, running
the app and talking to it. `conftest.py` builds its fixtures from these."""

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.dependencies import get_db_session, get_streaming_session
from app.core.config import AppEnv, Settings
from app.main import create_app
from tests.clock import FixedClock
from tests.tokens import AUTHORIZED_PARTY, ISSUER, TokenSigner

API = "/api/v1/master-admin"
# Tests see no web build, whatever the developer has built: those that serve one make it.
NO_WEB_BUILD = Path(__file__).parent / "no-web-build"
# What the `client_with` fixture gives: `async with client_with(**overrides) as client`.
ClientWith = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


def settings_for(database_url: str, signer: TokenSigner) -> Settings:
    """The test app's settings on `database_url`, trusting `signer`'s tokens."""
    return Settings(
        _env_file=None,
        app_env=AppEnv.TEST,
        database_url=database_url,
        clerk_jwt_key=signer.public_pem,
        clerk_jwks_url=None,
        clerk_issuer=ISSUER,
        clerk_authorized_parties=[AUTHORIZED_PARTY],
        master_admin_user_ids=[],
        nudge_ai_base_url=None,
        nudge_ai_api_key=None,
        web_dist_dir=NO_WEB_BUILD,
    )


def configured(settings: Settings, **overrides: Any) -> Settings:
    """`settings` with `overrides`, validated as values from the environment would be
    (`model_copy` would keep "development" a str where the app expects an AppEnv)."""
    return Settings(_env_file=None, **(settings.model_dump() | overrides))


@asynccontextmanager
async def running_app(
    settings: Settings, clock: FixedClock, session: AsyncSession | None
) -> AsyncIterator[FastAPI]:
    """The app with its lifespan running; with `session`, every request uses it."""
    app = create_app(settings, clock=clock)
    if session is not None:

        async def test_session() -> AsyncIterator[AsyncSession]:
            yield session
            await session.commit()

        app.dependency_overrides[get_db_session] = test_session
        app.dependency_overrides[get_streaming_session] = test_session
    async with app.router.lifespan_context(app):
        yield app


def http_client(app: FastAPI, **kwargs: Any) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app)
    return httpx.AsyncClient(transport=transport, base_url="http://test", **kwargs)
