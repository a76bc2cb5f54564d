"""What the curator API shows of a failing link."""

from __future__ import annotations

from datetime import datetime

import msgspec


class BrokenLinkRead(msgspec.Struct, frozen=True):
    """A resource whose link failed its last check."""

    resource_id: int
    kind: str
    title: str
    url: str
    status: str
    http_status: int | None
    final_url: str | None
    detail: str | None
    failures: int
    hidden: bool
    checked_at: datetime
