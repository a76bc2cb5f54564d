"""Store a file under its true source and remove the rows an earlier run mis-credited.

Before revision 0850 a profile's import credited a file's rows to the profile's source; the
migration moved each such later run to an "unverified" source and kept the key its rows were
hashed with (``SalaryImport.legacy_key``). Hashing the file's rows again with that key finds
exactly the rows that run stored from this file, whatever else the run held.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.ingest.readers import FileFormat, SourceRecord, read_records
from careerpath.provenance.models import Source
from careerpath.salaries.aggregates import Bucket, recompute
from careerpath.salaries.fx import current_rates
from careerpath.salaries.ingest import (
    IngestResult,
    first_header,
    fit_mapping,
    ingest_file,
    mapped_columns,
)
from careerpath.salaries.models import PublishedSalary, SalaryImport, SalaryReport
from careerpath.salaries.normalize import RejectedError
from careerpath.salaries.reports import SalaryProfile, normalise_record
from careerpath.salaries.row_keys import RowKeys
from careerpath.salaries.sources import ReportSource

CHUNK = 500


@dataclass
class ReimportResult:
    """The import under the true source, and how many mis-credited rows were removed."""

    ingest: IngestResult
    removed: int
    sources_dropped: list[str]


async def reimport_file(
    session: AsyncSession,
    path: Path,
    profile: SalaryProfile,
    source: ReportSource,
    *,
    profile_name: str | None = None,
    file_format: FileFormat | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> ReimportResult:
    """Import ``path`` credited to ``source`` and drop this file's rows from unverified runs."""
    profile = fit_mapping(profile, first_header(path, file_format, profile.mapping.delimiter))
    removed, buckets = await _remove_legacy_rows(session, path, profile, file_format)
    dropped = await _drop_empty_runs(session)
    result = await ingest_file(
        session,
        path,
        profile,
        source,
        profile_name=profile_name,
        file_format=file_format,
        on_progress=on_progress,
    )
    result.aggregates += await recompute(session, buckets - result.buckets)
    return ReimportResult(result, removed, dropped)


async def _legacy_runs(session: AsyncSession) -> dict[str, list[int]]:
    runs: dict[str, list[int]] = {}
    for run in await session.scalars(
        select(SalaryImport).where(SalaryImport.legacy_key.is_not(None))
    ):
        runs.setdefault(str(run.legacy_key), []).append(run.id)
    return runs


async def _legacy_keys(
    session: AsyncSession,
    path: Path,
    profile: SalaryProfile,
    file_format: FileFormat | None,
    legacy: list[str],
) -> dict[str, set[str]]:
    """Return, per legacy key, the keys this file's valid rows had under it."""
    rates = {code: rate.usd_per_unit for code, rate in (await current_rates(session)).items()}
    hashers = {key: RowKeys(key, mapped_columns(profile)) for key in legacy}
    found: dict[str, set[str]] = {key: set() for key in legacy}
    delimiter = profile.mapping.delimiter
    for record in read_records(path, file_format=file_format, delimiter=delimiter):
        if not isinstance(record, SourceRecord):
            continue
        try:  # only rows the old import accepted were counted among identical rows
            normalise_record(record.line, record.fields, profile, rates)
        except RejectedError:
            continue
        for key, hasher in hashers.items():
            found[key].add(hasher.key(record.fields))
    return found


async def _remove_legacy_rows(
    session: AsyncSession, path: Path, profile: SalaryProfile, file_format: FileFormat | None
) -> tuple[int, set[Bucket]]:
    runs = await _legacy_runs(session)
    if not runs:
        return 0, set()
    hashes = await _legacy_keys(session, path, profile, file_format, list(runs))
    removed, buckets = 0, set()
    for key, run_ids in runs.items():
        wanted = sorted(hashes[key])
        for start in range(0, len(wanted), CHUNK):
            where = (
                SalaryReport.import_id.in_(run_ids),
                SalaryReport.content_hash.in_(wanted[start : start + CHUNK]),
            )
            found = await session.execute(
                select(SalaryReport.career_id, SalaryReport.country_code).where(*where)
            )
            buckets |= {(c, country) for c, country in found if c is not None}
            outcome = await session.execute(delete(SalaryReport).where(*where))
            removed += int(getattr(outcome, "rowcount", 0) or 0)
    return removed, buckets


async def _drop_empty_runs(session: AsyncSession) -> list[str]:
    """Delete unverified runs left without rows, and their sources when nothing cites them."""
    empty = list(
        await session.scalars(
            select(SalaryImport).where(
                SalaryImport.legacy_key.is_not(None),
                ~exists().where(SalaryReport.import_id == SalaryImport.id),
            )
        )
    )
    dropped = []
    for run in empty:
        source_id = run.source_id
        await session.delete(run)
        await session.flush()
        if not await _cited(session, source_id):
            source = await session.get(Source, source_id)
            if source is not None:
                dropped.append(source.key)
                await session.delete(source)
    await session.flush()
    return dropped


async def _cited(session: AsyncSession, source_id: int) -> bool:
    counts = [
        await session.scalar(select(func.count()).select_from(table).where(column == source_id))
        for table, column in (
            (SalaryReport, SalaryReport.source_id),
            (SalaryImport, SalaryImport.source_id),
            (PublishedSalary, PublishedSalary.source_id),
        )
    ]
    return any(counts)
