"""A list's page (`app.services.paging`): the JSON of the rows in order, limited and
offset, with the count of every match riding on it, on statements built here (not the
lists' cached ones)."""

from typing import Any

import pytest
from pydantic import BaseModel
from sqlalchemy import Integer, Select, Text, column, func, select, values
from sqlalchemy.ext.asyncio import AsyncSession

from app.services.paging import COUNTED_BY_WINDOW, counted, page_and_total, paged


class Item(BaseModel):
    name: str
    rank: int


ROWS = [("b", 2), ("a", 2), ("c", 3), ("d", 1), ("e", 0)]


def items(name: str) -> Any:
    return values(column("name", Text), column("rank", Integer), name=name).data(ROWS)


PAGE_ROWS = items("page_rows")
COUNT_ROWS = items("count_rows")
# By rank, highest first, then by name.
ORDER = (PAGE_ROWS.c.rank.desc(), PAGE_ROWS.c.name)


def statements(by_window: bool, least_rank: int = 1) -> tuple[Select[Any], Select[Any]]:
    """The page and the count of the items of at least `least_rank` (four of the five at
    1), the page's count from a window over its rows or from the count."""
    page = select(PAGE_ROWS.c.name, PAGE_ROWS.c.rank).where(PAGE_ROWS.c.rank >= least_rank)
    count = select(func.count()).select_from(COUNT_ROWS).where(COUNT_ROWS.c.rank >= least_rank)
    total = COUNTED_BY_WINDOW if by_window else counted(count)
    return paged(page, total, ORDER, Item), count


@pytest.mark.parametrize("by_window", [True, False])
@pytest.mark.parametrize(
    ("limit", "offset", "body", "total"),
    [
        (
            100,
            0,
            '[{"name":"c","rank":3},{"name":"a","rank":2},'
            '{"name":"b","rank":2},{"name":"d","rank":1}]',
            4,
        ),
        (2, 1, '[{"name":"a","rank":2},{"name":"b","rank":2}]', 4),
        (2, 3, '[{"name":"d","rank":1}]', 4),
        # Past the end: no row carries the count, so it is asked for alone.
        (2, 4, "[]", 4),
        (1, 50, "[]", 4),
    ],
)
async def test_a_page_is_its_rows_in_order_and_the_count_of_every_match(
    session: AsyncSession, by_window: bool, limit: int, offset: int, body: str, total: int
) -> None:
    page, count = statements(by_window)

    assert await page_and_total(session, page, count, {}, limit=limit, offset=offset) == (
        body,
        total,
    )


@pytest.mark.parametrize("by_window", [True, False])
async def test_no_match_is_an_empty_first_page_and_a_count_of_zero(
    session: AsyncSession, by_window: bool
) -> None:
    page, count = statements(by_window, least_rank=10)

    assert await page_and_total(session, page, count, {}, limit=10, offset=0) == ("[]", 0)
