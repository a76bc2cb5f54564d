"""The search parameters, declared once for ``/api/v1/search`` and the ``/search`` page."""

from __future__ import annotations

from typing import Annotated, TypeAlias

from litestar.di import NamedDependency
from litestar.params import QueryParameter

from careerpath.catalog.language import reader_language
from careerpath.catalog.models import ResourceKind, ResourceLevel
from careerpath.params import AcceptLanguage, optional_number
from careerpath.search.query import EVERY_LANGUAGE, Filters, SortOrder
from careerpath.search.service import (
    MAX_PAGE_SIZE,
    MAX_QUERY_LENGTH,
    MAX_RESULT_WINDOW,
    SearchRequest,
)

Text = Annotated[str | None, QueryParameter(max_length=200)]
PriceBand = Annotated[str | None, QueryParameter(pattern="^(free|paid)$")]
SearchParams: TypeAlias = NamedDependency[SearchRequest]
Language = Annotated[
    str | None,
    QueryParameter(
        max_length=10,
        description=(
            f"Results in this language (ISO 639-1), or `{EVERY_LANGUAGE}` for every language; "
            "default: the reader's, from Accept-Language, else en. The response says how many "
            "results the other languages hold (`other_languages`)."
        ),
    ),
]


def provide_search_request(
    q: Annotated[str, QueryParameter(max_length=MAX_QUERY_LENGTH)] = "",
    kind: Annotated[ResourceKind | None, QueryParameter()] = None,
    level: Annotated[ResourceLevel | None, QueryParameter()] = None,
    price: PriceBand = None,
    max_price: Annotated[float | None, optional_number(ge=0, le=1_000_000)] = None,
    language: Language = None,
    provider: Text = None,
    topic: Text = None,
    skill: Text = None,
    sort: Annotated[SortOrder, QueryParameter()] = SortOrder.RELEVANCE,
    page: Annotated[int, QueryParameter(ge=1, le=MAX_RESULT_WINDOW)] = 1,
    page_size: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE_SIZE)] = 20,
    accept_language: AcceptLanguage = None,
) -> SearchRequest:
    """Return the search the query string asks for, in the reader's language unless told."""
    if language != EVERY_LANGUAGE:
        language = reader_language(language, accept_language)
    filters = Filters(
        kind=kind.value if kind else None,
        level=level.value if level else None,
        price=price,
        max_price=max_price,
        language=None if language == EVERY_LANGUAGE else language,
        provider=provider,
        topic=topic,
        skill=skill,
    )
    return SearchRequest(q, filters, sort, page, page_size)


def link_params(request: SearchRequest) -> dict[str, str]:
    """Return the search as query parameters (page and page size left out), for links.

    The language is always named, so a link keeps the language its page was read in.
    """
    f = request.filters
    params = {
        "q": request.q, "kind": f.kind, "level": f.level, "price": f.price,
        "max_price": None if f.max_price is None else f"{f.max_price:g}",
        "language": f.language or EVERY_LANGUAGE, "provider": f.provider, "topic": f.topic,
        "skill": f.skill,
    }  # fmt: skip
    return {k: v or "" for k, v in params.items()} | {"sort": request.sort.value}
