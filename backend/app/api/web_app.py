"""The built web app (frontend/dist) on the API's origin.

Files are served by ServeStatic: Vite's content-hashed assets with a year's
`immutable` caching, and their `.br`/`.gz` siblings (written at build time) to clients
that accept them. A GET outside `/api/` that no route answers is a client route: it
answers `index.html`, which is never cached, so a new build shows on the next load.
"""

import base64
import binascii
from pathlib import Path
from wsgiref.headers import Headers

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from servestatic import ServeStaticASGI
from starlette.exceptions import HTTPException

from app.api.errors import http_error_handler
from app.core.config import Settings

HASHED_ASSET = r"^/assets/.+-[A-Za-z0-9_-]{8,}\.\w+$"
CLERK_CHALLENGES = "https://challenges.cloudflare.com"
CLERK_IMAGES = "https://img.clerk.com"


def clerk_frontend_api(publishable_key: str | None) -> str | None:
    """The Frontend API origin a Clerk publishable key encodes
    (`pk_test_` + base64 of `clerk.example.com$`), or None when it encodes none."""
    if publishable_key is None:
        return None
    encoded = publishable_key.removeprefix("pk_test_").removeprefix("pk_live_")
    try:
        host = base64.b64decode(encoded + "=" * (-len(encoded) % 4), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        return None
    host = host.removesuffix("$")
    labels = host.split(".")
    if not all(label.isascii() and label.replace("-", "").isalnum() for label in labels):
        return None
    return f"https://{host}"


def content_security_policy(settings: Settings) -> str:
    """Scripts from this origin only (and Clerk's when Clerk signs the founder in); no
    framing. Styles allow inline: the toast and dialog libraries set them at run time."""
    clerk = clerk_frontend_api(settings.clerk_publishable_key)
    clerk_scripts = f" {clerk} {CLERK_CHALLENGES}" if clerk else ""
    directives = {
        "default-src": "'self'",
        "script-src": f"'self'{clerk_scripts}",
        "connect-src": f"'self' {clerk}" if clerk else "'self'",
        "img-src": f"'self' data: {CLERK_IMAGES}" if clerk else "'self' data:",
        "style-src": "'self' 'unsafe-inline'",
        "frame-src": CLERK_CHALLENGES if clerk else "'none'",
        "worker-src": "'self' blob:",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }
    return "; ".join(f"{name} {sources}" for name, sources in directives.items())


def page_headers(settings: Settings) -> dict[str, str]:
    """The headers of every HTML page of the app."""
    return {
        "Content-Security-Policy": content_security_policy(settings),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "X-Frame-Options": "DENY",
        "Cache-Control": "no-cache",
    }


def is_client_route(request: Request) -> bool:
    """A page of the app, not the API's: a GET outside `/api/` whose last segment names
    no file (client routes have no dot; a missing `/assets/x.js` stays a 404)."""
    path = request.url.path
    return (
        request.method in {"GET", "HEAD"}
        and path != "/api"
        and not path.startswith("/api/")
        and "." not in path.rsplit("/", 1)[-1]
    )


def serve_web_app(app: FastAPI, settings: Settings) -> None:
    """Serve the build at `settings.web_dist_dir`: its files, and `index.html` for every
    client route. Routing is the API's own: only what no route answers (its 404) becomes
    a client route, so 405s, API 404s and redirects stay as they are."""
    dist: Path = settings.web_dist_dir
    index = dist / "index.html"
    headers = page_headers(settings)
    built = index.is_file()
    if built:

        def add_headers(response_headers: Headers, path: str, url: str) -> None:
            response_headers["X-Content-Type-Options"] = "nosniff"
            if path.endswith(".html"):
                for name, value in headers.items():
                    response_headers[name] = value

        app.add_middleware(
            ServeStaticASGI,
            root=dist,
            index_file=True,
            allow_all_origins=False,
            immutable_file_test=HASHED_ASSET,
            add_headers_function=add_headers,
        )

    async def client_route_or_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        if error.status_code != 404 or not is_client_route(request):
            return await http_error_handler(request, error)
        if not built:
            detail = f"The web app is not built ({dist}): `make run` builds it"
            return JSONResponse({"detail": detail}, status_code=404)
        return FileResponse(index, headers=headers)

    app.add_exception_handler(HTTPException, client_route_or_error)
