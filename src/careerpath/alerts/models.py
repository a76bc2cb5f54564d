"""A reader's alert on a saved career, with the snapshot its next digest is compared to."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from careerpath.db import Base, text_enum, utcnow


class Frequency(enum.StrEnum):
    """How often a digest may be sent."""

    DAILY = "daily"
    WEEKLY = "weekly"


class CareerAlert(Base):
    """One user's opt-in for one career; ``baseline`` is what the last digest (or opt-in) saw."""

    __tablename__ = "career_alert"
    __table_args__ = (UniqueConstraint("user_id", "career_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    career_id: Mapped[int] = mapped_column(ForeignKey("career.id", ondelete="CASCADE"))
    frequency: Mapped[Frequency] = mapped_column(text_enum(Frequency, "alert_frequency", 10))
    baseline: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_sent_at: Mapped[datetime | None]
