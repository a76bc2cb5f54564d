"""The source's own word on whether a resource is a certificate programme (resource.certificate).

Revision ID: 0912
Revises: 0917
Create Date: 2026-11-30 21:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0912"
down_revision: str | Sequence[str] | None = "0917"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the nullable column: existing rows say nothing, so their titles keep deciding."""
    with op.batch_alter_table("resource", schema=None) as batch_op:
        batch_op.add_column(sa.Column("certificate", sa.Boolean(), nullable=True))


def downgrade() -> None:
    """Drop the column."""
    with op.batch_alter_table("resource", schema=None) as batch_op:
        batch_op.drop_column("certificate")
