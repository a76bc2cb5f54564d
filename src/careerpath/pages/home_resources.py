"""The courses and books the home page shows beside the careers a search finds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers import service as careers_service
from careerpath.search import service as search_service
from careerpath.search.service import SearchPage


@dataclass(frozen=True)
class HomeResources:
    """The resources shown, and the topic searched instead of the query when there was one."""

    page: SearchPage | None
    topic: str | None = None


async def home_resources(
    session: AsyncSession, var_dir: Path, query: str | None, language: str | None
) -> HomeResources:
    """Return the resources matching ``query``; a job title that no course matches word for
    word ("Sr. Golang Engineer") gets those on its subject ("Golang") when there are some."""
    page = await search_service.home_results(session, var_dir, query, language)
    topic = careers_service.catalog_topic(query) if query and page and not page.total else None
    if topic is None:
        return HomeResources(page)
    on_topic = await search_service.home_results(session, var_dir, topic, language)
    if on_topic is None or not on_topic.total:
        return HomeResources(page)  # "0 matching the query" reads truer than "0 matching Golang"
    return HomeResources(on_topic, topic)
