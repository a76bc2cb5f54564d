"""A small fixed catalog indexed straight from rows (no database), for ranking tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from careerpath.search.builder import build_generation
from careerpath.search.reader import IndexHolder, OpenIndex
from careerpath.search.schema import IndexRow


def make_row(id: int, title: str, **overrides: Any) -> IndexRow:
    """Return an index row with plain defaults."""
    values: dict[str, Any] = {
        "kind": "book", "description": "", "provider": None, "authors": None,
        "url": f"https://example.org/{id}", "is_free": True, "price_amount": None,
        "price_currency": None, "level": None, "language": "en", "rating": None,
        "ratings_count": None, "enrolments": None, "duration_hours": None, "pages": None,
        "published": date(2020, 1, 1), "topics": [], "skills": [],
    }  # fmt: skip
    values.update(overrides)
    return IndexRow(id=id, title=title, **values)


CATALOG = [
    make_row(1, "PostgreSQL Up and Running", rating=4.7, ratings_count=20000,
             topics=["databases", "databases-postgresql"], skills=[("postgresql", "PostgreSQL")],
             published=date(2017, 1, 1)),
    make_row(2, "Learning SQL", description="Queries that run on PostgreSQL and MySQL alike.",
             rating=5.0, ratings_count=2, topics=["databases", "databases-sql"],
             published=date(2023, 5, 1)),
    make_row(3, "Python Crash Course", kind="course", level="beginner", provider="Coursera",
             is_free=False, rating=4.5, ratings_count=900, skills=[("python", "Python")],
             topics=["programming", "programming-python"]),
    make_row(4, "Django for Beginners", description="The web framework for Python.",
             kind="course", provider="Stepik", topics=["programming", "programming-python"],
             skills=[("django", "Django")]),
    make_row(5, "The Art of PostgreSQL", authors="Dimitri Fontaine",
             topics=["databases", "databases-postgresql"]),
    make_row(6, "Основы Python: курс для начинающих", kind="course", language="ru",
             is_free=False, price_amount=1999.0, price_currency="RUB", provider="Stepik",
             rating=4.9, enrolments=68000, skills=[("python", "Python")]),
    make_row(7, "Go in Action <b>bold</b>", description="Learn Go, to build services.",
             topics=["programming", "programming-go"]),
    make_row(8, "Mediocre Manual", rating=3.9, ratings_count=10),
]  # fmt: skip


def build_catalog(root: Path, rows: list[IndexRow] | None = None) -> OpenIndex:
    """Index ``rows`` (the fixed catalog by default) under ``root`` and open it."""
    labels = {"topic": {"databases": "Databases"}, "skill": {"python": "Python"}}
    build_generation(root, rows or CATALOG, "test", labels)
    live = IndexHolder(root).current()
    assert live is not None
    return live
