"""skill kind and slug, posting text for re-extraction, unlinked mentions

Revision ID: 0820
Revises: 0850
Create Date: 2026-11-30 16:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0820"
down_revision: str | Sequence[str] | None = "0850"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add skill.kind and skill.slug, posting.text_z and the unlinked_mention table."""
    with op.batch_alter_table("skill") as batch:
        batch.add_column(
            sa.Column("kind", sa.String(length=20), server_default="tool", nullable=False)
        )
        batch.add_column(sa.Column("slug", sa.String(length=200), nullable=True))
        batch.create_unique_constraint(op.f("uq_skill_slug"), ["slug"])
    with op.batch_alter_table("posting") as batch:
        batch.add_column(sa.Column("text_z", sa.LargeBinary(), nullable=True))
    op.create_table(
        "unlinked_mention",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("surface", sa.String(length=120), nullable=False),
        sa.Column("postings", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unlinked_mention")),
        sa.UniqueConstraint("key", name=op.f("uq_unlinked_mention_key")),
    )


def downgrade() -> None:
    """Drop what upgrade added."""
    op.drop_table("unlinked_mention")
    with op.batch_alter_table("posting") as batch:
        batch.drop_column("text_z")
    with op.batch_alter_table("skill") as batch:
        batch.drop_constraint(op.f("uq_skill_slug"), type_="unique")
        batch.drop_column("slug")
        batch.drop_column("kind")
