"""The view model of a career page's computed-salary section: bands, levels, switchers."""

from __future__ import annotations

from dataclasses import dataclass, field

from babel import Locale

from careerpath.salaries.levels import LEVELS
from careerpath.salaries.schemas import CareerSalariesRead, ComputedFigureRead

FIGURES_SHOWN_FIRST = 3
# A ladder read from salary reports needs at least two levels with enough reports.
MIN_LADDER_LEVELS = 2
# How each salary level names a rung of that ladder ("Senior Software Developer").
RUNGS = {"entry": "Entry-level", "mid": "Mid-level", "senior": "Senior", "executive": "Executive"}
# Currencies offered by the switcher, besides each place's own; any ISO code works in the URL.
SWITCHER_CURRENCIES = ("USD", "EUR", "GBP", "INR", "CAD")


@dataclass(frozen=True)
class BandRow:
    """One computed figure with its box plot's geometry (0-100 units).

    Whiskers from p10 to p90, a box from p25 to p75, a line at the median.
    """

    figure: ComputedFigureRead
    label: str
    # Rounded and marked "≈": converted into the reader's currency, or counting reports paid
    # in another (the rate is not that precise).
    approximate: bool = False
    band_x: float = 0.0
    band_width: float = 0.0
    median_x: float = 0.0
    p10_x: float = 0.0
    p90_x: float = 0.0


@dataclass(frozen=True)
class Choice:
    """A switcher link: its label, its query string, and whether it is the current one."""

    label: str
    href: str
    current: bool


@dataclass
class SalarySection:
    """Everything the computed-salary section renders."""

    first: list[BandRow]
    rest: list[BandRow]
    levels: list[BandRow]
    currencies: list[Choice] = field(default_factory=list)
    levels_choices: list[Choice] = field(default_factory=list)
    levels_place: str = ""
    fx_note: str | None = None
    min_reports: int = 5
    disagreement_factor: float = 1.5
    source_names: dict[str, str] = field(default_factory=dict)
    # Figures converted into the reader's currency are rounded: the rate is not that precise.
    approximate: bool = False
    # Levels with enough reports, for careers whose ladder nobody wrote (O*NET occupations).
    ladder: list[BandRow] = field(default_factory=list)
    rungs: dict[str, str] = field(default_factory=lambda: dict(RUNGS))


def place_label(figure: ComputedFigureRead) -> str:
    """Return "Bengaluru, India" or "United States" for a figure's place."""
    country = Locale.parse("en").territories.get(figure.country_code, figure.country_code)
    return f"{figure.city}, {country}" if figure.city else country


def bands(
    figures: list[ComputedFigureRead], label: str | None = None, *, converting: bool = False
) -> list[BandRow]:
    """Return each figure with its box plot's geometry, on one scale per currency, and
    whether it is approximate (``converting``: all are shown in a currency the reader chose)."""
    # Bars compare only within one currency: each currency gets its own scale.
    tops: dict[str, float] = {}
    for f in figures:
        if f.p90 is not None:
            tops[f.currency] = max(tops.get(f.currency, 0.0), f.p90)
    rows = []
    for f in figures:
        name = place_label(f) if label is None else (f.level or "all").title()
        top = tops.get(f.currency)
        approximate = converting or bool(f.converted)
        if f.p25 is None or f.p50 is None or f.p75 is None or not top:
            rows.append(BandRow(f, name, approximate))
            continue
        rows.append(
            BandRow(
                f,
                name,
                approximate,
                band_x=round(100 * f.p25 / top, 1),
                band_width=round(100 * (f.p75 - f.p25) / top, 1),
                median_x=round(100 * f.p50 / top, 1),
                p10_x=round(100 * (f.p10 if f.p10 is not None else f.p25) / top, 1),
                p90_x=round(100 * (f.p90 if f.p90 is not None else f.p75) / top, 1),
            )
        )
    return rows


def _href(slug: str, currency: str | None, level: str | None) -> str:
    params = [f"{k}={v}" for k, v in (("currency", currency), ("level", level)) if v]
    return f"/careers/{slug}" + ("?" + "&".join(params) if params else "") + "#salaries"


def build_salary_section(data: CareerSalariesRead) -> SalarySection:
    """Arrange computed figures, the per-level chart and the switchers for the page."""
    slug, currency, level = data.career_slug, data.currency, data.level
    rows = bands(data.computed, converting=currency is not None)
    currencies = [Choice("Local", _href(slug, None, level), currency is None)]
    currencies += [Choice(c, _href(slug, c, level), currency == c) for c in SWITCHER_CURRENCIES]
    levels = [Choice("All levels", _href(slug, currency, None), level is None)]
    levels += [Choice(lv.title(), _href(slug, currency, lv), level == lv) for lv in LEVELS]
    levels_rows = bands(data.levels, label="level", converting=currency is not None)
    enough = [row for row in levels_rows if row.figure.enough]
    return SalarySection(
        first=rows[:FIGURES_SHOWN_FIRST],
        rest=rows[FIGURES_SHOWN_FIRST:],
        levels=levels_rows,
        ladder=enough if len(enough) >= MIN_LADDER_LEVELS else [],
        levels_place=place_label(data.levels[0]) if data.levels else "",
        currencies=currencies,
        levels_choices=levels,
        fx_note=data.fx_note,
        min_reports=data.min_reports,
        disagreement_factor=data.disagreement_factor,
        source_names={source.key: source.name for source in data.report_sources},
        approximate=currency is not None,
    )
