"""The test harness: real PostgreSQL, a migrated template database, one copy per xdist
worker, and a rolled-back transaction around every test."""

import os
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from app.api.dependencies import get_db_session
from app.core.config import AppEnv, Settings
from app.core.database import create_engine
from app.main import create_app
from app.models import User
from tests import database
from tests.clock import FixedClock
from tests.factories import create_founder
from tests.mutate import OWN_TESTS
from tests.tokens import AUTHORIZED_PARTY, FOUNDER, ISSUER, TokenSigner

# Wednesday 25 November 2026, 15:00 UTC: mid-week, mid-afternoon.
DEFAULT_NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
API = "/api/v1/master-admin"
# Tests see no web build, whatever the developer has built: those that serve one make it.
NO_WEB_BUILD = Path(__file__).parent / "no-web-build"
ClientWith = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


def pytest_configure(config: pytest.Config) -> None:
    workerinput = getattr(config, "workerinput", None)
    if workerinput is None:
        server = database.server_url()
        config.stash[SERVER] = server
        # Given (by `make mutate`, which runs the suite once per mutant), it is not ours.
        given = os.environ.get(database.TEMPLATE_VARIABLE)
        config.stash[TEMPLATE] = given or database.create_template(server)
        config.stash[OWN_TEMPLATE] = given is None
    else:
        config.stash[SERVER] = workerinput["test_db_server"]
        config.stash[TEMPLATE] = workerinput["test_db_template"]


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    node.workerinput["test_db_server"] = node.config.stash[SERVER]
    node.workerinput["test_db_template"] = node.config.stash[TEMPLATE]


def pytest_unconfigure(config: pytest.Config) -> None:
    if getattr(config, "workerinput", None) is None and config.stash.get(OWN_TEMPLATE, False):
        database.drop_database(config.stash[SERVER], config.stash[TEMPLATE])


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under `make mutate`, a mutant of a module that every request runs is tested by
    that module's own test files only (`mutate.OWN_TESTS`), not by the whole suite."""
    mutant = os.environ.get("MUTANT_UNDER_TEST", "")
    files = next((own for module, own in OWN_TESTS.items() if mutant.startswith(module)), None)
    if files is None:
        return
    kept = [item for item in items if item.nodeid.split("::")[0] in files]
    config.hook.pytest_deselected(items=[item for item in items if item not in kept])
    items[:] = kept


SERVER = pytest.StashKey[str]()
TEMPLATE = pytest.StashKey[str]()
OWN_TEMPLATE = pytest.StashKey[bool]()


@pytest.fixture(scope="session")
def server_url(request: pytest.FixtureRequest) -> str:
    """The PostgreSQL server the suite runs on (its maintenance database)."""
    return request.config.stash[SERVER]


@pytest.fixture
def empty_database(server_url: str) -> Iterator[str]:
    """A brand-new database with nothing in it, dropped afterwards."""
    name = f"{database.DATABASE_PREFIX}empty_{uuid.uuid4().hex[:12]}"
    url = database.create_database(server_url, name)
    yield url
    database.drop_database(server_url, name)


def worker_id(config: pytest.Config) -> str:
    """This xdist worker's id ("gw0", ...), or "main" without xdist."""
    return str(getattr(config, "workerinput", {}).get("workerid", "main"))


@pytest.fixture(scope="session")
def database_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """This worker's own copy of the migrated template (under `make mutate`, a ready
    copy claimed for the run)."""
    server = request.config.stash[SERVER]
    template = request.config.stash[TEMPLATE]
    copies = int(os.environ.get(database.COPIES_VARIABLE, "0"))
    if copies:
        with database.claimed_copy(server, template, copies) as url:
            yield url
        return
    name = f"{template}_{worker_id(request.config)}"
    url = database.clone_database(server, template, name)
    yield url
    database.drop_database(server, name)


@pytest.fixture(scope="session")
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(database_url, pool_size=5)
    yield engine
    await engine.dispose()


@pytest.fixture
async def connection(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    async with engine.connect() as connection:
        transaction = await connection.begin()
        yield connection
        await transaction.rollback()


@pytest.fixture
async def session(connection: AsyncConnection) -> AsyncIterator[AsyncSession]:
    """A session inside the test's transaction; its commits only release savepoints."""
    async with AsyncSession(
        bind=connection,
        join_transaction_mode="create_savepoint",
        expire_on_commit=False,
        autoflush=False,
    ) as session:
        yield session


@pytest.fixture
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No setting from the developer's environment or `.env` leaks into the test."""
    for name in Settings.model_fields:
        monkeypatch.delenv(name.upper(), raising=False)
    monkeypatch.setitem(Settings.model_config, "env_file", None)
    return monkeypatch


@pytest.fixture(scope="session")
def signer() -> TokenSigner:
    return TokenSigner()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(DEFAULT_NOW)


@pytest.fixture
def settings(
    database_url: str, signer: TokenSigner, clean_environment: pytest.MonkeyPatch
) -> Settings:
    """The app's settings in tests: explicit, whatever the developer's environment says."""
    return settings_for(database_url, signer)


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
    async with app.router.lifespan_context(app):
        yield app


def http_client(app: FastAPI, **kwargs: Any) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app)
    return httpx.AsyncClient(transport=transport, base_url="http://test", **kwargs)


@pytest.fixture
async def app(
    settings: Settings, clock: FixedClock, session: AsyncSession
) -> AsyncIterator[FastAPI]:
    async with running_app(settings, clock, session) as app:
        yield app


@pytest.fixture
def client_with(settings: Settings, clock: FixedClock, session: AsyncSession) -> ClientWith:
    """`async with client_with(**setting_overrides) as client`: an anonymous client of an
    app configured differently, sharing the test's transaction."""

    @asynccontextmanager
    async def build(**overrides: Any) -> AsyncIterator[httpx.AsyncClient]:
        async with (
            running_app(configured(settings, **overrides), clock, session) as app,
            http_client(app) as client,
        ):
            yield client

    return build


@pytest.fixture
async def anonymous_client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with http_client(app) as client:
        yield client


@pytest.fixture
async def client(app: FastAPI, signer: TokenSigner) -> AsyncIterator[httpx.AsyncClient]:
    """Authenticated as the master admin `FOUNDER`."""
    headers = {"Authorization": f"Bearer {signer.token()}"}
    async with http_client(app, headers=headers) as client:
        yield client


@pytest.fixture
def bearer(signer: TokenSigner) -> Callable[..., dict[str, str]]:
    """Headers for a token of any shape: `bearer(sub=..., role=..., **claims)`."""

    def headers(sub: str = FOUNDER, **kwargs: Any) -> dict[str, str]:
        return {"Authorization": f"Bearer {signer.token(sub, **kwargs)}"}

    return headers


@pytest.fixture
async def founder(session: AsyncSession) -> User:
    """The row behind the `client` fixture's token, in UTC."""
    return await create_founder(session)
