"""Field types shared by the master-admin schemas (goals, activities, scores, deals)."""

import re
from datetime import date, timedelta
from decimal import Decimal
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    GetJsonSchemaHandler,
    PlainSerializer,
    WithJsonSchema,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from app.schemas.common import MAX_ID

T = TypeVar("T")

# Strict: a JSON number, not `true` or "2", which lax validation would turn into an int.
Int32Id = Annotated[int, Field(strict=True, ge=1, le=MAX_ID)]
Amount = Annotated[
    int, Field(strict=True, ge=1, le=10_000, description="How many were done, 1..10,000")
]
GoalTarget = Annotated[int, Field(strict=True, ge=0, le=100_000)]


ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# The last Monday whose whole week is a representable date (date.max is a Friday).
LAST_MONDAY = date.max - timedelta(days=date.max.weekday() + 7)


def _written_as_iso_date(value: Any) -> Any:
    # Lax validation would also read numbers ("0", 1700000000) as Unix times.
    if isinstance(value, date) or (isinstance(value, str) and ISO_DATE.fullmatch(value)):
        return value
    raise ValueError("must be a date written YYYY-MM-DD")


def _storable(value: date) -> date:
    # asyncpg stores date.min and date.max as -infinity and infinity, where date
    # arithmetic (streaks) fails: only the days between are real days.
    if value in (date.min, date.max):
        raise ValueError(f"must be after {date.min} and before {date.max}")
    return value


def _must_be_a_monday(value: date) -> date:
    if value.weekday() != 0:
        raise ValueError("must be a Monday (weeks start on Monday)")
    if value > LAST_MONDAY:
        raise ValueError(f"must be on or before {LAST_MONDAY}")
    return value


Day = Annotated[date, BeforeValidator(_written_as_iso_date), AfterValidator(_storable)]
Monday = Annotated[Day, AfterValidator(_must_be_a_monday)]


def _reject_null(value: Any) -> Any:
    if value is None:
        raise ValueError("may not be null; omit the field to keep its value")
    return value


class _DocumentedWithoutNull:
    """Documents a `NotNull` field as its inner type: `null` is refused, so not offered."""

    @staticmethod
    def __get_pydantic_json_schema__(
        schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        assert schema["type"] == "function-before"
        nullable = schema["schema"]
        assert nullable["type"] == "nullable"
        return handler(nullable["schema"])


# A partial update's optional field that cannot be cleared: omitted (None by default)
# keeps the stored value, an explicit `null` is a 422 with the field's own `loc`.
NotNull = Annotated[T | None, BeforeValidator(_reject_null), _DocumentedWithoutNull]


def _json_number(value: Any) -> Any:
    # Bodies of the deal routes are parsed with fractions as Decimal (`LosslessJsonRoute`),
    # so a JSON number arrives as int or Decimal; text, booleans and NaN are refused.
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise ValueError("must be a JSON number")
    return value


# Money in: a JSON number 0..10^12 with at most 2 decimals, read exactly (never via a float).
MoneyInput = Annotated[
    Decimal,
    BeforeValidator(_json_number),
    Field(ge=0, le=10**12, max_digits=15, decimal_places=2),
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": 10**12}),
]
# Money out: a JSON number. Exact to the cent up to 15 significant digits (any single
# value; sums up to 10^13), which is where a JSON reader's double stops being exact.
Money = Annotated[Decimal, PlainSerializer(float, return_type=float, when_used="json")]
