"""Error responses the framework produces, made exact."""

from collections.abc import AsyncIterator

import httpx

from tests.conftest import API

TOO_LARGE = {"detail": "The request body is larger than 1048576 bytes"}


async def test_405_lists_every_method_of_the_path(anonymous_client: httpx.AsyncClient) -> None:
    response = await anonymous_client.request("OPTIONS", f"{API}/me")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, PATCH"


async def test_405_on_an_undocumented_path_keeps_the_routes_allow(
    anonymous_client: httpx.AsyncClient,
) -> None:
    response = await anonymous_client.post("/docs")
    assert response.status_code == 405
    assert set(response.headers["allow"].split(", ")) == {"GET", "HEAD"}


async def test_a_body_that_is_not_utf8_is_a_clear_400(client: httpx.AsyncClient) -> None:
    response = await client.patch(
        f"{API}/me", content=b"\xff\xfe\x00", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json() == {"detail": "There was an error parsing the body"}


async def test_an_oversized_body_is_413_and_changes_nothing(client: httpx.AsyncClient) -> None:
    body = b'{"timezone": "' + b"x" * (1024 * 1024) + b'"}'
    response = await client.patch(
        f"{API}/me", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json() == TOO_LARGE
    assert (await client.get(f"{API}/me")).json()["timezone"] == "UTC"


async def test_an_oversized_streamed_body_is_413(client: httpx.AsyncClient) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(20):
            yield b" " * 65536

    response = await client.patch(
        f"{API}/me", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert "content-length" not in response.request.headers
    assert response.status_code == 413
    assert response.json() == TOO_LARGE


async def test_an_oversized_body_is_413_where_no_body_is_read(
    client: httpx.AsyncClient,
) -> None:
    response = await client.request("GET", f"{API}/me", content=b" " * (1024 * 1024 + 1))
    assert response.status_code == 413
    assert response.json() == TOO_LARGE


async def test_a_body_of_exactly_the_limit_is_read(client: httpx.AsyncClient) -> None:
    body = b'{"timezone": "Asia/Tokyo"}'
    body += b" " * (1024 * 1024 - len(body))
    response = await client.patch(
        f"{API}/me", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 200
    assert response.json()["timezone"] == "Asia/Tokyo"


async def test_a_small_streamed_body_is_replayed_to_the_app(client: httpx.AsyncClient) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"timezone": '
        yield b'"Asia/Tokyo"}'

    response = await client.patch(
        f"{API}/me", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 200
    assert response.json()["timezone"] == "Asia/Tokyo"


async def test_nan_and_infinity_get_a_422_that_names_them(client: httpx.AsyncClient) -> None:
    response = await client.patch(
        f"{API}/me",
        content=b'{"timezone": {"a": [NaN, Infinity, -Infinity, 1.5]}}',
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "timezone"]
    assert error["input"] == {"a": ["nan", "inf", "-inf", 1.5]}
