"""Seeded synthetic salary reports shaped like the aijobs.net file (country-level, US-heavy).

Shape taken from ../shared/data/salaries-aijobs/SOURCE.md: 290 titles with a steep head (Data
Scientist 16%, Data Engineer 13%, ...), 86 countries with the US at 90%, levels EN/MI/SE/EX,
USD for most reports, yearly amounts around a 147,500 USD median, years 2020-2025 with 2024
dominating. Deterministic for a given seed.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from careerpath.salaries.grouping import ReportColumns

TITLES = 290
COUNTRIES = 86
LEVELS = ("EN", "MI", "SE", "EX")
LEVEL_SHARES = (0.08, 0.22, 0.62, 0.08)
LEVEL_FACTORS = (0.65, 0.85, 1.0, 1.3)
YEARS = (2020, 2021, 2022, 2023, 2024, 2025)
YEAR_SHARES = (0.001, 0.003, 0.022, 0.115, 0.837, 0.022)
HEAD_TITLES = [
    "Data Scientist",
    "Data Engineer",
    "Software Engineer",
    "Data Analyst",
    "Machine Learning Engineer",
    "Backend Engineer",
    "Research Scientist",
]
COUNTRY_CODES = ["US", "GB", "CA", "DE", "FR", "ES", "IN", "NL", "AU", "PL"]
CURRENCY_OF = {
    "US": "USD",
    "GB": "GBP",
    "CA": "CAD",
    "DE": "EUR",
    "FR": "EUR",
    "ES": "EUR",
    "IN": "INR",
    "NL": "EUR",
    "AU": "AUD",
    "PL": "PLN",
}
USD_PER_UNIT = {
    "USD": 1.0,
    "GBP": 1.25,
    "CAD": 0.74,
    "EUR": 1.08,
    "INR": 0.012,
    "AUD": 0.66,
    "PLN": 0.25,
}


def _title_weights() -> NDArray[np.float64]:
    weights = 1.0 / np.arange(1, TITLES + 1) ** 1.1
    return weights / weights.sum()


def _country_weights() -> NDArray[np.float64]:
    weights = np.full(COUNTRIES, 0.10 / (COUNTRIES - 1))
    weights[0] = 0.90
    return weights / weights.sum()


def generate(n: int, seed: int = 20250119) -> dict[str, NDArray[np.int64] | NDArray[np.float64]]:
    """Return ``n`` reports as columns: title, country, level (1-4), currency, day, amount."""
    rng = np.random.default_rng(seed)
    title = rng.choice(TITLES, size=n, p=_title_weights()) + 1
    country = rng.choice(COUNTRIES, size=n, p=_country_weights()) + 1
    level = rng.choice(4, size=n, p=LEVEL_SHARES) + 1
    local = rng.random(n) < np.where(country == 1, 0.0, 0.6)
    currency = np.where(local, country, 1)  # currency code = the country's code, 1 = USD
    year = rng.choice(YEARS, size=n, p=YEAR_SHARES)
    day = np.array([date(int(y), 1, 1).toordinal() for y in YEARS])[np.searchsorted(YEARS, year)]
    usd = np.exp(rng.normal(np.log(147_500), 0.45, size=n)) * np.array(LEVEL_FACTORS)[level - 1]
    amount = np.round(usd, -2)
    return {
        "career": title.astype(np.int64),
        "country": country.astype(np.int64),
        "level": level.astype(np.int64),
        "currency": currency.astype(np.int64),
        "day": day.astype(np.int64),
        "amount": amount.astype(np.float64),
    }


def as_report_columns(data: dict[str, NDArray[np.int64] | NDArray[np.float64]]) -> ReportColumns:
    """Return the generated columns in the aggregation's input shape (no cities, one source)."""
    n = len(data["amount"])
    ints = {k: data[k].astype(np.int64) for k in ("career", "country", "level", "currency", "day")}
    return ReportColumns(
        city=np.zeros(n, dtype=np.int64),
        source=np.ones(n, dtype=np.int64),
        amount=data["amount"].astype(np.float64),
        origin=ints["currency"],
        **ints,
    )


def write_aijobs_csv(path: Path, n: int, seed: int = 20250119) -> None:
    """Write ``n`` synthetic rows with the aijobs.net columns, for ingestion benchmarks."""
    data = generate(n, seed)
    titles = HEAD_TITLES + [f"Data Role {i}" for i in range(TITLES - len(HEAD_TITLES))]
    # The long tail of countries folds onto the ten biggest: every code must be a real one.
    codes = COUNTRY_CODES
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "work_year",
                "experience_level",
                "employment_type",
                "job_title",
                "salary",
                "salary_currency",
                "salary_in_usd",
                "employee_residence",
                "remote_ratio",
                "company_location",
                "company_size",
            ]
        )
        for i in range(n):
            country = codes[min(int(data["country"][i]) - 1, len(COUNTRY_CODES) - 1)]
            currency = "USD" if data["currency"][i] == 1 else CURRENCY_OF[country]
            usd = float(data["amount"][i])
            local = round(usd / USD_PER_UNIT[currency], -2)
            writer.writerow(
                [
                    date.fromordinal(int(data["day"][i])).year,
                    LEVELS[int(data["level"][i]) - 1],
                    "FT",
                    titles[int(data["career"][i]) - 1],
                    int(local),
                    currency,
                    int(usd),
                    country,
                    0,
                    country,
                    "M",
                ]
            )
