"""The source table every sourced fact points at."""

from __future__ import annotations

from datetime import date

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from careerpath.db import Base, TimestampMixin


class Source(TimestampMixin, Base):
    """A publication, dataset or page that a fact was taken from."""

    __tablename__ = "source"
    __table_args__ = (UniqueConstraint("key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(120))
    name: Mapped[str] = mapped_column(String(300))
    url: Mapped[str | None] = mapped_column(String(2000))
    licence: Mapped[str] = mapped_column(String(200))
    seen_on: Mapped[date | None]
    published_on: Mapped[date | None]
    # "day" or "year": a page that says only "updated 2024" is stored as 2024-01-01, "year".
    published_precision: Mapped[str] = mapped_column(String(10), default="day")
    note: Mapped[str | None] = mapped_column(String(1000))
