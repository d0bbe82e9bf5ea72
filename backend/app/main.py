"""The application factory."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from app.api.body_limit import BodySizeLimit
from app.api.docs import serve_docs
from app.api.errors import register_error_handlers
from app.api.head import HeadAsGet
from app.api.health import router as health_router
from app.api.idempotency import IdempotencyRecorder, ReplayStored, replay_handler
from app.api.v1.endpoints.web_session import router as web_session_router
from app.api.v1.router import include_api_routes
from app.api.web_app import serve_web_app
from app.core.clock import Clock
from app.core.config import Settings, get_settings
from app.core.database import create_engine, create_read_sessionmaker, create_sessionmaker
from app.core.dev_auth import dev_public_key_pem, uses_dev_auth
from app.core.runtime import tuned_garbage_collector
from app.core.security import JwksKeys, TokenVerifier
from app.services.master_admin.nudge_phrasing import nudge_phraser
from app.services.master_admin.rescoring import rescore_if_scoring_changed

# Every request body this API takes is a few kilobytes at most.
MAX_BODY_BYTES = 1024 * 1024


def create_token_verifier(settings: Settings, http_client: httpx.AsyncClient) -> TokenVerifier:
    public_key = settings.clerk_jwt_key
    if uses_dev_auth(settings):
        public_key = dev_public_key_pem()
    jwks = (
        None if settings.clerk_jwks_url is None else JwksKeys(settings.clerk_jwks_url, http_client)
    )
    return TokenVerifier(settings, public_key=public_key, jwks=jwks)


def create_app(settings: Settings | None = None, *, clock: Clock | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.database_url is None:
            raise RuntimeError("DATABASE_URL is not set; start the service with `make run`")
        engine = create_engine(settings.database_url, pool_size=settings.db_pool_size)
        # Before serving: no stored score computed with other weights is ever shown.
        await rescore_if_scoring_changed(engine, settings.activity_weights)
        async with httpx.AsyncClient() as http_client:
            app.state.engine = engine
            app.state.sessionmaker = create_sessionmaker(engine)
            app.state.read_sessionmaker = create_read_sessionmaker(engine)
            app.state.token_verifier = create_token_verifier(settings, http_client)
            app.state.nudge_phraser = nudge_phraser(settings, http_client)
            try:
                with tuned_garbage_collector():
                    yield
            finally:
                await engine.dispose()

    app = FastAPI(
        title="Master Admin Portal API",
        version="0.1.0",
        description="The founder's sales cockpit: activities, scores, streaks, focus, nudges.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        # A redirect would lose the bearer token (browsers drop `Authorization` when
        # following one) and, behind an untrusted proxy, name the wrong scheme: a path
        # with a trailing slash is a 404 like any unknown path.
        redirect_slashes=False,
    )
    app.state.settings = settings
    app.state.clock = clock or Clock()
    app.add_middleware(IdempotencyRecorder)  # innermost: sees the handled errors' responses
    app.add_middleware(BodySizeLimit, max_bytes=MAX_BODY_BYTES)
    if settings.allowed_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.allowed_origins,
            allow_credentials=True,
            allow_methods=["*"],
            allow_headers=["*"],
            expose_headers=["X-Total-Count"],
        )
    app.add_middleware(HeadAsGet)  # outermost: everything inside sees a GET
    register_error_handlers(app)
    app.add_exception_handler(ReplayStored, replay_handler)
    app.include_router(health_router)
    serve_docs(app)
    app.include_router(web_session_router)
    include_api_routes(app)
    serve_web_app(app, settings)
    return app
