"""focus sessions: an end is never before the start (clocks step back)

Sessions a stepped-back clock already ended before their start are ended at their start:
zero minutes, which is what they were.

Revision ID: i15_focus_ends_after_start
Revises: 0002
Create Date: 2026-11-30 08:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "i15_focus_ends_after_start"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("UPDATE admin_focus_sessions SET end_time = start_time WHERE end_time < start_time")
    op.create_check_constraint("ends_after_start", "admin_focus_sessions", "end_time >= start_time")


def downgrade() -> None:
    op.drop_constraint("ends_after_start", "admin_focus_sessions", type_="check")
