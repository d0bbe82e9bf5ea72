"""The JSON PostgreSQL writes for a response model (`app.services.response_json`) is, byte
for byte, what Pydantic writes for the same values, for every type it supports."""

import datetime as dt
import random
from decimal import Decimal
from typing import Annotated, Any

import pytest
from pydantic import BaseModel, Field, PlainSerializer, TypeAdapter, field_serializer
from sqlalchemy import (
    ARRAY,
    Boolean,
    Date,
    DateTime,
    Integer,
    Numeric,
    String,
    Text,
    cast,
    column,
    select,
    values,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.expression import ColumnClause

from app.models import ProspectStatus
from app.schemas.master_admin.fields import Money
from app.services.response_json import json_array

UTC = dt.UTC
PARIS = dt.timezone(dt.timedelta(hours=2))


class Everything(BaseModel):
    flag: bool
    count: int
    text: str | None
    day: dt.date | None
    at: dt.datetime
    ended_at: dt.datetime | None
    value: Money
    status: ProspectStatus
    tags: list[str]


COLUMNS: list[ColumnClause[Any]] = [
    column("flag", Boolean),
    column("count", Integer),
    column("text", Text),
    column("day", Date),
    column("at", DateTime(timezone=True)),
    column("ended_at", DateTime(timezone=True)),
    column("value", Numeric(15, 2)),
    column("status", String),
    column("tags", ARRAY(String)),
    column("ordinal", Integer),
]


def row(**fields: Any) -> dict[str, Any]:
    """A row of `Everything`, plain unless `fields` say otherwise."""
    return {
        "flag": True,
        "count": 1,
        "text": "plain",
        "day": dt.date(2026, 11, 30),
        "at": dt.datetime(2026, 11, 30, 9, 0, tzinfo=UTC),
        "ended_at": None,
        "value": Decimal("250000.00"),
        "status": ProspectStatus.NEW,
        "tags": [],
        **fields,
    }


async def rendered(session: AsyncSession, rows: list[dict[str, Any]]) -> str:
    """`rows` as PostgreSQL writes them, as a list of `Everything`."""
    data = [(*r.values(), n) for n, r in enumerate(rows)] or [(*row().values(), -1)]
    # Listed out of order: the array keeps the ordinal's order, not the scan's.
    listed = values(*COLUMNS, name="listed").data(data[::-1])
    # Typed as a table's columns are (a NULL in VALUES would be text).
    table = select(*(cast(listed.c[c.name], c.type).label(c.name) for c in COLUMNS)).subquery()
    statement = json_array(table, Everything, table.c.ordinal).where(table.c.ordinal >= 0)
    body: str = (await session.execute(statement)).mappings().one()["body"]
    return body


def pydantic_json(rows: list[dict[str, Any]]) -> str:
    """`rows` as Pydantic writes them once read back from the database, which gives every
    timestamptz in UTC."""
    read_back = [
        {k: v.astimezone(UTC) if isinstance(v, dt.datetime) else v for k, v in r.items()}
        for r in rows
    ]
    adapter = TypeAdapter(list[Everything])
    return adapter.dump_json(adapter.validate_python(read_back)).decode()


async def test_a_row_is_written_compactly_in_the_models_field_order(
    session: AsyncSession,
) -> None:
    body = await rendered(session, [row(tags=["m&a", "warm"], count=42)])

    assert body == (
        '[{"flag":true,"count":42,"text":"plain","day":"2026-11-30",'
        '"at":"2026-11-30T09:00:00Z","ended_at":null,"value":250000.0,'
        '"status":"new","tags":["m&a","warm"]}]'
    )


async def test_no_rows_is_an_empty_array(session: AsyncSession) -> None:
    assert await rendered(session, []) == "[]"


EDGES = [
    # Datetimes: no fraction, a microsecond, a fraction with trailing zeros, another
    # offset (written in UTC), the last microsecond of a year.
    row(at=dt.datetime(2026, 1, 1, tzinfo=UTC)),
    row(at=dt.datetime(2026, 1, 1, 0, 0, 0, 5, tzinfo=UTC)),
    row(at=dt.datetime(2026, 3, 29, 1, 30, 0, 120000, tzinfo=PARIS)),
    row(ended_at=dt.datetime(2026, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)),
    # Money: zero, a cent, half, a whole number, the most one value may be, 15 digits.
    *(
        row(value=Decimal(value))
        for value in ("0", "0.01", "0.5", "50000.50", "10", "1000000000000", "999999999999.99")
    ),
    # Text that JSON escapes, and text it does not.
    row(text='quote " backslash \\ slash /'),
    row(text="line\nbreak\ttab\rreturn\x08\x0c"),
    row(text="control \x01 \x1f, delete \x7f"),
    row(text="é ü 🚀 \u2028 \u2029 </script>"),
    row(text=None, day=None),
    row(text=""),
    row(tags=['say "hi"', "back\\slash", "é"]),
    row(flag=False, count=-7, status=ProspectStatus.CLOSED_WON),
]


@pytest.mark.parametrize("edge", EDGES, ids=range(len(EDGES)))
async def test_an_edge_value_is_written_as_pydantic_writes_it(
    session: AsyncSession, edge: dict[str, Any]
) -> None:
    assert await rendered(session, [edge]) == pydantic_json([edge])


def random_row(rng: random.Random) -> dict[str, Any]:
    def moment() -> dt.datetime:
        seconds = rng.randrange(0, 200 * 365 * 86400)
        micro = rng.choice([0, rng.randrange(1_000_000)])
        offset = dt.timezone(dt.timedelta(minutes=15 * rng.randrange(-48, 57)))
        return (
            (dt.datetime(1950, 1, 1, tzinfo=UTC) + dt.timedelta(seconds=seconds))
            .replace(microsecond=micro)
            .astimezone(offset)
        )

    cents = rng.choice([rng.randrange(100), rng.randrange(10**8), rng.randrange(10**14 + 1)])
    return row(
        flag=rng.random() < 0.5,
        count=rng.randrange(-(2**31), 2**31),
        text="".join(
            chr(rng.choice([rng.randrange(1, 128), rng.randrange(128, 0x2FFFF)]))
            for _ in range(rng.randrange(12))
        ),
        day=dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(20_000)),
        at=moment(),
        ended_at=rng.choice([None, moment()]),
        value=Decimal(cents) / 100,
        status=rng.choice(list(ProspectStatus)),
        tags=[str(rng.randrange(1000)) for _ in range(rng.randrange(3))],
    )


