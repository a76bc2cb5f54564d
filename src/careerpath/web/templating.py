"""Jinja environment: filters the templates use for money, dates and reading time."""

from __future__ import annotations

from datetime import date

from litestar.plugins.jinja import JinjaTemplateEngine

from careerpath.pages.person_titles import person_title
from careerpath.salaries import money
from careerpath.search.prose import unglue


def format_date(value: date | None, precision: str = "day") -> str:
    """Write a date as people read it, or only its year when that is all the source gave."""
    if value is None:
        return "undated"
    return str(value.year) if precision == "year" else value.strftime("%-d %b %Y")


def rounded(amount: float, approximate: object = True) -> float:
    """Round a converted amount to three significant figures when ``approximate`` holds."""
    return money.approximate(amount) if approximate else amount


def configure_environment(engine: JinjaTemplateEngine) -> None:
    """Register the filters and switch on autoescaping and whitespace trimming."""
    env = engine.engine
    env.autoescape = True
    env.trim_blocks = True
    env.lstrip_blocks = True
    env.filters["money"] = money.format_money
    env.filters["rounded"] = rounded
    env.filters["nice_date"] = format_date
    env.filters["prose"] = unglue
    env.filters["person"] = person_title
