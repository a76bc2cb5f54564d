"""The career page as a request dependency: parameters parsed once, one view for HTML and JSON."""

from __future__ import annotations

from dataclasses import fields
from typing import Annotated, Any, TypeAlias

from litestar.di import NamedDependency
from litestar.params import QueryParameter

from careerpath.careers.dependencies import CurrentCareer
from careerpath.catalog.language import reader_language
from careerpath.dependencies import AppSettings, DbSession, DocCache
from careerpath.matching.queries import RankFilters
from careerpath.pages.career import CareerPageOptions, CareerView, career_view
from careerpath.params import AcceptLanguage, PageLanguage, optional_number

CareerOptions: TypeAlias = NamedDependency[CareerPageOptions]
CareerPage: TypeAlias = NamedDependency[CareerView]


def provide_career_options(
    currency: Annotated[str | None, QueryParameter(max_length=3)] = None,
    level: Annotated[str | None, QueryParameter(max_length=20)] = None,
    free: Annotated[bool, QueryParameter()] = False,
    m_level: Annotated[str | None, QueryParameter(max_length=20)] = None,
    max_hours: Annotated[float | None, optional_number(gt=0, le=10_000)] = None,
    lang: PageLanguage = None,
    cert_price: Annotated[
        str, QueryParameter(max_length=10, description="Certifications: any, 300, 100, free")
    ] = "any",
    accept_language: AcceptLanguage = None,
) -> CareerPageOptions:
    """Return the reader's salary currency and level and the resource filters."""
    language = reader_language(lang, accept_language)
    filters = RankFilters(free, m_level, max_hours, language)
    return CareerPageOptions(currency, level, filters, cert_price)


async def provide_career_page(
    session: DbSession,
    cache: DocCache,
    settings: AppSettings,
    career: CurrentCareer,
    page_options: CareerOptions,
) -> CareerView:
    """Build the career page the request names, for its HTML and JSON forms alike."""
    return await career_view(session, cache, career, page_options, settings.public_url)


def career_context(view: CareerView) -> dict[str, Any]:
    """Return the career template's context: one name per section of the view."""
    context = {f.name: getattr(view, f.name) for f in fields(view)}
    context["career_id"] = view.page.career.id
    return context
