"""Vectorised learning path and gap courses (numpy): the same greedy as paths.py and gap.py.

Courses become a 0/1 matrix over the career's demanded skills; each greedy step is one
matrix-vector product instead of one Python set operation per course.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

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
    column = {skill: n for n, skill in enumerate(skills)}
    matrix = np.zeros((len(courses), len(skills)), dtype=np.float64)
    for row, course in enumerate(courses):
        for skill in course.skill_ids:
            if skill in column:
                matrix[row, column[skill]] = 1.0
    return matrix


def build_path_fast(
    courses: Sequence[Course], demand: Mapping[int, float], options: PathOptions
) -> LearningPath:
    """Return what ``paths.build_path`` returns, in a few array operations per step."""
    pool = sorted(
        (c for c in courses if not (options.free_only and c.price > 0)), key=lambda c: c.course_id
    )
    skills = sorted(demand)
    weights = np.array([demand[s] for s in skills], dtype=np.float64)
    matrix = _matrix(pool, skills)
    hours_each = np.array([effective_hours(c) for c in pool], dtype=np.float64)
    price_each = np.array([float(c.price) for c in pool], dtype=np.float64)
    by_price = options.max_price is not None
    cost = np.where(by_price & (price_each > 0), price_each, hours_each)
    open_skills = np.array([s not in options.known_skill_ids for s in skills], dtype=np.float64)
    used = np.zeros(len(pool), dtype=bool)
    steps: list[PathStep] = []
    hours, price = 0.0, Decimal(0)
    while len(steps) < options.max_courses and len(pool):
        rate = (matrix @ (weights * open_skills)) / cost
        allowed = ~used
        if options.max_hours is not None:
            allowed &= hours + hours_each <= options.max_hours
        if options.max_price is not None:
            allowed &= price_each <= float(options.max_price - price) + 1e-9
        rate = np.where(allowed, rate, 0.0)
        best = int(np.argmax(rate))
        if rate[best] <= 1e-12:
            break
        course = pool[best]
        new = frozenset(s for n, s in enumerate(skills) if matrix[best, n] and open_skills[n])
        steps.append(PathStep(course, new, round(sum(demand[s] for s in new), 6)))
        open_skills[matrix[best] > 0] = 0.0
        used[best] = True
        hours += effective_hours(course)
        price += course.price
    covered = {s for n, s in enumerate(skills) if not open_skills[n]}
    return LearningPath(tuple(_ordered(steps)), _coverage(covered, demand), hours, price)


def gap_courses(
    courses: Sequence[Course], demand: Mapping[int, float], missing: set[int], limit: int = 5
) -> tuple[CourseGain, ...]:
    """Return the courses that close the most missing demand per hour (as ``skill_gap`` does)."""
    if not courses or not missing:
        return ()
    skills = sorted(missing & demand.keys())
    weights = np.array([demand[s] for s in skills], dtype=np.float64)
    matrix = _matrix(courses, skills)
    hours = np.array([effective_hours(c) for c in courses], dtype=np.float64)
    gains = (matrix @ weights) / hours
    ids = np.array([c.course_id for c in courses], dtype=np.int64)
    order = np.lexsort((ids, -gains))[:limit]
    result = []
    for row in order.tolist():
        if gains[row] <= 0:
            break
        closes = frozenset(s for n, s in enumerate(skills) if matrix[row, n])
        result.append(CourseGain(courses[row], closes, round(float(gains[row]), 6)))
    return tuple(result)


def skill_gap_fast(
    known: set[int], demand: Mapping[int, float], courses: Sequence[Course], limit: int = 5
) -> SkillGap:
    """Return what ``gap.skill_gap`` returns, with the courses ranked by arrays."""
    by_demand = sorted(demand, key=lambda i: (-demand[i], i))
    present = tuple(i for i in by_demand if i in known)
    missing = tuple(i for i in by_demand if i not in known)
    total = sum(demand.values())
    coverage = round(sum(demand[i] for i in present) / total, 6) if total else 0.0
    return SkillGap(coverage, present, missing, gap_courses(courses, demand, set(missing), limit))
