"""Ingest job postings: map columns, validate, hash, normalise the title, extract skills, store.

One service for the CLI and the curators' upload. The whole file is one transaction (every
import works this way): a failure leaves nothing behind, and a posting already stored (same
content hash) is a no-op, so a re-run changes nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers import resolution
from careerpath.careers.resolver import TitleResolver
from careerpath.careers.title_settings import RESOLVER_VERSION
from careerpath.db import utcnow
from careerpath.errors import InvalidInputError
from careerpath.ingest.bulk import batches, insert_rows
from careerpath.ingest.mapping import ColumnMapping
from careerpath.ingest.readers import Record, SourceRecord, UnreadableRecord, read_records
from careerpath.ingest.report import ImportReport, content_hash
from careerpath.skills.demand import DemandDelta, apply_delta
from careerpath.skills.extract import Extractor
from careerpath.skills.models import Posting, PostingSkill
from careerpath.skills.reextract import pack, read_posting, record_unlinked, taxonomy_words
from careerpath.skills.service import get_extractor

BATCH_SIZE = 1000
MAX_TITLE = 500
PROFILES: dict[str, ColumnMapping] = {
    "dice": ColumnMapping(columns={"title": ("jobtitle",), "text": ("jobdescription",)}),
    "google": ColumnMapping(
        columns={
            "title": ("Title",),
            "text": ("Responsibilities", "Minimum Qualifications", "Preferred Qualifications"),
            "location": ("Location",),
        },
        delimiter=";",
    ),
}
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%m/%d/%Y", "%d.%m.%Y", "%Y-%m-%dT%H:%M:%S")


@dataclass(frozen=True, slots=True)
class PostingRow:
    """A validated posting, ready to store."""

    line: int
    title: str
    text: str
    location: str | None
    posted_on: date | None
    digest: str


@dataclass(frozen=True)
class IngestTools:
    """What every batch reuses: the extractor, the title resolver and the source label."""

    extractor: Extractor
    titles: TitleResolver
    source: str
    taxonomy: frozenset[str] = frozenset()


def build_mapping(
    profile: str | None,
    *,
    title_col: str | None = None,
    text_cols: Iterable[str] = (),
    location_col: str | None = None,
    date_col: str | None = None,
    delimiter: str | None = None,
) -> ColumnMapping:
    """Start from a profile (or nothing) and apply the explicit column options."""
    if profile is not None and profile not in PROFILES:
        raise InvalidInputError(f"Unknown profile {profile!r}: use one of {', '.join(PROFILES)}")
    base = PROFILES[profile] if profile else ColumnMapping(columns={})
    columns = dict(base.columns)
    texts = tuple(text_cols)
    for target, value in (
        ("title", (title_col,) if title_col else ()),
        ("text", texts),
        ("location", (location_col,) if location_col else ()),
        ("date", (date_col,) if date_col else ()),
    ):
        if value:
            columns[target] = value
    if "title" not in columns or "text" not in columns:
        raise InvalidInputError("Name the title and text columns (or use --profile).")
    return ColumnMapping(columns=columns, delimiter=delimiter or base.delimiter)


def parse_date(value: Any) -> date | None:
    """Parse a posting date; raise ValueError for text that is not one."""
    if value is None:
        return None
    text = str(value).strip()
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text[:19], pattern).replace(tzinfo=UTC).date()
        except ValueError:
            continue
    raise ValueError(f"unreadable date {text[:40]!r}")


def validate(record: SourceRecord, mapping: ColumnMapping) -> PostingRow | str:
    """Return the posting, or the reason the row is rejected."""
    title = mapping.value(record.fields, "title")
    text = mapping.value(record.fields, "text")
    if not title:
        return "missing title"
    if not text:
        return "missing description text"
    if len(str(title)) > MAX_TITLE:
        return f"title longer than {MAX_TITLE} characters"
    try:
        posted_on = parse_date(mapping.value(record.fields, "date"))
    except ValueError as exc:
        return str(exc)
    location = mapping.value(record.fields, "location")
    fields = {"title": str(title), "text": str(text), "location": location, "date": posted_on}
    return PostingRow(
        record.line,
        str(title),
        str(text),
        location and str(location)[:300],
        posted_on,
        content_hash(fields),
    )


async def ingest_postings(
    session: AsyncSession,
    path: Path,
    mapping: ColumnMapping,
    *,
    source: str,
    advance: Callable[[int], None] | None = None,
    batch_size: int = BATCH_SIZE,
) -> ImportReport:
    """Ingest every posting of ``path`` in the caller's transaction, ``batch_size`` at a time."""
    started = time.perf_counter()
    report = ImportReport()
    extractor = await get_extractor(session)
    tools = IngestTools(
        extractor, await resolution.get_resolver(session), source, taxonomy_words(extractor)
    )
    records = read_records(path, delimiter=mapping.delimiter)
    for batch in batches(records, batch_size):
        _check_columns(batch, mapping)
        await ingest_batch(session, batch, mapping, tools, report)
        if advance is not None:
            advance(len(batch))
    report.seconds = time.perf_counter() - started
    return report


