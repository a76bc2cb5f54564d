"""The 1,000 benchmark queries, mixed as people type them, for tantivy and for SQLite FTS5."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from careerpath.search.query import Filters

WORDS = [
    "python", "javascript", "kubernetes", "docker", "postgresql", "machine", "learning",
    "algebra", "calculus", "react", "django", "flask", "rust", "scala", "linux", "security",
    "networking", "swift", "kotlin", "typescript", "introduction", "practical", "mastering",
    "fundamentals", "advanced", "beginners", "cookbook", "architecture", "algorithms", "data",
    "science", "spring", "laravel", "angular", "pandas", "redis", "mongodb", "terraform",
]  # fmt: skip
PAIRS = [
    ("machine", "learning"), ("python", "django"), ("data", "science"), ("introduction", "rust"),
    ("practical", "postgresql"), ("react", "beginners"), ("java", "spring"), ("advanced", "linux"),
    ("kubernetes", "fundamentals"), ("javascript", "cookbook"),
]  # fmt: skip
FILTERS = [
    Filters(kind="course"), Filters(price="free"), Filters(language="en"),
    Filters(level="beginner"), Filters(kind="book", price="free"), Filters(language="ru"),
]  # fmt: skip
BROWSE = [
    Filters(topic="programming-python"), Filters(topic="databases"), Filters(skill="docker"),
    Filters(topic="web-development"), Filters(kind="course", skill="sql"),
    Filters(topic="mathematics"),
]  # fmt: skip


@dataclass(frozen=True)
class BenchQuery:
    """One query: its kind, what was typed, the filters, and the FTS5 MATCH equivalent."""

    kind: str
    text: str
    filters: Filters = field(default_factory=Filters)
    fts: str | None = None


def _typo(rng: random.Random, word: str) -> str:
    position = rng.randrange(1, len(word) - 1)
    edits = [
        word[:position] + word[position + 1 :],
        word[:position] + word[position] + word[position:],
        word[:position] + word[position + 1] + word[position] + word[position + 2 :],
    ]
    return rng.choice(edits)


def make_queries(count: int = 1000, seed: int = 7) -> list[BenchQuery]:
    """Return ``count`` queries: one and two words, prefixes, typos, filtered and browsing."""
    rng = random.Random(seed)
    mix = ["one"] * 25 + ["two"] * 20 + ["prefix"] * 20 + ["typo"] * 15 + ["filtered"] * 10
    mix += ["browse"] * 10
    queries = []
    for _ in range(count):
        kind = rng.choice(mix)
        word = rng.choice(WORDS)
        if kind == "one":
            queries.append(BenchQuery(kind, word + " ", fts=f'"{word}"'))
        elif kind == "two":
            first, second = rng.choice(PAIRS)
            queries.append(BenchQuery(kind, f"{first} {second} ", fts=f'"{first}" "{second}"'))
        elif kind == "prefix":
            stem = word[: rng.randint(3, max(3, len(word) - 2))]
            queries.append(BenchQuery(kind, stem, fts=f'"{stem}"*'))
        elif kind == "typo":
            typo = _typo(rng, word)
            # FTS5 has no typo tolerance: it gets the misspelt word as typed.
            queries.append(BenchQuery(kind, typo + " ", fts=f'"{typo}"'))
        elif kind == "filtered":
            queries.append(BenchQuery(kind, word + " ", rng.choice(FILTERS), fts=f'"{word}"'))
        else:
            queries.append(BenchQuery(kind, "", rng.choice(BROWSE)))
    return queries
