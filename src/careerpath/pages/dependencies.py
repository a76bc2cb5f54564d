"""Request parameters of the career page, parsed once for its HTML and JSON forms."""

from __future__ import annotations

from dataclasses import fields
from typing import Annotated, Any, TypeAlias

from litestar.di import NamedDependency
from litestar.params import QueryParameter

from careerpath.matching.queries import RankFilters
from careerpath.pages.career import CareerPageOptions, CareerView
from careerpath.params import optional_number

CareerOptions: TypeAlias = NamedDependency[CareerPageOptions]


def provide_career_options(
    currency: Annotated[str | None, QueryParameter(max_length=3)] = None,
    level: Annotated[str | None, QueryParameter(max_length=20)] = None,
    free: Annotated[bool, QueryParameter()] = False,
    m_level: Annotated[str | None, QueryParameter(max_length=20)] = None,
    max_hours: Annotated[float | None, optional_number(gt=0, le=10_000)] = None,
) -> CareerPageOptions:
    """Return the reader's salary currency and level and the resource filters."""
    return CareerPageOptions(currency, level, RankFilters(free, m_level, max_hours))


def career_context(view: CareerView) -> dict[str, Any]:
    """Return the career template's context: one name per section of the view."""
    context = {f.name: getattr(view, f.name) for f in fields(view)}
    context["career_id"] = view.page.career.id
    return context
