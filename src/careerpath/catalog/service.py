"""Read and import catalog resources: the services the API, pages and CLI share."""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from careerpath.catalog.generic import check_columns, generic_profile, parse_overrides
from careerpath.catalog.importer import UpsertResult, upsert_resources
from careerpath.catalog.models import (
    Resource,
    ResourceKind,
    ResourceSkill,
    ResourceStatus,
    ResourceTopic,
    Topic,
)
from careerpath.catalog.presenters import resource_read
from careerpath.catalog.profiles import PROFILES, Profile, ResourceIn, SourceInfo, guess_profile
from careerpath.catalog.schemas import ResourceRead
from careerpath.errors import InvalidInputError, NotFoundError
from careerpath.heap import frozen_heap
from careerpath.ingest.readers import FileFormat, Record, SourceRecord, read_records
from careerpath.ingest.report import ImportReport

GENERIC = "generic"


@dataclass
class ParsedFile:
    """The valid rows of one file, keyed by their upsert key, and what was read."""

    rows: list[ResourceIn]
    report: ImportReport
    merged: int = 0


def file_source(name: str) -> SourceInfo:
    """Return the provenance of a file imported without a ready profile."""
    return SourceInfo(key=f"file:{name}"[:100], name=name[:200], url="", licence="unknown")


def _header(path: Path, file_format: FileFormat | None) -> set[str]:
    first = next(
        (r for r in read_records(path, file_format=file_format) if isinstance(r, SourceRecord)),
        None,
    )
    return set(first.fields) if first else set()


def choose_profile(
    path: Path,
    name: str | None,
    file_format: FileFormat | None,
    *,
    overrides: Collection[str] = (),
    currency: str | None = None,
    source_name: str | None = None,
) -> Profile:
    """Return the named ready profile, the one whose columns the file has, or the generic one.

    The generic profile reads each field from the column named after it or mapped to it
    (``field=column``); a file without a column for a required field fails here, once.
    """
    if name and name != GENERIC:
        if name not in PROFILES:
            raise InvalidInputError(f"Unknown profile {name!r}: use one of {sorted(PROFILES)}")
        return PROFILES[name]
    header = _header(path, file_format)
    guessed = guess_profile(header) if not (name or overrides or currency) else None
    if guessed is not None:
        return PROFILES[guessed]
    source = file_source(source_name or path.name)
    mapped = parse_overrides(overrides)
    profile = generic_profile(source, mapped, currency)
    check_columns(profile, header, path.name, mapped)
    return profile


def parse_file(
    path: Path,
    profile: Profile,
    kind: ResourceKind,
    *,
    file_format: FileFormat | None = None,
    on_record: Callable[[], None] | None = None,
) -> ParsedFile:
    """Validate every record of ``path``; bad ones are rejected with line and reason."""
    parsed = ParsedFile(rows=[], report=ImportReport())
    with frozen_heap():
        _parse_records(
            parsed, read_records(path, file_format=file_format), profile, kind, on_record
        )
    return parsed


def _parse_records(
    parsed: ParsedFile,
    records: Iterable[Record],
    profile: Profile,
    kind: ResourceKind,
    on_record: Callable[[], None] | None,
) -> None:
    by_key: dict[str, ResourceIn] = {}
    for record in records:
        parsed.report.read += 1
        if on_record:
            on_record()
        if not isinstance(record, SourceRecord):
            parsed.report.reject(record.line, record.reason)
            continue
        try:
            row = profile.parse(profile.mapping, record.fields, kind)
        except ValueError as exc:
            parsed.report.reject(record.line, str(exc))
            continue
        if row.source_key in by_key:
            # The same resource listed under a second heading: keep one row, both topics.
            _merge(by_key[row.source_key], row)
            parsed.merged += 1
            continue
        by_key[row.source_key] = row
    parsed.rows = list(by_key.values())


def _merge(kept: ResourceIn, duplicate: ResourceIn) -> None:
    kept.topics = sorted(set(kept.topics) | set(duplicate.topics))
    kept.skills = list(dict.fromkeys([*kept.skills, *duplicate.skills]))


async def import_parsed(
    session: AsyncSession, profile: Profile, kind: ResourceKind, parsed: ParsedFile
) -> UpsertResult:
    """Upsert the valid rows of a parsed file and finish its report."""
    started = time.perf_counter()
    with frozen_heap():
        result = await upsert_resources(session, profile.source, kind, parsed.rows, parsed.report)
    parsed.report.seconds += time.perf_counter() - started
    return result


async def get_resource(session: AsyncSession, resource_id: int, kind: ResourceKind) -> Resource:
    """Return the course or book with ``resource_id``, with topics, skills and source."""
    resource = await session.scalar(
        select(Resource)
        .where(Resource.id == resource_id, Resource.kind == kind)
        .options(
            selectinload(Resource.topics),
            selectinload(Resource.skills),
            selectinload(Resource.source),
        )
    )
    if resource is None:
        raise NotFoundError(f"No {kind.value} has id {resource_id}")
    return resource


async def read_resource(
    session: AsyncSession, resource_id: int, kind: ResourceKind
) -> ResourceRead:
    """Return the API shape of one course or book."""
    resource = await get_resource(session, resource_id, kind)
    topics = await topics_by_id(session, [link.topic_id for link in resource.topics])
    return resource_read(resource, topics)


async def topics_by_id(session: AsyncSession, ids: list[int]) -> dict[int, Topic]:
    """Return the topics with ``ids`` and all their ancestors, by id."""
    found: dict[int, Topic] = {}
    wanted = set(ids)
    while wanted:
        rows = await session.scalars(select(Topic).where(Topic.id.in_(wanted)))
        fresh = {t.id: t for t in rows}
        found.update(fresh)
        wanted = {t.parent_id for t in fresh.values() if t.parent_id} - set(found)
    return found


async def count_resources(session: AsyncSession) -> int:
    """Return how many resources the catalog holds."""
    return int(await session.scalar(select(func.count(Resource.id))) or 0)


async def resource_topic_ids(session: AsyncSession, resource_id: int) -> list[int]:
    """Return the ids of the topics a resource is filed under."""
    rows = await session.scalars(
        select(ResourceTopic.topic_id).where(ResourceTopic.resource_id == resource_id)
    )
    return list(rows)


async def list_topics(session: AsyncSession) -> list[Topic]:
    """Return every topic of the tree."""
    return list(await session.scalars(select(Topic).order_by(Topic.depth, Topic.name)))


async def get_topic(session: AsyncSession, slug: str) -> Topic:
    """Return the topic with ``slug``."""
    topic = await session.scalar(select(Topic).where(Topic.slug == slug))
    if topic is None:
        raise NotFoundError(f"No topic is called {slug!r}")
    return topic


async def resources_teaching(
    session: AsyncSession, skill_id: int, kind: ResourceKind, language: str, limit: int = 10
) -> list[Resource]:
    """Return active resources of ``kind`` in ``language`` linked to a skill, best rated first."""
    rows = await session.scalars(
        select(Resource)
        .join(ResourceSkill, ResourceSkill.resource_id == Resource.id)
        .where(
            ResourceSkill.skill_id == skill_id,
            Resource.kind == kind,
            Resource.status == ResourceStatus.ACTIVE,
            Resource.language == language,
        )
        .order_by(Resource.rating.desc().nulls_last(), Resource.title)
        .limit(limit)
    )
    return list(rows)
