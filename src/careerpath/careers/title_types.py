"""What the title resolver reads (names, careers) and answers (resolutions, candidates)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class TitleName:
    """One name a career is known by, and what kind of name it is."""

    career_id: int
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class CareerNode:
    """A career and, for a curated career that refines an occupation, that occupation."""

    career_id: int
    parent_id: int | None = None
    curated: bool = False
    group: str = ""
    code: str = ""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A career the title may name, and its probability."""

    career_id: int
    confidence: float


@dataclass(frozen=True)
class Resolution:
    """The answer: a career (None when it abstains), its confidence, the level and why."""

    career_id: int | None
    confidence: float
    level: str | None
    reasons: tuple[str, ...]
    candidates: tuple[Candidate, ...] = field(default_factory=tuple)
