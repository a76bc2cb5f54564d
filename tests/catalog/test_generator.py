"""The scale generator is seeded and deterministic, and shaped like the real catalogs."""

from __future__ import annotations

from careerpath.catalog.generator import generate
from careerpath.catalog.models import ResourceKind


def test_same_seed_same_catalog() -> None:
    first = [row.__dict__ for row in generate(50, 100, seed=3)]
    again = [row.__dict__ for row in generate(50, 100, seed=3)]
    other = [row.__dict__ for row in generate(50, 100, seed=4)]
    assert first == again
    assert first != other


def test_shapes_follow_the_real_files() -> None:
    rows = list(generate(2000, 4000, seed=42))
    courses = [row for row in rows if row.kind is ResourceKind.COURSE]
    books = [row for row in rows if row.kind is ResourceKind.BOOK]
    assert (len(courses), len(books)) == (2000, 4000)
    assert len({row.source_key for row in rows}) == len(rows)
    russian = sum(row.language == "ru" for row in courses) / len(courses)
    assert 0.05 < russian < 0.15
    unrated = sum(row.rating is None for row in courses) / len(courses)
    assert 0.08 < unrated < 0.2
    assert all(row.topics for row in rows)
    python = sum(
        row.topics[0][-1] in {"Python", "Django", "Flask", "FastAPI", "Pandas"} for row in rows
    )
    assert python / len(rows) > 0.08
    described = sorted(len(row.description) for row in courses)
    assert 300 < described[len(described) // 2] < 1500
