"""Maps domain errors to HTTP responses, the one place that knows both."""

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from app.core.errors import DomainError, InvalidInput, Unauthenticated


async def domain_error_handler(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, DomainError)
    if isinstance(error, InvalidInput):
        # Shaped like FastAPI's own validation errors, so clients parse one format.
        detail = [{"type": "value_error", "loc": list(error.loc), "msg": error.detail}]
        return JSONResponse({"detail": detail}, status_code=error.status_code)
    headers = {"WWW-Authenticate": "Bearer"} if isinstance(error, Unauthenticated) else None
    return JSONResponse({"detail": error.detail}, status_code=error.status_code, headers=headers)


def register_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, domain_error_handler)
