"""Facet counts: exact for ordinary result sets, estimated from a fixed sample for huge ones.

Counting facets costs tens of nanoseconds per matching document and value (topics and skills
have several values each); over 50,000 matches that alone would blow the 10 ms budget. Above
SAMPLE_ABOVE matches every facet is counted on one shard in SAMPLE_SHARDS (documents picked by
id, so the sample is stable between requests) and scaled up; the response says so.
"""

from __future__ import annotations

from typing import Any

import tantivy

from careerpath.search.schema import SAMPLE_SHARDS

SAMPLE_ABOVE = 10_000
_SIZES = {
    "kind": 5, "level": 5, "price_band": 3, "language": 10, "provider_facet": 15,
    "topic": 25, "skill": 25,
}  # fmt: skip


def _aggs(fields: list[str]) -> dict[str, Any]:
    return {name: {"terms": {"field": name, "size": _SIZES[name]}} for name in fields}


def count_facets(
    searcher: tantivy.Searcher,
    schema: tantivy.Schema,
    query: tantivy.Query,
    total: int,
    fields: tuple[str, ...] = tuple(_SIZES),
) -> tuple[dict[str, Any], bool]:
    """Return the aggregation buckets of the facet ``fields``, and whether they were sampled."""
    aggs = _aggs(list(fields))
    if total <= SAMPLE_ABOVE:
        return searcher.aggregate(query, aggs), False
    sample = tantivy.Query.boolean_query(
        [
            (tantivy.Occur.Must, query),
            (tantivy.Occur.Must, tantivy.Query.term_query(schema, "shard", 0)),
        ]
    )
    counts = searcher.aggregate(sample, aggs)
    for result in counts.values():
        for bucket in result.get("buckets", []):
            bucket["doc_count"] = int(bucket["doc_count"]) * SAMPLE_SHARDS
    return counts, True
