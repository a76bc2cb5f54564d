"""Published city rows meet the reports of the same city, however each spells it."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers import service as careers_service
from careerpath.salaries.computed import SalaryQuery, career_salaries
from careerpath.salaries.ingest import ingest_file
from careerpath.salaries.reports import SalaryProfile, default_mapping
from tests.salaries.factories import report_source

REPORTS = (
    "title,amount,currency,place,date\n"
    + "".join(
        f'Backend Engineer,{amount},USD,"New York, NY, US",2025-0{month}-01\n'
        for month, amount in enumerate([400000, 410000, 420000, 430000, 440000, 450000], start=1)
    )
    + "Backend Engineer,₹30 lakh,,Bangalore,2025-01-01\n"
)


async def test_city_reports_meet_published_city(session: AsyncSession, tmp_path: Path) -> None:
    path = tmp_path / "ny.csv"
    path.write_text(REPORTS, encoding="utf-8")
    profile = SalaryProfile(default_mapping())
    result = await ingest_file(session, path, profile, report_source("ny-test"))
    assert result.report.rejected == 0
    found = await careers_service.lookup_slug(session, "back-end-engineer")
    body = await career_salaries(session, found.career, SalaryQuery())
    cities = {c.city: c for c in body.cities}
    new_york = cities["New York"].computed
    assert new_york is not None
    assert (new_york.city, new_york.n, new_york.p50) == ("New York City", 6, 425000.0)
    assert new_york.rolled_up_from is None
    # Published median 169,000 against a computed 425,000: flagged beyond 1.5x.
    assert cities["New York"].computed_disagrees
    assert cities["New York"].computed_ratio == round(425000 / 169000, 2)
    bengaluru = cities["Bengaluru"].computed
    assert bengaluru is not None
    assert (bengaluru.city, bengaluru.n, bengaluru.enough) == ("Bengaluru", 1, False)
