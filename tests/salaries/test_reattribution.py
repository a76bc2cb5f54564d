"""Migration 0850 moves a mis-credited later run to an unverified source; reimport repairs it."""

from __future__ import annotations

import asyncio
import csv
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath import migrate
from careerpath.db import create_engine
from careerpath.provenance.models import Source
from careerpath.salaries.ingest import mapped_columns
from careerpath.salaries.models import SalaryImport
from careerpath.salaries.reimport import reimport_file
from careerpath.salaries.reports import AIJOBS
from careerpath.salaries.row_keys import RowKeys
from tests.conftest import run_async
from tests.salaries.factories import report_source, stored_reports
from tests.support import require_shared_data, scratch_postgres_url

OLD_KEY = "aijobs-salaries"


def write_rows(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def two_overlapping_files(folder: Path) -> tuple[Path, Path]:
    """Rows 1-200 and rows 101-300 of the shared file: 100 rows in common."""
    shared = require_shared_data("salaries-aijobs", "salaries.csv")
    with shared.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        rows = list(islice(reader, 300))
    return (
        write_rows(folder / "first.csv", header, rows[:200]),
        write_rows(folder / "second.csv", header, rows[100:]),
    )


def old_import_rows(path: Path, stored: set[str], when: datetime) -> list[dict[str, object]]:
    """What an import before 0850 stored: rows keyed under the profile's source, skipping any
    key already stored (the bug that dropped another file's equal rows)."""
    keys = RowKeys(OLD_KEY, mapped_columns(AIJOBS))
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for line, fields in enumerate(csv.DictReader(handle), start=2):
            key = keys.key(fields)
            if key in stored:
                continue
            stored.add(key)
            rows.append(report_row(key, line, fields, when))
    return rows


COLUMNS = (
    "source_id",
    "content_hash",
    "line",
    "job_title",
    "title_key",
    "amount",
    "currency",
    "currency_inferred",
    "period",
    "yearly_amount",
    "country_code",
    "raw_place",
    "place_how",
    "created_at",
)


def report_row(key: str, line: int, fields: dict[str, str], when: datetime) -> dict[str, object]:
    title, amount, country = fields["job_title"], fields["salary"], fields["company_location"]
    values = (0, key, line, title, title.lower(), amount, fields["salary_currency"], False)
    values += ("yearly", amount, country, country, "country", when)
    return dict(zip(COLUMNS, values, strict=True))


def load_before_0850(url: str, first: Path, second: Path) -> int:
    """Import both files the old way at revision 0700; return how many rows run 2 stored."""
    report = sa.table("salary_report", *(sa.column(c) for c in COLUMNS))
    stored: set[str] = set()
    runs = [
        old_import_rows(path, stored, datetime(2026, 11, day, 9, tzinfo=UTC))
        for day, path in ((20, first), (25, second))
    ]

    async def insert() -> None:
        engine = create_engine(url)
        async with engine.begin() as connection:
            now = datetime.now(UTC)
            source_id = await connection.scalar(
                sa.text(
                    "INSERT INTO source (key, name, licence, published_precision, created_at, "
                    "updated_at) VALUES (:key, 'aijobs', 'CC0 1.0', 'day', :t, :t) RETURNING id"
                ),
                {"key": OLD_KEY, "t": now},
            )
            for rows in runs:
                await connection.execute(
                    sa.insert(report), [r | {"source_id": source_id} for r in rows]
                )
        await engine.dispose()

    asyncio.run(insert())
    return len(runs[1])


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_migration_then_reimport(backend: str, tmp_path: Path) -> None:
    first, second = two_overlapping_files(tmp_path)
    url = (
        f"sqlite+aiosqlite:///{tmp_path / 'old.db'}"
        if backend == "sqlite"
        else scratch_postgres_url("reattribution")
    )
    migrate.upgrade(url, "0700")
    later = load_before_0850(url, first, second)
    assert 0 < later <= 100  # rows the second file shares with the first were dropped
    migrate.upgrade(url)

    async def after_migration(session: AsyncSession) -> tuple[int, list[str | None], list[str]]:
        runs = list(await session.scalars(select(SalaryImport).order_by(SalaryImport.id)))
        keys = list(await session.scalars(select(Source.key).order_by(Source.id)))
        return await stored_reports(session, OLD_KEY), [r.legacy_key for r in runs], keys

    kept, legacy, keys = run_async(after_migration, url)
    assert kept == 200
    assert legacy == [None, OLD_KEY]
    assert keys[1].startswith(f"{OLD_KEY}.unverified-")
    assert run_async(lambda s: stored_reports(s, keys[1]), url) == later

    source = report_source("second-index")
    result = run_async(lambda s: reimport_file(s, second, AIJOBS, source), url)
    assert (result.removed, result.sources_dropped) == (later, [keys[1]])
    assert result.ingest.report.imported == 200  # every row of the second file, overlap too
    assert run_async(lambda s: stored_reports(s, OLD_KEY), url) == 200
    assert run_async(lambda s: stored_reports(s, "second-index"), url) == 200
    again = run_async(lambda s: reimport_file(s, second, AIJOBS, source), url)
    assert (again.removed, again.ingest.report.imported, again.ingest.report.unchanged) == (
        0,
        0,
        200,
    )
