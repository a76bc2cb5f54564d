"""Read computed salary figures next to published ones, in one currency when asked."""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pycountry
from msgspec.structs import replace
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers.schemas import CareerRef
from careerpath.errors import InvalidInputError, NotFoundError
from careerpath.provenance.models import Source
from careerpath.salaries import fx
from careerpath.salaries.figures import (
    BASE_CURRENCY,
    COMPUTED_DISAGREEMENT_FACTOR,
    Group,
    SourceShare,
    candidates,
    convert_group,
    disagreement,
    figure_for,
    local_currency,
    own_group,
    places,
)
from careerpath.salaries.levels import LEVELS
from careerpath.salaries.models import SalaryAggregate
from careerpath.salaries.money import approximate, format_money
from careerpath.salaries.normalize import RejectedError
from careerpath.salaries.places import Place, resolve_place
from careerpath.salaries.schemas import (
    CareerComparisonRead,
    CareerSalariesRead,
    CitySalariesRead,
    ComputedFigureRead,
    CurrencyCountRead,
    FigureSourceRead,
    MoneyRead,
    ReportSourceRead,
    SalaryComparisonRead,
)
from careerpath.salaries.service import DISCLAIMER, list_published_by_city
from careerpath.salaries.stats import MIN_REPORTS


@dataclass(frozen=True, slots=True)
class SalaryQuery:
    """What the reader asked for: a display currency, a level, a place, reports paid in one
    currency only (all optional)."""

    currency: str | None = None
    level: str | None = None
    place: Place | None = None
    reported_in: str | None = None


def _currency(text: str | None) -> str | None:
    code = text.strip().upper() if text else None
    if code is not None and pycountry.currencies.get(alpha_3=code) is None:
        raise InvalidInputError(f"Unknown currency {text!r}: use an ISO 4217 code like EUR.")
    return code


def parse_query(
    currency: str | None, level: str | None, place: str | None, reported_in: str | None = None
) -> SalaryQuery:
    """Validate the query parameters; raise ``InvalidInputError`` naming the bad one."""
    code = _currency(currency)
    chosen_level = level.strip().lower() if level else None
    if chosen_level is not None and chosen_level not in LEVELS:
        raise InvalidInputError(f"Unknown level {level!r}: use one of {', '.join(LEVELS)}.")
    resolved = None
    if place:
        try:
            resolved = resolve_place(place)
        except RejectedError as exc:
            raise NotFoundError(f"{exc.reason[:1].upper()}{exc.reason[1:]}.") from exc
    return SalaryQuery(code, chosen_level, resolved, _currency(reported_in))


async def load_groups(session: AsyncSession, career_id: int) -> list[Group]:
    """Return the precomputed aggregates of a career (never computed here)."""
    rows = await session.scalars(
        select(SalaryAggregate).where(SalaryAggregate.career_id == career_id)
    )
    return [_group(row) for row in rows]


def _group(row: SalaryAggregate) -> Group:
    breakdown: dict[str, Any] = json.loads(row.breakdown or "{}")
    values = (row.p10, row.p25, row.p50, row.p75, row.p90)
    percentiles = None
    if row.n >= MIN_REPORTS and all(v is not None for v in values):
        percentiles = {
            name: float(v)
            for name, v in zip(("p10", "p25", "p50", "p75", "p90"), values, strict=True)
            if v is not None
        }
    return Group(
        country_code=row.country_code,
        city=row.city,
        level=row.level,
        currency=row.currency,
        n=row.n,
        outliers=row.outliers,
        percentiles=percentiles,
        first=row.first_reported_on,
        last=row.last_reported_on,
        sources=_shares(breakdown.get("sources", [])),
        currencies=breakdown.get("currencies", {}),
        unconverted=breakdown.get("unconverted", {}),
    )


def _shares(items: list[dict[str, Any]]) -> tuple[SourceShare, ...]:
    return tuple(
        SourceShare(
            s["key"],
            s["n"],
            date.fromisoformat(s["first"]) if s.get("first") else None,
            date.fromisoformat(s["last"]) if s.get("last") else None,
        )
        for s in items
    )


