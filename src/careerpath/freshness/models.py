"""The one-row table that holds the cache generation."""

from __future__ import annotations

from sqlalchemy import BigInteger
from sqlalchemy.orm import Mapped, mapped_column

from careerpath.db import Base

ROW_ID = 1


class CacheGeneration(Base):
    """The number every cache key carries; a committed write of cached data increments it."""

    __tablename__ = "cache_generation"

    id: Mapped[int] = mapped_column(primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)
