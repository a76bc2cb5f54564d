"""Vectorised learning path and gap courses (numpy): the same greedy as paths.py and gap.py.

Courses become a 0/1 matrix over the career's demanded skills; each greedy step is one
matrix-vector product instead of one Python set operation per course.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain

import numpy as np
import numpy.typing as npt

from careerpath.matching.gap import CourseGain, SkillGap
from careerpath.matching.paths import (
    Course,
    LearningPath,
    PathOptions,
    PathStep,
    _coverage,
    _ordered,
    effective_hours,
)


def _matrix(courses: Sequence[Course], skills: Sequence[int]) -> npt.NDArray[np.float64]:
    """Return the 0/1 course × demanded-skill matrix, built without a Python loop per cell."""
    matrix = np.zeros((len(courses), len(skills)), dtype=np.float64)
    if not courses or not skills:
        return matrix
    counts = np.fromiter((len(c.skill_ids) for c in courses), dtype=np.int64, count=len(courses))
    taught = np.fromiter(chain.from_iterable(c.skill_ids for c in courses), dtype=np.int64)
    if not len(taught):
        return matrix
    column = np.full(max(int(taught.max()), max(skills)) + 1, -1, dtype=np.int64)
    column[np.array(skills, dtype=np.int64)] = np.arange(len(skills))
    rows = np.repeat(np.arange(len(courses)), counts)
    cols = column[taught]
    wanted = cols >= 0
    matrix[rows[wanted], cols[wanted]] = 1.0
    return matrix


@dataclass(frozen=True)
class PreparedCourses:
    """Courses as arrays over a career's demanded skills (cacheable per catalog and career)."""

    pool: tuple[Course, ...]
    skills: tuple[int, ...]
    weights: npt.NDArray[np.float64]
    matrix: npt.NDArray[np.float64]
    hours: npt.NDArray[np.float64]
    prices: npt.NDArray[np.float64]
    relevance: npt.NDArray[np.float64]
    # 1 for the career's core skills (``paths.build_path``), for every skill when core is None.
    core: npt.NDArray[np.float64]


def prepare(
    courses: Sequence[Course],
    demand: Mapping[int, float],
    *,
    free_only: bool = False,
    core: frozenset[int] | None = None,
) -> PreparedCourses:
    """Return the arrays the greedy and the gap ranking need."""
    pool = sorted(
        (c for c in courses if not (free_only and c.price > 0)), key=lambda c: c.course_id
    )
    skills = sorted(demand)
    return PreparedCourses(
        tuple(pool),
        tuple(skills),
        np.array([demand[s] for s in skills], dtype=np.float64),
        _matrix(pool, skills),
        np.array([effective_hours(c) for c in pool], dtype=np.float64),
        np.array([float(c.price) for c in pool], dtype=np.float64),
        np.array([c.relevance for c in pool], dtype=np.float64),
        np.array([core is None or s in core for s in skills], dtype=np.float64),
    )


def build_path_fast(
    courses: Sequence[Course],
    demand: Mapping[int, float],
    options: PathOptions,
    core: frozenset[int] | None = None,
) -> LearningPath:
    """Return what ``paths.build_path`` returns, in a few array operations per step."""
    prepared = prepare(courses, demand, free_only=options.free_only, core=core)
    return path_from(prepared, demand, options)


def path_from(
    prepared: PreparedCourses, demand: Mapping[int, float], options: PathOptions
) -> LearningPath:
    """Run the greedy on prepared arrays (``options.free_only`` was applied by ``prepare``)."""
    p = prepared
    by_price = options.max_price is not None
    cost = np.where(by_price & (p.prices > 0), p.prices, p.hours)
    open_skills = np.array([s not in options.known_skill_ids for s in p.skills], dtype=np.float64)
    used = np.zeros(len(p.pool), dtype=bool)
    steps: list[PathStep] = []
    hours, price = 0.0, Decimal(0)
    while len(steps) < options.max_courses and len(p.pool):
        rate = (p.matrix @ (p.weights * open_skills)) * p.relevance / cost
        allowed = ~used & (p.matrix @ (p.core * open_skills) > 0)
        if options.max_hours is not None:
            allowed &= hours + p.hours <= options.max_hours
        if options.max_price is not None:
            allowed &= p.prices <= float(options.max_price - price) + 1e-9
        rate = np.where(allowed, rate, 0.0)
        best = int(np.argmax(rate))
        if rate[best] <= 1e-12:
            break
        course = p.pool[best]
        new = frozenset(s for n, s in enumerate(p.skills) if p.matrix[best, n] and open_skills[n])
        steps.append(PathStep(course, new, round(sum(demand[s] for s in new), 6)))
        open_skills[p.matrix[best] > 0] = 0.0
        used[best] = True
        hours += effective_hours(course)
        price += course.price
    covered = {s for n, s in enumerate(p.skills) if not open_skills[n]}
    return LearningPath(tuple(_ordered(steps)), _coverage(covered, demand), hours, price)


def gap_courses(
    prepared: PreparedCourses, missing: set[int], limit: int = 5
) -> tuple[CourseGain, ...]:
    """Return the courses that close the most missing demand per hour (as ``skill_gap`` does)."""
    p = prepared
    if not p.pool or not missing:
        return ()
    mask = np.array([s in missing for s in p.skills], dtype=np.float64)
    gains = (p.matrix @ (p.weights * mask)) / p.hours
    gains[p.matrix @ (p.core * mask) == 0] = 0.0
    ids = np.array([c.course_id for c in p.pool], dtype=np.int64)
    order = np.lexsort((ids, -gains))[:limit]
    result = []
    for row in order.tolist():
        if gains[row] <= 0:
            break
        closes = frozenset(s for n, s in enumerate(p.skills) if p.matrix[row, n] and mask[n])
        result.append(CourseGain(p.pool[row], closes, round(float(gains[row]), 6)))
    return tuple(result)


def skill_gap_fast(
    known: set[int], demand: Mapping[int, float], prepared: PreparedCourses, limit: int = 5
) -> SkillGap:
    """Return what ``gap.skill_gap`` returns, with the courses ranked by arrays."""
    by_demand = sorted(demand, key=lambda i: (-demand[i], i))
    present = tuple(i for i in by_demand if i in known)
    missing = tuple(i for i in by_demand if i not in known)
    total = sum(demand.values())
    coverage = round(sum(demand[i] for i in present) / total, 6) if total else 0.0
    return SkillGap(coverage, present, missing, gap_courses(prepared, set(missing), limit))
