"""Store how each salary report and posting was attached to a career: confidence and version.

Revision ID: 0810
Revises: 0830
Create Date: 2026-11-30 15:45:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0810"
down_revision: str | Sequence[str] | None = "0830"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the resolver's confidence and version beside each stored title."""
    with op.batch_alter_table("salary_report") as batch:
        batch.add_column(sa.Column("title_confidence", sa.Double(), nullable=True))
        batch.add_column(sa.Column("resolver_version", sa.String(length=40), nullable=True))
    with op.batch_alter_table("posting") as batch:
        batch.add_column(sa.Column("resolver_version", sa.String(length=40), nullable=True))


def downgrade() -> None:
    """Drop the resolver's confidence and version."""
    with op.batch_alter_table("posting") as batch:
        batch.drop_column("resolver_version")
    with op.batch_alter_table("salary_report") as batch:
        batch.drop_column("resolver_version")
        batch.drop_column("title_confidence")
