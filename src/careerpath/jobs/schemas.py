"""What the API shows of a job."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import msgspec


class JobProgress(msgspec.Struct, frozen=True):
    """Rows read so far, of how many (None until the file is counted)."""

    read: int
    total: int | None


class JobRead(msgspec.Struct, frozen=True):
    """A job's state, progress, times and (once it ended) its report or error."""

    id: str
    kind: str
    state: str
    progress: JobProgress
    attempts: int
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    report: dict[str, Any] | None
    error: str | None
