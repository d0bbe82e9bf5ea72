"""Partial updates, as every PUT/PATCH applies them."""

from collections.abc import Mapping
from typing import Any, TypeVar

from sqlalchemy import inspect, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.database import Base

ModelT = TypeVar("ModelT", bound=Base)


async def save_changes(session: AsyncSession, row: ModelT, changes: Mapping[str, Any]) -> ModelT:
    """Write the fields sent (none: nothing to write) and return the row as stored.

    One UPDATE ... RETURNING: the `updated_at` the database sets comes back with it. The
    ORM synchronises the loaded `row` itself (the values sent set on it, the expired
    `updated_at` refilled from the returned row).
    """
    if not changes:
        return row
    model = type(row)
    [key] = inspect(model).primary_key
    statement = (
        update(model)
        .where(key == inspect(row).identity[0])  # type: ignore[index]
        .values(**changes)
        .returning(model)
    )
    return (await session.scalars(statement)).one()
