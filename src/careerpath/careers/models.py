"""Tables of the careers domain."""

from __future__ import annotations

import enum

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from careerpath.db import Base, TimestampMixin, text_enum
from careerpath.provenance.models import Source


class SectionKind(enum.StrEnum):
    """The structured sections of a career page, in page order."""

    OVERVIEW = "overview"
    RESPONSIBILITIES = "responsibilities"
    SKILLS = "skills"
    TOOLS = "tools"
    EDUCATION = "education"
    CAREER_GROWTH = "career_growth"
    PROJECTS = "projects"
    TRAITS = "traits"
    TRANSFERABLE_SKILLS = "transferable_skills"
    CHALLENGES = "challenges"


class RelationKind(enum.StrEnum):
    """How one career relates to another."""

    RELATED = "related"
    SPECIALISATION = "specialisation"
    NEXT_STEP = "next_step"


class Career(TimestampMixin, Base):
    """A career such as Back End Engineer."""

    __tablename__ = "career"
    __table_args__ = (UniqueConstraint("slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(160))
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    onet_soc_code: Mapped[str | None] = mapped_column(String(10), index=True)
    is_stub: Mapped[bool] = mapped_column(default=False)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id"))

    source: Mapped[Source | None] = relationship()
    aliases: Mapped[list[CareerAlias]] = relationship(
        back_populates="career", cascade="all, delete-orphan", order_by="CareerAlias.name"
    )
    sections: Mapped[list[CareerSection]] = relationship(
        back_populates="career", cascade="all, delete-orphan", order_by="CareerSection.position"
    )
    levels: Mapped[list[CareerLevel]] = relationship(
        back_populates="career", cascade="all, delete-orphan", order_by="CareerLevel.position"
    )
    relations: Mapped[list[CareerRelation]] = relationship(
        back_populates="career",
        cascade="all, delete-orphan",
        foreign_keys="CareerRelation.career_id",
        order_by="CareerRelation.position",
    )


class CareerAlias(Base):
    """Another way people write a career's title; ``normalized`` is what matching compares.

    The same alias may belong to several careers (O*NET lists "Programmer" under more than
    one occupation); ``kind`` ranks them when a slug must resolve to one career.
    """

    __tablename__ = "career_alias"
    __table_args__ = (UniqueConstraint("career_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    career_id: Mapped[int] = mapped_column(ForeignKey("career.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    normalized: Mapped[str] = mapped_column(String(300), index=True)
    slug: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(40), default="curated")
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id"))

    career: Mapped[Career] = relationship(back_populates="aliases")
    source: Mapped[Source | None] = relationship()


class CareerSection(Base):
    """One structured section of a career page: prose plus an ordered list of items."""

    __tablename__ = "career_section"
    __table_args__ = (UniqueConstraint("career_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    career_id: Mapped[int] = mapped_column(ForeignKey("career.id", ondelete="CASCADE"))
    kind: Mapped[SectionKind] = mapped_column(text_enum(SectionKind, "section_kind", 40))
    position: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id"))

    career: Mapped[Career] = relationship(back_populates="sections")
    source: Mapped[Source | None] = relationship()
    items: Mapped[list[CareerSectionItem]] = relationship(
        back_populates="section",
        cascade="all, delete-orphan",
        order_by="CareerSectionItem.position",
    )


class CareerSectionItem(Base):
    """A list entry of a section; ``group`` holds e.g. the tool category."""

    __tablename__ = "career_section_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(
        ForeignKey("career_section.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    group: Mapped[str | None] = mapped_column(String(120))
    text: Mapped[str] = mapped_column(Text)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id"))

    section: Mapped[CareerSection] = relationship(back_populates="items")
    source: Mapped[Source | None] = relationship()


class CareerLevel(Base):
    """A rung of the career ladder with its typical years of experience."""

    __tablename__ = "career_level"
    __table_args__ = (UniqueConstraint("career_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    career_id: Mapped[int] = mapped_column(ForeignKey("career.id", ondelete="CASCADE"))
    position: Mapped[int]
    title: Mapped[str] = mapped_column(String(300))
    years_min: Mapped[int | None]
    years_max: Mapped[int | None]
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id"))

    career: Mapped[Career] = relationship(back_populates="levels")
    source: Mapped[Source | None] = relationship()


class CareerRelation(Base):
    """A directed link from one career to another (related, specialisation, next step)."""

    __tablename__ = "career_relation"
    __table_args__ = (UniqueConstraint("career_id", "related_career_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    career_id: Mapped[int] = mapped_column(ForeignKey("career.id", ondelete="CASCADE"))
    related_career_id: Mapped[int] = mapped_column(ForeignKey("career.id", ondelete="CASCADE"))
    kind: Mapped[RelationKind] = mapped_column(text_enum(RelationKind, "relation_kind", 40))
    position: Mapped[int] = mapped_column(default=0)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id"))

    career: Mapped[Career] = relationship(back_populates="relations", foreign_keys=[career_id])
    related: Mapped[Career] = relationship(foreign_keys=[related_career_id])
    source: Mapped[Source | None] = relationship()
