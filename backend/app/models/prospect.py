from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.database import Base
from app.models.enums import ProspectStatus
from app.models.mixins import created_at_column, string_enum, updated_at_column
from app.models.user import User


class AdminProspect(Base):
    """A prospect the founder is selling to (minimal until the prospect story)."""

    __tablename__ = "admin_prospects"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(255))
    company: Mapped[str | None] = mapped_column(String(255))
    email: Mapped[str | None] = mapped_column(String(320))
    status: Mapped[ProspectStatus] = mapped_column(
        string_enum(ProspectStatus, name="status", length=20),
        server_default=ProspectStatus.NEW.value,
    )
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = updated_at_column()

    user: Mapped[User] = relationship(lazy="raise")

    def __repr__(self) -> str:
        return f"<AdminProspect(id={self.id}, name={self.name!r}, status='{self.status}')>"
