"""Rankings per reader language (career_ranking.language); the profile each career was ranked by.

Revision ID: 0830
Revises: 0820
Create Date: 2026-11-30 15:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0830"
down_revision: str | Sequence[str] | None = "0820"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the language column and the profile table; run `matching recompute` afterwards."""
    op.create_table(
        "career_profile",
        sa.Column("career_id", sa.Integer(), nullable=False),
        sa.Column("basis", sa.String(length=20), nullable=False),
        sa.Column("description", sa.String(length=1000), nullable=False),
        sa.Column("skill_ids", sa.JSON(), nullable=False),
        sa.Column("core_terms", sa.JSON(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["career_id"],
            ["career.id"],
            name=op.f("fk_career_profile_career_id_career"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("career_id", name=op.f("pk_career_profile")),
    )
    with op.batch_alter_table("career_ranking", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("language", sa.String(length=10), server_default="en", nullable=False)
        )
        batch_op.drop_index("ix_career_ranking_career_id_kind_position")
        batch_op.create_index(
            "ix_career_ranking_career_id_kind_language_position",
            ["career_id", "kind", "language", "position"],
            unique=False,
        )


def downgrade() -> None:
    """Drop the profile table and the language column; restore the former index."""
    op.drop_table("career_profile")
    with op.batch_alter_table("career_ranking", schema=None) as batch_op:
        batch_op.drop_index("ix_career_ranking_career_id_kind_language_position")
        batch_op.create_index(
            "ix_career_ranking_career_id_kind_position",
            ["career_id", "kind", "position"],
            unique=False,
        )
        batch_op.drop_column("language")
