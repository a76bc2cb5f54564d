"""Text relevance of a career's words to every resource, from the search index (BM25).

Each profile term is a boosted clause (title counts most, then skill and topic names, then the
description); two-word terms are phrases. A resource whose title, topics or skill names hold
one of the career's core words is "on topic": it may rank even without a shared skill id.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import tantivy
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.search import service as search_service
from careerpath.search.reader import OpenIndex
from careerpath.search.schema import analyzer

FIELD_BOOSTS = {"title": 3.0, "skills": 2.0, "description": 1.0}
TOPIC_FIELDS = ("title", "skills")
CORE_WEIGHT = 0.45  # a term weighs at least this much to put a resource on topic
MAX_HITS = 5000


@dataclass(frozen=True)
class TextFit:
    """Resource id -> BM25 relevance scaled to 0..1, and the same for the core words alone
    in titles, topics and skill names (the resources "on topic"); and the resources that hold
    a core word anywhere, their descriptions too (``scoring.grounded``)."""

    fits: dict[int, float] = field(default_factory=dict)
    topic: dict[int, float] = field(default_factory=dict)
    named: frozenset[int] = frozenset()

    @property
    def on_topic(self) -> frozenset[int]:
        """Return the ids of the resources whose title, topics or skills hold a core word."""
        return frozenset(self.topic)


async def open_index(session: AsyncSession, var_dir: Path) -> OpenIndex:
    """Return the live search index (built from the database when missing or stale)."""
    return await search_service.ensure_index(session, var_dir)


def _clause(live: OpenIndex, name: str, tokens: list[str]) -> tantivy.Query:
    if len(tokens) == 1:
        return tantivy.Query.term_query(live.schema, name, tokens[0])
    words: list[str | tuple[int, str]] = list(tokens)
    return tantivy.Query.phrase_query(live.schema, name, words)


def _query(
    live: OpenIndex, terms: Mapping[str, float], boosts: Mapping[str, float]
) -> tantivy.Query | None:
    analyse = analyzer()
    clauses = []
    for term, weight in terms.items():
        tokens = analyse.analyze(term)
        if not tokens:
            continue
        for name, boost in boosts.items():
            query = tantivy.Query.boost_query(_clause(live, name, tokens), weight * boost)
            clauses.append((tantivy.Occur.Should, query))
    return tantivy.Query.boolean_query(clauses) if clauses else None


def _search(live: OpenIndex, query: tantivy.Query, limit: int) -> dict[int, float]:
    searcher = live.index.searcher()
    result = searcher.search(query, limit)
    found: dict[int, float] = {}
    for score, address in result.hits:
        found[int(searcher.doc(address)["id"][0])] = float(score)
    return found


def text_fits(
    live: OpenIndex,
    terms: Mapping[str, float],
    limit: int = MAX_HITS,
    boosts: Mapping[str, float] = FIELD_BOOSTS,
) -> TextFit:
    """Return the relevance of ``terms`` (term -> weight) to resources, best hit = 1."""
    query = _query(live, terms, boosts)
    if query is None:
        return TextFit()
    scores = _search(live, query, limit)
    best = max(scores.values(), default=0.0) or 1.0
    core = {t: w for t, w in terms.items() if w >= CORE_WEIGHT}
    topical = {name: boosts[name] for name in TOPIC_FIELDS if name in boosts}
    core_query = _query(live, core, topical) if core and topical else None
    on_topic = _search(live, core_query, limit) if core_query is not None else {}
    peak = max(on_topic.values(), default=0.0) or 1.0
    # Written anywhere, the core words make a resource about the career (``scoring.grounded``).
    anywhere = _query(live, core, boosts) if core else None
    named = frozenset(_search(live, anywhere, limit)) if anywhere is not None else frozenset()
    return TextFit(
        {rid: s / best for rid, s in scores.items()},
        {rid: s / peak for rid, s in on_topic.items()},
        named,
    )
