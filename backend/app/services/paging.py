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
    by `LIMIT` and `OFFSET`. `count` must not select from the page's own table (an alias
    of it, or another table, will do), or the subquery would be correlated with the
    page."""
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

    Dicts, not rows: a response model reads a row through its attributes, slowly. 100
    prospects built as dicts and validated took 0.31 to 0.39 ms, validated from their
    rows 1.16 to 1.21 ms (`Row._asdict` alone took 0.5 to 0.6 ms)."""
    params = {**params, LIMIT.key: limit, OFFSET.key: offset}
    result = await session.execute(page, params)
    columns = list(result.keys())
    rows = [dict(zip(columns, row, strict=True)) for row in result]
    if rows:
        return rows, rows[0]["total"]
    if not offset:
        return rows, 0
    return rows, (await session.execute(count, params)).scalar_one()
