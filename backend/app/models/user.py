from datetime import datetime

from sqlalchemy import CheckConstraint, SmallInteger, String
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from app.core.database import Base
from app.models.mixins import created_at_column, updated_at_column


class User(Base):
    """A Clerk user, created on their first authenticated request."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint(
            "rest_days <@ ARRAY[1, 2, 3, 4, 5, 6, 7]::smallint[] AND cardinality(rest_days) <= 6",
            name="rest_days_weekdays",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    clerk_user_id: Mapped[str] = mapped_column(String(255), unique=True)
    email: Mapped[str | None] = mapped_column(String(320))
    first_name: Mapped[str | None] = mapped_column(String(255))
    last_name: Mapped[str | None] = mapped_column(String(255))
    role: Mapped[str | None] = mapped_column(String(100))
    timezone: Mapped[str] = mapped_column(String(64), server_default="UTC")
    # ISO 4217, for display only: amounts are stored as entered, never converted.
    currency: Mapped[str] = mapped_column(String(3), server_default="USD")
    # ISO weekday numbers (1 Monday .. 7 Sunday), ascending: days that neither break nor
    # extend a streak unless scored, and that pace does not count.
    rest_days: Mapped[list[int]] = mapped_column(ARRAY(SmallInteger), server_default="{}")
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = updated_at_column()

    def __repr__(self) -> str:
        return f"<User(id={self.id}, clerk_user_id={self.clerk_user_id!r}, role={self.role!r})>"
