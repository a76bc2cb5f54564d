"""Salary report import: real rows load, bad rows are explained, re-imports change nothing."""

from __future__ import annotations

import csv
import json
from collections.abc import Collection
from itertools import islice
from pathlib import Path

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers import resolution
from careerpath.careers.models import Career
from careerpath.provenance.models import Source
from careerpath.salaries.ingest import ingest_file
from careerpath.salaries.models import SalaryAggregate, SalaryReport
from careerpath.salaries.reports import AIJOBS, SalaryProfile, default_mapping
from tests.salaries.factories import make_career, report_source
from tests.support import require_shared_data

SAMPLE_ROWS = 3000
# Its own source key: the API tests commit the same rows under the real source's key.
SOURCE = report_source("aijobs-ingest-test")


def aijobs_sample(tmp_path: Path) -> Path:
    """The first rows of the real aijobs.net file, unchanged."""
    source = require_shared_data("salaries-aijobs", "salaries.csv")
    target = tmp_path / "aijobs-sample.csv"
    with source.open(encoding="utf-8") as handle:
        target.write_text("".join(islice(handle, SAMPLE_ROWS + 1)), encoding="utf-8")
    return target


def expected_us_figures(path: Path, titles: Collection[str]) -> tuple[int, float]:
    """n and median of the titles' US dollar reports after the IQR fence, computed with numpy."""
    with path.open(encoding="utf-8") as handle:
        values = [
            float(row["salary"])
            for row in csv.DictReader(handle)
            if row["job_title"] in titles
            and row["company_location"] == "US"
            and row["salary_currency"] == "USD"
        ]
    q1, q3 = np.percentile(values, [25, 75])
    kept = [v for v in values if q1 - 1.5 * (q3 - q1) <= v <= q3 + 1.5 * (q3 - q1)]
    return len(kept), round(float(np.median(kept)), 2)


async def attached_titles(session: AsyncSession, path: Path, career_id: int) -> set[str]:
    """The sample's titles that the title resolver attaches to ``career_id``."""
    with path.open(encoding="utf-8") as handle:
        titles = {row["job_title"] for row in csv.DictReader(handle)}
    found = await resolution.resolve_titles(session, titles)
    return {title for title, r in found.items() if r.career_id == career_id}


async def test_real_aijobs_rows_load_and_aggregate(session: AsyncSession, tmp_path: Path) -> None:
    path = aijobs_sample(tmp_path)
    career = await make_career(session, "Data Scientists", "Data Scientist")
    result = await ingest_file(session, path, AIJOBS, SOURCE)
    report = result.report
    assert report.read == SAMPLE_ROWS
    assert report.imported + report.rejected == SAMPLE_ROWS
    assert all(error.line > 1 and error.reason for error in report.errors)
    assert result.unmatched > 0  # titles without a career are kept for later
    unmatched = await session.scalar(
        select(func.count())
        .select_from(SalaryReport)
        .join(Source, Source.id == SalaryReport.source_id)
        .where(SalaryReport.career_id.is_(None), Source.key == SOURCE.key)
    )
    assert unmatched == result.unmatched
    n, median = expected_us_figures(path, await attached_titles(session, path, career.id))
    figure = await session.scalar(
        select(SalaryAggregate).where(
            SalaryAggregate.career_id == career.id,
            SalaryAggregate.country_code == "US",
            SalaryAggregate.city == "",
            SalaryAggregate.level == "",
            SalaryAggregate.currency == "USD",
        )
    )
    assert figure is not None
    assert (figure.n, float(figure.p50 or 0)) == (n, median)


async def test_reingest_changes_nothing(session: AsyncSession, tmp_path: Path) -> None:
    path = aijobs_sample(tmp_path)
    first = await ingest_file(session, path, AIJOBS, SOURCE)
    again = await ingest_file(session, path, AIJOBS, SOURCE)
    assert again.report.imported == 0
    assert again.report.unchanged == first.report.imported
    assert again.aggregates == 0


