"""Imports run through the API: the same domain services as the CLI, with the same report."""

from __future__ import annotations

import enum
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.catalog import service as catalog_service
from careerpath.catalog.models import ResourceKind
from careerpath.errors import InvalidInputError
from careerpath.ingest.report import ImportReport
from careerpath.matching import service as matching_service
from careerpath.salaries.ingest import ingest_file
from careerpath.salaries.reports import PROFILES as SALARY_PROFILES
from careerpath.salaries.sources import resolve_source
from careerpath.search import service as search_service
from careerpath.skills.postings import build_mapping, ingest_postings

Advance = Callable[[int], None]
Checkpoint = Callable[[], Awaitable[None]]


def _ignore(_rows: int) -> None:
    """Progress nobody watches."""


class ImportKind(enum.StrEnum):
    """What an uploaded file holds."""

    COURSES = "courses"
    BOOKS = "books"
    SALARIES = "salaries"
    POSTINGS = "postings"


class ImportProfile(enum.StrEnum):
    """The ready column profiles, across domains."""

    FREE_PROGRAMMING_BOOKS = "free-programming-books"
    KIZAK = "kizak"
    AIJOBS = "aijobs"
    DICE = "dice"
    GOOGLE = "google"
    GENERIC = "generic"


@dataclass(frozen=True)
class CatalogOptions:
    """How a catalog file without a ready profile is read: field=column pairs, currency."""

    columns: tuple[str, ...] = ()
    currency: str | None = None


async def run_import(
    kind: ImportKind,
    path: Path,
    profile: str | None,
    *,
    session: AsyncSession,
    var_dir: Path,
    source: str | None = None,
    options: CatalogOptions = CatalogOptions(),
    advance: Advance = _ignore,
    checkpoint: Checkpoint | None = None,
) -> dict[str, Any]:
    """Import ``path`` as ``kind`` and return the report (counts and rejected rows).

    ``checkpoint`` lets a salary import commit between batches (see ``ingest_file``).

    A file the import cannot start on (no profile fits, a column is missing, a salary file
    without its source) is reported like a bad row: as line 1, its header, with the reason;
    nothing is written.
    """
    try:
        if kind is ImportKind.SALARIES:
            return await _salaries(session, path, profile, source, (advance, checkpoint))
        return await _run(kind, path, profile, session, var_dir, options, advance)
    except InvalidInputError as exc:
        report = ImportReport()
        report.reject(1, exc.detail)
        return report.as_dict()


async def _run(
    kind: ImportKind,
    path: Path,
    profile: str | None,
    session: AsyncSession,
    var_dir: Path,
    options: CatalogOptions,
    advance: Advance,
) -> dict[str, Any]:
    if kind is ImportKind.POSTINGS:
        mapping = build_mapping(profile)
        report = await ingest_postings(
            session, path, mapping, source=f"upload:{path.name}", advance=advance
        )
        if report.imported or report.updated:
            await matching_service.recompute(session, var_dir)  # demand changed
        return report.as_dict()
    resource_kind = ResourceKind.COURSE if kind is ImportKind.COURSES else ResourceKind.BOOK
    return await _resources(session, path, profile, resource_kind, var_dir, options, advance)


async def _salaries(
    session: AsyncSession,
    path: Path,
    profile: str | None,
    source: str | None,
    hooks: tuple[Advance, Checkpoint | None],
) -> dict[str, Any]:
    if profile not in SALARY_PROFILES:
        known = ", ".join(SALARY_PROFILES)
        raise InvalidInputError(f"Salary uploads need a ready profile: one of {known}.")
    if source is None:
        raise InvalidInputError("Salary uploads need the file's source: ?source=KEY.")
    credited = resolve_source(path, source)
    result = await ingest_file(
        session,
        path,
        SALARY_PROFILES[profile],
        credited,
        profile_name=profile,
        on_progress=hooks[0],
        checkpoint=hooks[1],
    )
    return {**result.report.as_dict(), "unmatched_titles": result.unmatched}


async def _resources(
    session: AsyncSession,
    path: Path,
    profile: str | None,
    kind: ResourceKind,
    var_dir: Path,
    options: CatalogOptions,
    advance: Advance,
) -> dict[str, Any]:
    chosen = catalog_service.choose_profile(
        path, profile, None, overrides=options.columns, currency=options.currency,
        source_name="upload",
    )  # fmt: skip
    parsed = catalog_service.parse_file(path, chosen, kind, on_record=lambda: advance(1))
    result = await catalog_service.import_parsed(session, chosen, kind, parsed)
    await session.flush()
    if result.changed_ids:
        await search_service.update_index_after_commit(session, var_dir, result.changed_ids)
        affected = await matching_service.affected_careers(session, result.changed_ids)
        await matching_service.recompute(session, var_dir, affected)
    report: ImportReport = parsed.report
    return {**report.as_dict(), "merged": parsed.merged, "profile": chosen.name}
