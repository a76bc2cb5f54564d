"""The last check of each resource's link: its status, the answer, and failures in a row."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from careerpath.db import Base, text_enum


class LinkStatus(enum.StrEnum):
    """What a link check found."""

    OK = "ok"
    REDIRECTED = "redirected"  # reachable, at another address (recorded in final_url)
    BROKEN = "broken"  # 4xx, 5xx or no such host
    GONE = "gone"  # 410: removed for good
    UNKNOWN = "unknown"  # timed out, refused to robots or blocked us: no verdict


FAILING = frozenset({LinkStatus.BROKEN, LinkStatus.GONE})


class LinkCheck(Base):
    """One resource's link health; two failures in a row hide the resource from rankings."""

    __tablename__ = "link_check"

    resource_id: Mapped[int] = mapped_column(
        ForeignKey("resource.id", ondelete="CASCADE"), primary_key=True
    )
    status: Mapped[LinkStatus] = mapped_column(text_enum(LinkStatus, "link_status", 12), index=True)
    http_status: Mapped[int | None]
    final_url: Mapped[str | None] = mapped_column(String(2000))
    detail: Mapped[str | None] = mapped_column(String(500))
    failures: Mapped[int] = mapped_column(default=0)
    checked_at: Mapped[datetime]
