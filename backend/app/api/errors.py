"""Maps domain errors to HTTP responses, the one place that knows both."""

import math
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException
from starlette.routing import compile_path

from app.core.errors import DomainError, InvalidInput, Unauthenticated


async def domain_error_handler(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, DomainError)
    if isinstance(error, InvalidInput):
        # Shaped like FastAPI's own validation errors, so clients parse one format.
        detail = [{"type": "value_error", "loc": list(error.loc), "msg": error.detail}]
        return JSONResponse({"detail": detail}, status_code=error.status_code)
    headers = {"WWW-Authenticate": "Bearer"} if isinstance(error, Unauthenticated) else None
    return JSONResponse({"detail": error.detail}, status_code=error.status_code, headers=headers)


def allowed_methods(app: FastAPI) -> list[tuple[re.Pattern[str], str]]:
    """Every documented path as a regex, with the methods it supports (HEAD wherever
    GET is: `HeadAsGet` answers it)."""
    cached: list[tuple[re.Pattern[str], str]] | None = getattr(app.state, "allowed_methods", None)
    if cached is None:
        cached = []
        for path, operations in app.openapi()["paths"].items():
            methods = {method.upper() for method in operations}
            if "GET" in methods:
                methods.add("HEAD")
            cached.append((compile_path(path)[0], ", ".join(sorted(methods))))
        app.state.allowed_methods = cached
    return cached


def why_unreadable(error: HTTPException) -> str | None:
    """Why a body that FastAPI could not parse as JSON was refused, when `error` is its
    400 ("There was an error parsing the body"): FastAPI answers a syntax error 422 itself
    but any other refusal of the parser 400, with the parser's error as the cause."""
    cause = error.__cause__
    if error.status_code != 400 or cause is None:
        return None
    if isinstance(cause, UnicodeDecodeError):
        return "the body is not valid UTF-8"
    if isinstance(cause, RecursionError):
        return "the JSON is nested too deeply"
    if isinstance(cause, ValueError):  # Python's limit on the digits of an integer
        return "a number has too many digits to be read"
    return None


async def http_error_handler(request: Request, error: Exception) -> Response:
    """A body the JSON parser refuses is a 422 in FastAPI's shape, saying why, as every
    other unreadable body is. A 405 lists every method of the path in `Allow`, not those
    of one route of it (one path is served by a route per method)."""
    assert isinstance(error, HTTPException)
    why = why_unreadable(error)
    if why is not None:
        detail = [
            {
                "type": "json_invalid",
                "loc": ["body"],
                "msg": "JSON decode error",
                "input": {},
                "ctx": {"error": why},
            }
        ]
        return JSONResponse({"detail": detail}, status_code=422)
    if error.status_code == 405:
        for pattern, methods in allowed_methods(request.app):
            if pattern.match(request.url.path):
                error.headers = {**(error.headers or {}), "Allow": methods}
                break
    return await http_exception_handler(request, error)


def _json_safe(value: Any) -> Any:
    """NaN, infinities and lone surrogates are not JSON: echo them back as text."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode()
    if isinstance(value, dict):
        return {key: _json_safe(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json_safe(item) for item in value]
    return value


async def validation_error_handler(request: Request, error: Exception) -> JSONResponse:
    """FastAPI's usual 422 body, even when the offending input was NaN (which Python's
    JSON parser accepts and the default handler then fails to echo back, a 500)."""
    assert isinstance(error, RequestValidationError)
    detail = _json_safe(jsonable_encoder(error.errors()))
    return JSONResponse({"detail": detail}, status_code=422)


def register_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, domain_error_handler)
    app.add_exception_handler(HTTPException, http_error_handler)
    app.add_exception_handler(RequestValidationError, validation_error_handler)
