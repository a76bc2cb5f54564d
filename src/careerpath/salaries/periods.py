"""Pay periods: a pure enum shared by the tables and the normalisation code."""

from __future__ import annotations

import enum


class PayPeriod(enum.StrEnum):
    """The period an amount is paid for."""

    HOURLY = "hourly"
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    YEARLY = "yearly"
