"""Counting the SQL statements a piece of work sends."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine


@contextmanager
def counting_statements(engine: AsyncEngine) -> Iterator[list[str]]:
    """Collect every statement sent on `engine` inside the block."""
    statements: list[str] = []

    def record(*args: Any) -> None:
        statement: str = args[2]
        # The test's own transaction wraps each request in a savepoint: not the app's work.
        if "SAVEPOINT" not in statement:
            statements.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)
