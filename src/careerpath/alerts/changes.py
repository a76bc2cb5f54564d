"""What moved between two snapshots of a career, in words a digest can show (pure)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Snapshot:
    """What a reader watches of a career: its headline median and sample, skills, courses."""

    country: str | None = None
    median: float | None = None
    sample: int = 0
    skills: tuple[str, ...] = ()
    courses: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """Return the snapshot as JSON-safe values."""
        return {
            "country": self.country,
            "median": self.median,
            "sample": self.sample,
            "skills": list(self.skills),
            "courses": list(self.courses),
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Snapshot:
        """Read a snapshot stored by ``as_dict``."""
        return cls(
            raw.get("country"),
            raw.get("median"),
            int(raw.get("sample") or 0),
            tuple(raw.get("skills") or ()),
            tuple(raw.get("courses") or ()),
        )


@dataclass(frozen=True)
class Rules:
    """How much must move before a reader is told."""

    median_share: float = 0.05  # the median moved by more than 5 %
    sample_growth: float = 0.25  # the sample grew by a quarter or more
    courses: int = 5  # new entries in the top five courses
    skills: int = 5  # the top five skills changed
    ignore: frozenset[str] = field(default_factory=frozenset)


def changes(before: Snapshot, after: Snapshot, rules: Rules = Rules()) -> list[str]:
    """Return one sentence per change worth a digest (none: nothing to send)."""
    found = [*_salary(before, after, rules)]
    if before.skills[: rules.skills] != after.skills[: rules.skills] and after.skills:
        found.append("Top skills now: " + ", ".join(after.skills[: rules.skills]) + ".")
    new = [c for c in after.courses[: rules.courses] if c not in before.courses[: rules.courses]]
    if new and before.courses:
        found.append("New in the top courses: " + "; ".join(new) + ".")
    return found


def _salary(before: Snapshot, after: Snapshot, rules: Rules) -> list[str]:
    if after.median is None or after.country != before.country:
        return []
    found = []
    if before.median and abs(after.median - before.median) / before.median > rules.median_share:
        share = (after.median - before.median) / before.median
        found.append(
            f"Median salary ({after.country}) moved {share:+.0%}: "
            f"{before.median:,.0f} → {after.median:,.0f} USD a year."
        )
    if before.sample and (after.sample - before.sample) / before.sample >= rules.sample_growth:
        found.append(f"Salary reports ({after.country}): {before.sample:,} → {after.sample:,}.")
    return found