async def test_random_rows_are_written_as_pydantic_writes_them(session: AsyncSession) -> None:
    rng = random.Random(20261201)
    rows = [random_row(rng) for _ in range(2000)]
    # Surrogates are not text; PostgreSQL refuses them as Pydantic would.
    for r in rows:
        r["text"] = "".join(c for c in r["text"] if not 0xD800 <= ord(c) <= 0xDFFF)

    assert await rendered(session, rows) == pydantic_json(rows)


class Unsupported(BaseModel):
    when: dt.time


class PlainDecimal(BaseModel):
    amount: Decimal


class Share(BaseModel):
    share: float


class DecimalAsText(BaseModel):
    amount: Annotated[Decimal, PlainSerializer(str)]


class Renamed(BaseModel):
    when: str = Field(serialization_alias="at")


class LeftOut(BaseModel):
    when: str = Field(exclude=True)


class OwnWay(BaseModel):
    when: str

    @field_serializer("when")
    def _upper(self, when: str) -> str:
        return when.upper()


@pytest.mark.parametrize(
    ("model", "refusal"),
    [
        (Unsupported, "no JSON of <class 'datetime.time'> written in SQL"),
        (PlainDecimal, "no JSON of <class 'decimal.Decimal'> written in SQL"),
        (Share, "no JSON of <class 'float'> written in SQL"),
        (DecimalAsText, "no JSON of <class 'decimal.Decimal'> written in SQL"),
        (Renamed, "Renamed.when is renamed or left out"),
        (LeftOut, "LeftOut.when is renamed or left out"),
        (OwnWay, "OwnWay serializes its own way"),
    ],
)
def test_a_field_written_otherwise_is_refused_when_the_statement_is_built(
    model: type[BaseModel], refusal: str
) -> None:
    table = values(
        column("when", Text), column("amount", Numeric), column("share", Numeric), name="rows"
    ).data([])

    with pytest.raises(TypeError) as raised:
        json_array(table, model, table.c.when)
    assert str(raised.value) == refusal
