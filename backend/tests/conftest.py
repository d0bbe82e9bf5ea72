"""The test harness: real PostgreSQL, a migrated template database, one copy per xdist
worker, and a rolled-back transaction around every test."""

import os
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from app.core.config import Settings
from app.core.database import create_engine
from app.models import User
from tests import database
from tests.clock import DEFAULT_NOW, FixedClock
from tests.committed_app import RacingClient, racing_founder_client
from tests.database import OWN_TEMPLATE, SERVER, TEMPLATE, worker_id
from tests.factories import create_founder
from tests.helpers import ClientWith, configured, http_client, running_app, settings_for
from tests.mutate import OWN_TESTS
from tests.tokens import FOUNDER, TokenSigner


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
def racing_client(
    settings: Settings, clock: FixedClock, engine: AsyncEngine, signer: TokenSigner
) -> RacingClient:
    """`async with racing_client(**setting_overrides) as (client, founder)`: a client of
    an app whose requests really commit, each on its own connection, signed in as a new
    founder (deleted afterwards), for tests of racing requests."""
    return lambda **overrides: racing_founder_client(
        configured(settings, **overrides), clock, engine, signer
    )


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
