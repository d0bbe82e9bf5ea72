"""The app's documented operations, for tests that walk every route."""

from fastapi import FastAPI


def operations(app: FastAPI) -> list[tuple[str, str]]:
    """(METHOD, path template) of every operation in the app's OpenAPI schema."""
    return [
        (method.upper(), path)
        for path, methods in app.openapi()["paths"].items()
        for method in methods
    ]


def with_id(path: str, value: object) -> str:
    """The path template with `value` in place of its id parameter."""
    return "/".join(str(value) if part.startswith("{") else part for part in path.split("/"))
