"""REST API of search: /api/v1/search and /api/v1/suggest."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get
from litestar.params import QueryParameter

from careerpath.catalog.models import ResourceKind, ResourceLevel
from careerpath.dependencies import AppSettings, DbSession
from careerpath.params import optional_number
from careerpath.search import service
from careerpath.search.query import Filters, SortOrder
from careerpath.search.schemas import SearchResponse, SuggestResponse
from careerpath.search.service import MAX_PAGE_SIZE, MAX_QUERY_LENGTH, MAX_RESULT_WINDOW

Text = Annotated[str | None, QueryParameter(max_length=200)]
PriceBand = Annotated[str | None, QueryParameter(pattern="^(free|paid)$")]


class SearchController(Controller):
    """Full-text search over courses and books, with facets."""

    path = "/api/v1"
    tags = ["search"]  # noqa: RUF012

    @get(
        "/search",
        summary="Search courses and books",
        description=(
            f"Words match titles (boosted), skills, authors, providers and descriptions, with one "
            f"typo allowed on words of 5+ letters and the last word completed as a prefix. "
            f"`q` is at most {MAX_QUERY_LENGTH} characters, `page_size` at most {MAX_PAGE_SIZE}, "
            f"and only the first {MAX_RESULT_WINDOW} results can be paged through (422 beyond). "
            "Facet counts are those of the current results; above 10,000 results they are "
            "estimated from a fixed 1-in-16 sample of documents (`facets_sampled` is true)."
        ),
    )
    async def search(
        self,
        session: DbSession,
        settings: AppSettings,
        q: Annotated[str, QueryParameter(max_length=MAX_QUERY_LENGTH)] = "",
        kind: Annotated[ResourceKind | None, QueryParameter()] = None,
        level: Annotated[ResourceLevel | None, QueryParameter()] = None,
        price: PriceBand = None,
        max_price: Annotated[float | None, optional_number(ge=0, le=1_000_000)] = None,
        language: Text = None,
        provider: Text = None,
        topic: Text = None,
        skill: Text = None,
        sort: Annotated[SortOrder, QueryParameter()] = SortOrder.RELEVANCE,
        page: Annotated[int, QueryParameter(ge=1, le=MAX_RESULT_WINDOW)] = 1,
        page_size: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE_SIZE)] = 20,
    ) -> SearchResponse:
        """Return one page of matching resources with highlights and facet counts."""
        filters = Filters(
            kind=kind.value if kind else None,
            level=level.value if level else None,
            price=price,
            max_price=max_price,
            language=language,
            provider=provider,
            topic=topic,
            skill=skill,
        )
        request = service.SearchRequest(q, filters, sort, page, page_size)
        result = await service.search(session, settings.var_dir, request)
        return SearchResponse(
            query=q,
            sort=sort.value,
            total=result.total,
            page=result.page,
            page_size=result.page_size,
            max_page=result.max_page,
            max_result_window=MAX_RESULT_WINDOW,
            items=result.items,
            facets=result.facets,
            facets_sampled=result.facets_sampled,
        )

    @get("/suggest", summary="Complete a search", description="The best few titles for `q`.")
    async def suggest(
        self,
        session: DbSession,
        settings: AppSettings,
        q: Annotated[str, QueryParameter(min_length=1, max_length=MAX_QUERY_LENGTH)],
    ) -> SuggestResponse:
        """Return completions for what has been typed so far."""
        items = await service.suggest(session, settings.var_dir, q)
        return SuggestResponse(query=q, items=items)
