"""Bulk upsert of parsed resources: new rows inserted, changed rows updated, the rest untouched."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from operator import attrgetter, itemgetter
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.catalog.models import Resource, ResourceKind, ResourceSkill, ResourceTopic, Topic
from careerpath.catalog.profiles import ResourceIn, SourceInfo
from careerpath.catalog.skill_tagging import SkillTag, Tagger, resource_text, tag_skills
from careerpath.catalog.topics import path_slugs
from careerpath.db import utcnow
from careerpath.ingest.bulk import bulk_insert
from careerpath.ingest.report import ImportReport
from careerpath.provenance.service import upsert_source
from careerpath.skills.models import Skill
from careerpath.skills.service import get_extractor

BATCH_SIZE = 1000
# The resource columns a parsed row fills, in one order (the import adds source and hash).
ROW_COLUMNS = tuple(f.name for f in fields(ResourceIn) if f.name not in {"topics", "skills"})
_row_values = attrgetter(*ROW_COLUMNS)


@dataclass
class UpsertResult:
    """Which resource ids an upsert created or changed (the search index updates just these)."""

    changed_ids: list[int] = field(default_factory=list)


async def upsert_resources(
    session: AsyncSession,
    source: SourceInfo,
    kind: ResourceKind,
    rows: Sequence[ResourceIn],
    report: ImportReport,
) -> UpsertResult:
    """Insert new resources and update changed ones of ``source``; count into ``report``."""
    source_row = await upsert_source(
        session, key=source.key, name=source.name, url=source.url, licence=source.licence
    )
    topic_ids = await ensure_topics(session, [p for row in rows for p in row.topics])
    existing = {
        key: (rid, digest)
        for key, rid, digest in await session.execute(
            select(Resource.source_key, Resource.id, Resource.content_hash).where(
                Resource.source_id == source_row.id, Resource.kind == kind
            )
        )
    }
    result = UpsertResult()
    new_rows: list[tuple[ResourceIn, str]] = []
    changed_rows: list[tuple[ResourceIn, dict[str, Any]]] = []
    for row in rows:
        digest = row.digest()
        found = existing.get(row.source_key)
        if found is None:
            new_rows.append((row, digest))
        elif found[1] != digest:
            values = dict(zip(ROW_COLUMNS, _row_values(row), strict=True))
            values |= {"id": found[0], "source_id": source_row.id, "content_hash": digest}
            changed_rows.append((row, {**values, "updated_at": utcnow()}))
        else:
            report.unchanged += 1
    # Only new and changed rows reach the extractor: an unchanged re-import reads no text.
    tagger = await make_tagger(
        session, [(row.title, row.description) for row, _ in new_rows + changed_rows]
    )
    if new_rows:
        ids = await _insert_new(session, new_rows, source_row.id, kind)
        pairs = list(zip(ids, (r for r, _ in new_rows), strict=True))
        await _insert_children(session, pairs, topic_ids, tagger)
        result.changed_ids.extend(ids)
    if changed_rows:
        await session.execute(update(Resource), [values for _, values in changed_rows])
        pairs = [(values["id"], row) for row, values in changed_rows]
        await _delete_children(session, [rid for rid, _ in pairs])
        await _insert_children(session, pairs, topic_ids, tagger)
        result.changed_ids.extend(rid for rid, _ in pairs)
    report.imported += len(new_rows)
    report.updated += len(changed_rows)
    return result


async def _insert_new(
    session: AsyncSession,
    new_rows: list[tuple[ResourceIn, str]],
    source_id: int,
    kind: ResourceKind,
) -> list[int]:
    """Insert with a plain executemany, then read the ids back in one query.

    INSERT … RETURNING in parameter order makes SQLAlchemy splice results row by row on
    SQLite, which grows quadratically with the batch (150,000 rows took minutes).
    """
    now = utcnow()
    keys = (*ROW_COLUMNS, "source_id", "content_hash", "created_at", "updated_at")
    for start in range(0, len(new_rows), BATCH_SIZE):
        batch = new_rows[start : start + BATCH_SIZE]
        rows = [(*_row_values(row), source_id, digest, now, now) for row, digest in batch]
        await insert_tuples(session, _table(Resource), keys, rows)
    ids = {
        row.source_key: row.id
        for row in await session.execute(
            select(Resource.source_key, Resource.id).where(
                Resource.source_id == source_id, Resource.kind == kind
            )
        )
    }
    return [ids[row.source_key] for row, _ in new_rows]


async def make_tagger(session: AsyncSession, texts: Iterable[tuple[str, str]]) -> Tagger:
    """Return the skills extractor with the display names of the skills ``texts`` mention.

    Each (title, description) is read here, once (the tagger keeps what it found), so only
    the names of skills actually found are loaded rather than the whole taxonomy's.
    """
    tagger = Tagger(await get_extractor(session), {})
    found = set().union(*(tagger.mentioned(resource_text(*text)) for text in texts))
    await _load_names(session, tagger, found)
    return tagger


async def _load_names(session: AsyncSession, tagger: Tagger, skill_ids: set[int]) -> None:
    wanted = sorted(skill_ids - tagger.names.keys())
    for start in range(0, len(wanted), BATCH_SIZE):
        chosen = wanted[start : start + BATCH_SIZE]
        rows = await session.execute(
            select(Skill.id, Skill.display_name).where(Skill.id.in_(chosen))
        )
        tagger.names.update((skill_id, name) for skill_id, name in rows)


async def _delete_children(session: AsyncSession, ids: list[int]) -> None:
    for start in range(0, len(ids), BATCH_SIZE):
        chosen = ids[start : start + BATCH_SIZE]
        await session.execute(delete(ResourceTopic).where(ResourceTopic.resource_id.in_(chosen)))
        await session.execute(delete(ResourceSkill).where(ResourceSkill.resource_id.in_(chosen)))


SKILL_COLUMNS = ("resource_id", "skill_slug", "skill_name", "origin", "skill_id", "position")


async def _insert_children(
    session: AsyncSession,
    pairs: list[tuple[int, ResourceIn]],
    topic_ids: dict[str, int],
    tagger: Tagger,
) -> None:
    """Insert the topic and skill links of resources that have none (new, or just cleared)."""
    topics: list[tuple[int, int]] = []
    skills: list[tuple[Any, ...]] = []
    for rid, row in pairs:
        leaves = {topic_ids[path_slugs(path)[-1]] for path in row.topics}
        topics.extend((rid, tid) for tid in sorted(leaves))
        topic_names = [p[-1] for p in row.topics]
        tags = tag_skills(row.title, row.description, row.skills, topic_names, tagger)
        skills.extend(_skill_rows(rid, tags))
    # Plain ids and text, already in storage form: the driver's own executemany (or COPY).
    await bulk_insert(session, _table(ResourceTopic), ("resource_id", "topic_id"), topics)
    await bulk_insert(session, _table(ResourceSkill), SKILL_COLUMNS, skills)


def _skill_rows(rid: int, tags: list[SkillTag]) -> Iterator[tuple[Any, ...]]:
    """Return a resource's skill links as rows in SKILL_COLUMNS order."""
    return ((rid, *tag, n) for n, tag in enumerate(tags))


