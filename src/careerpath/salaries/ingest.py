"""Import salary reports in bulk: validate every row, skip what is already there, re-aggregate."""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.db import utcnow
from careerpath.errors import InvalidInputError
from careerpath.ingest.mapping import ColumnMapping
from careerpath.ingest.readers import FileFormat, Record, SourceRecord, read_records
from careerpath.ingest.report import ImportReport
from careerpath.provenance.service import upsert_source
from careerpath.salaries.aggregates import Bucket, recompute
from careerpath.salaries.bulk import bulk_insert
from careerpath.salaries.careers_port import Attachment, match_careers, salary_level, title_key
from careerpath.salaries.fx import current_rates
from careerpath.salaries.models import SalaryReport
from careerpath.salaries.normalize import RejectedError
from careerpath.salaries.reports import ReportIn, SalaryProfile, normalise_record

BATCH_SIZE = 5_000
_REPORT_TABLE: Table = SalaryReport.__table__  # type: ignore[assignment]
_REPORT_COLUMNS = (
    "source_id",
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


def _first_header(path: Path, file_format: FileFormat | None, delimiter: str) -> list[str]:
    for record in read_records(path, file_format=file_format, delimiter=delimiter):
        if isinstance(record, SourceRecord):
            return list(record.fields)
    return []


def _batches(records: Iterator[Record]) -> Iterator[list[Record]]:
    while batch := list(islice(records, BATCH_SIZE)):
        yield batch


async def ingest_file(
    session: AsyncSession,
    path: Path,
    profile: SalaryProfile,
    *,
    file_format: FileFormat | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> IngestResult:
    """Import every valid report of ``path``; rejected rows are reported with line and reason."""
    started = time.perf_counter()
    delimiter = profile.mapping.delimiter
    profile = fit_mapping(profile, _first_header(path, file_format, delimiter))
    source = await upsert_source(
        session,
        key=profile.source_key,
        name=profile.source_name,
        licence=profile.licence,
        url=profile.url,
        note=profile.note,
    )
    rates = {code: rate.usd_per_unit for code, rate in (await current_rates(session)).items()}
    await _widen_sqlite_cache(session)
    run = _Run(session, profile, source.id, rates)
    run.existing = set(
        await session.scalars(
            select(SalaryReport.content_hash).where(SalaryReport.source_id == source.id)
        )
    )
    for batch in _batches(read_records(path, file_format=file_format, delimiter=delimiter)):
        await run.add(batch)
        if on_progress is not None:
            on_progress(len(batch))
    run.result.aggregates = await recompute(session, run.result.buckets)
    run.result.report.seconds = time.perf_counter() - started
    return run.result


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
        source_id: int,
        rates: Mapping[str, Decimal],
    ) -> None:
        self.session, self.profile, self.source_id, self.rates = session, profile, source_id, rates
        self.matches: dict[str, Attachment] = {}
        self.copies: Counter[str] = Counter()
        self.existing: set[str] = set()
        self.now = utcnow()
        self.source_key = profile.source_key
        self.columns = sorted({c for cols in profile.mapping.columns.values() for c in cols})
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
            rows[self._hash(record.fields)] = row
        await self._insert(rows)

    def _hash(self, fields: Mapping[str, Any]) -> str:
        # Identical rows are distinct reports (two people, same pay): the copy number keeps
        # them apart while a re-import of the same file still yields the same hashes.
        identity = "\x1f".join(map(str, map(fields.get, self.columns)))
        self.copies[identity] += 1
        text = f"{self.source_key}\x1e{identity}\x1e{self.copies[identity]}"
        return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()

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
            self.result.buckets.add((match.career_id, row.place.country_code, row.currency))
        return (
            self.source_id,
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
