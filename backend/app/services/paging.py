"""A list's page and how many rows match in all, in one round trip.

The page carries the count as its `total` column (a scalar subquery); the count is sent
alone only when a page past the first is empty, where no row can carry it. Limit and
offset are bound parameters, so a statement built once (the prospect and deal lists
build theirs once per combination of filters: building a SQL expression, and its cache
key, costs more than running a cached one) serves every page.
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Integer, Select, bindparam
from sqlalchemy.ext.asyncio import AsyncSession

LIMIT = bindparam("limit", type_=Integer)
OFFSET = bindparam("offset", type_=Integer)


def paged(page: Select[Any], count: Select[Any]) -> Select[Any]:
    """`page` (filtered and ordered) with `count`'s result as its `total` column, limited
    by `LIMIT` and `OFFSET`. `count` must select from its own alias of the table, so the
    subquery is not correlated with the page."""
    return page.add_columns(count.scalar_subquery().label("total")).limit(LIMIT).offset(OFFSET)


async def page_and_total(
    session: AsyncSession,
    page: Select[Any],
    count: Select[Any],
    params: dict[str, Any],
    *,
    limit: int,
    offset: int,
) -> tuple[Sequence[dict[str, Any]], int]:
    """The rows of `page` (from `paged`), each as a dict by column name, and the number
    of rows matching in all. `params` binds both statements' other parameters.

    Dicts, not rows: a response model validates a dict's fields in about 60% of the
    time it takes to read them as a row's attributes (100 prospects: 0.79 ms, 1.29 ms)."""
    params = {**params, LIMIT.key: limit, OFFSET.key: offset}
    rows = [row._asdict() for row in (await session.execute(page, params))]
    if rows:
        return rows, rows[0]["total"]
    if not offset:
        return rows, 0
    return rows, (await session.execute(count, params)).scalar_one()
