"""API paths never redirect: a browser drops `Authorization` on a redirect, and behind a
proxy the `Location` may name the wrong scheme. A trailing slash is a JSON 404."""

import httpx
import pytest
from fastapi import FastAPI

from tests.helpers import API, NO_WEB_BUILD
from tests.openapi import operations, with_id

NOT_FOUND = {"detail": "Not Found"}
NOT_BUILT = f"The web app is not built ({NO_WEB_BUILD}): `make run` builds it"


async def test_a_trailing_slash_on_a_collection_is_a_json_404_not_a_redirect(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get(f"{API}/activities/")

    assert response.status_code == 404
    assert "location" not in response.headers
    assert response.json() == NOT_FOUND


async def test_no_documented_operation_redirects_with_a_trailing_slash(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    walked = operations(app)
    for method, path in walked:
        response = await client.request(method, with_id(path, 1) + "/")
        assert response.status_code == 404, (method, path)
        assert "location" not in response.headers, (method, path)
        if path.startswith("/api/"):
            assert response.json() == NOT_FOUND, (method, path)
    assert len(walked) == 54  # the 50 of the API, the web app's two and the two probes


@pytest.mark.parametrize("path", ["/health/", "/ready/", "/docs/", "/openapi.json/", "/api/v1/"])
async def test_paths_outside_the_api_do_not_redirect_either(
    anonymous_client: httpx.AsyncClient, path: str
) -> None:
    """Outside `/api/` such a path is the web app's (a client route) when it is built."""
    response = await anonymous_client.get(path)

    assert response.status_code == 404
    assert "location" not in response.headers
    expected = NOT_FOUND if path.startswith("/api/") else {"detail": NOT_BUILT}
    assert response.json() == expected
