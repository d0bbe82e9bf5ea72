"""The declarative base, the async engine and the session factory."""

from sqlalchemy import MetaData
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase

# Constraint and index names are derived from the columns, so models and migrations agree.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def create_engine(url: str, *, pool_size: int) -> AsyncEngine:
    """At most `pool_size` connections, each kept once opened. No overflow: a connection
    beyond the pool would be closed as it comes back, and under steady load reopened
    moments later (a TLS attempt, authentication, the dialect's type setup) again and
    again; a request that finds every connection busy waits for one instead."""
    return create_async_engine(url, pool_size=pool_size, max_overflow=0)


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions whose work is one transaction, begun with its first statement."""
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


def create_read_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions for reads, whose statements each run as their own transaction (the
    driver's autocommit): no BEGIN and COMMIT round trips around them. At PostgreSQL's
    READ COMMITTED each statement reads its own snapshot either way, so a read loses no
    consistency. Not for a lock held across statements: it ends with its statement."""
    return create_sessionmaker(engine.execution_options(isolation_level="AUTOCOMMIT"))


async def release_connection(session: AsyncSession) -> None:
    """End the session's transaction, so its connection goes back to the pool while the
    request waits on something slow outside the database (an AI call). Only for a
    session that has written nothing yet: it commits. The next statement begins a new
    transaction, which sees what others committed in between."""
    await session.commit()
