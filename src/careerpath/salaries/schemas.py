"""API shapes of the salaries domain."""

from __future__ import annotations

from datetime import date

import msgspec


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


class CitySalariesRead(msgspec.Struct, frozen=True):
    """Every published figure for one city; ``spread`` is highest over lowest."""

    city: str
    country_code: str
    currency: str
    currency_inferred: bool
    period: str
    figures: list[PublishedFigureRead]
    spread: float


class CareerSalariesRead(msgspec.Struct, frozen=True):
    """Published salary figures of a career, city by city, in the order the sources list them."""

    career_slug: str
    disclaimer: str
    cities: list[CitySalariesRead]