async def ensure_topics(session: AsyncSession, paths: Iterable[tuple[str, ...]]) -> dict[str, int]:
    """Create every node of ``paths`` that is missing; return the id of every topic by slug."""
    known = {row.slug: row.id for row in await session.execute(select(Topic.slug, Topic.id))}
    for path in sorted(set(paths), key=len):
        parent_id = None
        for depth, (slug, name) in enumerate(zip(path_slugs(path), path, strict=True)):
            if slug not in known:
                topic = Topic(slug=slug, name=name, parent_id=parent_id, depth=depth)
                session.add(topic)
                await session.flush()
                known[slug] = topic.id
            parent_id = known[slug]
    return known


async def insert_tuples(
    session: AsyncSession, table: Table, keys: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    """Insert ``rows`` (values in ``keys`` order) with one driver-level executemany.

    The statement is compiled once and each value passes its column type's bind processor;
    SQLAlchemy's own executemany builds a parameter dict per row, which cost more than the
    insert itself on a 10,000-row import.
    """
    if not rows:
        return
    connection = await session.connection()
    dialect = connection.dialect
    compiled = insert(table).values({k: bindparam(k) for k in keys}).compile(dialect=dialect)
    order = list(compiled.positiontup or keys)
    if order != list(keys):  # a dialect that orders the parameters its own way
        pick = itemgetter(*(keys.index(key) for key in order))
        rows = [pick(row) for row in rows]
    processors = [table.c[key].type.dialect_impl(dialect).bind_processor(dialect) for key in order]
    converters = [(n, _memoised(convert)) for n, convert in enumerate(processors) if convert]
    if converters:  # only the columns whose type converts a value (enums, dates) are touched
        for n, row in enumerate(rows):
            values = list(row)
            for column, convert in converters:
                values[column] = convert(values[column])
            rows[n] = tuple(values)
    await connection.exec_driver_sql(str(compiled), rows)


def _memoised(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Return ``convert`` remembering its answers: a column repeats a few values (enums, now)."""
    answers: dict[Any, Any] = {}

    def converted(value: Any) -> Any:
        key = (value.__class__, value)  # 1 and True are equal; their types keep them apart
        try:
            return answers[key]
        except KeyError:
            answer = answers[key] = convert(value)
            return answer
        except TypeError:  # an unhashable value is converted every time
            return convert(value)

    return converted


def _table(model: type[Resource | ResourceTopic | ResourceSkill]) -> Table:
    """Return the model's Core table, for plain executemany inserts."""
    return cast(Table, model.__table__)


async def retag_resources(session: AsyncSession) -> int:
    """Re-link every resource's skill tags to the taxonomy (after the taxonomy or tagger changed).

    The publisher's tags and topic names already stored are kept as the input; the extracted
    tags are recomputed from title and description. Returns the skill rows written.
    """
    stored: dict[int, list[tuple[str, str]]] = {}
    rows = select(ResourceSkill.resource_id, ResourceSkill.skill_name, ResourceSkill.origin)
    for rid, name, origin in await session.execute(rows.order_by(ResourceSkill.position)):
        stored.setdefault(rid, []).append((name, str(origin)))
    written: list[tuple[Any, ...]] = []
    texts = (await session.execute(select(Resource.id, Resource.title, Resource.description))).all()
    tagger = await make_tagger(session, [(title, description) for _, title, description in texts])
    for rid, title, description in texts:
        kept = stored.get(rid, [])
        publisher = [name for name, origin in kept if origin == "publisher"]
        topics = [name for name, origin in kept if origin == "topic"]
        written.extend(_skill_rows(rid, tag_skills(title, description, publisher, topics, tagger)))
    await session.execute(delete(ResourceSkill))
    await bulk_insert(session, _table(ResourceSkill), SKILL_COLUMNS, written)
    return len(written)
