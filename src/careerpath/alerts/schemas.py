"""What the API takes and shows of alerts."""

from __future__ import annotations

from datetime import datetime

import msgspec

from careerpath.alerts.models import Frequency


class AlertIn(msgspec.Struct):
    """How often to hear about a saved career."""

    frequency: Frequency = Frequency.WEEKLY


class AlertRead(msgspec.Struct, frozen=True):
    """An alert on a saved career."""

    career: str
    title: str
    frequency: str
    created_at: datetime
    last_sent_at: datetime | None
