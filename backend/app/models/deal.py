"""The deal pipeline: deals on stages, and the history of their stage changes."""

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Numeric,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.database import Base
from app.models.enums import DealStage
from app.models.mixins import created_at_column, string_enum, updated_at_column
from app.models.prospect import AdminProspect
from app.models.user import User

MAX_DEAL_VALUE = 10**12


class AdminDeal(Base):
    """A deal with a prospect: its value, stage and chance of closing."""

    __tablename__ = "admin_deals"
    __table_args__ = (
        CheckConstraint("char_length(title) >= 1", name="title_not_empty"),
        CheckConstraint(f"value >= 0 AND value <= {MAX_DEAL_VALUE}", name="value_range"),
        CheckConstraint("probability BETWEEN 0 AND 100", name="probability_range"),
        CheckConstraint(
            "(closed_on IS NOT NULL) = (stage IN ('won', 'lost'))", name="closed_on_when_closed"
        ),
        # The list's order, so a page is read in order and stops at its end.
        Index("idx_admin_deals_user_updated", "user_id", text("updated_at DESC"), text("id DESC")),
        # Open deals' figures (the dashboard's, the open list's count) from the index alone.
        Index(
            "idx_admin_deals_user_open",
            "user_id",
            postgresql_include=["value", "probability"],
            postgresql_where=text("stage NOT IN ('won', 'lost')"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    prospect_id: Mapped[int] = mapped_column(
        ForeignKey("admin_prospects.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(255))
    stage: Mapped[DealStage] = mapped_column(
        string_enum(DealStage, name="stage", length=20),
        server_default=DealStage.DISCOVERY.value,
    )
    value: Mapped[Decimal] = mapped_column(Numeric(15, 2))
    probability: Mapped[int]
    expected_close_date: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    closed_on: Mapped[date | None] = mapped_column(Date)
    # The caller's day the deal was opened, as `closed_on` is the day it closed: a sales
    # cycle counts the days between, whatever the time zone is later.
    created_on: Mapped[date] = mapped_column(Date, server_default=text("CURRENT_DATE"))
    stage_changed_at: Mapped[datetime] = created_at_column()
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = updated_at_column()

    user: Mapped[User] = relationship(lazy="raise")
    prospect: Mapped[AdminProspect] = relationship(lazy="raise")
    stage_changes: Mapped[list["AdminDealStageChange"]] = relationship(
        lazy="raise",
        order_by="(AdminDealStageChange.changed_at, AdminDealStageChange.id)",
        passive_deletes=True,
    )

    def __repr__(self) -> str:
        return f"<AdminDeal(id={self.id}, title={self.title!r}, stage='{self.stage}')>"


class AdminDealStageChange(Base):
    """A deal entering a stage; its creation is the change from no stage (`from_stage` null)."""

    __tablename__ = "admin_deal_stage_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(
        ForeignKey("admin_deals.id", ondelete="CASCADE"), index=True
    )
    from_stage: Mapped[DealStage | None] = mapped_column(
        string_enum(DealStage, name="from_stage", length=20)
    )
    to_stage: Mapped[DealStage] = mapped_column(string_enum(DealStage, name="to_stage", length=20))
    changed_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=text("now()")
    )

    def __repr__(self) -> str:
        return (
            f"<AdminDealStageChange(deal_id={self.deal_id}, from_stage={self.from_stage}, "
            f"to_stage={self.to_stage})>"
        )


class AdminPipelineTotals(Base):
    """Running totals of a user's open pipeline, so the dashboard reads one row rather
    than every deal. Kept by triggers on `admin_deals` and `admin_prospects` (see the
    migration `0003_pipeline`), whatever writes them: the API, a cascade or raw SQL.
    A user with neither deals nor active prospects may have no row (all zeros)."""

    __tablename__ = "admin_pipeline_totals"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    active_prospects: Mapped[int] = mapped_column(server_default="0")
    open_deals: Mapped[int] = mapped_column(server_default="0")
    open_value: Mapped[Decimal] = mapped_column(Numeric(24, 2), server_default="0")
    # Σ value * probability over open deals: the weighted value times 100, kept exact.
    open_weighted_x100: Mapped[Decimal] = mapped_column(Numeric(26, 2), server_default="0")


class AdminPipelineBucket(Base):
    """A user's deals added up by stage and day, so the pipeline summary reads a few
    hundred rows rather than every deal. Kept by a trigger on `admin_deals` (see the
    migration `0003_pipeline`). `day`: for an open deal the first day of its expected
    close month (`infinity` when it has none), for a closed one its `closed_on`."""

    __tablename__ = "admin_pipeline_buckets"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    stage: Mapped[DealStage] = mapped_column(
        string_enum(DealStage, name="stage", length=20), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    deals: Mapped[int] = mapped_column(server_default="0")
    value: Mapped[Decimal] = mapped_column(Numeric(24, 2), server_default="0")
    weighted_x100: Mapped[Decimal] = mapped_column(Numeric(26, 2), server_default="0")
    # Won deals: Σ days from `created_on` to `closed_on`.
    cycle_days: Mapped[int] = mapped_column(BigInteger, server_default="0")
