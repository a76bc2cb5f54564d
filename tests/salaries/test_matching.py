"""Title to career and level: seniority words come off, the rest must name a career."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.salaries.aggregates import rematch_and_recompute
from careerpath.salaries.careers_port import match_careers
from careerpath.salaries.ingest import ingest_file
from careerpath.salaries.levels import level_of, split_level
from careerpath.salaries.models import SalaryAggregate
from careerpath.salaries.reports import AIJOBS
from tests.salaries.factories import make_career, report_source
from tests.salaries.test_ingest import aijobs_sample


@pytest.mark.parametrize(
    ("title", "base", "level"),
    [
        ("Senior Data Engineer", "Data Engineer", "senior"),
        ("Sr. Data Engineer", "Data Engineer", "senior"),
        ("Junior Backend Engineer", "Backend Engineer", "entry"),
        ("Head of Data", "Data", "executive"),
        ("Director of Engineering", "of Engineering", "executive"),
        ("Data Engineer", "Data Engineer", None),
        ("Lead Data Scientist", "Data Scientist", "senior"),
    ],
)
def test_split_level(title: str, base: str, level: str | None) -> None:
    assert split_level(title) == (base, level)


@pytest.mark.parametrize(
    ("value", "level"),
    [("SE", "senior"), ("EN", "entry"), ("mi", "mid"), ("EX", "executive"), ("", None)],
)
def test_level_codes(value: str, level: str | None) -> None:
    assert level_of(value) == level


async def test_match_careers_uses_the_resolver(session: AsyncSession) -> None:
    career = await make_career(session, "Data Scientists", "Data Scientist")
    found = await match_careers(
        session, ["Senior Data Scientist", "Backend Engineer", "Prompt Whisperer"]
    )
    senior = found["Senior Data Scientist"]
    assert (senior.career_id, senior.level) == (career.id, "Senior")
    assert senior.confidence >= 0.5
    assert found["Backend Engineer"].career_id is not None  # a demo alias
    assert found["Prompt Whisperer"].career_id is None


async def test_reports_find_a_career_created_later(session: AsyncSession, tmp_path: Path) -> None:
    source = report_source("aijobs-rematch-test")
    await ingest_file(session, aijobs_sample(tmp_path), AIJOBS, source)
    career = await make_career(session, "Data Scientists", "Data Scientist")
    changed, groups = await rematch_and_recompute(session)
    assert changed > 0
    assert groups > 0
    figures = list(
        await session.scalars(select(SalaryAggregate).where(SalaryAggregate.career_id == career.id))
    )
    assert any(f.country_code == "US" and f.n >= 5 and f.p50 for f in figures)
