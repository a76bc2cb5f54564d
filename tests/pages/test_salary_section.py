"""The computed-salary view model: which figures the page rounds and marks "≈"."""

from __future__ import annotations

from datetime import date

from careerpath.pages.salary_section import bands
from careerpath.salaries.schemas import ComputedFigureRead, CurrencyCountRead


def _figure(level: str, median: float, converted: list[CurrencyCountRead]) -> ComputedFigureRead:
    return ComputedFigureRead(
        "US", None, level, "USD", converted, [], date(2025, 6, 1), 40, 0, True,
        median * 0.7, median * 0.85, median, median * 1.15, median * 1.3,
        f"${median:,.0f}", None, [], date(2024, 1, 1), date(2025, 6, 1),
    )  # fmt: skip


def test_a_figure_counting_converted_reports_is_approximate() -> None:
    """The look load's Senior row read $155,188 beside "≈ $145,000" for all levels: its
    reports paid in CAD and GBP were converted, and the row was shown to the dollar."""
    converted = [CurrencyCountRead("CAD", 3), CurrencyCountRead("GBP", 9)]
    rows = bands([_figure("senior", 155_188, converted), _figure("executive", 194_500, [])])
    assert [row.approximate for row in rows] == [True, False]


def test_every_figure_shown_in_a_chosen_currency_is_approximate() -> None:
    rows = bands([_figure("mid", 124_800, [])], label="level", converting=True)
    assert [row.approximate for row in rows] == [True]
