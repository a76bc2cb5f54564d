"""REST API of the catalog: courses, books and topics."""

from __future__ import annotations

from typing import Annotated

import msgspec
from litestar import Controller, get
from litestar.params import PathParameter

from careerpath.catalog import service
from careerpath.catalog.models import ResourceKind
from careerpath.catalog.presenters import resource_read, topic_tree
from careerpath.catalog.schemas import ResourceRead, TopicNode, TopicRef, TopicTree
from careerpath.dependencies import AppSettings, DbSession
from careerpath.params import RowId
from careerpath.search import service as search_service
from careerpath.search.query import Filters, SortOrder
from careerpath.search.results import SearchHit

TOPIC_PAGE_SIZE = 20


class TopicRead(msgspec.Struct, frozen=True):
    """A topic: its breadcrumb, subtopics with counts, and its best-rated resources."""

    slug: str
    name: str
    count: int
    path: list[TopicRef]
    children: list[TopicNode]
    top_resources: list[SearchHit]


async def read_resource(session: DbSession, resource_id: int, kind: ResourceKind) -> ResourceRead:
    """Return the API shape of one course or book."""
    resource = await service.get_resource(session, resource_id, kind)
    topics = await service.topics_by_id(session, [link.topic_id for link in resource.topics])
    return resource_read(resource, topics)


async def read_topic(session: DbSession, settings: AppSettings, slug: str) -> TopicRead:
    """Return a topic with its counts and best-rated resources (shared by API and page)."""
    topic = await service.get_topic(session, slug)
    counts = await search_service.topic_counts(session, settings.var_dir)
    topics = await service.list_topics(session)
    by_id = {t.id: t for t in topics}
    request = search_service.SearchRequest(
        filters=Filters(topic=topic.slug), sort=SortOrder.RATING, page_size=TOPIC_PAGE_SIZE
    )
    page = await search_service.search(session, settings.var_dir, request)
    return TopicRead(
        slug=topic.slug,
        name=topic.name,
        count=counts.get(topic.slug, 0),
        path=[TopicRef(t.slug, t.name) for t in service.topic_chain(topic, by_id)],
        children=topic_tree(topics, counts, topic.id),
        top_resources=page.items,
    )


class CatalogController(Controller):
    """Courses, books and the topic tree."""

    path = "/api/v1"
    tags = ["catalog"]  # noqa: RUF012

    @get("/courses/{resource_id:int}", summary="Get a course")
    async def get_course(self, session: DbSession, resource_id: RowId) -> ResourceRead:
        """Return one course with its topics, skills and source."""
        return await read_resource(session, resource_id, ResourceKind.COURSE)

    @get("/books/{resource_id:int}", summary="Get a book")
    async def get_book(self, session: DbSession, resource_id: RowId) -> ResourceRead:
        """Return one book with its topics, skills and source."""
        return await read_resource(session, resource_id, ResourceKind.BOOK)

    @get("/topics", summary="The topic tree", description="Counts include subtopics.")
    async def list_topics(self, session: DbSession, settings: AppSettings) -> TopicTree:
        """Return every topic with its resource count, as a tree."""
        counts = await search_service.topic_counts(session, settings.var_dir)
        return TopicTree(items=topic_tree(await service.list_topics(session), counts))

    @get("/topics/{slug:str}", summary="Get a topic")
    async def get_topic(
        self,
        session: DbSession,
        settings: AppSettings,
        slug: Annotated[str, PathParameter(max_length=200)],
    ) -> TopicRead:
        """Return a topic, its subtopics with counts and its best-rated resources."""
        return await read_topic(session, settings, slug)
