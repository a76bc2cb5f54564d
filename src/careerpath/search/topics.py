"""Browse by topic: the topic tree and topic pages, counted from the search index."""

from __future__ import annotations

from pathlib import Path

import msgspec
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.catalog import service as catalog_service
from careerpath.catalog.presenters import topic_chain, topic_tree
from careerpath.catalog.schemas import TopicNode, TopicRef, TopicTree
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
    # The language the best rated are in (the reader's); ``count`` counts every language.
    language: str = "en"


async def read_topic_tree(session: AsyncSession, var_dir: Path) -> TopicTree:
    """Return every topic with its resource count (subtopics included), as a tree."""
    counts = await search_service.topic_counts(session, var_dir)
    return TopicTree(items=topic_tree(await catalog_service.list_topics(session), counts))


async def read_topic(session: AsyncSession, var_dir: Path, slug: str, language: str) -> TopicRead:
    """Return a topic with its counts and its best-rated resources in the reader's language."""
    topic = await catalog_service.get_topic(session, slug)
    counts = await search_service.topic_counts(session, var_dir)
    topics = await catalog_service.list_topics(session)
    by_id = {t.id: t for t in topics}
    request = search_service.SearchRequest(
        filters=Filters(topic=topic.slug, language=language),
        sort=SortOrder.RATING,
        page_size=TOPIC_PAGE_SIZE,
    )
    page = await search_service.search(session, var_dir, request)
    return TopicRead(
        slug=topic.slug,
        name=topic.name,
        count=counts.get(topic.slug, 0),
        path=[TopicRef(t.slug, t.name) for t in topic_chain(topic, by_id)],
        children=topic_tree(topics, counts, topic.id),
        top_resources=page.items,
        language=language,
    )
