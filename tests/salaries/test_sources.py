"""Two salary indexes with overlapping rows: every row of both kept, each credited to its own."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.provenance.models import Source
from careerpath.salaries.ingest import ingest_file
from careerpath.salaries.models import SalaryAggregate, SalaryImport
from careerpath.salaries.reports import AIJOBS, SalaryProfile, default_mapping
from careerpath.salaries.sources import AIJOBS_SOURCE, ReportSource, resolve_source
from tests.salaries.factories import make_career, report_source, stored_reports
from tests.support import require_shared_data

FIRST = report_source("aijobs-sources-test")
SECOND = report_source("second-index-test")


def second_index(tmp_path: Path) -> tuple[Path, int]:
    """A second file of the same shape: every third row of the shared file, verbatim (so it
    overlaps the first file), plus its first 50 rows again (duplicates within the file)."""
    source = require_shared_data("salaries-aijobs", "salaries.csv")
    with source.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        rows = [row for number, row in enumerate(reader) if number % 3 == 0]
    rows += rows[:50]
    target = tmp_path / "second-index.csv"
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return target, len(rows)


async def test_two_sources_keep_every_row(session: AsyncSession, tmp_path: Path) -> None:
    shared = require_shared_data("salaries-aijobs", "salaries.csv")
    second, second_rows = second_index(tmp_path)
    career = await make_career(session, "Data Scientists", "Data Scientist")
    first = (await ingest_file(session, shared, AIJOBS, FIRST)).report
    other = (await ingest_file(session, second, AIJOBS, SECOND)).report
    assert first.imported + first.rejected == first.read == 74301
    # Every row of the second file that equals one of the first is kept: none is "unchanged".
    assert (other.read, other.unchanged) == (second_rows, 0)
    assert other.imported + other.rejected == second_rows
    assert await stored_reports(session, FIRST.key) == first.imported
    assert await stored_reports(session, SECOND.key) == other.imported
    for path, source in ((shared, FIRST), (second, SECOND)):
        again = (await ingest_file(session, path, AIJOBS, source)).report
        assert (again.imported, again.rejected) == (0, first.rejected if path == shared else 0)
        assert again.unchanged == (first if path == shared else other).imported
    assert await stored_reports(session, FIRST.key) + await stored_reports(session, SECOND.key) == (
        first.imported + other.imported
    )
    figure = await session.scalar(
        select(SalaryAggregate).where(
            SalaryAggregate.career_id == career.id,
            SalaryAggregate.country_code == "US",
            SalaryAggregate.city == "",
            SalaryAggregate.level == "",
            SalaryAggregate.currency == "",
        )
    )
    assert figure is not None
    shares = {s["key"]: s["n"] for s in json.loads(figure.breakdown)["sources"]}
    assert shares.keys() == {FIRST.key, SECOND.key}
    assert sum(shares.values()) == figure.n


async def test_each_import_run_is_recorded(session: AsyncSession, tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text(
        "title,amount,currency,place\n"
        "Data Engineer,120000,USD,Austin\n"
        "Data Engineer,lots,USD,Austin\n"
        "Data Engineer,120000,XYZ,Austin\n"
        "Data Engineer,-3,USD,Austin\n",
        encoding="utf-8",
    )
    await ingest_file(session, path, SalaryProfile(default_mapping()), report_source("runs"))
    run = await session.scalar(select(SalaryImport).join(Source).where(Source.key == "runs"))
    assert run is not None
    assert (run.read, run.imported, run.rejected) == (4, 1, 3)
    assert run.file_name == "mixed.csv" and run.file_sha256 and len(run.file_sha256) == 64
    assert json.loads(run.rejected_reasons) == {
        "unparseable amount": 1,
        "unknown currency": 1,
        "amount must be positive": 1,
    }
    # Naming only the key again keeps what the source's record already says.
    await ingest_file(session, path, SalaryProfile(default_mapping()), ReportSource("runs", "runs"))
    named = await session.scalar(select(Source).where(Source.key == "runs"))
    assert named is not None
    assert (named.name, named.licence) == ("runs (test)", "test")


def test_the_shared_file_s_own_record_names_its_source(tmp_path: Path) -> None:
    shared = require_shared_data("salaries-aijobs", "salaries.csv")
    found = resolve_source(shared, None)
    assert found.key == AIJOBS_SOURCE.key
    assert found.licence == "CC0 1.0"
    assert found.retrieved_on is not None and found.retrieved_on.isoformat() == "2025-01-19"
    sidecar = tmp_path / "other.csv"
    sidecar.write_text("title\n", encoding="utf-8")
    (tmp_path / "other.csv.source.json").write_text(
        json.dumps({"key": "levels-2025", "name": "Levels 2025", "licence": "CC BY 4.0"}),
        encoding="utf-8",
    )
    own = resolve_source(sidecar, None)
    assert (own.key, own.name, own.licence) == ("levels-2025", "Levels 2025", "CC BY 4.0")
    assert resolve_source(sidecar, "renamed").key == "renamed"
