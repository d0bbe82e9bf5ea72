"""Counting the SQL statements a piece of work sends."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.helpers import API


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


class CountedRequests:
    """One caller's requests, each sent through `counting_statements`: `await
    counted(name, method, path, **kwargs)` sends one (a path under the API) and keeps how
    many statements it cost in `counts[name]`. Each must succeed."""

    def __init__(
        self, client: httpx.AsyncClient, engine: AsyncEngine, headers: dict[str, str]
    ) -> None:
        self.client = client
        self.engine = engine
        self.headers = headers
        self.counts: dict[str, int] = {}

    async def __call__(self, name: str, method: str, path: str, **kwargs: Any) -> httpx.Response:
        with counting_statements(self.engine) as statements:
            response = await self.client.request(
                method, f"{API}{path}", headers=self.headers, **kwargs
            )
        assert response.status_code < 300, response.text
        self.counts[name] = len(statements)
        return response
