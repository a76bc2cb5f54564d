"""Data-quality findings of salaries: duplicates, misspellings, conflicts, outliers, thin groups,
and (``source_audit``) where the reports come from."""

from __future__ import annotations

from collections import defaultdict

from rich.console import Console
from rich.table import Table
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers.models import Career
from careerpath.careers.schemas import CareerRef
from careerpath.provenance.models import Source
from careerpath.salaries.computed import SalaryQuery, career_salaries
from careerpath.salaries.figures import ALL_CURRENCIES
from careerpath.salaries.findings import Finding
from careerpath.salaries.models import PublishedSalary, SalaryAggregate, SalaryReport
from careerpath.salaries.money import format_money
from careerpath.salaries.normalize import RejectedError
from careerpath.salaries.places import resolve_place
from careerpath.salaries.source_audit import source_findings
from careerpath.salaries.stats import MIN_REPORTS

# Published figures for one city whose highest is more than this many times the lowest are
# flagged as conflicting (the seed pages differ by up to 4x).
DISAGREEMENT_FACTOR = 1.5
TOP = 10


async def run_audit(session: AsyncSession) -> list[Finding]:
    """Return every finding, kind by kind."""
    published = list(
        await session.execute(
            select(PublishedSalary, Source.key, Career.slug)
            .join(Source, Source.id == PublishedSalary.source_id)
            .join(Career, Career.id == PublishedSalary.career_id)
            .order_by(PublishedSalary.display_position, PublishedSalary.id)
        )
    )
    rows = [(row, key, slug) for row, key, slug in published]
    return [
        *_duplicate_places(rows),
        *_misspellings(rows),
        *_inferred_currencies(rows),
        *_conflicts(rows),
        *await _published_vs_computed(session, rows),
        *await _report_places(session),
        *await _outliers(session),
        *await _thin_groups(session),
        *await _unmatched(session),
        *await _weak_attachments(session),
        *await source_findings(session),
    ]


Published = list[tuple[PublishedSalary, str, str]]


def _duplicate_places(rows: Published) -> list[Finding]:
    seen: dict[tuple[str, str, str], list[PublishedSalary]] = defaultdict(list)
    for row, source, slug in rows:
        seen[(slug, source, row.city)].append(row)
    return [
        Finding(
            "duplicate place",
            f"{slug}: {city}",
            f"{source} lists {city} {len(found)} times: "
            + ", ".join(format_money(r.amount, r.currency) for r in found),
        )
        for (slug, source, city), found in seen.items()
        if len(found) > 1
    ]


def _misspellings(rows: Published) -> list[Finding]:
    spelled: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for row, source, _slug in rows:
        if row.raw_place != row.city:
            spelled[(row.raw_place, row.city, row.country_code)].add(source)
    findings = []
    for (raw, city, country), sources in spelled.items():
        try:
            how = resolve_place(raw).how
        except RejectedError:
            how = "not in the gazetteer"
        findings.append(
            Finding(
                "resolved misspelling",
                f"{raw!r} → {city}, {country}",
                f"by {how} match; spelled so by {', '.join(sorted(sources))}",
            )
        )
    return findings


def _inferred_currencies(rows: Published) -> list[Finding]:
    cities = {(r.city, r.currency) for r, _, _ in rows if r.currency_inferred}
    return [
        Finding("inferred currency", city, f"the source printed a bare symbol; read as {currency}")
        for city, currency in sorted(cities)
    ]


def _conflicts(rows: Published) -> list[Finding]:
    amounts: dict[tuple[str, str, str], list[tuple[float, str]]] = defaultdict(list)
    for row, source, slug in rows:
        amounts[(slug, row.city, row.currency)].append((float(row.amount), source))
    findings = []
    for (slug, city, currency), figures in amounts.items():
        low, high = min(figures), max(figures)
        if high[0] > DISAGREEMENT_FACTOR * low[0]:
            findings.append(
                Finding(
                    "conflicting published figures",
                    f"{slug}: {city}",
                    f"{high[0] / low[0]:.1f}x apart: {high[0]:,.0f} {currency} ({high[1]}) vs "
                    f"{low[0]:,.0f} {currency} ({low[1]})",
                )
            )
    return findings


async def _published_vs_computed(session: AsyncSession, rows: Published) -> list[Finding]:
    findings = []
    for career_id, slug in sorted({(row.career_id, slug) for row, _, slug in rows}):
        # The report reads only the id and slug; the slug stands in for the title.
        body = await career_salaries(session, CareerRef(career_id, slug, slug), SalaryQuery())
        for city in body.cities:
            figure = city.computed
            if not city.computed_disagrees or figure is None:
                continue
            where = f"{figure.country_code} figure" if figure.rolled_up_from else "city figure"
            findings.append(
                Finding(
                    "published vs computed",
                    f"{slug}: {city.city}",
                    f"published median is {city.computed_ratio}x off the computed "
                    f"{figure.median_formatted} ({where}, n = {figure.n})",
                )
            )
    return findings


