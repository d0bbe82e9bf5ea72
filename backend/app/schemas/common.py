"""Schema bases and field types shared by every schema module."""

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from app.core.clock import iana_time_zones

# The tables' ids are 32-bit integers: a larger number can name no row.
MAX_ID = 2_147_483_647


class InputSchema(BaseModel):
    """Request bodies: unknown fields are an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid")


class ResponseSchema(BaseModel):
    model_config = ConfigDict(from_attributes=True)


def _reject_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("text may not contain the NUL character (U+0000)")
    return value


def _known_time_zone(value: str) -> str:
    if value not in iana_time_zones():
        raise ValueError("must be an IANA time zone name, e.g. Europe/London")
    return value


Text = Annotated[str, AfterValidator(_reject_nul)]
LongText = Annotated[str, Field(max_length=10_000), AfterValidator(_reject_nul)]
TimeZoneName = Annotated[str, Field(max_length=64), AfterValidator(_known_time_zone)]
