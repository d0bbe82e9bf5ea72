"""The web app on the API's origin: its config and sign-in routes, its files, its headers."""

import base64
import gzip
from pathlib import Path
from typing import Any

import pytest

from app.api.web_app import clerk_frontend_api, content_security_policy
from app.core import dev_auth
from app.core.config import Settings
from tests.helpers import API, ClientWith, configured

DEV_AUTH: dict[str, Any] = {
    "app_env": "development",
    "clerk_jwt_key": None,
    "clerk_issuer": None,
    "clerk_authorized_parties": [],
}
ASSET = "/assets/index-Bq3xZ1a9.js"
INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-Bq3xZ1a9.js"></script></head><body><div id="root"></div></body></html>'
SCRIPT = "console.log('the cockpit');\n" * 200
PUBLISHABLE_KEY = "pk_test_" + base64.b64encode(b"clerk.founder.example$").decode().rstrip("=")


@pytest.fixture
def dev_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The development key pair under tmp_path, not the developer's."""
    monkeypatch.setattr(dev_auth, "DEV_KEY_PATH", tmp_path / "dev-auth" / "private_key.pem")


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    """A build as `npm run build` leaves it: index.html, hashed assets, their .gz."""
    root = tmp_path / "dist"
    (root / "assets").mkdir(parents=True)
    (root / "index.html").write_text(INDEX)
    (root / "favicon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    asset = root / ASSET.lstrip("/")
    asset.write_text(SCRIPT)
    asset.with_name(asset.name + ".gz").write_bytes(gzip.compress(SCRIPT.encode()))
    return root


async def test_config_names_development_auth(client_with: ClientWith, dev_key: None) -> None:
    async with client_with(**DEV_AUTH) as client:
        response = await client.get("/api/v1/config")
    assert response.status_code == 200
    assert response.json() == {"auth": "development", "clerk_publishable_key": None}


async def test_config_hands_out_clerks_publishable_key(client_with: ClientWith) -> None:
    async with client_with(clerk_publishable_key=PUBLISHABLE_KEY) as client:
        response = await client.get("/api/v1/config")
    assert response.json() == {"auth": "clerk", "clerk_publishable_key": PUBLISHABLE_KEY}


async def test_the_dev_token_signs_the_founder_in(client_with: ClientWith, dev_key: None) -> None:
    async with client_with(**DEV_AUTH) as client:
        response = await client.post("/api/v1/dev/token")
        assert response.status_code == 200
        token = response.json()["token"]
        me = await client.get(f"{API}/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200
    assert me.json()["clerk_user_id"] == dev_auth.DEV_USER_ID


@pytest.mark.parametrize(
    "overrides",
    [
        pytest.param({}, id="test env with Clerk"),
        pytest.param({**DEV_AUTH, "app_env": "test"}, id="test env without Clerk"),
        pytest.param({"app_env": "development"}, id="development with Clerk"),
        pytest.param({"app_env": "production"}, id="production"),
    ],
)
async def test_there_is_no_dev_token_outside_development_auth(
    client_with: ClientWith, overrides: dict[str, Any]
) -> None:
    async with client_with(**overrides) as client:
        response = await client.post("/api/v1/dev/token")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


async def test_client_routes_answer_the_app_with_its_security_headers(
    client_with: ClientWith, dist: Path
) -> None:
    async with client_with(web_dist_dir=dist) as client:
        for path in ("/", "/focus", "/week", "/prospects/12", "/index.html"):
            response = await client.get(path, follow_redirects=True)
            assert response.status_code == 200, path
            assert response.text == INDEX, path
            assert response.headers["content-type"].startswith("text/html"), path
            assert response.headers["cache-control"] == "no-cache", path
            assert response.headers["x-content-type-options"] == "nosniff", path
            assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin", path
            csp = response.headers["content-security-policy"]
            assert "script-src 'self';" in csp, path
            assert "frame-ancestors 'none'" in csp, path


async def test_hashed_assets_are_immutable_and_compressed(
    client_with: ClientWith, dist: Path
) -> None:
    async with client_with(web_dist_dir=dist) as client:
        plain = await client.get(ASSET, headers={"Accept-Encoding": "identity"})
        zipped = await client.get(ASSET, headers={"Accept-Encoding": "gzip"})
        icon = await client.get("/favicon.svg")
    assert plain.status_code == 200
    assert plain.text == SCRIPT
    assert plain.headers["cache-control"] == "max-age=315360000, public, immutable"
    assert "content-encoding" not in plain.headers
    assert zipped.headers["content-encoding"] == "gzip"
    assert zipped.text == SCRIPT  # httpx inflates it
    assert int(zipped.headers["content-length"]) < len(SCRIPT) // 10
    assert icon.headers["cache-control"] == "max-age=60, public"


async def test_api_paths_keep_their_own_answers(client_with: ClientWith, dist: Path) -> None:
    async with client_with(web_dist_dir=dist) as client:
        unknown = await client.get("/api/v1/nothing-here")
        unknown_admin = await client.get(f"{API}/nothing-here")
        bare = await client.get("/api")
        health = await client.get("/health")
        unauthenticated = await client.get(f"{API}/me")
        wrong_method = await client.delete("/health")
    assert (unknown.status_code, unknown.json()) == (404, {"detail": "Not Found"})
    assert (unknown_admin.status_code, unknown_admin.json()) == (404, {"detail": "Not Found"})
    assert (bare.status_code, bare.json()) == (404, {"detail": "Not Found"})
    assert health.json() == {"status": "ok"}
    assert unauthenticated.status_code == 401
    assert wrong_method.status_code == 405


async def test_without_a_build_the_root_says_how_to_get_one(
    client_with: ClientWith, tmp_path: Path
) -> None:
    async with client_with(web_dist_dir=tmp_path / "missing") as client:
        response = await client.get("/")
    assert response.status_code == 404
    assert "`make run` builds it" in response.json()["detail"]


async def test_docs_work_offline(client_with: ClientWith) -> None:
    async with client_with() as client:
        docs = await client.get("/docs")
        script = await client.get("/docs-assets/swagger-ui-bundle.js")
    assert docs.status_code == 200
    assert "cdn." not in docs.text
    assert "/docs-assets/swagger-ui-bundle.js" in docs.text
    assert script.status_code == 200
    assert len(script.content) > 100_000


def test_clerks_frontend_api_is_read_from_the_publishable_key() -> None:
    assert clerk_frontend_api(PUBLISHABLE_KEY) == "https://clerk.founder.example"
    live = "pk_live_" + base64.b64encode(b"clerk.admin.example.com$").decode()
    assert clerk_frontend_api(live) == "https://clerk.admin.example.com"
    assert clerk_frontend_api(None) is None
    assert clerk_frontend_api("pk_test_%%%") is None
    assert clerk_frontend_api("pk_test_" + base64.b64encode(b"\xff\xfe").decode()) is None
    assert (
        clerk_frontend_api("pk_test_" + base64.b64encode(b"evil.com; script-src *$").decode())
        is None
    )
    assert clerk_frontend_api("pk_test_" + base64.b64encode(b"$").decode()) is None


def test_the_policy_admits_clerks_origins_only_when_clerk_is_configured(
    settings: Settings,
) -> None:
    without = content_security_policy(configured(settings))
    with_clerk = content_security_policy(
        configured(settings, clerk_publishable_key=PUBLISHABLE_KEY)
    )
    assert without == (
        "default-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' data:; "
        "style-src 'self' 'unsafe-inline'; frame-src 'none'; worker-src 'self' blob:; "
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
    assert with_clerk == (
        "default-src 'self'; "
        "script-src 'self' https://clerk.founder.example https://challenges.cloudflare.com; "
        "connect-src 'self' https://clerk.founder.example; "
        "img-src 'self' data: https://img.clerk.com; style-src 'self' 'unsafe-inline'; "
        "frame-src https://challenges.cloudflare.com; worker-src 'self' blob:; "
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )


async def test_only_what_no_route_answers_becomes_a_client_route(
    client_with: ClientWith, dist: Path
) -> None:
    async with client_with(web_dist_dir=dist) as client:
        missing_asset = await client.get("/assets/gone-Bq3xZ1a9.js")
        posted = await client.post("/week")
        wrong_method = await client.put(f"{API}/goals/abc")
        docs_post = await client.post("/docs")
    assert (missing_asset.status_code, missing_asset.json()) == (404, {"detail": "Not Found"})
    assert posted.status_code == 404
    assert posted.json() == {"detail": "Not Found"}
    assert wrong_method.status_code == 404
    assert docs_post.status_code == 405
