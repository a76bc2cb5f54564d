"""Tables of the catalog: one ``resource`` table for courses and books, topics, skill tags."""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from careerpath.db import Base, TimestampMixin, text_enum
from careerpath.provenance.models import Source


class ResourceKind(enum.StrEnum):
    """What a resource is."""

    COURSE = "course"
    BOOK = "book"


class ResourceLevel(enum.StrEnum):
    """Who a resource is written for."""

    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class ResourceStatus(enum.StrEnum):
    """Whether the resource's link still leads to it."""

    ACTIVE = "active"
    LINK_BROKEN = "link_broken"
    RETIRED = "retired"


class SkillOrigin(enum.StrEnum):
    """Where a skill tag came from."""

    PUBLISHER = "publisher"
    TOPIC = "topic"
    EXTRACTED = "extracted"


class Resource(TimestampMixin, Base):
    """A course or a book, as one source lists it."""

    __tablename__ = "resource"
    __table_args__ = (
        UniqueConstraint("source_id", "kind", "source_key"),
        Index("ix_resource_kind_status", "kind", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[ResourceKind] = mapped_column(text_enum(ResourceKind, "resource_kind", 20))
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id"))
    # The upsert key within source and kind: the external id, or the canonical URL if none.
    source_key: Mapped[str] = mapped_column(String(500))
    external_id: Mapped[str | None] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    provider: Mapped[str | None] = mapped_column(String(200), index=True)
    authors: Mapped[str | None] = mapped_column(String(1000))
    url: Mapped[str] = mapped_column(String(2000))
    is_free: Mapped[bool] = mapped_column(default=True)
    price_amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    price_currency: Mapped[str | None] = mapped_column(String(3))
    level: Mapped[ResourceLevel | None] = mapped_column(
        text_enum(ResourceLevel, "resource_level", 20)
    )
    duration_hours: Mapped[float | None]
    pages: Mapped[int | None]
    language: Mapped[str] = mapped_column(String(10), default="en")
    formats: Mapped[str | None] = mapped_column(String(200))
    rating: Mapped[float | None]
    ratings_count: Mapped[int | None]
    enrolments: Mapped[int | None]
    published_on: Mapped[date | None]
    status: Mapped[ResourceStatus] = mapped_column(
        text_enum(ResourceStatus, "resource_status", 20), default=ResourceStatus.ACTIVE
    )
    status_checked_at: Mapped[datetime | None]
    licence: Mapped[str | None] = mapped_column(String(100))
    # The source's own word on whether it is a certificate programme: True or False when the
    # file says so (a "certificate" column), None when it says nothing (its title then tells).
    certificate: Mapped[bool | None]
    content_hash: Mapped[str] = mapped_column(String(64))

    source: Mapped[Source] = relationship()
    topics: Mapped[list[ResourceTopic]] = relationship(
        cascade="all, delete-orphan", order_by="ResourceTopic.topic_id"
    )
    skills: Mapped[list[ResourceSkill]] = relationship(
        cascade="all, delete-orphan", order_by="ResourceSkill.position"
    )


class Topic(Base):
    """A node of the topic tree, e.g. Databases › PostgreSQL."""

    __tablename__ = "topic"
    __table_args__ = (UniqueConstraint("slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("topic.id"), index=True)
    depth: Mapped[int] = mapped_column(default=0)


class ResourceTopic(Base):
    """A resource filed under a topic (the most specific one; ancestors are implied)."""

    __tablename__ = "resource_topic"

    resource_id: Mapped[int] = mapped_column(
        ForeignKey("resource.id", ondelete="CASCADE"), primary_key=True
    )
    topic_id: Mapped[int] = mapped_column(ForeignKey("topic.id"), primary_key=True, index=True)


class ResourceSkill(Base):
    """A skill a resource teaches, keyed by the skill's slug so the taxonomy can join later."""

    __tablename__ = "resource_skill"

    resource_id: Mapped[int] = mapped_column(
        ForeignKey("resource.id", ondelete="CASCADE"), primary_key=True
    )
    skill_slug: Mapped[str] = mapped_column(String(200), primary_key=True, index=True)
    skill_name: Mapped[str] = mapped_column(String(200))
    # The taxonomy's skill, when the tag or the text names one (matching joins on it).
    skill_id: Mapped[int | None] = mapped_column(
        ForeignKey("skill.id", ondelete="SET NULL"), index=True
    )
    origin: Mapped[SkillOrigin] = mapped_column(text_enum(SkillOrigin, "skill_origin", 20))
    position: Mapped[int] = mapped_column(default=0)
