"""Turn catalog rows into their API shapes."""

from __future__ import annotations

from collections.abc import Iterator

from careerpath.catalog.models import Resource, Topic
from careerpath.catalog.schemas import (
    PriceRead,
    ResourceRead,
    ResourceSkillRead,
    ResourceSourceRead,
    TopicNode,
    TopicRef,
)


def topic_chain(topic: Topic, topics: dict[int, Topic]) -> Iterator[Topic]:
    """Yield ``topic``'s ancestors root first, then ``topic`` itself."""
    chain = [topic]
    while chain[-1].parent_id and chain[-1].parent_id in topics:
        chain.append(topics[chain[-1].parent_id])
    yield from reversed(chain)


def resource_read(resource: Resource, topics: dict[int, Topic]) -> ResourceRead:
    """Return the full shape of a resource; ``topics`` holds its topics and their ancestors."""
    price = None
    if resource.price_amount is not None and resource.price_currency:
        price = PriceRead(amount=str(resource.price_amount), currency=resource.price_currency)
    paths = [
        [TopicRef(t.slug, t.name) for t in topic_chain(topics[link.topic_id], topics)]
        for link in resource.topics
        if link.topic_id in topics
    ]
    return ResourceRead(
        id=resource.id,
        kind=resource.kind.value,
        title=resource.title,
        description=resource.description,
        url=resource.url,
        is_free=resource.is_free,
        language=resource.language,
        status=resource.status.value,
        topics=paths,
        skills=[
            ResourceSkillRead(s.skill_slug, s.skill_name, s.origin.value) for s in resource.skills
        ],
        source=ResourceSourceRead(
            resource.source.name, resource.source.licence, resource.source.url or None
        ),
        updated_at=resource.updated_at,
        provider=resource.provider,
        authors=resource.authors,
        price=price,
        level=resource.level.value if resource.level else None,
        duration_hours=resource.duration_hours,
        pages=resource.pages,
        formats=resource.formats,
        rating=resource.rating,
        ratings_count=resource.ratings_count,
        enrolments=resource.enrolments,
        published_on=resource.published_on,
        status_checked_at=resource.status_checked_at,
        licence=resource.licence,
    )


def topic_tree(
    topics: list[Topic], counts: dict[str, int], parent_id: int | None = None
) -> list[TopicNode]:
    """Return the children of ``parent_id`` (the roots by default) as trees, biggest first."""
    children: dict[int | None, list[Topic]] = {}
    for topic in topics:
        children.setdefault(topic.parent_id, []).append(topic)

    def node(topic: Topic) -> TopicNode:
        kids = [node(child) for child in children.get(topic.id, [])]
        kids.sort(key=lambda n: (-n.count, n.name))
        return TopicNode(topic.slug, topic.name, counts.get(topic.slug, 0), kids)

    roots = [node(topic) for topic in children.get(parent_id, [])]
    return sorted(roots, key=lambda n: (-n.count, n.name))
