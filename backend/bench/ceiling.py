"""The framework ceiling: a bare FastAPI + asyncpg app that answers `GET /scores/today`
and `POST /activities` with the very SQL the project sends for them (compiled from the
project's own statement objects, never retyped), with no auth, no ORM, no validation and
no middleware. `make bench` serves it like the project (one uvicorn worker) and drives
it with the same wrk settings: project req/s ÷ ceiling req/s is what the project's
layers cost over the least a FastAPI app running that SQL can do.

The caller is named as the bench's Lua scripts name it, in `Authorization: Bearer ...`,
but the credentials are the Clerk user id itself: no token to verify. The user's row is
still read with the project's statement, as the project reads it on every request.
`tests/test_bench.py` checks that both apps answer alike and write the same rows.

Usage: uvicorn bench.ceiling:create_app --factory (with DATABASE_URL set).
"""

import os
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from datetime import date, datetime
from enum import Enum
from typing import Any

import asyncpg
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic_core import PydanticUndefined
from sqlalchemy import make_url
from sqlalchemy.sql import ClauseElement

from app.core.clock import Clock
from app.core.config import Settings
from app.models import ActivityStatus
from app.schemas.master_admin.activities import AdminActivityCreate
from app.services.master_admin.scoring import SCORE_OF_DAY, day_params, rescore_params
from app.services.parameters import owner_params
from app.services.users import CLERK_USER_ID, USER_BY_CLERK_ID
from bench.replay import POST_ACTIVITY_STATEMENTS, compile_statement

API = "/api/v1/master-admin"
# The project's pool: at most `db_pool_size` connections, each kept once opened.
POOL_SIZE: int = Settings.model_fields["db_pool_size"].default

# In the order `GET /scores/today` sends them (`tests/test_bench.py` checks it does).
GET_SCORE_TODAY_STATEMENTS: list[ClauseElement] = [USER_BY_CLERK_ID, SCORE_OF_DAY]

# A POST's fields left out of its body take the project's defaults.
ACTIVITY_DEFAULTS = {
    name: field.default.value if isinstance(field.default, Enum) else field.default
    for name, field in AdminActivityCreate.model_fields.items()
    if field.default is not PydanticUndefined
}


class Statement:
    """A statement as asyncpg takes it: SQL with $n placeholders, and its arguments in
    order from the request's values and the constants the statement binds itself."""

    def __init__(self, statement: ClauseElement) -> None:
        compiled = compile_statement(statement)
        self.sql = compiled.string
        self.names = list(compiled.positiontup or [])
        self.constants = {
            name: value.value if isinstance(value, Enum) else value
            for name, value in compiled.params.items()
            if value is not None
        }

    def args(self, values: Mapping[str, Any]) -> list[Any]:
        return [values[name] if name in values else self.constants[name] for name in self.names]


USER, SCORE_TODAY = (Statement(statement) for statement in GET_SCORE_TODAY_STATEMENTS)
POST_USER, LOG_ACTIVITY, RESCORE_DAYS = (Statement(s) for s in POST_ACTIVITY_STATEMENTS)


def json_value(value: Any) -> Any:
    """A column's value as the project's JSON has it (UTC instants end in "Z")."""
    if isinstance(value, datetime):
        text = value.isoformat()
        return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
    if isinstance(value, date):
        return value.isoformat()
    return value


def json_row(row: Mapping[str, Any]) -> dict[str, Any]:
    return {name: json_value(value) for name, value in row.items()}


def caller(request: Request) -> str:
    """The Clerk user id the bench sends as the bearer credentials."""
    return request.headers.get("authorization", "").removeprefix("Bearer ")


def unknown_user() -> JSONResponse:
    return JSONResponse({"detail": "no such user"}, status_code=401)


def create_app(database_url: str | None = None, *, clock: Clock | None = None) -> FastAPI:
    url = make_url(database_url or os.environ["DATABASE_URL"]).set(drivername="postgresql")
    dsn = url.render_as_string(hide_password=False)
    today = (clock or Clock()).today
    pool: asyncpg.Pool

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        nonlocal pool
        pool = await asyncpg.create_pool(dsn, min_size=POOL_SIZE, max_size=POOL_SIZE)
        try:
            yield
        finally:
            await pool.close()

    app = FastAPI(lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)

    @app.get("/ready")
    async def ready() -> JSONResponse:
        return JSONResponse({"status": "ready"})

    @app.get(f"{API}/scores/today")
    async def score_today(request: Request) -> JSONResponse:
        async with pool.acquire() as connection:
            user = await connection.fetchrow(
                USER.sql, *USER.args({CLERK_USER_ID.key: caller(request)})
            )
            if user is None:
                return unknown_user()
            day = today(user["timezone"])
            score = await connection.fetchrow(
                SCORE_TODAY.sql, *SCORE_TODAY.args(day_params(user["id"], day))
            )
        if score is None:
            return JSONResponse(
                {"date": day.isoformat(), "score": 0, "streak_days": 0, "activities_count": 0}
            )
        return JSONResponse(json_row(score))

    @app.post(f"{API}/activities")
    async def log_activity(request: Request) -> JSONResponse:
        body = await request.json()
        async with pool.acquire() as connection, connection.transaction():
            user = await connection.fetchrow(
                POST_USER.sql, *POST_USER.args({CLERK_USER_ID.key: caller(request)})
            )
            if user is None:
                return unknown_user()
            values = {**ACTIVITY_DEFAULTS, **body, **owner_params(user["id"])}
            values["date"] = (
                today(user["timezone"])
                if values["date"] is None
                else date.fromisoformat(values["date"])
            )
            activity = await connection.fetchrow(LOG_ACTIVITY.sql, *LOG_ACTIVITY.args(values))
            if activity["status"] == ActivityStatus.DONE:
                rescore = rescore_params(user["id"], [activity["date"]], user["rest_days"])
                await connection.execute(RESCORE_DAYS.sql, *RESCORE_DAYS.args(rescore))
        return JSONResponse(json_row(activity), status_code=201)

    return app
