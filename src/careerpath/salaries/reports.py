"""Pure normalisation of one salary record into a report row, or a rejection with a reason."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from careerpath.ingest.mapping import ColumnMapping
from careerpath.salaries.levels import level_of
from careerpath.salaries.normalize import (
    RejectedError,
    check_plausible,
    parse_amount,
    parse_period,
    resolve_currency,
    to_yearly,
)
from careerpath.salaries.periods import PayPeriod
from careerpath.salaries.places import Place, country_code_of, resolve_place

FIELDS = (
    "title",
    "amount",
    "currency",
    "period",
    "place",
    "country",
    "date",
    "year",
    "level",
    "employment_type",
    "remote_ratio",
)


@dataclass(frozen=True)
class SalaryProfile:
    """How to read one kind of salary file: columns and defaults, never the source."""

    mapping: ColumnMapping
    default_period: PayPeriod = PayPeriod.YEARLY


AIJOBS = SalaryProfile(
    mapping=ColumnMapping(
        columns={
            "title": ("job_title",),
            "amount": ("salary",),
            "currency": ("salary_currency",),
            # The job's place is the employer's country; the employee may live elsewhere.
            "country": ("company_location",),
            "year": ("work_year",),
            "level": ("experience_level",),
            "employment_type": ("employment_type",),
            "remote_ratio": ("remote_ratio",),
        }
    ),
)
PROFILES = {"aijobs": AIJOBS}


def default_mapping(
    delimiter: str = ",", overrides: Mapping[str, str] | None = None
) -> ColumnMapping:
    """Return a mapping where each field reads the column of its own name, bar ``overrides``."""
    columns = {name: (name,) for name in FIELDS}
    columns.update({name: (column,) for name, column in (overrides or {}).items()})
    return ColumnMapping(columns=columns, delimiter=delimiter)


@dataclass(frozen=True, slots=True)
class ReportIn:
    """A normalised report, ready to insert (career matching happens afterwards)."""

    line: int
    job_title: str
    level: str | None
    amount: Decimal
    currency: str
    currency_inferred: bool
    period: PayPeriod
    yearly_amount: Decimal
    place: Place
    raw_place: str
    reported_on: date | None
    employment_type: str | None
    remote_ratio: int | None


def _values(mapping: ColumnMapping, fields: Mapping[str, Any]) -> dict[str, str]:
    """Return each mapped field's text, blanks left out."""
    values = {}
    for name, columns in mapping.columns.items():
        raw = fields.get(columns[0]) if len(columns) == 1 else mapping.value(fields, name)
        if raw and (text := (raw if isinstance(raw, str) else str(raw)).strip()):
            values[name] = text
    return values


def normalise_record(
    line: int, fields: Mapping[str, Any], profile: SalaryProfile, usd_rates: Mapping[str, Decimal]
) -> ReportIn:
    """Normalise one record; raise ``RejectedError`` with the reason when it cannot be."""
    values = _values(profile.mapping, fields)
    get = values.get

    title = get("title")
    if not title:
        raise RejectedError("no job title")
    place, raw_place = _place(get("place"), get("country"))
    parsed = parse_amount(get("amount") or "")
    token = get("currency") or parsed.currency_token
    currency = resolve_currency(token, place.country_code)
    period = parsed.period or parse_period(get("period"), profile.default_period)
    yearly = to_yearly(parsed.amount, period)
    check_plausible(yearly, currency.code, usd_rates, period)
    return ReportIn(
        line=line,
        job_title=title[:300],
        level=level_of(get("level")),
        amount=parsed.amount,
        currency=currency.code,
        currency_inferred=currency.inferred,
        period=period,
        yearly_amount=yearly,
        place=place,
        raw_place=raw_place,
        reported_on=_date(get("date"), get("year")),
        employment_type=(get("employment_type") or None),
        remote_ratio=_remote_ratio(get("remote_ratio")),
    )


def _place(place: str | None, country: str | None) -> tuple[Place, str]:
    hint = country_code_of(country) if country else None
    if country and hint is None:
        raise RejectedError(f"unknown place {country!r}")
    if place:
        return resolve_place(place, hint), place
    if hint is None:
        raise RejectedError("no place given")
    return Place(hint, None, "country"), country or hint


def _date(text: str | None, year: str | None) -> date | None:
    try:
        if text:
            return date.fromisoformat(text.strip()[:10])
        if year:
            return date(int(year), 1, 1)
    except ValueError as exc:
        raise RejectedError(f"bad date {text or year!r}") from exc
    return None


def _remote_ratio(text: str | None) -> int | None:
    if not text:
        return None
    try:
        value = int(float(text))
    except ValueError as exc:
        raise RejectedError(f"bad remote ratio {text!r}") from exc
    if not 0 <= value <= 100:
        raise RejectedError(f"remote ratio {value} is outside 0-100")
    return value
