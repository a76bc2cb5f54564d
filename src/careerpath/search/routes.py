"""REST API of search: /api/v1/search, /api/v1/suggest and browsing by /api/v1/topics."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get
from litestar.params import PathParameter, QueryParameter

from careerpath.catalog.language import reader_language
from careerpath.catalog.schemas import TopicTree
from careerpath.dependencies import AppSettings, DbSession
from careerpath.params import AcceptLanguage
from careerpath.search import service, topics
from careerpath.search.dependencies import Language, SearchParams
from careerpath.search.query import EVERY_LANGUAGE
from careerpath.search.schemas import SearchResponse, SuggestResponse
from careerpath.search.service import MAX_PAGE_SIZE, MAX_QUERY_LENGTH, MAX_RESULT_WINDOW


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
            "Results are in the reader's language (`language`, else Accept-Language, else en; "
            "`language=any` keeps every language). "
            "Facet counts are those of the current results (the language facet's, of the same "
            "search in every language); above 10,000 results they are "
            "estimated from a fixed 1-in-16 sample of documents (`facets_sampled` is true)."
        ),
    )
    async def search(
        self, session: DbSession, settings: AppSettings, search_request: SearchParams
    ) -> SearchResponse:
        """Return one page of matching resources with highlights and facet counts."""
        request = search_request
        result = await service.search(session, settings.var_dir, request)
        return SearchResponse(
            query=request.q,
            sort=request.sort.value,
            total=result.total,
            page=result.page,
            page_size=result.page_size,
            max_page=result.max_page,
            max_result_window=MAX_RESULT_WINDOW,
            items=result.items,
            facets=result.facets,
            facets_sampled=result.facets_sampled,
            language=request.filters.language,
            other_languages=result.other_languages,
        )

    @get(
        "/suggest",
        summary="Complete a search",
        description=(
            "The best few titles for `q`, in the reader's language as `/search` chooses it "
            "(`language`, else Accept-Language, else en; `language=any` for every language)."
        ),
    )
    async def suggest(
        self,
        session: DbSession,
        settings: AppSettings,
        q: Annotated[str, QueryParameter(min_length=1, max_length=MAX_QUERY_LENGTH)],
        language: Language = None,
        accept_language: AcceptLanguage = None,
    ) -> SuggestResponse:
        """Return completions for what has been typed so far."""
        chosen = None if language == EVERY_LANGUAGE else reader_language(language, accept_language)
        items = await service.suggest(session, settings.var_dir, q, chosen)
        return SuggestResponse(query=q, items=items)


class TopicController(Controller):
    """Browse the catalog by topic."""

    path = "/api/v1/topics"
    tags = ["catalog"]  # noqa: RUF012

    @get("/", summary="The topic tree", description="Counts include subtopics.")
    async def list_topics(self, session: DbSession, settings: AppSettings) -> TopicTree:
        """Return every topic with its resource count, as a tree."""
        return await topics.read_topic_tree(session, settings.var_dir)

    @get("/{slug:str}", summary="Get a topic")
    async def get_topic(
        self,
        session: DbSession,
        settings: AppSettings,
        slug: Annotated[str, PathParameter(max_length=200)],
        lang: Annotated[
            str | None,
            QueryParameter(
                max_length=10,
                description="Language of the best rated (ISO 639-1); default: "
                "Accept-Language, else en.",
            ),
        ] = None,
        accept_language: AcceptLanguage = None,
    ) -> topics.TopicRead:
        """Return a topic, its subtopics with counts and its best rated in the reader's language."""
        language = reader_language(lang, accept_language)
        return await topics.read_topic(session, settings.var_dir, slug, language)
