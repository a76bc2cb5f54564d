"""Join the accounts branch and the matching branch into one head.

Revision ID: 0700
Revises: 0400, 0600
Create Date: 2026-11-21 11:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "0700"
down_revision: str | Sequence[str] | None = ("0400", "0600")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Nothing to change: this revision only joins the two branches."""


def downgrade() -> None:
    """Nothing to change: this revision only joins the two branches."""
