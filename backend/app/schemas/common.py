"""Schema bases and field types shared by every schema module."""

from functools import cache
from typing import Annotated

import pycountry
from email_validator import EmailNotValidError, validate_email
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


@cache
def _currency_codes() -> frozenset[str]:
    return frozenset(currency.alpha_3 for currency in pycountry.currencies)


def _known_currency(value: str) -> str:
    if value not in _currency_codes():
        raise ValueError("must be an ISO 4217 currency code, e.g. USD or EUR")
    return value


def _email_address(value: str) -> str:
    """The address with its domain normalised (lower case, Unicode NFC); syntax only,
    no DNS lookup."""
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise ValueError(f"must be an email address: {error}") from None


Text = Annotated[str, AfterValidator(_reject_nul)]
LongText = Annotated[str, Field(max_length=10_000), AfterValidator(_reject_nul)]
TimeZoneName = Annotated[str, Field(max_length=64), AfterValidator(_known_time_zone)]
CurrencyCode = Annotated[
    str,
    Field(min_length=3, max_length=3, description="ISO 4217 code, e.g. USD"),
    AfterValidator(_known_currency),
]
EmailAddress = Annotated[
    str,
    Field(max_length=320, json_schema_extra={"format": "email"}),
    AfterValidator(_email_address),
]