BAD_ROWS = """title,amount,currency,place,period,date
Data Scientist,"$145k",,"Toronto",,2024-05-01
Data Scientist,"₹18,68,000",,"Bengalaru",,2024-06-01
Data Scientist,120000,XYZ,"Berlin",,2024-01-01
Data Scientist,-5000,USD,"Austin",,2024-01-01
Data Scientist,lots,USD,"Austin",,2024-01-01
Data Scientist,50,USD,"Austin",yearly,2024-01-01
Data Scientist,120000,USD,"Atlantis Under Sea",,2024-01-01
,120000,USD,"Austin",,2024-01-01
Data Scientist,"£4,000",,"London",per month,2024-02-30
Data Scientist,"€5,500",,"Paris",per month,2024-03-01
"""


async def test_bad_rows_are_reported_with_line_and_reason(
    session: AsyncSession, tmp_path: Path
) -> None:
    path = tmp_path / "reports.csv"
    path.write_text(BAD_ROWS, encoding="utf-8")
    profile = SalaryProfile(default_mapping())
    result = await ingest_file(session, path, profile, report_source("test-reports"))
    reasons = {error.line: error.reason for error in result.report.errors}
    assert reasons.keys() == {4, 5, 6, 7, 8, 9, 10}
    assert "unknown currency" in reasons[4]
    assert "positive" in reasons[5]
    assert "unparseable" in reasons[6]
    assert "implausible" in reasons[7]
    assert "unknown place" in reasons[8]
    assert "no job title" in reasons[9]
    assert "bad date" in reasons[10]
    rows = {r.raw_place: r for r in await session.scalars(select(SalaryReport))}
    toronto, bengaluru, paris = rows["Toronto"], rows["Bengalaru"], rows["Paris"]
    assert (toronto.currency, toronto.currency_inferred, toronto.city) == ("CAD", True, "Toronto")
    assert (bengaluru.city, bengaluru.place_how, bengaluru.amount) == (
        "Bengaluru",
        "fuzzy",
        1868000,
    )
    assert (paris.line, paris.period, paris.yearly_amount) == (11, "monthly", 66000)


async def test_jsonl_with_column_mapping(session: AsyncSession, tmp_path: Path) -> None:
    path = tmp_path / "reports.jsonl"
    records = [
        {"role": "Senior Data Engineer", "pay": 150000 + i, "cur": "USD", "where": "Seattle"}
        for i in range(6)
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n{broken\n", encoding="utf-8")
    mapping = default_mapping(
        overrides={"title": "role", "amount": "pay", "currency": "cur", "place": "where"}
    )
    result = await ingest_file(session, path, SalaryProfile(mapping), report_source("jsonl"))
    assert result.report.imported == 6
    assert [e.line for e in result.report.errors] == [7]
    seattle = list(
        await session.scalars(select(SalaryAggregate).where(SalaryAggregate.city == "Seattle"))
    )
    # "Senior" in the title is the level; the rest, "Data Engineer", is the career.
    assert {(a.level, a.n) for a in seattle} == {("", 6), ("senior", 6)}
    assert {a.career_id for a in seattle} == {await career_id(session, "data-engineer")}


async def career_id(session: AsyncSession, slug: str) -> int | None:
    return await session.scalar(select(Career.id).where(Career.slug == slug))


async def test_only_changed_buckets_are_recomputed(session: AsyncSession, tmp_path: Path) -> None:
    await ingest_file(session, aijobs_sample(tmp_path), AIJOBS, SOURCE)
    before = {
        (a.country_code, a.currency, a.city, a.level, a.career_id): a.id
        for a in await session.scalars(select(SalaryAggregate))
    }
    assert any(key[:2] == ("GB", "GBP") for key in before)
    path = tmp_path / "one.csv"
    path.write_text(
        "title,amount,currency,place\n" + "Data Engineer,100000,USD,Austin\n" * 3,
        encoding="utf-8",
    )
    result = await ingest_file(session, path, SalaryProfile(default_mapping()), report_source("x"))
    assert result.buckets == {(await career_id(session, "data-engineer") or 0, "US")}
    session.expire_all()
    after = {
        (a.country_code, a.currency, a.city, a.level, a.career_id): a.id
        for a in await session.scalars(select(SalaryAggregate))
    }
    engineer = await career_id(session, "data-engineer")
    untouched = {k: v for k, v in before.items() if k[0] != "US" or k[4] != engineer}
    assert untouched
    assert all(after[k] == v for k, v in untouched.items())  # same rows, not rewritten
    assert after[("US", "USD", "Austin", "", engineer)] not in before.values()
