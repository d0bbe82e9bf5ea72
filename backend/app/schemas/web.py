"""What the web app learns from the server before anyone signs in."""

from enum import StrEnum

from app.schemas.common import ResponseSchema


class AuthMode(StrEnum):
    DEVELOPMENT = "development"
    CLERK = "clerk"


class WebConfig(ResponseSchema):
    """`auth` says how the app signs in: `clerk` with `clerk_publishable_key`, or
    `development`, where it asks `POST /api/v1/dev/token` for a token."""

    auth: AuthMode
    clerk_publishable_key: str | None


class DevToken(ResponseSchema):
    """A master-admin session token shaped like Clerk's (RS256, 30 days)."""

    token: str
