"""Idempotency keys: a POST's first response, replayed to its repeats."""

from datetime import datetime
from typing import Any

from sqlalchemy import Index, LargeBinary, SmallInteger, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from app.core.database import Base
from app.models.mixins import created_at_column


class IdempotencyKey(Base):
    """One user's `Idempotency-Key`: the fingerprint of the request first sent with it and,
    once that request finished, its response (`status_code` null while it runs). Rows
    older than 24 hours are expired."""

    __tablename__ = "idempotency_keys"
    __table_args__ = (Index(None, "created_at"),)

    # No foreign key: claimed on a connection of its own, before the request's
    # transaction (which may create the user) commits; expiry removes the rows.
    user_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    # SHA-256 (hex) of the method, path and body.
    request_fingerprint: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int | None] = mapped_column(SmallInteger)
    response_headers: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    response_body: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = created_at_column()
