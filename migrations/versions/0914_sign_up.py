"""Sign-ups waiting for their mailed link: an account exists only once its email is confirmed.

Revision ID: 0914
Revises: 0912
Create Date: 2026-12-01 00:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0914"
down_revision: str | Sequence[str] | None = "0912"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the table."""
    op.create_table(
        "sign_up",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_up")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_sign_up_token_hash")),
    )
    op.create_index(op.f("ix_sign_up_expires_at"), "sign_up", ["expires_at"], unique=False)


def downgrade() -> None:
    """Drop the table."""
    op.drop_index(op.f("ix_sign_up_expires_at"), table_name="sign_up")
    op.drop_table("sign_up")
