"""Salary API: computed figures from real reports next to the published ones, both databases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import TestClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers.models import Career
from careerpath.salaries.ingest import ingest_file
from careerpath.salaries.models import SalaryReport
from careerpath.salaries.reports import AIJOBS
from careerpath.salaries.sources import AIJOBS_SOURCE
from tests.conftest import run_async
from tests.salaries.test_ingest import aijobs_sample, attached_titles, expected_us_figures

Client = TestClient[Litestar]


@pytest.fixture(scope="module")
def sample(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real aijobs sample, ingested into the app's database (idempotent)."""
    path = aijobs_sample(tmp_path_factory.mktemp("aijobs"))
    run_async(lambda session: ingest_file(session, path, AIJOBS, AIJOBS_SOURCE), database_url)
    return path


def computed(client: Client, url: str) -> dict[str, Any]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def us_figure(body: dict[str, Any]) -> dict[str, Any]:
    return next(f for f in body["computed"] if f["country_code"] == "US" and f["city"] is None)


def data_engineer_titles(sample: Path, database_url: str) -> set[str]:
    async def titles(session: AsyncSession) -> set[str]:
        career_id = await session.scalar(select(Career.id).where(Career.slug == "data-engineer"))
        assert career_id is not None
        return await attached_titles(session, sample, career_id)

    found: set[str] = run_async(titles, database_url)
    assert "Data Engineer" in found
    return found


def test_computed_country_figures_with_n_and_sources(
    client: Client, sample: Path, database_url: str
) -> None:
    figure = us_figure(computed(client, "/api/v1/careers/data-engineer/salaries"))
    n, median = expected_us_figures(sample, data_engineer_titles(sample, database_url))
    assert (figure["n"], figure["p50"], figure["currency"]) == (n, median, "USD")
    assert figure["p10"] <= figure["p25"] <= figure["p50"] <= figure["p75"] <= figure["p90"]
    assert [s["key"] for s in figure["sources"]] == ["aijobs-salaries"]
    assert sum(s["n"] for s in figure["sources"]) == figure["n"]
    body = computed(client, "/api/v1/careers/data-engineer/salaries")
    named = {s["key"]: s for s in body["report_sources"]}
    assert named["aijobs-salaries"]["licence"] == "CC0 1.0"
    assert figure["first_reported_on"] <= figure["last_reported_on"]


def test_one_chosen_currency(client: Client, sample: Path) -> None:
    usd = us_figure(computed(client, "/api/v1/careers/data-engineer/salaries"))
    eur = us_figure(computed(client, "/api/v1/careers/data-engineer/salaries?currency=eur"))
    assert eur["currency"] == "EUR"
    assert {c["currency"] for c in eur["converted"]} >= {"USD"}
    assert eur["fx_as_of"] is not None
    assert eur["p50"] < usd["p50"]  # a euro buys more than a dollar in the shipped table
    assert "€" in eur["median_formatted"]


def test_level_filter(client: Client, sample: Path) -> None:
    body = computed(client, "/api/v1/careers/data-engineer/salaries?level=senior")
    assert body["computed"]
    assert {f["level"] for f in body["computed"]} == {"senior"}
    everything = computed(client, "/api/v1/careers/data-engineer/salaries")
    assert {f["level"] for f in everything["levels"]} <= {"entry", "mid", "senior", "executive"}


def test_place_filter_and_not_enough_data(client: Client, sample: Path) -> None:
    body = computed(client, "/api/v1/careers/data-engineer/salaries?place=United%20States")
    assert {f["country_code"] for f in body["computed"]} == {"US"}
    thin = [f for f in body["levels"] if not f["enough"]]
    assert all(f["p50"] is None and f["n"] < 5 for f in thin)


