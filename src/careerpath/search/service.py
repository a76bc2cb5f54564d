"""Search the catalog: validate, make sure an index is live, query it, and shape the page."""

from __future__ import annotations

import asyncio
import logging
import time
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import tantivy
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from careerpath.errors import InvalidInputError
from careerpath.search import builder
from careerpath.search.compounds import joined_pairs
from careerpath.search.facets import count_facets
from careerpath.search.highlight import Highlighter
from careerpath.search.labels import facet_skill, load_labels
from careerpath.search.query import Filters, SortOrder, build_query, fuzzy_terms, query_terms
from careerpath.search.reader import IndexHolder, OpenIndex, holder_for
from careerpath.search.results import FacetValue, SearchHit, make_hit, read_facets
from careerpath.search.schema import IndexRow
from careerpath.search.store import Marker, index_root

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_PAGE_SIZE = 50
# Deepest result reachable by paging (page x page_size); a deeper page answers empty (no slow
# scan), and every page states the window so clients know where paging stops.
MAX_RESULT_WINDOW = 1000
SUGGEST_LIMIT = 8
# How often a worker compares its index with the database (one cheap COUNT/MAX query).
STALE_CHECK_SECONDS = 60.0
# One lock per event loop. An asyncio.Lock belongs to the loop that first waits on it, and a
# process may run several loops (the test client runs each app on its own): a release in one
# loop wakes a waiter of another without waking that loop, which can then sleep for good (a
# test's teardown hung so, waiting for its index task).
_rebuild_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
    weakref.WeakKeyDictionary()
)


def rebuild_lock() -> asyncio.Lock:
    """Return this event loop's lock on index rebuilds."""
    return _rebuild_locks.setdefault(asyncio.get_running_loop(), asyncio.Lock())


@dataclass(frozen=True)
class SearchRequest:
    """One search: words, filters, order and page."""

    q: str = ""
    filters: Filters = field(default_factory=Filters)
    sort: SortOrder = SortOrder.RELEVANCE
    page: int = 1
    page_size: int = 20


@dataclass
class SearchPage:
    """One page of results with facet counts."""

    total: int
    page: int
    page_size: int
    max_page: int
    items: list[SearchHit]
    facets: dict[str, list[FacetValue]]
    facets_sampled: bool = False
    # Results kept to one language: how many more the same search finds in the others (an
    # estimate when the facet counts are).
    other_languages: int = 0


def validate(request: SearchRequest) -> None:
    """Refuse queries and pages over the stated limits."""
    if len(request.q) > MAX_QUERY_LENGTH:
        raise InvalidInputError(f"q is longer than {MAX_QUERY_LENGTH} characters")
    if not 1 <= request.page_size <= MAX_PAGE_SIZE:
        raise InvalidInputError(f"page_size must be between 1 and {MAX_PAGE_SIZE}")
    if request.page < 1:
        raise InvalidInputError("page starts at 1")


async def search(session: AsyncSession, var_dir: Path, request: SearchRequest) -> SearchPage:
    """Return one page of results for ``request``, building the index first if it is missing."""
    validate(request)
    live = await ensure_index(session, var_dir)
    if request.page * request.page_size <= MAX_RESULT_WINDOW:
        return run_search(live, request)
    first = run_search(live, replace(request, page=1))
    return replace(first, page=request.page, items=[])


