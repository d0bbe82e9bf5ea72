"""Scratch: in-process cost per request of GET /scores/today, project vs ceiling, by
calling each ASGI app directly (no server, no client), alternated rounds."""
import asyncio, os, sys, time, uuid, statistics, cProfile, pstats
from datetime import UTC, datetime
from app.cli import migrate
from bench.seed import READER, seed
from bench import ceiling
from tests import database
from tests.tokens import TokenSigner, ISSUER

SUFFIX = os.environ.get("SUFFIX", "")
API = "/api/v1/master-admin"
signer = TokenSigner()
server = database.server_url()
name = f"map_prof_{uuid.uuid4().hex[:8]}"
url = database.create_database(server, name)

async def call(app, path, headers):
    path, _, query = path.partition("?")
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
             "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": query.encode(),
             "root_path": "", "headers": headers, "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80), "state": {}}
    status = []
    async def receive(): return {"type": "http.request", "body": b"", "more_body": False}
    async def send(m):
        if m["type"] == "http.response.start": status.append(m["status"])
    await app(scope, receive, send)
    assert status == [200], status

async def main():
    os.environ.update({"APP_ENV": "production", "DATABASE_URL": url, "CLERK_JWT_KEY": signer.public_pem, "CLERK_ISSUER": ISSUER})
    for k in list(os.environ):
        if k.startswith("CLERK_JWKS"): del os.environ[k]
    from app.main import create_app
    from app.core.config import Settings
    project = create_app(Settings())
    ceil = ceiling.create_app(url)
    if os.environ.get("SUFFIX"):
        import today2
        from fastapi import Depends
        deps = [Depends(today2.require_master_admin), Depends(today2.idempotent_post)] if os.environ["SUFFIX"] == "3" else []
        project.add_api_route(f"{API}/scores/today{os.environ['SUFFIX']}", getattr(today2, f"get_today_score{os.environ['SUFFIX']}"), methods=["GET"], dependencies=deps)
        project.router.routes.insert(0, project.router.routes.pop())
    token = signer.token(READER, exp=int(time.time()) + 3600)
    ph = [(b"authorization", f"Bearer {token}".encode())]
    ch = [(b"authorization", f"Bearer {READER}".encode())]
    n = int(sys.argv[1])
    async with project.router.lifespan_context(project), ceil.router.lifespan_context(ceil):
        if os.environ.get("ONLY"):
            p = os.environ["ONLY"]
            for _ in range(20): await call(project, f"{API}{p}", ph)
            t = time.perf_counter()
            for _ in range(n): await call(project, f"{API}{p}", ph)
            print(p, "us/request", round((time.perf_counter() - t) / n * 1e6))
            pr = cProfile.Profile(); pr.enable()
            for _ in range(n): await call(project, f"{API}{p}", ph)
            pr.disable(); pr.dump_stats("/work/scratch/only.prof")
            return
        for app, h in ((project, ph), (ceil, ch)) if not os.environ.get("ONLY") else ():
            for _ in range(200): await call(app, f"{API}/scores/today" + (SUFFIX if app is project else ""), h)
        res = {"project": [], "ceiling": []}
        if os.environ.get("ONLY"): n = n
        for _ in range(5):
            for label, app, h in (("project", project, ph), ("ceiling", ceil, ch)):
                t = time.perf_counter()
                for _ in range(n): await call(app, f"{API}/scores/today" + (SUFFIX if app is project else ""), h)
                res[label].append((time.perf_counter() - t) / n * 1e6)
        for k, v in res.items(): print(k, "us/request median", round(statistics.median(v)), [round(x) for x in v])
        print("ratio", round(statistics.median(res["ceiling"]) / statistics.median(res["project"]), 3))
        if len(sys.argv) > 2:
            pr = cProfile.Profile(); pr.enable()
            for _ in range(n): await call(project, f"{API}/scores/today", ph)
            pr.disable(); pr.dump_stats("/work/scratch/inproc.prof")

try:
    migrate(url)
    asyncio.run(seed(database.asyncpg_dsn(url), datetime.now(UTC).date()))
    asyncio.run(main())
finally:
    database.drop_database(server, name)
