"""API shapes of search."""

from __future__ import annotations

import msgspec

from careerpath.search.results import FacetValue, SearchHit


class SearchResponse(msgspec.Struct, frozen=True):
    """One page of results; ``*_html`` fields are escaped HTML with ``<mark>`` around matches."""

    query: str
    sort: str
    total: int
    page: int
    page_size: int
    max_page: int
    max_result_window: int
    items: list[SearchHit]
    facets: dict[str, list[FacetValue]]
    # True when the facet counts were estimated from a 1-in-16 sample (over 10,000 results).
    facets_sampled: bool = False
    # The language the results are in (null: every language), and how many results the same
    # search has in the other languages (the language facet counts every language).
    language: str | None = None
    other_languages: int = 0


class SuggestResponse(msgspec.Struct, frozen=True):
    """Completions for what has been typed so far."""

    query: str
    items: list[SearchHit]
