"""Pure skill gap: how much of a career's demand a person's skills cover, and what closes it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from careerpath.matching.paths import Course, effective_hours


@dataclass(frozen=True, slots=True)
class CourseGain:
    """A course and the missing demand it closes per hour."""

    course: Course
    closes: frozenset[int]
    gain_per_hour: float


@dataclass(frozen=True, slots=True)
class SkillGap:
    """Coverage of the demand (weighted), present and missing skills, and the best courses."""

    coverage: float
    present: tuple[int, ...]
    missing: tuple[int, ...]
    best_courses: tuple[CourseGain, ...]


def skill_gap(
    known: Iterable[int],
    demand: Mapping[int, float],
    courses: Iterable[Course] = (),
    *,
    course_limit: int = 5,
    core: frozenset[int] | None = None,
) -> SkillGap:
    """Compare known skills with the career's demand; rank courses by gap closed per hour
    (only those closing a missing ``core`` skill unless ``core`` is None: ``paths.build_path``)."""
    known_set = set(known)
    by_demand = sorted(demand, key=lambda i: (-demand[i], i))
    present = tuple(i for i in by_demand if i in known_set)
    missing = tuple(i for i in by_demand if i not in known_set)
    total = sum(demand.values())
    coverage = round(sum(demand[i] for i in present) / total, 6) if total else 0.0
    return SkillGap(
        coverage, present, missing, _best_courses(courses, demand, set(missing), course_limit, core)
    )


def _best_courses(
    courses: Iterable[Course],
    demand: Mapping[int, float],
    missing: set[int],
    limit: int,
    core: frozenset[int] | None,
) -> tuple[CourseGain, ...]:
    gains = []
    for course in courses:
        closes = frozenset(course.skill_ids & missing)
        if closes and (core is None or closes & core):
            gain = sum(demand[i] for i in closes) / effective_hours(course)
            gains.append(CourseGain(course, closes, round(gain, 6)))
    gains.sort(key=lambda g: (-g.gain_per_hour, g.course.course_id))
    return tuple(gains[:limit])
