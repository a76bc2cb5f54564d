"""Build the index from the database: a whole new generation, or an update of changed rows."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

import tantivy
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.catalog.models import Resource, ResourceSkill, ResourceStatus, ResourceTopic, Topic
from careerpath.search.labels import skill_facet_query, write_labels
from careerpath.search.schema import SCHEMA_VERSION, IndexRow, make_document
from careerpath.search.store import (
    Marker,
    new_generation,
    open_index,
    prune,
    read_marker,
    write_marker,
    writer_lock,
)

logger = logging.getLogger(__name__)

WRITER_HEAP_BYTES = 256_000_000
LOAD_CHUNK = 5000
_COLUMNS = (
    Resource.id, Resource.kind, Resource.title, Resource.description, Resource.provider,
    Resource.authors, Resource.url, Resource.is_free, Resource.price_amount,
    Resource.price_currency, Resource.level, Resource.language, Resource.rating,
    Resource.ratings_count, Resource.enrolments, Resource.duration_hours, Resource.pages,
    Resource.published_on, Resource.created_at,
)  # fmt: skip


async def catalog_fingerprint(session: AsyncSession) -> str:
    """Return what the index must agree with: resource count and newest change."""
    count, newest = (
        await session.execute(select(func.count(Resource.id), func.max(Resource.updated_at)))
    ).one()
    return f"{count}:{newest.isoformat() if newest else '-'}"


async def load_rows(session: AsyncSession, ids: Sequence[int] | None = None) -> list[IndexRow]:
    """Read the searchable resources (all, or those of ``ids``) with their topics and skills."""
    query = select(*_COLUMNS).where(Resource.status != ResourceStatus.RETIRED)
    if ids is not None:
        query = query.where(Resource.id.in_(ids))
    rows = [_index_row(r) for r in await session.execute(query.order_by(Resource.id))]
    wanted = [row.id for row in rows]
    topics = await _topic_slugs(session, wanted if ids is not None else None)
    skills = await _skills(session, wanted if ids is not None else None)
    for row in rows:
        row.topics = topics.get(row.id, [])
        row.skills = skills.get(row.id, [])
    return rows


def _index_row(r: object) -> IndexRow:
    m = r._mapping  # type: ignore[attr-defined]
    published = m["published_on"] or m["created_at"].date()
    return IndexRow(
        id=m["id"], kind=m["kind"].value, title=m["title"], description=m["description"],
        provider=m["provider"], authors=m["authors"], url=m["url"], is_free=m["is_free"],
        price_amount=None if m["price_amount"] is None else float(m["price_amount"]),
        price_currency=m["price_currency"], level=m["level"].value if m["level"] else None,
        language=m["language"], rating=m["rating"], ratings_count=m["ratings_count"],
        enrolments=m["enrolments"], duration_hours=m["duration_hours"], pages=m["pages"],
        published=published,
    )  # fmt: skip


async def _topic_slugs(session: AsyncSession, ids: list[int] | None) -> dict[int, list[str]]:
    """Return, per resource, the slugs of its topics and of all their ancestors."""
    tree = {t.id: (t.slug, t.parent_id) for t in await session.scalars(select(Topic))}
    query = select(ResourceTopic.resource_id, ResourceTopic.topic_id)
    if ids is not None:
        query = query.where(ResourceTopic.resource_id.in_(ids))
    found: dict[int, list[str]] = defaultdict(list)
    for resource_id, topic_id in await session.execute(query):
        node: int | None = topic_id
        while node is not None and node in tree:
            slug, node = tree[node]
            if slug not in found[resource_id]:
                found[resource_id].append(slug)
    return found


async def _skills(session: AsyncSession, ids: list[int] | None) -> dict[int, list[tuple[str, str]]]:
    """Return each resource's skills as (facet value, name), one per skill of the taxonomy.

    A tag linked to the taxonomy is indexed under that skill's own slug and name, whatever the
    publisher called it ("Python", "python-6618", "Python Programming" are one facet value).
    """
    query = skill_facet_query()
    if ids is not None:
        query = query.where(ResourceSkill.resource_id.in_(ids))
    found: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for resource_id, slug, name in await session.execute(query.order_by(ResourceSkill.position)):
        if all(slug != seen for seen, _ in found[resource_id]):
            found[resource_id].append((slug, name))
    return found


def mean_rating(rows: Sequence[IndexRow]) -> float:
    """Return the mean rating of the rated rows (the Bayesian prior's centre)."""
    rated = [row.rating for row in rows if row.rating is not None]
    return sum(rated) / len(rated) if rated else 0.0


def build_generation(
    root: Path,
    rows: Sequence[IndexRow],
    fingerprint: str,
    labels: dict[str, dict[str, str]],
    on_progress: Callable[[int], None] | None = None,
) -> Marker:
    """Write ``rows`` into a new generation and make it the live one."""
    with writer_lock(root):
        name, path = new_generation(root)
        mean = mean_rating(rows)
        index = open_index(path, create=True)
        writer = index.writer(WRITER_HEAP_BYTES, 0)
        for number, row in enumerate(rows, start=1):
            writer.add_document(make_document(row, mean))
            if on_progress and number % 1000 == 0:
                on_progress(1000)
        writer.commit()
        writer.wait_merging_threads()
        write_labels(path, labels)
        marker = Marker(name, 1, SCHEMA_VERSION, mean, fingerprint)
        write_marker(root, marker)
        prune(root, name)
    logger.info("search index generation %s built with %d documents", name, len(rows))
    return marker


def apply_update(
    root: Path,
    rows: Sequence[IndexRow],
    fingerprint: str,
    labels: dict[str, dict[str, str]],
    removed_ids: Sequence[int] = (),
) -> Marker | None:
    """Replace the documents of changed resources in the live generation; ``None`` if none."""
    with writer_lock(root):
        marker = read_marker(root)
        if marker is None:
            return None
        index = open_index(root / marker.generation)
        writer = index.writer(WRITER_HEAP_BYTES // 4, 1)
        stale_ids = [*removed_ids, *(row.id for row in rows)]
        # By query: deleting by term silently misses unsigned fields in tantivy-py.
        writer.delete_documents_by_query(
            tantivy.Query.term_set_query(index.schema, "id", stale_ids)
        )
        for row in rows:
            writer.add_document(make_document(row, marker.mean_rating))
        writer.commit()
        writer.wait_merging_threads()
        write_labels(root / marker.generation, labels)
        bumped = marker.bumped(fingerprint)
        write_marker(root, bumped)
    return bumped
