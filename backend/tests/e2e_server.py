"""The server the end-to-end suite drives: `make run`'s app on a brand-new database.

`python -m tests.e2e_server PORT`: creates a database on the test server (the
suite's rules: TEST_DATABASE_URL, required under CI=true, else the embedded one),
migrates it, serves the API and the built web app with development auth on
127.0.0.1:PORT, and drops the database when stopped (SIGTERM or Ctrl-C).
"""

import contextlib
import signal
import sys
import tempfile
import uuid
from pathlib import Path
from types import FrameType

import uvicorn

from app.cli import migrate
from app.core import dev_auth
from app.core.config import AppEnv, Settings
from app.main import create_app
from tests import database


def stop(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main(port: int) -> None:
    server = database.server_url()
    name = f"{database.DATABASE_PREFIX}e2e_{uuid.uuid4().hex[:12]}"
    url = database.create_database(server, name)
    try:
        migrate(url)
        with tempfile.TemporaryDirectory() as keys:
            dev_auth.DEV_KEY_PATH = Path(keys) / "private_key.pem"
            settings = Settings(
                _env_file=None,
                app_env=AppEnv.DEVELOPMENT,
                database_url=url,
                clerk_jwt_key=None,
                clerk_jwks_url=None,
                clerk_issuer=None,
                clerk_authorized_parties=[],
                nudge_ai_base_url=None,
                nudge_ai_api_key=None,
            )
            signal.signal(signal.SIGTERM, stop)
            with contextlib.suppress(KeyboardInterrupt):
                uvicorn.run(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    finally:
        database.drop_database(server, name)


if __name__ == "__main__":
    main(int(sys.argv[1]))