class _Converter:
    """Shows groups in the reader's currency (or the place's own) with the dated FX table."""

    def __init__(self, target: str | None, rates: dict[str, fx.Rate], groups: list[Group]) -> None:
        self.target, self.rates, self.groups = target, rates, groups
        self.missing: set[str] = set()

    def group(self, group: Group, target: str | None = None, *, shown: bool = True) -> Group:
        """Return ``group`` in ``target`` (or the reader's currency, or the place's own).

        ``shown=False`` converts for a comparison the page does not print: a missing rate
        there must not put a "no exchange rate" note above figures that need none.
        """
        target = target or self.target
        if target is None:
            if not group.merged:
                return group
            target = local_currency(self.groups, group.country_code, group.city)
        if group.merged and (own := own_group(self.groups, group, target)) is not None:
            return own
        base = BASE_CURRENCY if group.merged else group.currency
        factor = fx.convert_factor(base, target, self.rates)
        if factor is None:
            if shown:
                self.missing.add(target if target not in self.rates else base)
            if not group.merged:
                return group
            target, factor = BASE_CURRENCY, 1.0
        as_of = None if target == base else self._as_of(base, target)
        return convert_group(group, target, factor, as_of)

    def _as_of(self, base: str, target: str) -> date:
        return min(self.rates[base].as_of, self.rates[target].as_of)

    def money(self, amount: float, currency: str) -> MoneyRead | None:
        if self.target is None or currency == self.target:
            return None
        converted = fx.convert(amount, currency, self.target, self.rates)
        if converted is None:  # the published row says so itself; the note is about figures
            return None
        as_of = min(self.rates[currency].as_of, self.rates[self.target].as_of)
        shown = format_money(approximate(converted), self.target)
        return MoneyRead(converted, self.target, shown, as_of)

    def note(self) -> str | None:
        if not self.missing:
            return None
        codes = ", ".join(sorted(self.missing))
        return (
            f"No exchange rate for {codes}: those figures stay in their own currency "
            f"(figures over all currencies in {BASE_CURRENCY})."
        )


def _counts(items: Iterable[tuple[str, int]]) -> list[CurrencyCountRead]:
    return [CurrencyCountRead(code, n) for code, n in sorted(items)]


def figure_read(group: Group) -> ComputedFigureRead:
    """Return the API shape of a chosen figure."""
    p = group.percentiles or {}
    median = p.get("p50")
    return ComputedFigureRead(
        country_code=group.country_code,
        city=group.city or None,
        level=group.level or None,
        currency=group.currency,
        converted=_counts(group.converted),
        unconverted=_counts(group.unconverted.items()),
        fx_as_of=group.fx_as_of,
        n=group.n,
        outliers=group.outliers,
        enough=group.enough,
        p10=p.get("p10"),
        p25=p.get("p25"),
        p50=median,
        p75=p.get("p75"),
        p90=p.get("p90"),
        median_formatted=None if median is None else format_money(median, group.currency),
        rolled_up_from=group.rolled_up_from,
        sources=[FigureSourceRead(s.key, s.n, s.first, s.last) for s in group.sources],
        first_reported_on=group.first,
        last_reported_on=group.last,
    )


def _published_city_key(
    city: CitySalariesRead, groups: list[Group] | None = None
) -> tuple[str, str]:
    """Return the (country, gazetteer city) a published row names, as reports spell it."""
    if groups is not None and not any(
        g.city and g.country_code == city.country_code for g in groups
    ):
        # No city-level reports there: spare the page the gazetteer (seconds on first use).
        return city.country_code, city.city
    try:
        place = resolve_place(city.city, city.country_code)
    except RejectedError:
        return city.country_code, city.city
    return place.country_code, place.city or ""


