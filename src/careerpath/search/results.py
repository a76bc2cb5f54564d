"""Shape index documents and aggregations into hits and facet counts."""

from __future__ import annotations

from typing import Any

import msgspec
import tantivy

from careerpath.catalog.language import language_name
from careerpath.search.highlight import Highlighter
from careerpath.search.prose import unglue

# API facet names and the index fields they count.
FACET_NAMES = {
    "kind": "kind",
    "level": "level",
    "price": "price_band",
    "language": "language",
    "provider": "provider_facet",
    "topic": "topic",
    "skill": "skill",
}


class FacetValue(msgspec.Struct, frozen=True):
    """One value of a facet and how many results carry it."""

    value: str
    label: str
    count: int


class SearchHit(msgspec.Struct, frozen=True):
    """One search result as the API and pages show it."""

    id: int
    kind: str
    title: str
    title_html: str
    summary_html: str
    url: str
    provider: str | None
    authors: str | None
    level: str
    language: str
    is_free: bool
    price: float | None
    currency: str | None
    rating: float | None
    votes: int | None
    pages: int | None
    hours: float | None


def _first(doc: dict[str, list[Any]], name: str) -> Any:
    values = doc.get(name)
    return values[0] if values else None


def make_hit(document: tantivy.Document, marker: Highlighter) -> SearchHit:
    """Return the hit for one stored document, with the query's words marked."""
    doc = document.to_dict()
    title = str(_first(doc, "title"))
    summary = marker.excerpt(unglue(str(_first(doc, "summary") or "")))
    return SearchHit(
        id=int(_first(doc, "id")),
        kind=str(_first(doc, "kind")),
        title=title,
        title_html=str(marker.mark(title)),
        summary_html=str(marker.mark(summary)),
        url=str(_first(doc, "url")),
        provider=_first(doc, "provider") or None,
        authors=_first(doc, "authors") or None,
        level=str(_first(doc, "level")),
        language=str(_first(doc, "language")),
        is_free=_first(doc, "price_band") == "free",
        price=_first(doc, "price"),
        currency=_first(doc, "currency") or None,
        rating=_first(doc, "rating"),
        votes=_first(doc, "votes"),
        pages=_first(doc, "pages"),
        hours=_first(doc, "hours"),
    )


def _language_names(aggregations: dict[str, Any]) -> dict[str, str]:
    buckets = aggregations.get("language", {}).get("buckets", [])
    return {str(b["key"]): language_name(str(b["key"])) for b in buckets}


def read_facets(
    aggregations: dict[str, Any], labels: dict[str, dict[str, str]]
) -> dict[str, list[FacetValue]]:
    """Return the facet counts by API facet name, labelled for display."""
    facets = {}
    for name, field in FACET_NAMES.items():
        names = _language_names(aggregations) if name == "language" else labels.get(name, {})
        buckets = aggregations.get(field, {}).get("buckets", [])
        facets[name] = [
            FacetValue(str(b["key"]), names.get(str(b["key"]), str(b["key"])), int(b["doc_count"]))
            for b in buckets
        ]
    return facets
