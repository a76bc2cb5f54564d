"""Job kinds and the coroutines that run them; each domain registers its own kinds.

The job package sits below the domains, so it cannot import them: a domain module registers a
handler when imported, and every process that runs jobs imports those modules (``handlers``).
"""

from __future__ import annotations

import importlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from careerpath.config import Settings

# The modules that register job kinds, imported by every process that runs jobs.
HANDLER_MODULES = (
    "careerpath.curation.import_jobs",
    "careerpath.links.jobs",
    "careerpath.alerts.jobs",
)


@dataclass
class JobContext:
    """What a handler gets besides its session: payload, settings, a progress callback."""

    job_id: str
    payload: dict[str, Any]
    settings: Settings
    sessions: async_sessionmaker[AsyncSession]
    report_progress: Callable[[int, int | None], None] = field(default=lambda _r, _t: None)
    # Run once the job's work is committed (e.g. tell other nodes the catalog changed).
    after_commit: list[Callable[[], Awaitable[None]]] = field(default_factory=list)

    @property
    def var_dir(self) -> Path:
        """The folder of this node's index and rankings."""
        return self.settings.var_dir


Handler = Callable[[AsyncSession, JobContext], Awaitable[dict[str, Any]]]
_HANDLERS: dict[str, Handler] = {}


def register(kind: str) -> Callable[[Handler], Handler]:
    """Make the decorated coroutine run jobs of ``kind``."""

    def decorate(handler: Handler) -> Handler:
        _HANDLERS[kind] = handler
        return handler

    return decorate


def handler_for(kind: str) -> Handler:
    """Return the handler of ``kind`` (loading the registering modules on first use)."""
    if kind not in _HANDLERS:
        load_handlers()
    return _HANDLERS[kind]


def load_handlers() -> None:
    """Import every module that registers job kinds."""
    for name in HANDLER_MODULES:
        importlib.import_module(name)
