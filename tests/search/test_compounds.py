"""Compounds written three ways ("back-end", "backend", "back end") find the same courses.

The catalog here is the real Coursera and Stepik file of ``../shared``: its titles spell one
compound all three ways ("Full Stack", "Full-Stack", "FullStack").
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from careerpath.search.compounds import joined_forms, splits
from careerpath.search.reader import OpenIndex
from careerpath.search.service import SearchRequest, run_search
from tests.search.factories import build_catalog, make_row
from tests.support import require_shared_data

HYPHENATED = re.compile(r"[^\W_]+(?:-[^\W_]+)+")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meta Back-End Developer", ["backend"]),
        ("Front-end and full-stack, e-mail", ["frontend", "fullstack", "email"]),
        ("Back-End and back-end again", ["backend"]),
        ("state-of-the-art", ["stateoftheart"]),
        ("Back End Developer", []),
        ("Разработка backend-приложений", ["backendприложении"]),
    ],
)
def test_joined_forms(text: str, expected: list[str]) -> None:
    assert joined_forms(text) == expected


def test_splits_need_two_known_words() -> None:
    words = {"back", "end", "ba", "ckend", "data", "base"}
    assert splits("backend", words.__contains__) == [("back", "end")]
    assert splits("database", words.__contains__) == [("data", "base")]
    assert splits("python", words.__contains__) == []


@pytest.fixture(scope="module")
def titles() -> dict[int, str]:
    folder = require_shared_data("courses-coursera-stepik-kizak")
    rows = [
        item
        for name in ("coursera_clear.json", "stepik_clear.json")
        for item in json.loads((folder / name).read_text(encoding="utf-8"))
    ]
    return {number: str(row["title"]) for number, row in enumerate(rows, start=1)}


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory, titles: dict[int, str]) -> OpenIndex:
    rows = [make_row(number, title) for number, title in titles.items()]
    return build_catalog(Path(tmp_path_factory.mktemp("index")), rows)


def found(live: OpenIndex, q: str) -> set[int]:
    request = SearchRequest(q=q + " ", page_size=50)
    return {hit.id for hit in run_search(live, request).items}


def spelled(titles: dict[int, str], pattern: str) -> set[int]:
    return {n for n, title in titles.items() if re.search(pattern, title, re.IGNORECASE)}


@pytest.mark.parametrize(
    ("head", "tail"), [("back", "end"), ("full", "stack"), ("object", "oriented")]
)
def test_three_spellings_find_the_same_courses(
    live: OpenIndex, titles: dict[int, str], head: str, tail: str
) -> None:
    every_spelling = spelled(titles, rf"\b{head}[\s-]?{tail}")
    assert len(every_spelling) >= 2
    for query in (f"{head}{tail}", f"{head}-{tail}", f"{head} {tail}"):
        assert found(live, query) >= every_spelling, query


def test_backend_finds_meta_back_end_developer(live: OpenIndex) -> None:
    hits = run_search(live, SearchRequest(q="backend")).items
    meta = next(hit for hit in hits if hit.title.startswith("Meta Back-End Developer"))
    assert "<mark>Back-End</mark>" in meta.title_html


def test_every_hyphenated_title_word_is_found_joined(
    live: OpenIndex, titles: dict[int, str]
) -> None:
    compounds = {m.group() for title in titles.values() for m in HYPHENATED.finditer(title)}
    assert len(compounds) > 20
    for compound in sorted(compounds):
        joined = compound.replace("-", "")
        having = spelled(titles, rf"(?<!\w){re.escape(compound)}(?!\w)")
        if len(having) <= 50:  # the first page holds them all
            assert found(live, joined) >= having, compound
