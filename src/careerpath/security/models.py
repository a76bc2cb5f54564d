"""Tables of the security layer: sign-in, sign-up and reset events counted in the database."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from careerpath.db import Base, utcnow


class ThrottleHit(Base):
    """One counted event of a named limit; ``key`` is the SHA-256 of the limit and its key."""

    __tablename__ = "throttle_hit"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
