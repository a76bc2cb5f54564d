"""The shape of one data-quality finding of the salary audit."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Finding:
    """One data-quality finding: its kind, what it is about, and the detail."""

    kind: str
    subject: str
    detail: str
