"""What the stored scores and streaks were computed with."""

from datetime import datetime

from sqlalchemy import CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.database import Base
from app.models.mixins import updated_at_column


class ScoringSettings(Base):
    """One row: the fingerprint of the scoring settings (weights, cap, formula) that
    every row of `admin_scores` was computed with. A service that starts with other
    settings rescores everything, then stores theirs."""

    __tablename__ = "scoring_settings"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    fingerprint: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = updated_at_column()
