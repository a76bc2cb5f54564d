"""Pages of the catalog: /search, a page per course and book, and the topic pages."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from litestar import Controller, Request, get
from litestar.params import PathParameter
from litestar.response import Template

from careerpath.catalog import service as catalog_service
from careerpath.catalog.language import language_name, reader_language
from careerpath.catalog.models import ResourceKind
from careerpath.dependencies import AppSettings, DbSession
from careerpath.params import AcceptLanguage, PageLanguage, RowId
from careerpath.search import service as search_service
from careerpath.search import topics
from careerpath.search.dependencies import SearchParams, link_params
from careerpath.search.query import EVERY_LANGUAGE, SortOrder
from careerpath.web.saving import save_choices

FACET_TITLES = {
    "kind": "Type",
    "price": "Price",
    "level": "Level",
    "language": "Language",
    "topic": "Topic",
    "skill": "Skill",
    "provider": "Provider",
}


def _link(params: dict[str, str], **changes: str | None) -> str:
    merged = {**params, **changes}
    if "page" not in changes:
        merged.pop("page", None)
    return "/search?" + urlencode({k: v for k, v in merged.items() if v})


def facet_sidebar(params: dict[str, str], facets: dict[str, Any]) -> list[dict[str, Any]]:
    """Return each facet's values with the link that applies (or removes) it."""
    sidebar = []
    for name, title in FACET_TITLES.items():
        # Without a language the search keeps the reader's: removing it means every language.
        removed = EVERY_LANGUAGE if name == "language" else None
        values = [
            {
                "label": value.label,
                "count": value.count,
                "active": params.get(name) == value.value,
                "href": _link(
                    params, **{name: removed if params.get(name) == value.value else value.value}
                ),
            }
            for value in facets.get(name, [])
        ]
        if values:
            sidebar.append({"name": name, "title": title, "values": values})
    return sidebar


class CatalogPageController(Controller):
    """HTML pages of courses, books, topics and search."""

    include_in_schema = False

    @get("/search")
    async def search(
        self, session: DbSession, settings: AppSettings, search_request: SearchParams
    ) -> Template:
        """Show search results with a facet sidebar, highlights and pagination."""
        params = link_params(search_request)
        result = await search_service.search(session, settings.var_dir, search_request)
        page = search_request.page
        language = search_request.filters.language
        every_language = {
            "count": result.other_languages,
            "name": language_name(language) if language else None,
            "href": _link(params, language=EVERY_LANGUAGE),
        }
        pages = {
            "previous": _link(params, page=str(page - 1)) if page > 1 else None,
            "next": _link(params, page=str(page + 1)) if page < result.max_page else None,
        }
        return Template(
            template_name="search.html",
            context={
                "q": search_request.q, "result": result, "params": params, "pages": pages,
                "sidebar": facet_sidebar(params, result.facets),
                "sorts": [(s.value, _link(params, sort=s.value)) for s in SortOrder],
                "filtered": any(v for k, v in params.items() if k not in {"q", "sort", "language"}),
                "every_language": every_language,
            },
        )  # fmt: skip

    @get("/courses/{resource_id:int}")
    async def course(
        self, request: Request[Any, Any, Any], session: DbSession, resource_id: RowId
    ) -> Template:
        """Show one course."""
        resource = await catalog_service.read_resource(session, resource_id, ResourceKind.COURSE)
        context = {"r": resource, "saves": await save_choices(request, session)}
        return Template(template_name="resource.html", context=context)

    @get("/books/{resource_id:int}")
    async def book(
        self, request: Request[Any, Any, Any], session: DbSession, resource_id: RowId
    ) -> Template:
        """Show one book."""
        resource = await catalog_service.read_resource(session, resource_id, ResourceKind.BOOK)
        context = {"r": resource, "saves": await save_choices(request, session)}
        return Template(template_name="resource.html", context=context)

    @get("/topics")
    async def topics(self, session: DbSession, settings: AppSettings) -> Template:
        """Show the topic tree with counts."""
        tree = await topics.read_topic_tree(session, settings.var_dir)
        return Template(template_name="topics.html", context={"tree": tree.items})

    @get("/topics/{slug:str}")
    async def topic(
        self,
        session: DbSession,
        settings: AppSettings,
        slug: Annotated[str, PathParameter(max_length=200)],
        lang: PageLanguage = None,
        accept_language: AcceptLanguage = None,
    ) -> Template:
        """Show a topic: breadcrumb, subtopics and its best rated in the reader's language."""
        language = reader_language(lang, accept_language)
        topic = await topics.read_topic(session, settings.var_dir, slug, language)
        context = {"topic": topic, "language_name": language_name(language)}
        return Template(template_name="topic.html", context=context)
