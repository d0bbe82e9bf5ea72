"""Every GET route answers HEAD as it answers GET, without the body: load balancers and
uptime monitors probe with HEAD."""

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI, Request
from fastapi.responses import StreamingResponse

from app.core.config import Settings
from tests.helpers import API
from tests.live_server import serve
from tests.openapi import operations, with_id


@pytest.mark.parametrize("path", ["/health", "/ready"])
async def test_the_probes_answer_head(anonymous_client: httpx.AsyncClient, path: str) -> None:
    get = await anonymous_client.get(path)
    head = await anonymous_client.head(path)

    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-length"] == get.headers["content-length"] == str(len(get.content))
    assert head.headers["content-type"] == "application/json"


async def test_every_documented_get_answers_head_like_get(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    gets = [path for method, path in operations(app) if method == "GET"]
    gets += ["/docs", "/openapi.json"]  # served, not documented
    for path in gets:
        url = with_id(path, 2_147_483_647)  # no such id: a 404 body to leave out
        get = await client.get(url)
        head = await client.head(url)
        assert (head.status_code, head.content) == (get.status_code, b""), path
        assert head.headers.get("content-length") == get.headers.get("content-length"), path
        assert head.headers.get("x-total-count") == get.headers.get("x-total-count"), path
    assert len(gets) == 33  # 28 of the API, the web app's config, the probes, the docs, the schema


async def test_a_get_route_added_later_answers_head_too(
    app: FastAPI, anonymous_client: httpx.AsyncClient
) -> None:
    async def config(request: Request) -> dict[str, str]:
        return {"publishable_key": "pk_test_123"}

    app.add_api_route(f"{API}-later/config", config, methods=["GET"])

    head = await anonymous_client.head(f"{API}-later/config")

    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-length"] == str(len(b'{"publishable_key":"pk_test_123"}'))


async def test_head_is_refused_where_get_is(anonymous_client: httpx.AsyncClient) -> None:
    response = await anonymous_client.head(f"{API}/nudges/generate")

    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert response.content == b""


async def test_head_of_a_protected_route_still_needs_a_token(
    anonymous_client: httpx.AsyncClient,
) -> None:
    response = await anonymous_client.head(f"{API}/dashboard")

    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.content == b""


def test_a_real_server_answers_head_with_the_headers_alone(settings: Settings) -> None:
    with serve(settings) as base_url:
        response = httpx.head(f"{base_url}/health")

    assert response.status_code == 200
    assert response.content == b""
    assert response.headers["content-length"] == str(len(b'{"status":"ok"}'))


async def test_a_streamed_get_answers_head_without_any_chunk(
    app: FastAPI, anonymous_client: httpx.AsyncClient
) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        for chunk in (b"id,date\n", b"1,2026-11-25\n"):
            yield chunk

    async def export() -> StreamingResponse:
        return StreamingResponse(chunks(), media_type="text/csv")

    app.add_api_route(f"{API}-later/export.csv", export, methods=["GET"])

    get = await anonymous_client.get(f"{API}-later/export.csv")
    head = await anonymous_client.head(f"{API}-later/export.csv")

    assert get.content == b"id,date\n1,2026-11-25\n"
    assert (head.status_code, head.content) == (200, b"")
    assert head.headers["content-type"] == "text/csv; charset=utf-8"
