"""Tables of matching: precomputed rankings per career and curators' pins and hides."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from careerpath.db import Base, utcnow


class CareerRanking(Base):
    """One resource's place in a career's precomputed ranking (per kind and language)."""

    __tablename__ = "career_ranking"
    __table_args__ = (
        UniqueConstraint("career_id", "resource_id"),
        Index(
            "ix_career_ranking_career_id_kind_language_position",
            "career_id", "kind", "language", "position",
        ),
    )  # fmt: skip

    id: Mapped[int] = mapped_column(primary_key=True)
    career_id: Mapped[int] = mapped_column(ForeignKey("career.id", ondelete="CASCADE"))
    resource_id: Mapped[int] = mapped_column(
        ForeignKey("resource.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    # Every reader language has its own list; ``position`` counts within it.
    language: Mapped[str] = mapped_column(String(10), default="en", server_default="en")
    position: Mapped[int]
    score: Mapped[float]
    explanation: Mapped[dict[str, Any]] = mapped_column(JSON)
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)


class CareerCuration(Base):
    """A curator's decision: pin a resource to a position, or hide it, for one career."""

    __tablename__ = "career_curation"
    __table_args__ = (UniqueConstraint("career_id", "resource_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    career_id: Mapped[int] = mapped_column(ForeignKey("career.id", ondelete="CASCADE"))
    resource_id: Mapped[int] = mapped_column(
        ForeignKey("resource.id", ondelete="CASCADE"), index=True
    )
    action: Mapped[str] = mapped_column(String(10))
    position: Mapped[int | None]
    curated_by: Mapped[str] = mapped_column(String(200))
    curated_at: Mapped[datetime] = mapped_column(default=utcnow)


class CareerProfile(Base):
    """What a career's last ranking was computed against: its skills and its core words.

    Kept so an import can tell, without rebuilding every profile, which careers a new or
    changed resource may concern.
    """

    __tablename__ = "career_profile"

    career_id: Mapped[int] = mapped_column(
        ForeignKey("career.id", ondelete="CASCADE"), primary_key=True
    )
    basis: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(String(1000))
    skill_ids: Mapped[list[int]] = mapped_column(JSON)
    core_terms: Mapped[list[str]] = mapped_column(JSON)
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)
