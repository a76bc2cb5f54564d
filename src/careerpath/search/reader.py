"""Each worker's open index, switched to a newer generation without a restart."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path

import tantivy

from careerpath.search.labels import read_labels
from careerpath.search.store import MARKER, Marker, open_index, read_marker

# How often a worker looks at the marker: one stat() call, so cheap enough to do every second.
CHECK_INTERVAL_SECONDS = 1.0


@dataclass
class OpenIndex:
    """A live generation: its marker, the tantivy index and its schema."""

    marker: Marker
    index: tantivy.Index
    schema: tantivy.Schema
    labels: dict[str, dict[str, str]]


class IndexHolder:
    """Holds the worker's open generation and follows the marker."""

    def __init__(self, root: Path, check_interval: float = CHECK_INTERVAL_SECONDS) -> None:
        self.root = root
        self.check_interval = check_interval
        self._open: OpenIndex | None = None
        self._stamp: tuple[int, int] | None = None
        self._checked_at = 0.0
        self._lock = threading.Lock()
        # Set once this worker has compared the index with the database (see ensure_index).
        self.verified_at = -1e9

    def current(self, *, force: bool = False) -> OpenIndex | None:
        """Return the live generation, reopening or reloading it when the marker moved."""
        now = time.monotonic()
        if not force and self._open and now - self._checked_at < self.check_interval:
            return self._open
        with self._lock:
            self._checked_at = now
            stamp = self._marker_stamp()
            if stamp != self._stamp or self._open is None:
                self._follow(read_marker(self.root))
                self._stamp = stamp
        return self._open

    def _marker_stamp(self) -> tuple[int, int] | None:
        try:
            info = (self.root / MARKER).stat()
        except OSError:
            return None
        return info.st_mtime_ns, info.st_ino

    def _follow(self, marker: Marker | None) -> None:
        if marker is None:
            self._open = None
            return
        if self._open and self._open.marker.generation == marker.generation:
            self._open.index.reload()
            self._open.marker = marker
            self._open.labels = read_labels(self.root / marker.generation)
            return
        folder = self.root / marker.generation
        index = open_index(folder)
        self._open = OpenIndex(marker, index, index.schema, read_labels(folder))


_holders: dict[Path, IndexHolder] = {}
_holders_lock = threading.Lock()


def holder_for(root: Path) -> IndexHolder:
    """Return this process's holder of the index under ``root``."""
    key = root.resolve()
    with _holders_lock:
        if key not in _holders:
            _holders[key] = IndexHolder(root)
        return _holders[key]
