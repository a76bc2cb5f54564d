"""Salary reports credited per import: import runs, per-source row keys, figure breakdowns.

Re-attribution: before 0850 a profile's import credited every row to the profile's source,
whatever the file. Each past run is recovered from its reports' shared ``created_at`` (one
value per run). Where a source holds several runs, the first stays with it; each later run
moves to a source of its own, "Unverified import of <time> (was credited to <name>)", because
no stored field says which file it came from. ``careerpath salaries reimport FILE --source
KEY`` then stores the file under its true source and removes that run's rows. Aggregates are
derived: run ``careerpath salaries recompute`` after upgrading.

Revision ID: 0850
Revises: 0840
Create Date: 2026-11-30 14:50:01.308864
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0850"
down_revision: str | Sequence[str] | None = "0840"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_source = sa.table(
    "source",
    sa.column("id", sa.Integer),
    sa.column("key", sa.String),
    sa.column("name", sa.String),
    sa.column("url", sa.String),
    sa.column("licence", sa.String),
    sa.column("note", sa.String),
    sa.column("published_precision", sa.String),
    sa.column("created_at", sa.DateTime(timezone=True)),
    sa.column("updated_at", sa.DateTime(timezone=True)),
)
_import = sa.table(
    "salary_import",
    sa.column("id", sa.Integer),
    sa.column("source_id", sa.Integer),
    sa.column("file_name", sa.String),
    sa.column("started_at", sa.DateTime(timezone=True)),
    sa.column("read", sa.Integer),
    sa.column("imported", sa.Integer),
    sa.column("unchanged", sa.Integer),
    sa.column("rejected", sa.Integer),
    sa.column("rejected_reasons", sa.Text),
    sa.column("legacy_key", sa.String),
)
_report = sa.table(
    "salary_report",
    sa.column("source_id", sa.Integer),
    sa.column("import_id", sa.Integer),
    sa.column("created_at", sa.DateTime(timezone=True)),
)


def upgrade() -> None:
    op.create_table(
        "salary_import",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=True),
        sa.Column("profile", sa.String(length=60), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("read", sa.Integer(), nullable=False),
        sa.Column("imported", sa.Integer(), nullable=False),
        sa.Column("unchanged", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("rejected_reasons", sa.Text(), nullable=False),
        sa.Column("legacy_key", sa.String(length=120), nullable=True),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_salary_import_source_id_source")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_salary_import")),
    )
    with op.batch_alter_table("salary_import", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_salary_import_source_id"), ["source_id"])

    with op.batch_alter_table("salary_aggregate", schema=None) as batch_op:
        batch_op.add_column(sa.Column("breakdown", sa.Text(), nullable=False, server_default="{}"))
        batch_op.drop_column("source_keys")
    with op.batch_alter_table("salary_aggregate", schema=None) as batch_op:
        batch_op.alter_column("breakdown", server_default=None)

    with op.batch_alter_table("salary_report", schema=None) as batch_op:
        batch_op.add_column(sa.Column("import_id", sa.Integer(), nullable=True))
        batch_op.drop_constraint(batch_op.f("uq_salary_report_content_hash"), type_="unique")
        batch_op.create_index(batch_op.f("ix_salary_report_import_id"), ["import_id"])
        batch_op.create_unique_constraint(
            batch_op.f("uq_salary_report_source_id_content_hash"), ["source_id", "content_hash"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_salary_report_import_id_salary_import"),
            "salary_import",
            ["import_id"],
            ["id"],
        )
    _reattribute(op.get_bind())


def _reattribute(bind: sa.Connection) -> None:
    """Record each past run, then move every run after a source's first to its own source."""
    runs = bind.execute(
        sa.select(_report.c.source_id, _report.c.created_at, sa.func.count())
        .group_by(_report.c.source_id, _report.c.created_at)
        .order_by(_report.c.source_id, _report.c.created_at)
    ).all()
    sources = {row.id: row for row in bind.execute(sa.select(_source))}
    seen: set[int] = set()
    for source_id, created_at, count in runs:
        later = source_id in seen
        seen.add(source_id)
        owner, legacy = source_id, None
        if later:
            owner = _unverified_source(bind, sources[source_id], created_at)
            legacy = sources[source_id].key
        import_id = bind.execute(
            sa.insert(_import)
            .values(
                source_id=owner,
                file_name="(imported before revision 0850)",
                started_at=created_at,
                read=count,
                imported=count,
                unchanged=0,
                rejected=0,
                rejected_reasons="{}",
                legacy_key=legacy,
            )
            .returning(_import.c.id)
        ).scalar_one()
        bind.execute(
            sa.update(_report)
            .where(_report.c.source_id == source_id, _report.c.created_at == created_at)
            .values(import_id=import_id, source_id=owner)
        )


def _unverified_source(bind: sa.Connection, original: Any, created_at: Any) -> int:
    when = created_at if isinstance(created_at, datetime) else datetime.fromisoformat(created_at)
    stamp = when.strftime("%Y%m%dT%H%M%S%f")
    now = datetime.now(UTC)
    return int(
        bind.execute(
            sa.insert(_source)
            .values(
                key=f"{original.key[:90]}.unverified-{stamp}",
                name=f"Unverified import of {when:%Y-%m-%d %H:%M} "
                f"(was credited to {original.name})"[:300],
                url=None,
                licence="unknown",
                note="Re-import the file with: careerpath salaries reimport FILE --source KEY",
                published_precision="day",
                created_at=now,
                updated_at=now,
            )
            .returning(_source.c.id)
        ).scalar_one()
    )


def downgrade() -> None:
    with op.batch_alter_table("salary_report", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_salary_report_import_id_salary_import"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("uq_salary_report_source_id_content_hash"), type_="unique"
        )
        batch_op.drop_index(batch_op.f("ix_salary_report_import_id"))
        batch_op.create_unique_constraint(
            batch_op.f("uq_salary_report_content_hash"), ["content_hash"]
        )
        batch_op.drop_column("import_id")

    with op.batch_alter_table("salary_aggregate", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("source_keys", sa.String(length=1000), nullable=False, server_default="")
        )
        batch_op.drop_column("breakdown")

    with op.batch_alter_table("salary_import", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_salary_import_source_id"))
    op.drop_table("salary_import")
