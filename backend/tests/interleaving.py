"""Interleavings on real connections, made deterministic: one transaction holds a lock,
the others run into it, and the test goes on only once PostgreSQL reports them waiting
(or finished, when nothing stops them), instead of hoping that a race happens."""

import asyncio
import time
from collections.abc import Collection

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

# Backends of this test's database waiting for a heavyweight lock (row, transaction id,
# advisory): the xdist workers each have a database of their own.
LOCK_WAITERS = text(
    "SELECT count(*) FROM pg_stat_activity "
    "WHERE datname = current_database() AND wait_event_type = 'Lock'"
)
PATIENCE_SECONDS = 60.0


async def until_blocked_or_done(
    engine: AsyncEngine, tasks: Collection[asyncio.Task[object]]
) -> None:
    """Return once each of `tasks` has finished or is waiting for a lock in this database.

    Counts, not backend ids: requests of an app under test run on connections the test
    cannot name. Raises AssertionError after PATIENCE_SECONDS (a slow machine, not a
    timing assumption: nothing here decides an outcome by time).
    """
    deadline = time.monotonic() + PATIENCE_SECONDS
    async with engine.connect() as observer:
        while True:
            done = sum(task.done() for task in tasks)
            waiting = await observer.scalar(LOCK_WAITERS)
            await observer.rollback()  # a fresh snapshot of pg_stat_activity each time
            if done + (waiting or 0) >= len(tasks):
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"{done} done and {waiting} waiting of {len(tasks)} tasks")
            await asyncio.sleep(0.01)
