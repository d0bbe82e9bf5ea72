"""Error responses the framework produces, made exact."""

from collections.abc import AsyncIterator

import httpx
import pytest

from app.main import MAX_BODY_BYTES
from tests.conftest import API

TOO_LARGE = {"detail": "The request body is larger than 1048576 bytes"}


async def test_405_lists_every_method_of_the_path(anonymous_client: httpx.AsyncClient) -> None:
    response = await anonymous_client.request("OPTIONS", f"{API}/me")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD, PATCH"  # HEAD wherever GET is


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


async def test_an_oversized_streamed_body_is_413(client: httpx.AsyncClient) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(20):
            yield b" " * 65536  # 20 x 64 KiB: more than MAX_BODY_BYTES

    response = await client.patch(
        f"{API}/me", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert "content-length" not in response.request.headers
    assert response.status_code == 413
    assert response.json() == TOO_LARGE


async def test_an_oversized_body_is_413_where_no_body_is_read(
    client: httpx.AsyncClient,
) -> None:
    response = await client.request("GET", f"{API}/me", content=b" " * (MAX_BODY_BYTES + 1))
    assert response.status_code == 413
    assert response.json() == TOO_LARGE


def padded_to(size: int) -> bytes:
    """A valid PATCH /me body, padded with spaces to `size` bytes."""
    body = b'{"timezone": "Asia/Tokyo"}'
    return body + b" " * (size - len(body))


@pytest.mark.parametrize(
    ("size", "status", "timezone"),
    [(MAX_BODY_BYTES, 200, "Asia/Tokyo"), (MAX_BODY_BYTES + 1, 413, "UTC")],
)
async def test_a_body_up_to_the_limit_is_read_and_one_byte_more_changes_nothing(
    client: httpx.AsyncClient, size: int, status: int, timezone: str
) -> None:
    response = await client.patch(
        f"{API}/me", content=padded_to(size), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == status
    if status == 413:
        assert response.json() == TOO_LARGE
    assert (await client.get(f"{API}/me")).json()["timezone"] == timezone


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
