"""Entry points behind `make run`, `make migrate` and `make token`."""

import argparse
import json
import os
import signal
import sys
from pathlib import Path
from types import FrameType

import uvicorn
from alembic.config import Config

from alembic import command
from app.core.config import BACKEND_DIR, DATA_DIR, Settings, get_settings
from app.core.dev_auth import DEV_USER_ID, mint_dev_token, uses_dev_auth
from app.core.embedded_postgres import start_embedded_postgres


def resolve_database_url(settings: Settings, embedded_data_dir: Path = DATA_DIR / "pg") -> str:
    """The configured database, else the embedded one (started if need be)."""
    if settings.database_url is not None:
        return settings.database_url
    print(f"No DATABASE_URL set: using the embedded PostgreSQL in {embedded_data_dir}")
    return start_embedded_postgres(embedded_data_dir)


def alembic_config(database_url: str) -> Config:
    """The project's Alembic configuration, aimed at `database_url`."""
    config = Config(str(BACKEND_DIR / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def migrate(database_url: str) -> None:
    command.upgrade(alembic_config(database_url), "head")


def exit_on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def serve(settings: Settings) -> None:
    # uvicorn re-raises SIGTERM after its graceful shutdown. Turned into SystemExit, it
    # lets the atexit handler that stops the embedded PostgreSQL run; the default
    # action would kill the process first and leave the server running.
    signal.signal(signal.SIGTERM, exit_on_sigterm)
    database_url = resolve_database_url(settings)
    migrate(database_url)
    # Worker processes read their settings afresh: hand them the resolved database.
    os.environ["DATABASE_URL"] = database_url
    get_settings.cache_clear()
    if uses_dev_auth(settings):
        print(
            "Development auth is on (no Clerk key configured). Get a master-admin token with\n"
            "    make token\n"
            "and send it as 'Authorization: Bearer <token>'."
        )
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        proxy_headers=True,
        forwarded_allow_ips=settings.forwarded_allow_ips,
    )


def token(settings: Settings) -> int:
    if not uses_dev_auth(settings):
        print(
            "make token only works with development auth (APP_ENV=development and no "
            "CLERK_JWT_KEY or CLERK_JWKS_URL): sign in through Clerk instead.",
            file=sys.stderr,
        )
        return 1
    print(f"A development token for {DEV_USER_ID} (role {settings.master_admin_role}), 30 days:")
    print(mint_dev_token(settings))
    return 0


def openapi_schema() -> str:
    """The API's OpenAPI document as JSON: what the web app's types are generated from.
    Built from default settings, so it is the same on every machine."""
    from app.main import create_app  # the app, only for this command

    return json.dumps(create_app(Settings(_env_file=None)).openapi(), indent=2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.cli")
    parser.add_argument("command", choices=["serve", "migrate", "token", "openapi"])
    args = parser.parse_args(argv)
    settings = get_settings()
    if args.command == "serve":
        serve(settings)
    elif args.command == "migrate":
        migrate(resolve_database_url(settings))
    elif args.command == "openapi":
        print(openapi_schema())
    else:
        return token(settings)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
