"""Facet counts: exact for every facet of ordinary result sets, sampled for huge ones.

Counting multi-valued facets (topics, skills: several values per document) costs about 100 ns
per document and value; over 50,000 matches that alone exceeds the latency budget. Above
SAMPLE_ABOVE matches those two facets are counted on one shard in SAMPLE_SHARDS (documents
picked by id, so the sample is stable) and scaled up; the response says so.
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
MULTI_VALUED = ("topic", "skill")


def _aggs(fields: list[str]) -> dict[str, Any]:
    return {name: {"terms": {"field": name, "size": _SIZES[name]}} for name in fields}


def count_facets(
    searcher: tantivy.Searcher, schema: tantivy.Schema, query: tantivy.Query, total: int
) -> tuple[dict[str, Any], bool]:
    """Return the aggregation buckets of every facet field, and whether some were sampled."""
    if total <= SAMPLE_ABOVE:
        return searcher.aggregate(query, _aggs(list(_SIZES))), False
    single = [name for name in _SIZES if name not in MULTI_VALUED]
    counts = searcher.aggregate(query, _aggs(single))
    sample = tantivy.Query.boolean_query(
        [
            (tantivy.Occur.Must, query),
            (tantivy.Occur.Must, tantivy.Query.term_query(schema, "shard", 0)),
        ]
    )
    sampled = searcher.aggregate(sample, _aggs(list(MULTI_VALUED)))
    for name in MULTI_VALUED:
        for bucket in sampled.get(name, {}).get("buckets", []):
            bucket["doc_count"] = int(bucket["doc_count"]) * SAMPLE_SHARDS
        counts[name] = sampled.get(name, {"buckets": []})
    return counts, True
