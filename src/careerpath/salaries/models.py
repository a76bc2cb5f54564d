"""Tables of the salaries domain."""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal

from sqlalchemy import Enum, ForeignKey, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from careerpath.careers.models import Career
from careerpath.db import Base, TimestampMixin
from careerpath.provenance.models import Source


class PayPeriod(enum.StrEnum):
    """The period an amount is paid for."""

    HOURLY = "hourly"
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    YEARLY = "yearly"


class PublishedSalary(TimestampMixin, Base):
    """A median salary as a guide published it: one sourced observation, never averaged.

    ``raw_place`` and ``raw_amount`` keep the literal text of the source ("Bengalaru",
    "$137,000") so that a later audit can see what was resolved and how.
    """

    __tablename__ = "published_salary"
    __table_args__ = (UniqueConstraint("source_id", "career_id", "city", "row_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    career_id: Mapped[int] = mapped_column(ForeignKey("career.id", ondelete="CASCADE"), index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id"))
    row_number: Mapped[int]
    city: Mapped[str] = mapped_column(String(120))
    country_code: Mapped[str] = mapped_column(String(2))
    currency: Mapped[str] = mapped_column(String(3))
    currency_inferred: Mapped[bool] = mapped_column(default=False)
    amount: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    period: Mapped[PayPeriod] = mapped_column(
        Enum(
            PayPeriod,
            name="pay_period",
            native_enum=False,
            length=20,
            values_callable=lambda kind: [m.value for m in kind],
        )
    )
    statistic: Mapped[str] = mapped_column(String(20), default="median")
    observed_on: Mapped[date | None]
    raw_place: Mapped[str] = mapped_column(String(200))
    raw_amount: Mapped[str] = mapped_column(String(60))
    display_position: Mapped[int] = mapped_column(default=0)

    career: Mapped[Career] = relationship()
    source: Mapped[Source] = relationship()
