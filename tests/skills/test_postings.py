"""Ingesting postings: real dice rows, idempotent re-ingest, bad rows, demand per career."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from typer.testing import CliRunner

from careerpath.careers.models import Career
from careerpath.cli.app import app
from careerpath.errors import InvalidInputError
from careerpath.ingest.report import ImportReport
from careerpath.skills.curated import TECHNOLOGY_KINDS
from careerpath.skills.models import CareerDemand, CareerSkillDemand, Posting, PostingSkill
from careerpath.skills.postings import build_mapping, ingest_postings
from careerpath.skills.queries import top_skills
from tests.support import require_shared_data

Factory = async_sessionmaker[AsyncSession]


def dice_rows(limit: int) -> list[dict[str, str]]:
    path = require_shared_data("jobs-dice-sample", "dice_com-job_us_sample.csv")
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))[:limit]


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


async def ingest_in(factory: Factory, *args: Any, **kwargs: Any) -> ImportReport:
    async with factory() as session, session.begin():
        return await ingest_postings(session, *args, **kwargs)


async def count(factory: Factory, model: type) -> int:
    async with factory() as session:
        return await session.scalar(select(func.count()).select_from(model)) or 0


async def test_real_dice_postings_ingest_once(factory: Factory, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "dice.csv", dice_rows(60))
    mapping = build_mapping("dice")
    first = await ingest_in(factory, path, mapping, source="dice-test", batch_size=25)
    assert first.read == 60 and first.rejected == 0
    assert first.imported + first.unchanged == 60 and first.imported > 50
    stored = await count(factory, Posting)
    links = await count(factory, PostingSkill)
    assert links > stored  # real postings name several technologies each
    again = await ingest_in(factory, path, mapping, source="dice-test")
    assert (again.imported, again.unchanged) == (0, 60)
    assert await count(factory, Posting) == stored
    assert await count(factory, PostingSkill) == links


async def test_bad_rows_are_reported_with_line_numbers(factory: Factory, tmp_path: Path) -> None:
    text = dice_rows(1)[0]["jobdescription"]
    lines = [
        {"jobtitle": "Java Developer", "jobdescription": text, "posted": "2024-03-01"},
        {"jobtitle": "", "jobdescription": text, "posted": "2024-03-02"},
        {"jobtitle": "Python Developer", "jobdescription": "", "posted": "2024-03-03"},
        {"jobtitle": "Data Engineer", "jobdescription": text, "posted": "yesterday"},
    ]
    path = write_csv(tmp_path / "bad.csv", lines)
    mapping = build_mapping("dice", date_col="posted")
    report = await ingest_in(factory, path, mapping, source="bad-test")
    assert report.imported == 1
    assert [(e.line, e.reason.split(" ")[0]) for e in report.errors] == [
        (3, "missing"),
        (4, "missing"),
        (5, "unreadable"),
    ]


async def test_json_lines_with_explicit_columns(factory: Factory, tmp_path: Path) -> None:
    rows = dice_rows(3)
    path = tmp_path / "postings.jsonl"
    path.write_text(
        "\n".join(json.dumps({"t": r["jobtitle"], "body": r["jobdescription"]}) for r in rows)
        + "\n{broken\n",
        encoding="utf-8",
    )
    mapping = build_mapping(None, title_col="t", text_cols=["body"])
    report = await ingest_in(factory, path, mapping, source="jsonl-test")
    assert (report.imported, report.rejected) == (3, 1)
    assert report.errors[0].line == 4


async def test_missing_columns_fail_clearly(factory: Factory, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "other.csv", [{"name": "x", "body": "y"}])
    with pytest.raises(InvalidInputError, match="jobtitle"):
        await ingest_in(factory, path, build_mapping("dice"), source="x")


async def test_demand_is_precomputed_per_career(factory: Factory, tmp_path: Path) -> None:
    rows = [
        {"jobtitle": "Senior Backend Developer", "jobdescription": r["jobdescription"]}
        for r in dice_rows(40)
    ]
    path = write_csv(tmp_path / "backend.csv", rows)
    await ingest_in(factory, path, build_mapping("dice"), source="demand-test")
    async with factory() as session:
        career = await session.scalar(select(Career).where(Career.slug == "back-end-engineer"))
        assert career is not None
        demand = await session.scalar(
            select(CareerDemand).where(CareerDemand.career_id == career.id)
        )
        assert demand is not None and demand.postings >= 38
        top = await session.scalar(
            select(func.max(CareerSkillDemand.postings)).where(
                CareerSkillDemand.career_id == career.id
            )
        )
        assert top is not None and 0 < top <= demand.postings
        level = await session.scalar(select(Posting.level).where(Posting.source == "demand-test"))
        assert level == "Senior"


async def test_top_skills_by_kind_on_real_postings(factory: Factory, tmp_path: Path) -> None:
    """``skills top --kind``: the filter keeps one kind's skills, counted as without it."""
    path = write_csv(tmp_path / "dice.csv", dice_rows(80))
    await ingest_in(factory, path, build_mapping("dice"), source="dice-top")
    async with factory() as session:
        every = await top_skills(session, source="dice-top", limit=10_000)
        technologies = await top_skills(
            session, source="dice-top", limit=10_000, kinds=TECHNOLOGY_KINDS
        )
    assert {row.kind for row in every} - TECHNOLOGY_KINDS  # the mix the filter removes
    assert technologies and {row.kind for row in technologies} <= TECHNOLOGY_KINDS
    expected = [row for row in every if row.kind in TECHNOLOGY_KINDS]
    assert [(r.name, r.postings) for r in technologies] == [(r.name, r.postings) for r in expected]


def test_skills_top_refuses_an_unknown_kind() -> None:
    result = CliRunner().invoke(app, ["skills", "top", "--kind", "gadgets"])
    assert result.exit_code == 2 and "unknown kind" in result.output
