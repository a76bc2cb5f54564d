"""Importing a file: valid rows land, bad ones are reported, re-import changes nothing."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.catalog import service
from careerpath.catalog.models import Resource, ResourceKind, ResourceSkill, Topic
from careerpath.catalog.profiles import PROFILES

FPB = PROFILES["free-programming-books"]
HEADER = ["source_file", "kind", "section", "topic", "subtopic", "title", "url", "authors",
          "notes", "nested"]  # fmt: skip
ROWS = [
    ["b.md", "book", "BY PROGRAMMING LANGUAGE", "Rust", "", "Rust by Example",
     "https://doc.rust-lang.org/rust-by-example/", "", "(HTML)", "0"],
    ["b.md", "book", "BY PROGRAMMING LANGUAGE", "Rust", "", "Broken link row", "ftp://x", "", "",
     "0"],
    ["b.md", "book", "BY SUBJECT", "Machine Learning", "", "", "https://ml.example.org", "", "",
     "0"],
    ["b.md", "book", "BY PROGRAMMING LANGUAGE", "Python", "Django", "Django Girls Tutorial",
     "https://tutorial.djangogirls.org/", "DjangoGirls", "(CC BY-SA)", "0"],
    ["b.md", "book", "BY SUBJECT", "Web Services", "", "Django Girls Tutorial",
     "https://tutorial.djangogirls.org", "DjangoGirls", "(CC BY-SA)", "0"],
]  # fmt: skip


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


async def run_import(session: AsyncSession, path: Path) -> service.ParsedFile:
    parsed = service.parse_file(path, FPB, ResourceKind.BOOK)
    await service.import_parsed(session, FPB, ResourceKind.BOOK, parsed)
    return parsed


async def test_import_reports_bad_rows_and_merges_repeated_urls(
    session: AsyncSession, tmp_path: Path
) -> None:
    parsed = await run_import(session, write_csv(tmp_path / "books.csv", ROWS))
    report = parsed.report
    assert (report.read, report.imported, report.rejected, parsed.merged) == (5, 2, 2, 1)
    assert [(e.line, e.reason) for e in report.errors] == [
        (3, "url is not an http(s) address: 'ftp://x'"),
        (4, "title is missing"),
    ]
    django = await session.scalar(select(Resource).where(Resource.title == "Django Girls Tutorial"))
    assert django is not None
    await session.refresh(django, ["topics", "skills"])
    assert len(django.topics) == 2
    slugs = set(await session.scalars(select(Topic.slug)))
    assert {"programming", "programming-python", "programming-python-django"} <= slugs
    skill_names = await session.scalars(
        select(ResourceSkill.skill_name).where(ResourceSkill.resource_id == django.id)
    )
    assert set(skill_names) == {"Django", "Web Services"}


async def test_reimport_changes_nothing_and_changed_rows_update(
    session: AsyncSession, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "books.csv", ROWS)
    await run_import(session, path)
    again = await run_import(session, path)
    assert (again.report.imported, again.report.updated, again.report.unchanged) == (0, 0, 2)
    changed = [row.copy() for row in ROWS]
    changed[0][5] = "Rust by Example (2nd edition)"
    third = await run_import(session, write_csv(tmp_path / "changed.csv", changed))
    assert (third.report.imported, third.report.updated, third.report.unchanged) == (0, 1, 1)
    count = await session.scalar(
        select(func.count()).select_from(Resource).where(Resource.title.like("Rust by Example%"))
    )
    assert count == 1
