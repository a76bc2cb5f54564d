"""Throttle counters in the database: sign-in, sign-up and reset events shared by all workers.

Revision ID: 0917
Revises: 0916
Create Date: 2026-11-30 22:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0917"
down_revision: str | Sequence[str] | None = "0916"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the table."""
    op.create_table(
        "throttle_hit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_throttle_hit")),
    )
    op.create_index(op.f("ix_throttle_hit_key"), "throttle_hit", ["key"], unique=False)
    op.create_index(op.f("ix_throttle_hit_at"), "throttle_hit", ["at"], unique=False)


def downgrade() -> None:
    """Drop the table."""
    op.drop_index(op.f("ix_throttle_hit_at"), table_name="throttle_hit")
    op.drop_index(op.f("ix_throttle_hit_key"), table_name="throttle_hit")
    op.drop_table("throttle_hit")
