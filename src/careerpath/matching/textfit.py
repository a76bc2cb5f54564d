"""Text relevance of a career's profile to every resource, from the search index (BM25)."""

from __future__ import annotations

from pathlib import Path

import tantivy
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.search import service as search_service
from careerpath.search.query import query_terms
from careerpath.search.reader import OpenIndex

TEXT_FIELDS = ("title", "skills", "description")
MAX_HITS = 2000


async def open_index(session: AsyncSession, var_dir: Path) -> OpenIndex:
    """Return the live search index (built from the database when missing or stale)."""
    return await search_service.ensure_index(session, var_dir)


def text_fits(
    live: OpenIndex,
    profile: str,
    limit: int = MAX_HITS,
    fields: tuple[str, ...] = TEXT_FIELDS,
) -> dict[int, float]:
    """Return resource id -> BM25 relevance to ``profile`` scaled so the best hit is 1."""
    terms = query_terms(profile)
    if not terms:
        return {}
    clauses = [
        (tantivy.Occur.Should, tantivy.Query.term_query(live.schema, name, term))
        for term in terms
        for name in fields
    ]
    searcher = live.index.searcher()
    result = searcher.search(tantivy.Query.boolean_query(clauses), limit)
    if not result.hits:
        return {}
    best = result.hits[0][0] or 1.0
    fits: dict[int, float] = {}
    for score, address in result.hits:
        resource_id = searcher.doc(address)["id"][0]
        fits[int(resource_id)] = score / best
    return fits
