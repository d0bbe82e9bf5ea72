"""Error responses the framework produces, made exact."""

from collections.abc import AsyncIterator

import httpx
import pytest
from starlette.exceptions import HTTPException

from app.api.errors import why_unreadable
from app.main import MAX_BODY_BYTES
from tests.helpers import API

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


def unreadable(why: str) -> dict[str, object]:
    """FastAPI's 422 for a body that is not JSON, with `why` it could not be read."""
    return {
        "detail": [
            {
                "type": "json_invalid",
                "loc": ["body"],
                "msg": "JSON decode error",
                "input": {},
                "ctx": {"error": why},
            }
        ]
    }


DIGITS_5000 = b"1" + b"0" * 4999


@pytest.mark.parametrize(
    ("path", "body", "why"),
    [
        # The examples: a 5,000-digit amount, notes nested 100,000 arrays deep.
        (
            "/activities",
            b'{"type": "call", "status": "done", "date": "2026-11-25", "amount": '
            + DIGITS_5000
            + b"}",
            "a number has too many digits to be read",
        ),
        (
            "/activities",
            b'{"type": "call", "notes": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
            "the JSON is nested too deeply",
        ),
        # The same kinds elsewhere: another route, a negative number, an object's depth.
        (
            "/goals",
            b'{"week_start": "2026-11-30", "target_calls": -' + DIGITS_5000 + b"}",
            "a number has too many digits to be read",
        ),
        (
            "/meetings",
            b'{"title": ' + b'{"a": ' * 50_000 + b"1" + b"}" * 50_001,
            "the JSON is nested too deeply",
        ),
        # And a body that is not even UTF-8 (Latin-1 here).
        ("/focus-sessions", b'{"notes": "caf\xe9"}', "the body is not valid UTF-8"),
    ],
)
async def test_a_body_the_json_parser_refuses_is_a_422_saying_why(
    client: httpx.AsyncClient, path: str, body: bytes, why: str
) -> None:
    response = await client.post(
        f"{API}{path}", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422, response.text
    assert response.json() == unreadable(why)


def test_other_400s_and_other_causes_are_left_as_they_are() -> None:
    plain = HTTPException(400, "There was an error parsing the body")
    not_found = HTTPException(404)
    not_found.__cause__ = ValueError("not a body")
    disconnected = HTTPException(400, "There was an error parsing the body")
    disconnected.__cause__ = ConnectionResetError()

    assert [why_unreadable(error) for error in (plain, not_found, disconnected)] == [None] * 3


async def test_a_body_that_is_not_utf8_is_a_422_saying_so(client: httpx.AsyncClient) -> None:
    response = await client.patch(
        f"{API}/me", content=b"\xff\xfe\x00", headers={"Content-Type": "application/json"}
    )
    assert response.json() == unreadable("the body is not valid UTF-8")
    assert response.status_code == 422


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
