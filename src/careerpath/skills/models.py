"""Tables of the skills domain: O*NET imports, skills, postings and precomputed demand."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from careerpath.db import Base, TimestampMixin, utcnow


class OnetImport(Base):
    """One imported O*NET release (or shipped taxonomy version); re-importing it is a no-op."""

    __tablename__ = "onet_import"
    __table_args__ = (UniqueConstraint("kind", "release"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    release: Mapped[str] = mapped_column(String(64))
    occupations: Mapped[int] = mapped_column(default=0)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)


class OnetOccupation(Base):
    """An O*NET-SOC occupation; careers with the same ``onet_soc_code`` inherit its skills."""

    __tablename__ = "onet_occupation"
    __table_args__ = (UniqueConstraint("soc_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    soc_code: Mapped[str] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(String(200))
    career_id: Mapped[int | None] = mapped_column(ForeignKey("career.id", ondelete="SET NULL"))
    job_zone: Mapped[int | None]
    release: Mapped[str] = mapped_column(String(40))


class Skill(Base):
    """A canonical skill or technology, one per distinct O*NET technology name."""

    __tablename__ = "skill"
    __table_args__ = (UniqueConstraint("name"), UniqueConstraint("slug"))

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    # The URL of the skill page; NULL only until the taxonomy is synced after migration 0820.
    slug: Mapped[str | None] = mapped_column(String(200))
    display_name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20), default="tool", server_default="tool")
    category: Mapped[str] = mapped_column(String(80), index=True)
    commodity_code: Mapped[str | None] = mapped_column(String(10))
    commodity_title: Mapped[str | None] = mapped_column(String(200))
    hot: Mapped[bool] = mapped_column(default=False)


class SkillAlias(Base):
    """A way people write a skill; ``key`` (lowercased) maps to exactly one skill."""

    __tablename__ = "skill_alias"
    __table_args__ = (UniqueConstraint("key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    skill_id: Mapped[int] = mapped_column(ForeignKey("skill.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20))


class OccupationSkill(Base):
    """A technology an O*NET occupation uses, with its Hot Technology / In Demand flags."""

    __tablename__ = "occupation_skill"
    __table_args__ = (UniqueConstraint("occupation_id", "skill_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    occupation_id: Mapped[int] = mapped_column(ForeignKey("onet_occupation.id", ondelete="CASCADE"))
    skill_id: Mapped[int] = mapped_column(ForeignKey("skill.id", ondelete="CASCADE"), index=True)
    hot: Mapped[bool] = mapped_column(default=False)
    in_demand: Mapped[bool] = mapped_column(default=False)


class Posting(TimestampMixin, Base):
    """A job posting: its title, normalised career and level; text is not kept."""

    __tablename__ = "posting"
    __table_args__ = (
        UniqueConstraint("content_hash"),
        Index("ix_posting_career_id_posted_on", "career_id", "posted_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(500))
    career_id: Mapped[int | None] = mapped_column(ForeignKey("career.id", ondelete="SET NULL"))
    # The title resolver's calibrated confidence in ``career_id`` and the resolver's version.
    title_score: Mapped[float | None]
    resolver_version: Mapped[str | None] = mapped_column(String(40))
    level: Mapped[str | None] = mapped_column(String(20))
    location: Mapped[str | None] = mapped_column(String(300))
    posted_on: Mapped[date | None]
    source: Mapped[str] = mapped_column(String(120))
    # The text, zlib-compressed, so a new taxonomy can re-extract it (NULL before 0820).
    text_z: Mapped[bytes | None] = mapped_column(LargeBinary)


class PostingSkill(Base):
    """A skill a posting mentions."""

    __tablename__ = "posting_skill"
    __table_args__ = (UniqueConstraint("posting_id", "skill_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    posting_id: Mapped[int] = mapped_column(ForeignKey("posting.id", ondelete="CASCADE"))
    skill_id: Mapped[int] = mapped_column(ForeignKey("skill.id", ondelete="CASCADE"), index=True)


class UnlinkedMention(Base):
    """A technology-like name postings ask for that the taxonomy lacks, and in how many."""

    __tablename__ = "unlinked_mention"
    __table_args__ = (UniqueConstraint("key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(120))
    surface: Mapped[str] = mapped_column(String(120))
    postings: Mapped[int]


class CareerDemand(Base):
    """Precomputed posting totals of a career: count and date range."""

    __tablename__ = "career_demand"
    __table_args__ = (UniqueConstraint("career_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    career_id: Mapped[int] = mapped_column(ForeignKey("career.id", ondelete="CASCADE"))
    postings: Mapped[int]
    first_posted_on: Mapped[date | None]
    last_posted_on: Mapped[date | None]
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)


class CareerSkillDemand(Base):
    """Precomputed: how many of a career's postings mention a skill."""

    __tablename__ = "career_skill_demand"
    __table_args__ = (UniqueConstraint("career_id", "skill_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    career_id: Mapped[int] = mapped_column(ForeignKey("career.id", ondelete="CASCADE"))
    skill_id: Mapped[int] = mapped_column(ForeignKey("skill.id", ondelete="CASCADE"), index=True)
    postings: Mapped[int]


class CareerDemandMonth(Base):
    """Precomputed trend: a career's postings per month (``month`` is the 1st)."""

    __tablename__ = "career_demand_month"
    __table_args__ = (UniqueConstraint("career_id", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    career_id: Mapped[int] = mapped_column(ForeignKey("career.id", ondelete="CASCADE"))
    month: Mapped[date]
    postings: Mapped[int]