def run_search(live: OpenIndex, request: SearchRequest) -> SearchPage:
    """Query the open index (no database involved)."""
    searcher = live.index.searcher()
    filters = replace(request.filters, skill=facet_skill(live.labels, request.filters.skill))
    query = build_query(searcher, live.schema, request.q, filters)
    offset = (request.page - 1) * request.page_size
    result = searcher.search(query, request.page_size, True, *_order(request), offset)
    terms = query_terms(request.q)
    prefix = bool(request.q) and not request.q[-1].isspace()
    # tantivy's type stub omits SearchResult.count, which the library does provide.
    total: int = result.count  # type: ignore[attr-defined]
    # Joined pairs too: "back end" marks "Backend" (the last word stays the one typed).
    joined = [word for _, word in joined_pairs(terms)]
    fuzzy = fuzzy_terms(searcher, terms)
    marker = Highlighter([*joined, *terms], last_is_prefix=prefix, fuzzy=fuzzy)
    hits = [make_hit(searcher.doc(address), marker) for _, address in result.hits]
    counts, sampled = count_facets(searcher, live.schema, query, total)
    other = 0
    if filters.language:
        counts["language"] = _every_language(searcher, live.schema, request.q, filters, total)
        buckets = counts["language"]["buckets"]
        other = sum(int(b["doc_count"]) for b in buckets if b["key"] != filters.language)
    facets = read_facets(counts, live.labels)
    reachable = min(total, MAX_RESULT_WINDOW)
    max_page = max(1, -(-reachable // request.page_size))
    return SearchPage(
        total, request.page, request.page_size, max_page, hits, facets, sampled, other
    )


def _every_language(
    searcher: tantivy.Searcher, schema: tantivy.Schema, text: str, filters: Filters, total: int
) -> dict[str, Any]:
    """Return the language buckets of the same search in every language.

    Sampled, like the other facets, when the results in the reader's language are that many.
    """
    query = build_query(searcher, schema, text, replace(filters, language=None))
    counts, _ = count_facets(searcher, schema, query, total, ("language",))
    result: dict[str, Any] = counts["language"]
    return result


def _order(request: SearchRequest) -> tuple[str | None]:
    if request.sort is SortOrder.NEWEST:
        return ("published",)
    if request.sort is SortOrder.RATING or not query_terms(request.q):
        return ("bayes",)
    return (None,)


async def suggest(
    session: AsyncSession, var_dir: Path, text: str, language: str | None = None
) -> list[SearchHit]:
    """Return the best few resources for what has been typed so far (in ``language``, or in
    every language when None)."""
    if len(text) > MAX_QUERY_LENGTH:
        raise InvalidInputError(f"q is longer than {MAX_QUERY_LENGTH} characters")
    if not query_terms(text):
        return []
    page = run_search(
        await ensure_index(session, var_dir),
        SearchRequest(q=text, filters=Filters(language=language), page_size=SUGGEST_LIMIT),
    )
    return page.items


async def ensure_index(session: AsyncSession, var_dir: Path) -> OpenIndex:
    """Return the live index, rebuilding it from the database when missing or stale."""
    holder = holder_for(index_root(var_dir))
    live = holder.current()
    if live is not None and time.monotonic() - holder.verified_at < STALE_CHECK_SECONDS:
        return live
    async with rebuild_lock():
        live = holder.current(force=True)
        fingerprint = await builder.catalog_fingerprint(session)
        if live is None or live.marker.fingerprint != fingerprint:
            logger.warning("search index missing or stale under %s: rebuilding", holder.root)
            await rebuild(session, var_dir)
            live = holder.current(force=True)
        holder.verified_at = time.monotonic()
    if live is None:  # pragma: no cover - a rebuild always publishes a generation
        raise RuntimeError("the search index could not be built")
    return live


async def rebuild(session: AsyncSession, var_dir: Path) -> Marker:
    """Build a new generation from the database and switch to it atomically."""
    rows = await builder.load_rows(session)
    fingerprint = await builder.catalog_fingerprint(session)
    labels = await load_labels(session)
    root = index_root(var_dir)
    return await asyncio.to_thread(builder.build_generation, root, rows, fingerprint, labels)


async def update_index(session: AsyncSession, var_dir: Path, ids: Sequence[int]) -> str:
    """Bring the changed resources into the live index (or build one if there is none)."""
    if not ids:
        return "unchanged"
    change = await _read_change(session, var_dir, ids)
    marker = change.apply()
    if marker is None:
        marker = await rebuild(session, var_dir)
        return f"built generation {marker.generation}"
    return f"{len(change.rows)} documents updated in generation {marker.generation}"


async def update_index_after_commit(
    session: AsyncSession, var_dir: Path, ids: Sequence[int]
) -> None:
    """Read the changed resources now and put them in the index once the transaction commits.

    The index lives outside the transaction: changed before the commit, a crash or a rollback
    would leave it with documents of rows that never existed. Changed after, a crash in between
    leaves it stale, which ``ensure_index`` notices (by fingerprint) and repairs.
    """
    if not ids:
        return
    change = await _read_change(session, var_dir, ids)

    def apply(_session: Session) -> None:
        change.apply()

    event.listen(session.sync_session, "after_commit", apply, once=True)


@dataclass(frozen=True, slots=True)
class IndexChange:
    """Documents to replace and to remove in the live index, read from the database."""

    root: Path
    rows: list[IndexRow]
    removed: list[int]
    fingerprint: str
    labels: dict[str, dict[str, str]]

    def apply(self) -> Marker | None:
        """Write the change to the live generation (None when there is no index yet)."""
        return builder.apply_update(
            self.root, self.rows, self.fingerprint, self.labels, self.removed
        )


async def _read_change(session: AsyncSession, var_dir: Path, ids: Sequence[int]) -> IndexChange:
    rows = await builder.load_rows(session, ids)
    kept = {row.id for row in rows}
    removed = [rid for rid in ids if rid not in kept]
    fingerprint = await builder.catalog_fingerprint(session)
    return IndexChange(index_root(var_dir), rows, removed, fingerprint, await load_labels(session))


def holder(var_dir: Path) -> IndexHolder:
    """Return this process's holder of the index under ``var_dir``."""
    return holder_for(index_root(var_dir))


async def topic_counts(session: AsyncSession, var_dir: Path) -> dict[str, int]:
    """Return how many searchable resources each topic holds, its subtopics included."""
    live = await ensure_index(session, var_dir)
    aggs = {"topic": {"terms": {"field": "topic", "size": 100_000}}}
    result = live.index.searcher().aggregate(tantivy.Query.all_query(), aggs)
    return {str(b["key"]): int(b["doc_count"]) for b in result["topic"]["buckets"]}


HOME_RESULTS = 6


async def home_results(
    session: AsyncSession, var_dir: Path, text: str | None, language: str | None = None
) -> SearchPage | None:
    """Return the few resources the home page shows beside the careers (``None`` if too long).

    They are in the reader's ``language``, as on /search (an English reader is not shown
    Russian courses): without words the best rated, with words the best matches.
    """
    if text and len(text) > MAX_QUERY_LENGTH:
        return None
    filters = Filters(language=language)
    request = SearchRequest(q=text or "", filters=filters, page_size=HOME_RESULTS)
    return await search(session, var_dir, request)
