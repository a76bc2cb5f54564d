"""Ranking, typos, prefixes, filters, facets and limits on a small fixed catalog."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerpath.errors import InvalidInputError
from careerpath.search.query import Filters, SortOrder
from careerpath.search.reader import OpenIndex
from careerpath.search.service import SearchRequest, run_search, validate
from tests.search.factories import build_catalog, make_row


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> OpenIndex:
    return build_catalog(Path(tmp_path_factory.mktemp("index")))


def ids(live: OpenIndex, q: str = "", **kwargs: object) -> list[int]:
    return [hit.id for hit in run_search(live, SearchRequest(q=q, **kwargs)).items]  # type: ignore[arg-type]


def test_title_matches_rank_above_description_matches(live: OpenIndex) -> None:
    found = ids(live, "postgresql ")
    assert set(found[:2]) == {1, 5}
    assert found[2] == 2


@pytest.mark.parametrize("typed", ["PostgreSQL", "postgresql", "postgre", "postgress", "Postgre"])
def test_misspelt_and_partial_words_find_postgresql(live: OpenIndex, typed: str) -> None:
    assert {1, 5} <= set(ids(live, typed))


def test_one_transposition_is_forgiven_on_long_words(live: OpenIndex) -> None:
    assert 3 in ids(live, "pyhton ")


def test_short_words_are_not_fuzzy(live: OpenIndex) -> None:
    assert ids(live, "gp ") == []
    assert ids(live, "go ") == [7]


def test_last_word_completes_as_a_prefix(live: OpenIndex) -> None:
    assert ids(live, "djan") == [4]
    assert ids(live, "djan ") == []


def test_every_word_must_match(live: OpenIndex) -> None:
    assert ids(live, "python crash") == [3]


def test_rating_sort_uses_the_bayesian_average(live: OpenIndex) -> None:
    found = ids(live, sort=SortOrder.RATING)
    assert live.marker.mean_rating == pytest.approx(4.6)
    # 4.7 from 20,000 ratings beats 5.0 from 2; unrated resources come last.
    assert found.index(1) < found.index(2)
    assert found[-1] in {4, 5, 7}


def test_newest_sort(live: OpenIndex) -> None:
    found = ids(live, "postgresql", sort=SortOrder.NEWEST)
    assert found[0] == 2
    assert found[-1] == 1


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(kind="course"), {3, 4, 6}),
        (Filters(price="paid"), {3, 6}),
        (Filters(max_price=1000), {1, 2, 4, 5, 7, 8}),
        (Filters(max_price=2000), {1, 2, 4, 5, 6, 7, 8}),
        (Filters(language="ru"), {6}),
        (Filters(level="beginner"), {3}),
        (Filters(provider="Stepik"), {4, 6}),
        (Filters(topic="databases"), {1, 2, 5}),
        (Filters(topic="databases-postgresql"), {1, 5}),
        (Filters(skill="python"), {3, 6}),
        (Filters(kind="course", skill="python"), {3, 6}),
    ],
)
def test_filters(live: OpenIndex, filters: Filters, expected: set[int]) -> None:
    assert set(ids(live, filters=filters)) == expected


def test_facet_counts_follow_the_results(live: OpenIndex) -> None:
    page = run_search(live, SearchRequest(q="python"))
    counts = {name: {v.value: v.count for v in values} for name, values in page.facets.items()}
    assert page.total == 3
    assert counts["kind"] == {"course": 3}
    assert counts["provider"] == {"Stepik": 2, "Coursera": 1}
    assert counts["price"] == {"paid": 2, "free": 1}
    assert counts["skill"]["python"] == 2
    labels = {v.value: v.label for v in page.facets["skill"]}
    assert labels["python"] == "Python"


def test_pages_do_not_overlap(live: OpenIndex) -> None:
    first = ids(live, page=1, page_size=3)
    second = ids(live, page=2, page_size=3)
    assert len(first) == 3
    assert not set(first) & set(second)
    assert run_search(live, SearchRequest(page_size=3)).max_page == 3  # 8 resources


def test_highlights_are_escaped(live: OpenIndex) -> None:
    hit = run_search(live, SearchRequest(q="go")).items[0]
    assert hit.title_html == "<mark>Go</mark> in Action &lt;b&gt;bold&lt;/b&gt;"
    assert "<mark>Go</mark>" in hit.summary_html


@pytest.mark.parametrize(
    "request_",
    [
        SearchRequest(q="x" * 201),
        SearchRequest(page_size=51),
        SearchRequest(page_size=0),
        SearchRequest(page=0),
    ],
)
def test_limits_are_refused(request_: SearchRequest) -> None:
    with pytest.raises(InvalidInputError):
        validate(request_)


def test_deepest_allowed_page_is_accepted() -> None:
    validate(SearchRequest(page=50, page_size=20))


def test_huge_result_sets_get_sampled_facet_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [make_row(n, f"Book {n}", kind="course" if n % 2 == 0 else "book") for n in range(1, 41)]
    live = build_catalog(tmp_path, rows)
    exact = run_search(live, SearchRequest())
    assert not exact.facets_sampled
    assert {v.value: v.count for v in exact.facets["kind"]} == {"book": 20, "course": 20}
    monkeypatch.setattr("careerpath.search.facets.SAMPLE_ABOVE", 10)
    sampled = run_search(live, SearchRequest())
    assert sampled.facets_sampled
    assert sampled.total == 40
    # The sample is the shard of ids divisible by 16 (16 and 32, both courses), scaled by 16.
    assert {v.value: v.count for v in sampled.facets["kind"]} == {"course": 32}


def test_words_side_by_side_outrank_the_same_words_apart(tmp_path: Path) -> None:
    """ "Business Intelligence": a course on BI tools outranks one that says business in one
    place and artificial intelligence in another, however the two are otherwise scored."""
    apart = make_row(
        1,
        "AI Agents in Python",
        kind="course",
        description="Agents for business: artificial intelligence that plans. "
        "Business teams reason with intelligence agents.",
    )
    together = make_row(
        2,
        "Data Visualization with Python",
        kind="course",
        description="Spreadsheets, dashboards and business intelligence tools.",
    )
    live = build_catalog(tmp_path, [apart, together])
    assert ids(live, "business intelligence") == [2, 1]
    assert ids(live, "intelligence business") == [1, 2]
