"""What an import did: rows read, imported, unchanged, rejected (with line and reason)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class RowError:
    """A rejected row: where it was and why."""

    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class ReasonCount:
    """One reason for rejecting rows, how many rows it rejected, and the first of them."""

    reason: str
    count: int
    lines: tuple[int, ...]


@dataclass
class ImportReport:
    """Counts and rejections of one import run; the CLI and the API show the same report."""

    read: int = 0
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rejected(self) -> int:
        """Return how many rows were rejected."""
        return len(self.errors)

    def reject(self, line: int, reason: str) -> None:
        """Record a rejected row."""
        self.errors.append(RowError(line, reason))

    def reasons(self, first: int = 5) -> list[ReasonCount]:
        """Return the rejections grouped by reason, most frequent first."""
        grouped: dict[str, list[int]] = {}
        for error in self.errors:
            grouped.setdefault(error.reason, []).append(error.line)
        ordered = sorted(grouped.items(), key=lambda kv: (-len(kv[1]), kv[1][0]))
        return [ReasonCount(reason, len(lines), tuple(lines[:first])) for reason, lines in ordered]

    @property
    def all_rejected(self) -> bool:
        """Return whether rows were read and every one of them was rejected."""
        return self.read > 0 and self.rejected >= self.read

    def as_dict(self) -> dict[str, Any]:
        """Return the report as plain data for JSON."""
        return {
            "read": self.read,
            "imported": self.imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "seconds": round(self.seconds, 3),
            "reasons": [
                {"reason": r.reason, "count": r.count, "lines": list(r.lines)}
                for r in self.reasons()
            ],
            "errors": [{"line": e.line, "reason": e.reason} for e in self.errors],
        }


def content_hash(values: Mapping[str, Any]) -> str:
    """Return a stable SHA-256 of a record's meaningful fields (key order does not matter)."""
    canonical = json.dumps(values, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def values_hash(values: Iterable[Any]) -> str:
    """Return a SHA-256 of values given in a fixed order (via their reprs).

    A quarter of content_hash's cost: no key sorting and no JSON encoding. ``repr`` tells a
    None from "None" and escapes what cannot be encoded, so equal hashes mean equal values.
    """
    return hashlib.sha256(repr(tuple(values)).encode("utf-8")).hexdigest()
