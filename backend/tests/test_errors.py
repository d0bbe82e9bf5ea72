"""Error responses the framework produces, made exact."""

import httpx

from tests.conftest import API


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
