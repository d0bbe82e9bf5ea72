"""scoring_settings: the fingerprint of the settings the stored scores were computed with

Empty at first: the first start after this migration rescores every user once with the
settings in force, whatever computed the stored scores before.

Revision ID: i15_scoring_settings
Revises: i15_focus_ends_after_start
Create Date: 2026-11-30 08:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "i15_scoring_settings"
down_revision: str | None = "i15_focus_ends_after_start"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "scoring_settings",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint("id = 1", name=op.f("ck_scoring_settings_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scoring_settings")),
    )


def downgrade() -> None:
    op.drop_table("scoring_settings")
