"""/docs without a CDN: Swagger UI's files come with the app (from the fastapi-offline
package), so the reference works offline and under the app's own origin."""

from pathlib import Path

import fastapi_offline
from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

SWAGGER_UI_FILES = Path(fastapi_offline.__file__).parent / "static"
ASSETS = "/docs-assets"


def serve_docs(app: FastAPI) -> None:
    """`GET /docs`: Swagger UI on `/openapi.json`, its script and style from `/docs-assets`."""
    app.mount(ASSETS, StaticFiles(directory=SWAGGER_UI_FILES), name="docs-assets")

    async def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title=f"{app.title} - Swagger UI",
            swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS}/favicon.png",
        )

    app.add_api_route("/docs", swagger_ui, methods=["GET", "HEAD"], include_in_schema=False)
