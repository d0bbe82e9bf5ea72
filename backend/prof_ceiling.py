"""Scratch: serve the project and the ceiling on a seeded DB; wrk GET /scores/today."""
import asyncio, os, sys, time, uuid, subprocess, signal
from datetime import UTC, datetime
from app.cli import migrate
from bench.__main__ import Server, wrk, API
from bench.seed import READER, seed
from tests import database
from tests.tokens import TokenSigner

mode = sys.argv[1]  # "ratio" or "profile"
signer = TokenSigner()
server = database.server_url()
name = f"map_prof_{uuid.uuid4().hex[:8]}"
url = database.create_database(server, name)
try:
    migrate(url)
    asyncio.run(seed(database.asyncpg_dsn(url), datetime.now(UTC).date()))
    env = {"BENCH_TOKEN": signer.token(READER, exp=int(time.time()) + 3600)}
    if mode == "spy":
        api = Server.api(url, signer); api.wait_ready()
        spy = subprocess.Popen(["/work/scratch/spyenv/bin/py-spy", "record", "-p", str(api.process.pid), "-d", "14", "-r", "200", "-f", "raw", "-o", "/work/scratch/spy.txt"])
        time.sleep(1)
        print(wrk(f"{api.base_url}{API}/scores/today", "get.lua", 32, 12, env))
        spy.wait(); api.stop()
    elif mode == "profile":
        api = Server.api(url, signer)
        api.process.terminate(); api.process.wait()
        e = {**{k: v for k, v in os.environ.items() if not k.startswith("CLERK_")}, "APP_ENV": "production", "DATABASE_URL": url,
             "CLERK_JWT_KEY": signer.public_pem, "CLERK_ISSUER": "https://bench.example", "WORKERS": "1"}
        from tests.tokens import ISSUER
        e["CLERK_ISSUER"] = ISSUER
        p = subprocess.Popen([sys.executable, "-m", "cProfile", "-o", "/work/scratch/api.prof", "-m", "uvicorn", "app.main:create_app", "--factory",
                              "--port", str(api.port), "--no-access-log", "--log-level", "warning"], env=e)
        api.process = p
        api.wait_ready()
        print(wrk(f"{api.base_url}{API}/scores/today", "get.lua", 32, int(sys.argv[2]), env))
        p.send_signal(signal.SIGINT); p.wait()
    else:
        api = Server.api(url, signer); ceil = Server.ceiling(url)
        api.wait_ready(); ceil.wait_ready()
        for _ in range(int(sys.argv[2])):
            a = wrk(f"{api.base_url}{API}/scores/today", "get.lua", 32, 8, env)["requests_per_s"]
            c = wrk(f"{ceil.base_url}{API}/scores/today", "get.lua", 32, 8, env)["requests_per_s"]
            print(f"api {a} ceiling {c} ratio {a/c:.3f}", flush=True)
        api.stop(); ceil.stop()
finally:
    database.drop_database(server, name)
