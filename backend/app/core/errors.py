"""Domain errors raised by services and auth; one handler maps them to HTTP responses."""

from collections.abc import Sequence


class DomainError(Exception):
    status_code = 400

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class NotFound(DomainError):
    status_code = 404


class Conflict(DomainError):
    status_code = 409


class InvalidInput(DomainError):
    """Input that is well-formed but refused by a rule only the service can check."""

    status_code = 422

    def __init__(self, loc: Sequence[str | int], detail: str) -> None:
        super().__init__(detail)
        self.loc = tuple(loc)


class Unauthenticated(DomainError):
    status_code = 401


class Forbidden(DomainError):
    status_code = 403


class ServiceUnavailable(DomainError):
    status_code = 503
