"""`Idempotency-Key` on every POST (after the IETF draft "The Idempotency-Key HTTP Header
Field"): a repeat of a request with the same key by the same user within 24 hours gets
the first response (status and body) and changes nothing.

Two halves. `idempotent_post`, a dependency of every master-admin POST route (declared
with `dependencies=IDEMPOTENT`, so that reads do not pay for it), claims the key
for the caller before the endpoint runs: on a connection of its own, committed at once,
so every worker and machine sharing the database sees the claim. A claim that exists
already answers for itself: the stored response (`ReplayStored`), 422 when it was made
with another method, path or body, 409 while its request is still running (a claim
left running for 5 minutes, by a worker that died, is freed).
`IdempotencyRecorder`, an ASGI middleware, stores the response of a claimed request once
it is sent; a 5xx or an exception releases the claim instead, so a retry runs again.
No external library covers this for FastAPI with a PostgreSQL store.
"""

import hashlib
import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from fastapi import Depends, Request
from fastapi.responses import Response
from sqlalchemy import String, bindparam, delete, or_, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.dependencies import MasterAdmin, app_clock
from app.core.errors import Conflict, InvalidInput
from app.models import IdempotencyKey
from app.services.parameters import NOW, OWNER, owner_params

HEADER = "Idempotency-Key"
# 1..255 visible ASCII characters.
VALID_KEY = re.compile(r"[\x21-\x7e]{1,255}")
LIFETIME = timedelta(hours=24)
ABANDONED_AFTER = timedelta(minutes=5)
# Where the dependency leaves its claim for the middleware, in the ASGI scope.
SCOPE_KEY = "master_admin.idempotency"
STORED_HEADERS = ("content-type", "location")

_key = bindparam("idempotency_key", type_=String)
# Expired claims, and claims still running long after any request would have finished:
# left by a worker that died mid-request (the slowest request, generating nudges, waits
# at most 5 s on the AI), they would otherwise answer 409 until they expire.
EXPIRE = delete(IdempotencyKey).where(
    IdempotencyKey.user_id == OWNER,
    or_(
        IdempotencyKey.created_at < bindparam("expired_before"),
        IdempotencyKey.status_code.is_(None)
        & (IdempotencyKey.created_at < bindparam("abandoned_before")),
    ),
)
CLAIM = (
    insert(IdempotencyKey)
    .values(
        user_id=OWNER,
        key=_key,
        request_fingerprint=bindparam("fingerprint"),
        created_at=NOW,
    )
    .on_conflict_do_nothing(index_elements=[IdempotencyKey.user_id, IdempotencyKey.key])
    .returning(IdempotencyKey.key)
)
CLAIMED = select(
    IdempotencyKey.request_fingerprint,
    IdempotencyKey.status_code,
    IdempotencyKey.response_headers,
    IdempotencyKey.response_body,
).where(IdempotencyKey.user_id == OWNER, IdempotencyKey.key == _key)
OF_CLAIM = (IdempotencyKey.user_id == OWNER, IdempotencyKey.key == _key)


@dataclass(frozen=True)
class Claim:
    user_id: int
    key: str


class ReplayStored(Exception):
    """The stored first response of a repeated request; answered as it is."""

    def __init__(self, status_code: int, headers: dict[str, str], body: bytes) -> None:
        super().__init__(status_code)
        self.response = Response(content=body, status_code=status_code, headers=headers)


async def replay_handler(request: Request, error: Exception) -> Response:
    assert isinstance(error, ReplayStored)
    return error.response


def _engine(app: Any) -> AsyncEngine:
    engine: AsyncEngine = app.state.engine
    return engine


async def idempotent_post(request: Request, user: MasterAdmin) -> None:
    """Claim the POST request's `Idempotency-Key` for the caller (without the header
    nothing happens). Raises `ReplayStored` for a repeat of a finished request,
    InvalidInput (422) for a malformed key or one first used with another request, and
    Conflict (409) while the first request is still running."""
    key = request.headers.get(HEADER)
    if key is None:
        return
    if not VALID_KEY.fullmatch(key):
        raise InvalidInput(("header", HEADER), "must be 1 to 255 visible ASCII characters")
    body = await request.body()
    fingerprint = hashlib.sha256(
        b"\n".join([request.method.encode(), request.url.path.encode(), body])
    ).hexdigest()
    now = app_clock(request).now()
    # Each statement takes the parameters it binds and ignores the others.
    parameters = {
        **owner_params(user.id, now=now),
        "idempotency_key": key,
        "fingerprint": fingerprint,
        "expired_before": now - LIFETIME,
        "abandoned_before": now - ABANDONED_AFTER,
    }
    async with _engine(request.app).begin() as connection:
        await connection.execute(EXPIRE, parameters)
        claimed = await connection.scalar(CLAIM, parameters)
        if claimed is not None:
            request.scope[SCOPE_KEY] = Claim(user.id, key)
            return
        first = (await connection.execute(CLAIMED, parameters)).one()
    if first.request_fingerprint != fingerprint:
        raise InvalidInput(
            ("header", HEADER),
            "this key was first used with another request (method, path or body)",
        )
    if first.status_code is None:
        raise Conflict("a request with this Idempotency-Key is still running; retry later")
    raise ReplayStored(first.status_code, first.response_headers, first.response_body)


# The dependencies of a POST route: `@router.post(..., dependencies=IDEMPOTENT)`.
IDEMPOTENT = [Depends(idempotent_post)]


class IdempotencyRecorder:
    """Store the response of a request whose `Idempotency-Key` was claimed; release the
    claim when the request fails (5xx or an exception)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        status_code = 500
        headers: dict[str, str] = {}
        body = bytearray()

        async def recording_send(message: Message) -> None:
            nonlocal status_code
            if message["type"] == "http.response.start":
                status_code = message["status"]
                for name, value in message.get("headers", []):
                    if name.decode("latin-1").lower() in STORED_HEADERS:
                        headers[name.decode("latin-1").lower()] = value.decode("latin-1")
            else:  # "http.response.body": the app sends no trailers
                body.extend(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, recording_send)
        except BaseException:
            await self._finish(scope, None)
            raise
        await self._finish(scope, (status_code, headers, bytes(body)))

    @staticmethod
    async def _finish(scope: Scope, response: tuple[int, dict[str, str], bytes] | None) -> None:
        claim: Claim | None = scope.get(SCOPE_KEY)
        if claim is None:
            return
        where = {**owner_params(claim.user_id), "idempotency_key": claim.key}
        async with _engine(scope["app"]).begin() as connection:
            if response is None or response[0] >= 500:
                await connection.execute(delete(IdempotencyKey).where(*OF_CLAIM), where)
                return
            status_code, headers, body = response
            await connection.execute(
                update(IdempotencyKey)
                .where(*OF_CLAIM)
                .values(status_code=status_code, response_headers=headers, response_body=body),
                where,
            )