def _with_computed(
    city: CitySalariesRead, groups: list[Group], level: str, convert: _Converter
) -> CitySalariesRead:
    country, name = _published_city_key(city, groups)
    chosen = figure_for(groups, country, name, level)
    figures = [replace(f, in_currency=convert.money(f.amount, city.currency)) for f in city.figures]
    ratio = None
    local = None if chosen is None else convert.group(chosen, city.currency, shown=False)
    if local is not None and local.enough and local.currency == city.currency:
        published = statistics.median(f.amount for f in city.figures)
        ratio = round(disagreement(published, (local.percentiles or {})["p50"]), 2)
    shown = None if chosen is None else figure_read(convert.group(chosen))
    return replace(
        city,
        figures=figures,
        computed=shown
        if shown is None or shown.rolled_up_from is None
        else replace(shown, rolled_up_from=city.city),
        computed_ratio=ratio,
        computed_disagrees=ratio is not None and ratio > COMPUTED_DISAGREEMENT_FACTOR,
    )


def _matches(place: Place | None, key: tuple[str, str]) -> bool:
    if place is None:
        return True
    return key[0] == place.country_code and (place.city is None or key[1] in ("", place.city))


async def career_salaries(
    session: AsyncSession, career: CareerRef, query: SalaryQuery
) -> CareerSalariesRead:
    """Return published and computed figures of a career for the page and the API."""
    everything = await load_groups(session, career.id)
    groups = candidates(everything, query.reported_in)
    convert = _Converter(query.currency, await fx.current_rates(session), everything)
    level = query.level or ""
    cities = [
        _with_computed(city, groups, level, convert)
        for city in await list_published_by_city(session, career.id)
        if query.place is None or city.country_code == query.place.country_code
    ]
    chosen = [
        figure
        for key in places(groups)
        if _matches(query.place, key) and (figure := figure_for(groups, key[0], key[1], level))
    ]
    computed = [figure_read(convert.group(g)) for g in chosen if not g.rolled_up_from]
    levels = _levels(groups, chosen[0] if chosen else None, convert)
    cited = {share.key for g in groups for share in g.sources}
    return CareerSalariesRead(
        career_slug=career.slug,
        disclaimer=DISCLAIMER,
        cities=cities,
        currency=query.currency,
        reported_in=query.reported_in,
        level=query.level,
        place=None if query.place is None else query.place.key,
        computed=computed,
        levels=levels,
        report_sources=await report_sources(session, cited),
        min_reports=MIN_REPORTS,
        disagreement_factor=COMPUTED_DISAGREEMENT_FACTOR,
        fx_note=convert.note(),
    )


def _levels(
    groups: list[Group], top: Group | None, convert: _Converter
) -> list[ComputedFigureRead]:
    if top is None:
        return []
    found = [figure_for(groups, top.country_code, top.city, level) for level in LEVELS]
    return [figure_read(convert.group(g)) for g in found if g is not None and g.level]


async def compare(
    session: AsyncSession, careers: list[CareerRef], query: SalaryQuery
) -> SalaryComparisonRead:
    """Return each career's figure at one place, side by side, in one currency when asked."""
    place = query.place
    if place is None:
        raise InvalidInputError("Name a place to compare at, e.g. place=Berlin or place=US.")
    convert = _Converter(query.currency, await fx.current_rates(session), [])
    rows = []
    for career in careers:
        convert.groups = await load_groups(session, career.id)
        groups = candidates(convert.groups, query.reported_in)
        chosen = figure_for(groups, place.country_code, place.city or "", query.level or "")
        published = [
            _with_computed(city, groups, query.level or "", convert)
            for city in await list_published_by_city(session, career.id)
            if _published_city_key(city) == (place.country_code, place.city or "")
        ]
        rows.append(
            CareerComparisonRead(
                career_slug=career.slug,
                title=career.title,
                computed=None if chosen is None else figure_read(convert.group(chosen)),
                published=[f for city in published for f in city.figures],
            )
        )
    return SalaryComparisonRead(
        place=place.key,
        country_code=place.country_code,
        city=place.city,
        currency=query.currency,
        level=query.level,
        careers=rows,
        fx_note=convert.note(),
    )


async def report_sources(session: AsyncSession, keys: set[str]) -> list[ReportSourceRead]:
    """Return the named sources behind computed figures."""
    if not keys:
        return []
    rows = await session.scalars(select(Source).where(Source.key.in_(keys)).order_by(Source.name))
    return [ReportSourceRead(s.key, s.name, s.url, s.licence, s.seen_on) for s in rows]
