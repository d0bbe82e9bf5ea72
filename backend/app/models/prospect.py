from datetime import datetime

from sqlalchemy import Computed, ForeignKey, Index, String, Text, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.database import Base
from app.models.enums import ProspectStatus
from app.models.mixins import created_at_column, string_enum, updated_at_column
from app.models.user import User

# The index that makes an email address unique per user, ignoring case.
EMAIL_PER_USER_INDEX = "uq_admin_prospects_user_id_lower_email"
SEARCH_INDEX = "ix_admin_prospects_search_text_trgm"
# What the search (`q`) looks in: name, email and company, lower-cased once when written
# rather than on every search, kept apart by a control character (31) no search may
# contain, so no match spans two fields.
SEARCH_TEXT = "lower(name || chr(31) || coalesce(email, '') || chr(31) || coalesce(company, ''))"


class AdminProspect(Base):
    """A person the founder is selling to, with their place in the sales funnel."""

    __tablename__ = "admin_prospects"
    __table_args__ = (
        Index(EMAIL_PER_USER_INDEX, "user_id", text("lower(email)"), unique=True),
        # The list's default order (newest first), and its status filter and count.
        Index(
            "idx_admin_prospects_user_created",
            "user_id",
            text("created_at DESC"),
            text("id DESC"),
        ),
        Index("idx_admin_prospects_user_status", "user_id", "status"),
        # The search: a trigram index answers `search_text LIKE '%part%'` without reading
        # every prospect (PostgreSQL's pg_trgm extension, created by the migration where
        # the server has it: not the embedded one of `make run`, which then reads them all).
        Index(
            SEARCH_INDEX,
            "search_text",
            postgresql_using="gin",
            postgresql_ops={"search_text": "gin_trgm_ops"},
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(255))
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(50))
    company: Mapped[str | None] = mapped_column(String(255))
    title: Mapped[str | None] = mapped_column(String(255))
    status: Mapped[ProspectStatus] = mapped_column(
        string_enum(ProspectStatus, name="status", length=20),
        server_default=ProspectStatus.NEW.value,
    )
    source: Mapped[str | None] = mapped_column(String(100))
    tags: Mapped[list[str]] = mapped_column(ARRAY(String(50)), server_default=text("'{}'"))
    notes: Mapped[str | None] = mapped_column(Text)
    search_text: Mapped[str] = mapped_column(Text, Computed(SEARCH_TEXT, persisted=True))
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = updated_at_column()

    user: Mapped[User] = relationship(lazy="raise")

    def __repr__(self) -> str:
        return f"<AdminProspect(id={self.id}, name={self.name!r}, status='{self.status}')>"
