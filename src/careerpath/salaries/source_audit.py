"""Audit findings about where salary reports come from: per-source totals, rejected rows by
reason, unverified runs, reports without an exchange rate, and cross-source near-duplicates.

Near-duplicates are reports of two sources that agree on every normalised field (title, level,
country, city, currency, amount, date): likely one report published by both indexes. They are
findings to review, never dropped: two people may well report the same pay.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from itertools import combinations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.provenance.models import Source
from careerpath.salaries.figures import ALL_CURRENCIES
from careerpath.salaries.findings import Finding
from careerpath.salaries.models import SalaryAggregate, SalaryImport, SalaryReport

EXAMPLES = 3


async def source_findings(session: AsyncSession) -> list[Finding]:
    """Return every finding about sources, kind by kind."""
    return [
        *await _totals(session),
        *await _rejections(session),
        *await _unverified(session),
        *await _unconverted(session),
        *await _near_duplicates(session),
    ]


async def _totals(session: AsyncSession) -> list[Finding]:
    found = await session.execute(
        select(
            Source.key,
            Source.name,
            Source.licence,
            func.count(SalaryReport.id),
            func.count(SalaryReport.career_id),
            func.min(SalaryReport.reported_on),
            func.max(SalaryReport.reported_on),
        )
        .join(SalaryReport, SalaryReport.source_id == Source.id)
        .group_by(Source.key, Source.name, Source.licence)
        .order_by(func.count(SalaryReport.id).desc())
    )
    return [
        Finding(
            "source totals",
            key,
            f"{n:,} reports ({matched:,} matched to a career), {first or '?'} to {last or '?'}; "
            f"{name} ({licence})",
        )
        for key, name, licence, n, matched, first, last in found
    ]


async def _rejections(session: AsyncSession) -> list[Finding]:
    # The newest run of each file per source: re-running a file repeats its rejections.
    newest = (
        select(func.max(SalaryImport.id))
        .group_by(SalaryImport.source_id, func.coalesce(SalaryImport.file_sha256, ""))
        .scalar_subquery()
    )
    found = await session.execute(
        select(Source.key, SalaryImport.file_name, SalaryImport.rejected_reasons)
        .join(Source, Source.id == SalaryImport.source_id)
        .where(SalaryImport.id.in_(newest), SalaryImport.rejected > 0)
        .order_by(Source.key, SalaryImport.id)
    )
    findings = []
    for key, file_name, reasons in found:
        counts: dict[str, int] = json.loads(reasons)
        detail = ", ".join(f"{reason}: {n}" for reason, n in counts.items())
        findings.append(Finding("rejected rows", f"{key}: {file_name}", detail))
    return findings


async def _unverified(session: AsyncSession) -> list[Finding]:
    found = await session.execute(
        select(Source.key, SalaryImport.legacy_key, func.count(SalaryReport.id))
        .join(Source, Source.id == SalaryImport.source_id)
        .join(SalaryReport, SalaryReport.import_id == SalaryImport.id)
        .where(SalaryImport.legacy_key.is_not(None))
        .group_by(Source.key, SalaryImport.legacy_key)
    )
    return [
        Finding(
            "unverified source",
            key,
            f"{n:,} reports of a later run once credited to {legacy}; find the file and run "
            f"`careerpath salaries reimport FILE --source KEY`",
        )
        for key, legacy, n in found
    ]


async def _unconverted(session: AsyncSession) -> list[Finding]:
    found = await session.scalars(
        select(SalaryAggregate.breakdown).where(
            SalaryAggregate.currency == ALL_CURRENCIES,
            SalaryAggregate.city == "",
            SalaryAggregate.level == "",
            SalaryAggregate.breakdown.contains('"unconverted"'),
        )
    )
    missing: Counter[str] = Counter()
    for breakdown in found:
        missing.update(json.loads(breakdown).get("unconverted", {}))
    return [
        Finding("no exchange rate", code, f"{n:,} reports left out of figures in other currencies")
        for code, n in missing.most_common()
    ]


async def _near_duplicates(session: AsyncSession) -> list[Finding]:
    identity = (
        SalaryReport.title_key,
        SalaryReport.level,
        SalaryReport.country_code,
        SalaryReport.city,
        SalaryReport.currency,
        SalaryReport.yearly_amount,
        SalaryReport.reported_on,
    )
    found = await session.execute(
        select(*identity, Source.key, func.count())
        .join(Source, Source.id == SalaryReport.source_id)
        .group_by(*identity, Source.key)
    )
    per_key: dict[tuple[object, ...], dict[str, int]] = defaultdict(dict)
    for row in found:
        per_key[tuple(row[:-2])][row[-2]] = row[-1]
    pairs: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, counts in per_key.items():
        for a, b in combinations(sorted(counts), 2):
            pairs[(a, b)] += min(counts[a], counts[b])
            if len(examples[(a, b)]) < EXAMPLES:
                examples[(a, b)].append(f"{key[0]} {key[2]} {key[5]:,.0f} {key[4]}")
    return [
        Finding(
            "cross-source near-duplicates",
            f"{a} and {b}",
            f"{n:,} reports agree on title, level, place, amount and date (perhaps one report "
            f"published by both); all kept, review. E.g. {'; '.join(examples[(a, b)])}",
        )
        for (a, b), n in pairs.most_common()
    ]
