"""Parameter types shared by the endpoints: resource ids, pages, documented errors."""

from typing import Annotated, Any

from fastapi import Query, Response

from app.schemas.common import MAX_ID
from app.schemas.master_admin.fields import Monday

__all__ = [
    "MAX_ID",
    "WEEK_START_INVALID",
    "PageLimit",
    "PageOffset",
    "Responses",
    "WeekStart",
    "not_found",
    "page_response",
]

# Path ids are `Path(ge=1, le=MAX_ID)` and their routes declare `{name:int}`, so only
# digits reach an id route.

# OpenAPI `responses=` entries: status code -> its description.
Responses = dict[int | str, dict[str, Any]]


def not_found(what: str) -> Responses:
    return {404: {"description": f"No such {what} of the caller's"}}


PageLimit = Annotated[int, Query(ge=1, le=500, description="At most this many items")]
PageOffset = Annotated[int, Query(ge=0, le=MAX_ID, description="Skip this many items first")]


def page_response(page: tuple[str, int]) -> Response:
    """A list's page: the JSON the database wrote (`app.services.paging`), sent as it is
    (the route's `response_model` documents it), and `X-Total-Count`, how many items
    match in all."""
    body, total = page
    return Response(body, media_type="application/json", headers={"X-Total-Count": str(total)})


WeekStart = Annotated[
    Monday | None,
    Query(description="The Monday of the week; this week (in the caller's time zone) if unset"),
]
WEEK_START_INVALID: Responses = {422: {"description": "`week_start` is not a date or not a Monday"}}
