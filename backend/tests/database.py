"""Test databases: one template built by running the migrations, one copy per worker."""

import asyncio
import fcntl
import os
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from app.cli import migrate
from app.core.config import DATA_DIR, Settings
from app.core.embedded_postgres import start_embedded_postgres

DATABASE_PREFIX = "map_test_"
# Set by `make mutate`, which runs the suite once per mutant: a migrated template to use
# instead of building one, and how many ready copies of it (`copy_name`) to claim from
# instead of cloning and dropping one per run (which costs seconds, the tests less).
TEMPLATE_VARIABLE = "TEST_DATABASE_TEMPLATE"
COPIES_VARIABLE = "TEST_DATABASE_COPIES"
# Where a pytest run keeps the server and the template its databases are copies of (the
# controller's, handed to each xdist worker), and whether that run built the template.
SERVER = pytest.StashKey[str]()
TEMPLATE = pytest.StashKey[str]()
OWN_TEMPLATE = pytest.StashKey[bool]()


def worker_id(config: pytest.Config) -> str:
    """This xdist worker's id ("gw0", ...), or "main" without xdist."""
    return str(getattr(config, "workerinput", {}).get("workerid", "main"))


def asyncpg_dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def with_database(url: str, name: str) -> str:
    return make_url(url).set(database=name).render_as_string(hide_password=False)


async def _reachable(url: str) -> bool:
    try:
        connection = await asyncpg.connect(asyncpg_dsn(url), timeout=3)
    except (OSError, asyncpg.PostgresError, TimeoutError):
        return False
    await connection.close()
    return True


def server_url() -> str:
    """TEST_DATABASE_URL when reachable; with CI=true it must be. Else the embedded server."""
    url = Settings(_env_file=None).test_database_url
    if asyncio.run(_reachable(url)):
        return url
    if os.environ.get("CI", "").lower() == "true":
        raise RuntimeError(
            f"CI=true and the PostgreSQL server at TEST_DATABASE_URL is unreachable: {url}"
        )
    return start_embedded_postgres(DATA_DIR / "pg")


async def fetch(url: str, query: str) -> list[tuple[object, ...]]:
    connection = await asyncpg.connect(asyncpg_dsn(url))
    try:
        return [tuple(row) for row in await connection.fetch(query)]
    finally:
        await connection.close()


async def execute(server: str, *statements: str) -> None:
    connection = await asyncpg.connect(asyncpg_dsn(server))
    try:
        for statement in statements:
            await connection.execute(statement)
    finally:
        await connection.close()


def create_database(server: str, name: str) -> str:
    asyncio.run(execute(server, f'CREATE DATABASE "{name}"'))
    return with_database(server, name)


def create_template(server: str) -> str:
    name = f"{DATABASE_PREFIX}{uuid.uuid4().hex[:12]}"
    migrate(create_database(server, name))
    return name


def clone_database(server: str, template: str, name: str) -> str:
    asyncio.run(execute(server, f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    return with_database(server, name)


def drop_database(server: str, name: str) -> None:
    asyncio.run(execute(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def copy_name(template: str, number: int) -> str:
    return f"{template}_copy{number}"


@contextmanager
def claimed_copy(server: str, template: str, copies: int) -> Iterator[str]:
    """The URL of a ready copy of `template` that no other process holds, held (by a
    file lock the system releases when the process ends) until the block exits."""
    for number in range(copies):
        name = copy_name(template, number)
        with open(Path(tempfile.gettempdir()) / f"{name}.lock", "w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue
            yield with_database(server, name)
            return
    raise RuntimeError(f"all {copies} copies of {template} are in use")