def test_published_figures_stay_beside_computed_ones(client: Client, sample: Path) -> None:
    body = computed(client, "/api/v1/careers/back-end-engineer/salaries?currency=USD")
    cities = {c["city"]: c for c in body["cities"]}
    assert len(cities["Bengaluru"]["figures"]) == 4
    assert body["disagreement_factor"] == 1.5
    for city in body["cities"]:
        ratio = city["computed_ratio"]
        assert city["computed_disagrees"] == (ratio is not None and ratio > 1.5)
    london = cities["London"]["figures"][0]["in_currency"]
    assert london["currency"] == "USD"
    assert london["amount"] > 91000  # a pound buys more than a dollar


@pytest.mark.parametrize(
    ("query", "status"),
    [("currency=XYZ", 422), ("level=wizard", 422), ("place=Qwertzuiop", 404)],
)
def test_bad_parameters_are_problems(client: Client, query: str, status: int) -> None:
    response = client.get(f"/api/v1/careers/data-engineer/salaries?{query}")
    assert response.status_code == status
    problem = response.json()
    assert problem["status"] == response.status_code
    assert problem["detail"]


def test_compare_careers_at_one_place(client: Client, sample: Path) -> None:
    body = computed(
        client, "/api/v1/salaries/compare?careers=data-engineer,back-end-engineer&place=US"
    )
    rows = {r["career_slug"]: r for r in body["careers"]}
    assert rows.keys() == {"data-engineer", "back-end-engineer"}
    assert rows["data-engineer"]["computed"]["n"] >= 5


def test_compare_needs_known_careers(client: Client) -> None:
    response = client.get("/api/v1/salaries/compare?careers=no-such-career&place=US")
    assert response.status_code == 404
    assert response.json()["title"]


def stored_by_country(database_url: str, slug: str) -> dict[str, int]:
    """Stored reports of a career per country, straight from the table."""

    async def count(session: AsyncSession) -> dict[str, int]:
        found = await session.execute(
            select(SalaryReport.country_code, func.count())
            .join(Career, Career.id == SalaryReport.career_id)
            .where(Career.slug == slug)
            .group_by(SalaryReport.country_code)
        )
        return {str(country): int(n) for country, n in found}

    result: dict[str, int] = run_async(count, database_url)
    return result


@pytest.mark.parametrize("slug", ["data-engineer", "engineering-manager", "back-end-engineer"])
def test_reader_currency_counts_every_report_once(
    client: Client, sample: Path, database_url: str, slug: str
) -> None:
    body = computed(client, f"/api/v1/careers/{slug}/salaries?currency=USD")
    countries = [f for f in body["computed"] if f["city"] is None]
    stored = stored_by_country(database_url, slug)
    assert {f["country_code"] for f in countries} == stored.keys()
    for figure in countries:
        assert figure["currency"] == "USD"
        # n counts the reports inside the outlier fences; with the outliers, every report.
        assert figure["n"] + figure["outliers"] == stored[figure["country_code"]]
        assert sum(s["n"] for s in figure["sources"]) == figure["n"]
        assert all(c["currency"] != "USD" for c in figure["converted"])


def test_reports_in_other_currencies_are_converted_not_dropped(
    client: Client, sample: Path
) -> None:
    body = computed(client, "/api/v1/careers/data-engineer/salaries?currency=USD")
    converted = {
        f["country_code"]: {c["currency"]: c["n"] for c in f["converted"]}
        for f in body["computed"]
        if f["city"] is None and f["converted"]
    }
    assert converted  # e.g. GBP reports in GB, EUR in Europe: counted, in dollars


def test_own_currency_stays_a_filter(client: Client, sample: Path) -> None:
    everything = us_figure(computed(client, "/api/v1/careers/data-engineer/salaries"))
    in_dollars = computed(client, "/api/v1/careers/data-engineer/salaries?reported_in=USD")
    paid_in_usd = us_figure(in_dollars)
    assert in_dollars["reported_in"] == "USD"
    assert paid_in_usd["converted"] == []
    assert paid_in_usd["n"] + paid_in_usd["outliers"] <= everything["n"] + everything["outliers"]
    gb = [f for f in in_dollars["computed"] if f["country_code"] == "GB"]
    assert all(f["currency"] == "USD" for f in gb)
