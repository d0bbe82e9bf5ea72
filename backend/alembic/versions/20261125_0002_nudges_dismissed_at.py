"""nudges: dismissed_at, so a deleted nudge keeps its rule_key claimed

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 01:34:44.448178
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "admin_nudges", sa.Column("dismissed_at", sa.DateTime(timezone=True), nullable=True)
    )


def downgrade() -> None:
    op.drop_column("admin_nudges", "dismissed_at")
