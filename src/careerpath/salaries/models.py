"""Tables of the salaries domain."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from careerpath.careers.models import Career
from careerpath.db import Base, TimestampMixin, text_enum, utcnow
from careerpath.provenance.models import Source
from careerpath.salaries.periods import PayPeriod

__all__ = [
    "FxRate",
    "PayPeriod",
    "PublishedSalary",
    "SalaryAggregate",
    "SalaryImport",
    "SalaryReport",
]


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
    period: Mapped[PayPeriod] = mapped_column(text_enum(PayPeriod, "pay_period", 20))
    statistic: Mapped[str] = mapped_column(String(20), default="median")
    observed_on: Mapped[date | None]
    raw_place: Mapped[str] = mapped_column(String(200))
    raw_amount: Mapped[str] = mapped_column(String(60))
    display_position: Mapped[int] = mapped_column(default=0)

    career: Mapped[Career] = relationship()
    source: Mapped[Source] = relationship()


class SalaryImport(Base):
    """One run of an import: which file, credited to which source, and what came of its rows.

    ``rejected_reasons`` is a JSON object of reason kind to count, for the audit.
    """

    __tablename__ = "salary_import"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(500))
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    profile: Mapped[str | None] = mapped_column(String(60))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    read: Mapped[int] = mapped_column(default=0)
    imported: Mapped[int] = mapped_column(default=0)
    unchanged: Mapped[int] = mapped_column(default=0)
    rejected: Mapped[int] = mapped_column(default=0)
    rejected_reasons: Mapped[str] = mapped_column(Text, default="{}")
    # The key this run's row hashes were made with when the run was re-attributed to another
    # source (migration 0850); ``careerpath salaries reimport`` finds its rows by it.
    legacy_key: Mapped[str | None] = mapped_column(String(120))

    source: Mapped[Source] = relationship()


class SalaryReport(Base):
    """One salary as someone reported it, normalised, credited to the source it came from.

    ``content_hash`` identifies the row within its source (its fields and its position among
    identical rows), so re-importing a file is a no-op and two sources never collide.
    ``career_id`` is NULL when the title resolver was not confident enough: the report is kept
    so that aggregates can be recomputed once a career matches (``salaries recompute``).
    """

    __tablename__ = "salary_report"
    __table_args__ = (
        UniqueConstraint("source_id", "content_hash"),
        Index("ix_salary_report_bucket", "career_id", "country_code", "currency"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id"))
    import_id: Mapped[int | None] = mapped_column(ForeignKey("salary_import.id"), index=True)
    # 128 bits of BLAKE2b: collision-free at any realistic size, half the unique index.
    content_hash: Mapped[str] = mapped_column(String(32))
    line: Mapped[int]
    job_title: Mapped[str] = mapped_column(String(300))
    title_key: Mapped[str] = mapped_column(String(300))
    career_id: Mapped[int | None] = mapped_column(ForeignKey("career.id", ondelete="SET NULL"))
    # The title resolver's confidence in ``career_id`` (or in its best guess when NULL).
    title_confidence: Mapped[float | None]
    resolver_version: Mapped[str | None] = mapped_column(String(40))
    level: Mapped[str | None] = mapped_column(String(20))
    amount: Mapped[Decimal] = mapped_column(Numeric(16, 2))
    currency: Mapped[str] = mapped_column(String(3))
    currency_inferred: Mapped[bool] = mapped_column(default=False)
    period: Mapped[str] = mapped_column(String(20))
    yearly_amount: Mapped[Decimal] = mapped_column(Numeric(16, 2))
    country_code: Mapped[str] = mapped_column(String(2))
    city: Mapped[str | None] = mapped_column(String(120))
    raw_place: Mapped[str] = mapped_column(String(200))
    place_how: Mapped[str] = mapped_column(String(20))
    reported_on: Mapped[date | None]
    employment_type: Mapped[str | None] = mapped_column(String(20))
    remote_ratio: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SalaryAggregate(Base):
    """Precomputed figures of one career x place x level x currency group.

    ``city`` is "" for the whole country, ``level`` "" for all levels and ``currency`` "" for
    every report whatever its currency (amounts in US dollars, each report converted at the
    rate nearest its date), so the unique key holds on every database. Percentiles are NULL
    when n is below the publication threshold. ``breakdown`` is JSON: reports per source
    (n, first and last date), per original currency, and without an exchange rate.
    """

    __tablename__ = "salary_aggregate"
    __table_args__ = (UniqueConstraint("career_id", "country_code", "city", "level", "currency"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    career_id: Mapped[int] = mapped_column(ForeignKey("career.id", ondelete="CASCADE"))
    country_code: Mapped[str] = mapped_column(String(2))
    city: Mapped[str] = mapped_column(String(120), default="")
    level: Mapped[str] = mapped_column(String(20), default="")
    currency: Mapped[str] = mapped_column(String(3))
    n: Mapped[int]
    outliers: Mapped[int]
    p10: Mapped[Decimal | None] = mapped_column(Numeric(16, 2))
    p25: Mapped[Decimal | None] = mapped_column(Numeric(16, 2))
    p50: Mapped[Decimal | None] = mapped_column(Numeric(16, 2))
    p75: Mapped[Decimal | None] = mapped_column(Numeric(16, 2))
    p90: Mapped[Decimal | None] = mapped_column(Numeric(16, 2))
    first_reported_on: Mapped[date | None]
    last_reported_on: Mapped[date | None]
    breakdown: Mapped[str] = mapped_column(Text, default="{}")
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)


class FxRate(Base):
    """How many US dollars one unit of a currency was worth on a date, and who said so."""

    __tablename__ = "fx_rate"
    __table_args__ = (UniqueConstraint("currency", "as_of"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    currency: Mapped[str] = mapped_column(String(3))
    usd_per_unit: Mapped[Decimal] = mapped_column(Numeric(20, 10))
    as_of: Mapped[date]
    source: Mapped[str] = mapped_column(String(500))
