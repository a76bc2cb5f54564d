"""The list arrangement: duplicates collapse, providers, tools and languages are capped."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpath.matching.arrange import (
    PROVIDER_CAP,
    SUBJECT_CAP,
    SUBJECT_WINDOW,
    Placed,
    arrange,
    collapse,
    diversify,
    title_key,
)

POSTGRESQL, GIT, PYTHON = 1, 2, 3


def item(n: int, provider: str = "", subjects: set[int] | None = None,
         languages: set[int] | None = None, title: str = "") -> Placed:  # fmt: skip
    return Placed(n, title or f"Book {n}", provider or f"p{n}", f"https://x.org/{n}", None,
                  frozenset(languages or ()), frozenset(subjects or ()))  # fmt: skip


def _same(p: Placed) -> Placed:
    return p


def test_no_tool_fills_more_than_its_share_of_a_top_ten() -> None:
    # Six PostgreSQL books score best, then ten others: the top 10 keeps three of them.
    items = [item(n, subjects={POSTGRESQL}) for n in range(6)] + [item(n) for n in range(6, 16)]
    top = diversify(items, _same)[:SUBJECT_WINDOW]
    assert sum(POSTGRESQL in p.subjects for p in top) == SUBJECT_CAP
    assert [p.resource_id for p in top[:SUBJECT_CAP]] == [0, 1, 2]


def test_capped_items_follow_rather_than_vanish() -> None:
    items = [item(n, subjects={GIT}) for n in range(8)]
    assert sorted(p.resource_id for p in diversify(items, _same)) == list(range(8))


def test_provider_cap_holds_in_every_window_of_ten() -> None:
    items = [item(n, provider="Coursera") for n in range(5)] + [item(n) for n in range(5, 20)]
    order = diversify(items, _same)
    for start in range(len(order) - 9):
        window = order[start : start + 10]
        assert sum(p.provider == "Coursera" for p in window) <= PROVIDER_CAP


def test_same_title_and_provider_collapse_to_the_best() -> None:
    items = [item(1, "MIT", title="System Design"), item(2, "MIT", title="System  design!")]
    assert [p.resource_id for p in collapse(items, _same)] == [1]


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Front-End Developer Handbook 2016", "Front-End Developer Handbook 2019", True),
        ("Eloquent JavaScript, 3rd Edition", "Eloquent JavaScript", True),
        ("Kali Linux: Fourth Edition", "Kali Linux - Second Edition", True),
        ("Twitter Bootstrap 3 Succinctly", "Twitter Bootstrap 4 Succinctly", False),
        ("Python 3", "Python 2", False),
    ],
)
def test_editions_of_one_book_collapse(first: str, second: str, same: bool) -> None:
    assert (title_key(first) == title_key(second)) is same


@given(
    st.lists(
        st.tuples(st.integers(0, 3), st.sets(st.integers(1, 3)), st.sets(st.integers(1, 3))),
        max_size=40,
    )
)
@settings(deadline=None)  # a loaded machine must not fail a test that checks no timing
def test_arranging_reorders_and_never_drops_a_distinct_item(
    rows: list[tuple[int, set[int], set[int]]],
) -> None:
    items = [item(n, f"p{p}", subjects=s, languages=lang) for n, (p, s, lang) in enumerate(rows)]
    assert sorted(p.resource_id for p in arrange(items, _same)) == list(range(len(rows)))
