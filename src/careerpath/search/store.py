"""Index generations on disk: ``<root>/<generation>/`` and a ``CURRENT`` marker switched atomically.

A rebuild writes a whole new generation, then replaces the marker with ``rename`` (atomic on
POSIX), so a reader sees either the old index or the new one, never half of one. Incremental
updates commit into the current generation and bump the marker's ``version`` so that every worker
reloads its searcher.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import tantivy

from careerpath.search.schema import ANALYZER, SCHEMA_VERSION, analyzer, build_schema

MARKER = "CURRENT"
KEEP_GENERATIONS = 2


@dataclass(frozen=True)
class Marker:
    """Which generation is live, how often it was updated, and what it was built from."""

    generation: str
    version: int
    schema_version: int
    mean_rating: float
    fingerprint: str

    def bumped(self, fingerprint: str) -> Marker:
        """Return the marker after an incremental update."""
        return replace(self, version=self.version + 1, fingerprint=fingerprint)


def index_root(var_dir: Path) -> Path:
    """Return the folder that holds every generation of the search index."""
    return var_dir / "search"


def read_marker(root: Path) -> Marker | None:
    """Return the live marker, or ``None`` when there is no usable index."""
    try:
        data = json.loads((root / MARKER).read_text())
        marker = Marker(**data)
    except (OSError, ValueError, TypeError):
        return None
    if marker.schema_version != SCHEMA_VERSION or not (root / marker.generation).is_dir():
        return None
    return marker


def write_marker(root: Path, marker: Marker) -> None:
    """Publish ``marker`` atomically."""
    temporary = root / f".{MARKER}.{os.getpid()}.tmp"
    temporary.write_text(json.dumps(asdict(marker)))
    temporary.replace(root / MARKER)


def new_generation(root: Path) -> tuple[str, Path]:
    """Return the name and empty folder of a new generation."""
    name = f"g{time.time_ns()}"
    path = root / name
    path.mkdir(parents=True)
    return name, path


def open_index(path: Path, *, create: bool = False) -> tantivy.Index:
    """Open (or create) the index in ``path`` with the analyzer registered."""
    index = tantivy.Index(build_schema(), path=str(path), reuse=not create)
    index.register_tokenizer(ANALYZER, analyzer())
    return index


def prune(root: Path, live: str) -> None:
    """Delete old generations, keeping the newest few (a worker may still be reading one)."""
    generations = sorted(p for p in root.iterdir() if p.is_dir() and p.name.startswith("g"))
    for path in generations[:-KEEP_GENERATIONS]:
        if path.name != live:
            shutil.rmtree(path, ignore_errors=True)


@contextlib.contextmanager
def writer_lock(root: Path) -> Iterator[None]:
    """Hold the one lock that serialises rebuilds and updates across processes."""
    root.mkdir(parents=True, exist_ok=True)
    with (root / ".lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
