"""API shapes of the salaries domain."""

from __future__ import annotations

from datetime import date

import msgspec


class MoneyRead(msgspec.Struct, frozen=True):
    """An amount converted to the chosen currency at the FX table's dated rate."""

    amount: float
    currency: str
    formatted: str
    fx_as_of: date | None


class ReportSourceRead(msgspec.Struct, frozen=True):
    """A source of salary reports, named where computed figures cite its key."""

    key: str
    name: str
    url: str | None
    licence: str
    retrieved_on: date | None = None


class FigureSourceRead(msgspec.Struct, frozen=True):
    """How many of a figure's reports one source gave, and over which dates."""

    key: str
    n: int
    first_reported_on: date | None
    last_reported_on: date | None


class CurrencyCountRead(msgspec.Struct, frozen=True):
    """How many of a figure's reports were paid in one currency."""

    currency: str
    n: int


class ComputedFigureRead(msgspec.Struct, frozen=True):
    """Figures computed from salary reports for one place and level (None: all levels).

    ``city`` None is the whole country; ``rolled_up_from`` names the city whose own reports
    were too few, so the country's figure stands in. Percentiles are None below ``n`` = 5.
    ``converted`` counts the reports paid in another currency, each converted at the rate
    nearest its date; ``unconverted`` those left out for want of any rate. ``n`` counts the
    reports inside the outlier fences, ``outliers`` the rest: together, every report counted.
    """

    country_code: str
    city: str | None
    level: str | None
    currency: str
    converted: list[CurrencyCountRead]
    unconverted: list[CurrencyCountRead]
    fx_as_of: date | None
    n: int
    outliers: int
    enough: bool
    p10: float | None
    p25: float | None
    p50: float | None
    p75: float | None
    p90: float | None
    median_formatted: str | None
    rolled_up_from: str | None
    sources: list[FigureSourceRead]
    first_reported_on: date | None
    last_reported_on: date | None


class PublishedFigureRead(msgspec.Struct, frozen=True):
    """One median as one source published it."""

    amount: float
    formatted: str
    raw_amount: str
    raw_place: str
    source_key: str
    source_name: str
    observed_on: date | None
    observed_precision: str
    in_currency: MoneyRead | None = None


class CitySalariesRead(msgspec.Struct, frozen=True):
    """Every published figure for one city; ``spread`` is highest over lowest."""

    city: str
    country_code: str
    currency: str
    currency_inferred: bool
    period: str
    figures: list[PublishedFigureRead]
    spread: float
    computed: ComputedFigureRead | None = None
    computed_ratio: float | None = None
    computed_disagrees: bool = False


class CareerSalariesRead(msgspec.Struct, frozen=True):
    """Published salary figures of a career, city by city, in the order the sources list them."""

    career_slug: str
    disclaimer: str
    cities: list[CitySalariesRead]
    currency: str | None = None
    reported_in: str | None = None
    level: str | None = None
    place: str | None = None
    computed: list[ComputedFigureRead] = msgspec.field(default_factory=list)
    levels: list[ComputedFigureRead] = msgspec.field(default_factory=list)
    report_sources: list[ReportSourceRead] = msgspec.field(default_factory=list)
    min_reports: int = 5
    disagreement_factor: float = 1.5
    fx_note: str | None = None


class CareerComparisonRead(msgspec.Struct, frozen=True):
    """One career's figure at the compared place, and what the guides published there."""

    career_slug: str
    title: str
    computed: ComputedFigureRead | None
    published: list[PublishedFigureRead]


class SalaryComparisonRead(msgspec.Struct, frozen=True):
    """Several careers side by side at one place, in one currency when asked."""

    place: str
    country_code: str
    city: str | None
    currency: str | None
    level: str | None
    careers: list[CareerComparisonRead]
    fx_note: str | None = None
