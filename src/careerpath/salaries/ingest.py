"""Import salary reports in bulk: validate every row, skip what is already there, re-aggregate.

Every report is credited to the source the import names; the import itself is recorded
(file, checksum, counts, rejections by reason) so the audit can show what each run did.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.db import utcnow
from careerpath.errors import InvalidInputError
from careerpath.ingest.bulk import batches, bulk_insert
from careerpath.ingest.mapping import ColumnMapping
from careerpath.ingest.readers import FileFormat, Record, SourceRecord, read_records
from careerpath.ingest.report import ImportReport
from careerpath.provenance.models import Source
from careerpath.provenance.service import upsert_source
from careerpath.salaries.aggregates import Bucket, recompute
from careerpath.salaries.careers_port import Attachment, match_careers, salary_level, title_key
from careerpath.salaries.fx import current_rates
from careerpath.salaries.models import SalaryImport, SalaryReport
from careerpath.salaries.normalize import RejectedError
from careerpath.salaries.reports import ReportIn, SalaryProfile, normalise_record
from careerpath.salaries.row_keys import RowKeys
from careerpath.salaries.sources import UNSTATED_LICENCE, ReportSource

BATCH_SIZE = 5_000
CHECKPOINT_BATCH_SIZE = 500
_REPORT_TABLE: Table = SalaryReport.__table__  # type: ignore[assignment]
_REPORT_COLUMNS = (
    "source_id",
    "import_id",
    "content_hash",
    "line",
    "job_title",
    "title_key",
    "career_id",
    "title_confidence",
    "resolver_version",
    "level",
    "amount",
    "currency",
    "currency_inferred",
    "period",
    "yearly_amount",
    "country_code",
    "city",
    "raw_place",
    "place_how",
    "reported_on",
    "employment_type",
    "remote_ratio",
    "created_at",
)


@dataclass
class IngestResult:
    """The import report plus what the salaries domain adds: unmatched titles, groups redone."""

    report: ImportReport
    unmatched: int = 0
    aggregates: int = 0
    buckets: set[Bucket] = field(default_factory=set)


def fit_mapping(profile: SalaryProfile, header: Iterable[str]) -> SalaryProfile:
    """Drop mapped fields whose column the file lacks when they are optional; fail on required."""
    present = set(header)
    columns = {k: v for k, v in profile.mapping.columns.items() if set(v) <= present}
    for required in ("title", "amount"):
        if required not in columns:
            wanted = ", ".join(profile.mapping.columns.get(required, (required,)))
            raise InvalidInputError(f"The file has no column {wanted!r} for the {required}.")
    if "place" not in columns and "country" not in columns:
        raise InvalidInputError("The file needs a place or a country column.")
    mapping = ColumnMapping(columns, profile.mapping.delimiter, profile.mapping.defaults)
    return replace(profile, mapping=mapping)


def mapped_columns(profile: SalaryProfile) -> set[str]:
    """Return every column the profile reads: what identifies a row."""
    return {column for columns in profile.mapping.columns.values() for column in columns}


def first_header(path: Path, file_format: FileFormat | None, delimiter: str) -> list[str]:
    for record in read_records(path, file_format=file_format, delimiter=delimiter):
        if isinstance(record, SourceRecord):
            return list(record.fields)
    return []


async def ingest_file(
    session: AsyncSession,
    path: Path,
    profile: SalaryProfile,
    source: ReportSource,
    *,
    profile_name: str | None = None,
    file_format: FileFormat | None = None,
    on_progress: Callable[[int], None] | None = None,
    checkpoint: Callable[[], Awaitable[None]] | None = None,
) -> IngestResult:
    """Import every valid report of ``path`` credited to ``source``; bad rows say line and why.

    ``checkpoint`` (a background import on SQLite passes its session's commit) runs after each
    smaller batch, so that the single writer lock is never held long enough to fail other
    users' saves; a retried import finds the committed rows unchanged.
    """
    started = time.perf_counter()
    delimiter = profile.mapping.delimiter
    profile = fit_mapping(profile, first_header(path, file_format, delimiter))
    stored = await store_source(session, source)
    run_record = SalaryImport(
        source_id=stored.id,
        file_name=path.name[:500],
        file_sha256=file_sha256(path),
        profile=profile_name,
    )
    session.add(run_record)
    await session.flush()
    rates = {code: rate.usd_per_unit for code, rate in (await current_rates(session)).items()}
    await _widen_sqlite_cache(session)
    run = _Run(session, profile, source.key, (stored.id, run_record.id), rates)
    run.existing = set(
        await session.scalars(
            select(SalaryReport.content_hash).where(SalaryReport.source_id == stored.id)
        )
    )
    size = CHECKPOINT_BATCH_SIZE if checkpoint is not None else BATCH_SIZE
    for batch in batches(read_records(path, file_format=file_format, delimiter=delimiter), size):
        await run.add(batch)
        if on_progress is not None:
            on_progress(len(batch))
        if checkpoint is not None:
            await checkpoint()
    run.result.aggregates = await recompute(session, run.result.buckets)
    run.result.report.seconds = time.perf_counter() - started
    _record_outcome(run_record, run.result.report)
    await session.flush()
    return run.result


async def store_source(session: AsyncSession, source: ReportSource) -> Source:
    """Create or update the source record an import credits; what it leaves unstated is kept."""
    found = await session.scalar(select(Source).where(Source.key == source.key))
    if found is not None:
        source = replace(
            source,
            name=found.name if source.name == source.key else source.name,
            licence=found.licence if source.licence == UNSTATED_LICENCE else source.licence,
            url=source.url or found.url,
            retrieved_on=source.retrieved_on or found.seen_on,
            note=source.note or found.note,
        )
    return await upsert_source(
        session,
        key=source.key,
        name=source.name,
        licence=source.licence,
        url=source.url,
        seen_on=source.retrieved_on,
        published_on=None if found is None else found.published_on,
        published_precision="day" if found is None else found.published_precision,
        note=source.note,
    )


def file_sha256(path: Path) -> str:
    """Return the SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def reason_kind(reason: str) -> str:
    """Return the kind of a rejection reason: its words before the first value it quotes."""
    kind = re.split(r"[:'\"\d(]", reason, maxsplit=1)[0]
    # "no exchange rate for XYZ to check …", "amount must be positive, got …"
    kind = re.sub(r"(\s+[A-Z]{3}\b.*|,?\s*got\s*)$", "", kind.strip())
    return kind.strip(" ,-") or reason[:60]


def _record_outcome(record: SalaryImport, report: ImportReport) -> None:
    reasons = Counter(reason_kind(error.reason) for error in report.errors)
    record.read, record.imported = report.read, report.imported
    record.unchanged, record.rejected = report.unchanged, report.rejected
    record.rejected_reasons = json.dumps(dict(reasons.most_common()), ensure_ascii=False)


async def _widen_sqlite_cache(session: AsyncSession) -> None:
    # SQLite's default 2 MiB page cache spills while random content hashes fill the unique
    # index; 64 MiB for this connection keeps a large import in memory.
    if session.get_bind().dialect.name == "sqlite":
        await session.execute(text("PRAGMA cache_size = -65536"))


class _Run:
    """State of one import: title matches and identical-row counts carry across batches."""

    def __init__(
        self,
        session: AsyncSession,
        profile: SalaryProfile,
        source_key: str,
        ids: tuple[int, int],
        rates: Mapping[str, Decimal],
    ) -> None:
        self.session, self.profile, self.rates = session, profile, rates
        self.source_id, self.import_id = ids
        self.matches: dict[str, Attachment] = {}
        self.keys = RowKeys(source_key, mapped_columns(profile))
        self.existing: set[str] = set()
        self.now = utcnow()
        self.result = IngestResult(ImportReport())

    async def add(self, batch: list[Record]) -> None:
        report = self.result.report
        rows: dict[str, ReportIn] = {}
        for record in batch:
            report.read += 1
            if not isinstance(record, SourceRecord):
                report.reject(record.line, record.reason)
                continue
            try:
                row = normalise_record(record.line, record.fields, self.profile, self.rates)
            except RejectedError as exc:
                report.reject(record.line, exc.reason)
                continue
            rows[self.keys.key(record.fields)] = row
        await self._insert(rows)

    async def _insert(self, rows: dict[str, ReportIn]) -> None:
        if not rows:
            return
        fresh = {h: row for h, row in rows.items() if h not in self.existing}
        self.result.report.unchanged += len(rows) - len(fresh)
        unknown = {row.job_title for row in fresh.values()} - self.matches.keys()
        self.matches.update(await match_careers(self.session, unknown))
        values = [self._values(h, row) for h, row in fresh.items()]
        # Tuples straight to the driver, not ORM objects: a row costs microseconds.
        await bulk_insert(self.session, _REPORT_TABLE, _REPORT_COLUMNS, values)
        self.result.report.imported += len(values)

    def _values(self, digest: str, row: ReportIn) -> tuple[Any, ...]:
        match = self.matches[row.job_title]
        if match.career_id is None:
            self.result.unmatched += 1
        else:
            self.result.buckets.add((match.career_id, row.place.country_code))
        return (
            self.source_id,
            self.import_id,
            digest,
            row.line,
            row.job_title,
            title_key(row.job_title)[:300],
            match.career_id,
            match.confidence,
            match.version,
            row.level or salary_level(match.level),
            row.amount,
            row.currency,
            row.currency_inferred,
            row.period.value,
            row.yearly_amount,
            row.place.country_code,
            row.place.city,
            row.raw_place[:200],
            row.place.how,
            row.reported_on,
            row.employment_type,
            row.remote_ratio,
            self.now,
        )