async def _report_places(session: AsyncSession) -> list[Finding]:
    found = await session.execute(
        select(SalaryReport.raw_place, SalaryReport.city, SalaryReport.country_code, func.count())
        .where(SalaryReport.place_how == "fuzzy")
        .group_by(SalaryReport.raw_place, SalaryReport.city, SalaryReport.country_code)
    )
    return [
        Finding("resolved misspelling", f"{raw!r} → {city}, {country}", f"in {n} salary reports")
        for raw, city, country, n in found
    ]


async def _outliers(session: AsyncSession) -> list[Finding]:
    found = await session.execute(
        select(Career.slug, SalaryAggregate)
        .join(Career, Career.id == SalaryAggregate.career_id)
        .where(
            SalaryAggregate.outliers > 0,
            SalaryAggregate.level == "",
            SalaryAggregate.city == "",
            SalaryAggregate.currency == ALL_CURRENCIES,
        )
        .order_by(SalaryAggregate.outliers.desc())
    )
    rows = list(found)
    total = sum(agg.outliers for _, agg in rows)
    findings = [
        Finding(
            "outliers",
            f"{slug}: {agg.country_code}",
            f"{agg.outliers} of {agg.n + agg.outliers} reports outside the IQR fence, left out",
        )
        for slug, agg in rows[:TOP]
    ]
    if len(rows) > TOP:
        findings.append(
            Finding("outliers", "all groups", f"{total} outliers in {len(rows)} groups")
        )
    return findings


async def _thin_groups(session: AsyncSession) -> list[Finding]:
    found = await session.execute(
        select(
            Career.slug,
            SalaryAggregate.country_code,
            SalaryAggregate.city,
            SalaryAggregate.n,
        )
        .join(Career, Career.id == SalaryAggregate.career_id)
        .where(
            SalaryAggregate.n < MIN_REPORTS,
            SalaryAggregate.level == "",
            SalaryAggregate.currency == ALL_CURRENCIES,
        )
        .order_by(Career.slug, SalaryAggregate.country_code, SalaryAggregate.city)
    )
    rows = list(found)
    findings = [
        Finding(
            "below threshold",
            f"{slug}: {city or country}",
            f"n = {n} < {MIN_REPORTS}: no figure",
        )
        for slug, country, city, n in rows[:TOP]
    ]
    if len(rows) > TOP:
        findings.append(
            Finding("below threshold", "all groups", f"{len(rows)} below {MIN_REPORTS}")
        )
    return findings


async def _unmatched(session: AsyncSession) -> list[Finding]:
    """Titles the resolver would not attach (abstained), most reports first, and their share."""
    found = await session.execute(
        select(SalaryReport.job_title, func.count().label("n"))
        .where(SalaryReport.career_id.is_(None))
        .group_by(SalaryReport.job_title)
        .order_by(func.count().desc(), SalaryReport.job_title)
    )
    rows = list(found)
    if not rows:
        return []
    total = sum(n for _, n in rows)
    share = total / max(await session.scalar(select(func.count(SalaryReport.id))) or 1, 1)
    top = ", ".join(f"{title} ({n})" for title, n in rows[:TOP])
    return [
        Finding(
            "unmatched titles",
            f"{total} reports ({share:.1%}), {len(rows)} titles",
            f"kept; top: {top}",
        )
    ]


async def _weak_attachments(session: AsyncSession) -> list[Finding]:
    """The attached titles the resolver was least sure of: where a curator should look first."""
    found = await session.execute(
        select(
            SalaryReport.job_title,
            Career.slug,
            func.min(SalaryReport.title_confidence).label("confidence"),
            func.count().label("n"),
        )
        .join(Career, Career.id == SalaryReport.career_id)
        .group_by(SalaryReport.job_title, Career.slug)
        .order_by(func.min(SalaryReport.title_confidence), func.count().desc())
        .limit(TOP)
    )
    return [
        Finding(
            "weak title match",
            f"{title} → {slug}",
            f"confidence {confidence:.2f}, {n} reports" if confidence is not None else f"{n}",
        )
        for title, slug, confidence, n in found
    ]


def print_findings(console: Console, findings: list[Finding]) -> None:
    """Print the findings as one table and a count per kind."""
    table = Table(title="Salary data audit", show_lines=False)
    for column in ("finding", "about", "detail"):
        table.add_column(column, overflow="fold")
    for finding in findings:
        table.add_row(finding.kind, finding.subject, finding.detail)
    console.print(table)
    counts: dict[str, int] = defaultdict(int)
    for finding in findings:
        counts[finding.kind] += 1
    console.print(", ".join(f"{kind}: {n}" for kind, n in counts.items()) or "No findings.")
