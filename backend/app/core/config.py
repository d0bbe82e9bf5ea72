"""Settings: read once from the environment (and `.env`), overridable in tests."""

import re
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from app.core.text import outside_text
from app.models.enums import ActivityType

BACKEND_DIR = Path(__file__).resolve().parents[2]
DATA_DIR = BACKEND_DIR / ".data"
WEB_DIST_DIR = BACKEND_DIR.parent / "frontend" / "dist"

CommaSeparated = Annotated[list[str], NoDecode]

# Longer than any key, URL or name a setting holds (a PEM public key is ~800 characters).
MAX_SETTING_LENGTH = 65_536
# An HTTP header value: visible ASCII.
HEADER_VALUE = re.compile(r"[!-~]+")

DEFAULT_ACTIVITY_WEIGHTS = {
    ActivityType.DISCOVERY: 10,
    ActivityType.EMAIL: 5,
    ActivityType.VIDEO: 15,
    ActivityType.CALL: 20,
}


class AppEnv(StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


def async_database_url(url: str) -> str:
    """Normalise any PostgreSQL URL spelling to the asyncpg driver."""
    scheme, separator, rest = url.partition("://")
    if not separator or scheme not in {"postgres", "postgresql", "postgresql+asyncpg"}:
        raise ValueError("must be a postgresql://, postgres:// or postgresql+asyncpg:// URL")
    return f"postgresql+asyncpg://{rest}"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=(BACKEND_DIR.parent / ".env", BACKEND_DIR / ".env"),
        env_file_encoding="utf-8",
        extra="ignore",
    )

    app_env: AppEnv = AppEnv.DEVELOPMENT
    database_url: str | None = None
    test_database_url: str = "postgresql://postgres@127.0.0.1:5432/postgres"
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    workers: int = Field(default=1, ge=1)
    db_pool_size: int = Field(default=20, ge=1)
    # Proxies (addresses, networks, or "*") whose X-Forwarded-For/-Proto are believed.
    forwarded_allow_ips: CommaSeparated = ["127.0.0.1"]

    clerk_jwt_key: str | None = None
    clerk_jwks_url: str | None = None
    clerk_issuer: str | None = None
    clerk_authorized_parties: CommaSeparated = []
    clerk_publishable_key: str | None = None
    clerk_role_claim: str = "metadata.role"
    master_admin_role: str = "master_admin"
    master_admin_user_ids: CommaSeparated = []
    cors_origins: CommaSeparated | None = None

    # The built web app (`npm run build` in frontend/), served at `/` when present.
    web_dist_dir: Path = WEB_DIST_DIR

    nudge_ai_base_url: str | None = None
    nudge_ai_api_key: str | None = None
    nudge_ai_model: str | None = None

    # Points per unit of a done activity (a day's score is capped at 100); JSON in the
    # environment, e.g. ACTIVITY_WEIGHTS='{"call": 25}'; types left out keep their default.
    activity_weights: dict[ActivityType, Annotated[int, Field(ge=0, le=100)]] = Field(
        default_factory=lambda: dict(DEFAULT_ACTIVITY_WEIGHTS)
    )

    @field_validator(
        "clerk_authorized_parties",
        "master_admin_user_ids",
        "cors_origins",
        "forwarded_allow_ips",
        mode="before",
    )
    @classmethod
    def _split_commas(cls, value: object) -> object:
        if isinstance(value, str):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value

    @field_validator("*")
    @classmethod
    def _text(cls, value: object) -> object:
        # Settings reach tokens, stored rows and outbound requests: the rule of outside text.
        for text in value if isinstance(value, list) else [value]:
            if (
                text
                and isinstance(text, str)
                and not outside_text(text, max_length=MAX_SETTING_LENGTH)
            ):
                raise ValueError("must be text: no NUL, no undecodable byte, not over 64 KiB")
        return value

    @field_validator("nudge_ai_api_key")
    @classmethod
    def _header_value(cls, value: str | None) -> str | None:
        if value and not HEADER_VALUE.fullmatch(value):
            raise ValueError("must be visible ASCII: it is sent in the Authorization header")
        return value

    @field_validator("activity_weights")
    @classmethod
    def _weigh_every_activity_type(cls, value: dict[ActivityType, int]) -> dict[ActivityType, int]:
        return DEFAULT_ACTIVITY_WEIGHTS | value

    @field_validator("database_url", "test_database_url")
    @classmethod
    def _normalise_database_url(cls, value: str | None) -> str | None:
        return None if value is None else async_database_url(value)

    @model_validator(mode="after")
    def _production_is_locked_down(self) -> "Settings":
        if self.app_env is AppEnv.PRODUCTION:
            if not (self.clerk_jwt_key or self.clerk_jwks_url) or not self.clerk_issuer:
                raise ValueError(
                    "APP_ENV=production needs CLERK_JWT_KEY or CLERK_JWKS_URL, and CLERK_ISSUER"
                )
            if "*" in self.allowed_origins:
                raise ValueError("CORS_ORIGINS='*' is refused in production")
        return self

    @property
    def allowed_origins(self) -> list[str]:
        if self.cors_origins is None:
            return self.clerk_authorized_parties
        return self.cors_origins


@lru_cache
def get_settings() -> Settings:
    return Settings()