def _check_columns(batch: list[Record], mapping: ColumnMapping) -> None:
    first = next((r for r in batch if isinstance(r, SourceRecord)), None)
    if first is not None and (missing := mapping.missing_columns(set(first.fields))):
        raise InvalidInputError(f"The file has no column(s): {', '.join(missing)}")


async def ingest_batch(
    session: AsyncSession,
    batch: list[Record],
    mapping: ColumnMapping,
    tools: IngestTools,
    report: ImportReport,
) -> None:
    """Store the new postings of one batch and add them to the demand figures."""
    report.read += len(batch)
    fresh: dict[str, PostingRow] = {}
    for record in batch:
        if isinstance(record, UnreadableRecord):
            report.reject(record.line, record.reason)
            continue
        row = validate(record, mapping)
        if isinstance(row, str):
            report.reject(record.line, row)
        elif row.digest in fresh:
            report.unchanged += 1
        else:
            fresh[row.digest] = row
    known = set(
        await session.scalars(
            select(Posting.content_hash).where(Posting.content_hash.in_(list(fresh)))
        )
    )
    report.unchanged += len(known)
    rows = [row for digest, row in fresh.items() if digest not in known]
    await _store(session, rows, tools)
    report.imported += len(rows)


async def _store(session: AsyncSession, rows: list[PostingRow], tools: IngestTools) -> None:
    if not rows:
        return
    today = utcnow().date()
    values: list[dict[str, Any]] = []
    skills: list[set[int]] = []
    names: list[dict[str, str]] = []
    for row in rows:
        match = tools.titles.resolve(row.title)
        values.append(
            {
                "content_hash": row.digest,
                "title": row.title,
                "career_id": match.career_id,
                "title_score": round(match.confidence, 4),
                "resolver_version": RESOLVER_VERSION,
                "level": match.level,
                "location": row.location,
                "posted_on": row.posted_on,
                "source": tools.source,
                "text_z": pack(row.text),
            }
        )
        asked, unseen = read_posting(tools.extractor, row.text, tools.taxonomy)
        skills.append(asked)
        names.append(unseen)
    # Plain executemany, then one lookup by hash: much cheaper than INSERT … RETURNING in bulk.
    await insert_rows(session, Posting, values)
    found = await session.execute(
        select(Posting.content_hash, Posting.id).where(
            Posting.content_hash.in_([value["content_hash"] for value in values])
        )
    )
    by_hash = dict(found.all())
    ids = [by_hash[value["content_hash"]] for value in values]
    delta = DemandDelta()
    links: list[dict[str, int]] = []
    for posting_id, value, skill_ids in zip(ids, values, skills, strict=True):
        links.extend({"posting_id": posting_id, "skill_id": s} for s in sorted(skill_ids))
        if value["career_id"] is not None:
            delta.add(value["career_id"], skill_ids, value["posted_on"] or today)
    await insert_rows(session, PostingSkill, links)
    await apply_delta(session, delta)
    await record_unlinked(session, names)
