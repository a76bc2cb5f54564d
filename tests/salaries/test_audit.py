"""The audit finds the seed pages' oddities and the reports' weak spots."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.salaries.audit import run_audit
from careerpath.salaries.ingest import ingest_file
from careerpath.salaries.reports import AIJOBS, SalaryProfile, default_mapping
from tests.salaries.factories import report_source
from tests.salaries.test_computed import REPORTS
from tests.salaries.test_ingest import aijobs_sample


async def test_seed_oddities_are_found(session: AsyncSession) -> None:
    findings = await run_audit(session)
    by_kind: dict[str, list[str]] = {}
    for finding in findings:
        by_kind.setdefault(finding.kind, []).append(f"{finding.subject} | {finding.detail}")
    duplicates = by_kind["duplicate place"]
    assert len(duplicates) == 1
    assert "Bengaluru" in duplicates[0]
    assert "seed-page-backend-engineer" in duplicates[0]
    assert "₹1,868,000" in duplicates[0]
    assert any("'Bengalaru' → Bengaluru, IN" in f for f in by_kind["resolved misspelling"])
    assert any(f.startswith("Toronto") and "CAD" in f for f in by_kind["inferred currency"])
    conflicts = " ".join(by_kind["conflicting published figures"])
    assert "Shanghai" in conflicts
    assert "Bengaluru" in conflicts
    assert "New York" not in conflicts  # 200,000 / 145,000 is within the 1.5x factor


async def test_report_findings_after_an_import(session: AsyncSession, tmp_path: Path) -> None:
    source = report_source("aijobs-audit-test")
    await ingest_file(session, aijobs_sample(tmp_path), AIJOBS, source)
    kinds = {finding.kind for finding in await run_audit(session)}
    assert {"outliers", "below threshold", "unmatched titles"} <= kinds


async def test_published_vs_computed_disagreement(session: AsyncSession, tmp_path: Path) -> None:
    path = tmp_path / "ny.csv"
    path.write_text(REPORTS, encoding="utf-8")
    await ingest_file(session, path, SalaryProfile(default_mapping()), report_source("ny"))
    findings = [f for f in await run_audit(session) if f.kind == "published vs computed"]
    new_york = next(f for f in findings if f.subject == "back-end-engineer: New York")
    assert "2.51x" in new_york.detail
    assert "n = 6" in new_york.detail


async def test_findings_about_sources(session: AsyncSession, tmp_path: Path) -> None:
    sample = aijobs_sample(tmp_path)
    lines = sample.read_text(encoding="utf-8").splitlines(keepends=True)
    second = tmp_path / "second.csv"
    # Every other row of the first index, and two rows no index would accept.
    bad = "2024,SE,FT,Data Engineer,lots,USD,0,US,0,US,M\n2024,SE,FT,,90000,USD,0,US,0,US,M\n"
    second.write_text("".join([lines[0], *lines[1::2], bad]), encoding="utf-8")
    await ingest_file(session, sample, AIJOBS, report_source("index-a-test"))
    await ingest_file(session, second, AIJOBS, report_source("index-b-test"))
    findings: dict[str, list[str]] = {}
    for finding in await run_audit(session):
        findings.setdefault(finding.kind, []).append(f"{finding.subject} | {finding.detail}")
    totals = " ".join(findings["source totals"])
    assert "index-a-test | 3,000 reports" in totals
    assert f"index-b-test | {len(lines[1::2]):,} reports" in totals
    rejected = " ".join(findings["rejected rows"])
    assert "index-b-test: second.csv | " in rejected
    assert "unparseable amount: 1" in rejected and "no job title: 1" in rejected
    pair = next(
        f for f in findings["cross-source near-duplicates"] if "index-a-test and index-b-test" in f
    )
    # Every row of the second index equals one of the first: each is a finding, none dropped.
    assert f"| {len(lines[1::2]):,} reports agree" in pair
    assert "all kept, review" in pair
