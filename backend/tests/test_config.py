"""Settings: environment, `.env`, URL normalisation and the production lock-down."""

from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from pydantic import ValidationError

from app.core.config import AppEnv, Settings, async_database_url
from app.core.security import load_public_key
from tests.helpers import ClientWith
from tests.tokens import TokenSigner

pytestmark = pytest.mark.usefixtures("clean_environment")


@pytest.mark.parametrize(
    "url",
    [
        "postgres://me:secret@db.example:5433/sales",
        "postgresql://me:secret@db.example:5433/sales",
        "postgresql+asyncpg://me:secret@db.example:5433/sales",
    ],
)
def test_every_postgresql_spelling_uses_asyncpg(url: str) -> None:
    assert async_database_url(url) == "postgresql+asyncpg://me:secret@db.example:5433/sales"


@pytest.mark.parametrize("url", ["mysql://x@y/z", "sqlite:///db.sqlite", "db.example/sales"])
def test_other_databases_are_refused(url: str) -> None:
    with pytest.raises(ValueError, match="must be a postgresql"):
        async_database_url(url)


def test_defaults() -> None:
    settings = Settings(_env_file=None)
    assert settings.app_env is AppEnv.DEVELOPMENT
    assert settings.database_url is None
    assert settings.test_database_url == "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
    assert (settings.host, settings.port, settings.workers) == ("127.0.0.1", 8000, 1)
    assert (settings.clerk_role_claim, settings.master_admin_role) == (
        "metadata.role",
        "master_admin",
    )
    assert settings.allowed_origins == []
    assert settings.forwarded_allow_ips == ["127.0.0.1"]


def test_environment_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgres://me@db/sales")
    monkeypatch.setenv("CLERK_AUTHORIZED_PARTIES", "https://app.example, https://admin.example,")
    monkeypatch.setenv("MASTER_ADMIN_USER_IDS", "user_1,user_2")
    monkeypatch.setenv("PORT", "9000")
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "10.0.0.1, 10.0.0.0/8")
    settings = Settings(_env_file=None)
    assert settings.forwarded_allow_ips == ["10.0.0.1", "10.0.0.0/8"]
    assert settings.database_url == "postgresql+asyncpg://me@db/sales"
    assert settings.clerk_authorized_parties == ["https://app.example", "https://admin.example"]
    assert settings.master_admin_user_ids == ["user_1", "user_2"]
    assert settings.port == 9000
    # CORS follows the authorized parties unless set on its own.
    assert settings.allowed_origins == ["https://app.example", "https://admin.example"]
    monkeypatch.setenv("CORS_ORIGINS", "http://localhost:5173")
    assert Settings(_env_file=None).allowed_origins == ["http://localhost:5173"]


def test_a_dotenv_file_is_read(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("DATABASE_URL=postgresql://from-dotenv@db/sales\nWORKERS=3\n")
    settings = Settings(_env_file=env_file)
    assert settings.database_url == "postgresql+asyncpg://from-dotenv@db/sales"
    assert settings.workers == 3


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"clerk_jwt_key": "pem"},
        {"clerk_jwks_url": "https://clerk.example/.well-known/jwks.json"},
        {"clerk_issuer": "https://clerk.example"},
    ],
)
def test_production_refuses_to_start_without_clerk(fields: dict[str, Any]) -> None:
    with pytest.raises(ValidationError, match="APP_ENV=production needs CLERK_JWT_KEY"):
        Settings(_env_file=None, app_env=AppEnv.PRODUCTION, **fields)


def test_production_refuses_a_wildcard_origin() -> None:
    with pytest.raises(ValidationError, match="CORS_ORIGINS='\\*' is refused in production"):
        Settings(
            _env_file=None,
            app_env=AppEnv.PRODUCTION,
            clerk_jwt_key="pem",
            clerk_issuer="https://clerk.example",
            cors_origins=["*"],
        )


def test_production_with_clerk_configured_starts() -> None:
    settings = Settings(
        _env_file=None,
        app_env=AppEnv.PRODUCTION,
        clerk_jwks_url="https://clerk.example/.well-known/jwks.json",
        clerk_issuer="https://clerk.example",
    )
    assert settings.app_env is AppEnv.PRODUCTION


def test_a_pem_key_with_escaped_newlines_loads(signer: TokenSigner) -> None:
    escaped = signer.public_pem.replace("\n", "\\n")
    assert load_public_key(escaped).public_numbers() == (
        signer.private_key.public_key().public_numbers()
    )


def test_a_key_that_is_not_rsa_pem_is_refused() -> None:
    with pytest.raises(ValueError, match=r"^CLERK_JWT_KEY is not a PEM public key$"):
        load_public_key("-----BEGIN PUBLIC KEY-----\nnonsense\n-----END PUBLIC KEY-----")
    ec_pem = (
        ec.generate_private_key(ec.SECP256R1())
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    with pytest.raises(ValueError, match=r"^CLERK_JWT_KEY must be an RSA public key$"):
        load_public_key(ec_pem)


async def test_cors_lets_the_dashboard_call_with_credentials(client_with: ClientWith) -> None:
    async with client_with(cors_origins=["http://localhost:5173"]) as client:
        preflight = await client.options(
            "/api/v1/master-admin/me",
            headers={
                "Origin": "http://localhost:5173",
                "Access-Control-Request-Method": "GET",
                "Access-Control-Request-Headers": "authorization",
            },
        )
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == "http://localhost:5173"
        assert preflight.headers["access-control-allow-credentials"] == "true"
        stranger = await client.options(
            "/api/v1/master-admin/me",
            headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
        )
        assert "access-control-allow-origin" not in stranger.headers
