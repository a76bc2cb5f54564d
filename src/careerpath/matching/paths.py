"""Pure learning paths: courses that together cover a career's most demanded skills.

Greedy weighted set cover: at each step take the course that adds the most not-yet-covered
demand per hour (per unit of price when a budget is set), weighed by how relevant the course
is to the career, within the limits; stop when nothing adds demand. With the career's core
skills given (``Demand.core``), a course joins only when it newly covers one of them: the
technologies a back end engineer's parent occupation merely lists (Swift, Objective-C) never
open a step of their own ("Objective-C for Swift Developers" closing a back end path). The
chosen courses are then ordered beginner before advanced, keeping pick order within a level.
Greedy set cover is within a factor ln(n) of the optimum and explains itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

LEVEL_ORDER = {"beginner": 0, "intermediate": 1, "advanced": 2}
UNKNOWN_LEVEL = 1
MIN_HOURS = 0.5  # a course with no stated length still costs a learner some time


@dataclass(frozen=True, slots=True)
class Course:
    """What the path builder knows of a course."""

    course_id: int
    skill_ids: frozenset[int]
    hours: float | None
    price: Decimal
    level: str | None = None
    # How much the course is about the career, in (0, 1] (its ranking score over the best's):
    # the demand it adds counts at this share, so a broad certificate that lists many of the
    # profile's borrowed tools does not open a security path ahead of a security course.
    relevance: float = 1.0


@dataclass(frozen=True, slots=True)
class PathOptions:
    """The learner's limits."""

    free_only: bool = False
    max_hours: float | None = None
    max_price: Decimal | None = None
    known_skill_ids: frozenset[int] = frozenset()
    max_courses: int = 12


@dataclass(frozen=True, slots=True)
class PathStep:
    """A course on the path and the skills it newly covers."""

    course: Course
    new_skill_ids: frozenset[int]
    demand_gained: float


@dataclass(frozen=True, slots=True)
class LearningPath:
    """The ordered courses, the demand they cover and what they cost."""

    steps: tuple[PathStep, ...]
    coverage: float
    total_hours: float
    total_price: Decimal


def build_path(
    courses: Iterable[Course],
    demand: Mapping[int, float],
    options: PathOptions = PathOptions(),
    core: frozenset[int] | None = None,
) -> LearningPath:
    """Choose and order courses that cover the most demand within the options' limits (each
    newly covering a ``core`` skill unless ``core`` is None)."""
    covered = set(options.known_skill_ids) & set(demand)
    # Sorted by id so that, between equally good courses, the choice is deterministic.
    candidates = sorted((c for c in courses if _allowed(c, options)), key=lambda c: c.course_id)
    steps: list[PathStep] = []
    hours, price = 0.0, Decimal(0)
    while candidates and len(steps) < options.max_courses:
        best = _best_next(candidates, demand, covered, options, (hours, price), core)
        if best is None:
            break
        new_skills = frozenset(best.skill_ids & demand.keys()) - covered
        steps.append(PathStep(best, new_skills, round(sum(demand[i] for i in new_skills), 6)))
        covered |= new_skills
        hours += effective_hours(best)
        price += best.price
        candidates.remove(best)
    return LearningPath(
        steps=tuple(_ordered(steps)),
        coverage=_coverage(covered, demand),
        total_hours=hours,  # unrounded: rounding could report more than max_hours
        total_price=price,
    )


def _allowed(course: Course, options: PathOptions) -> bool:
    return not (options.free_only and course.price > 0)


def _best_next(
    candidates: list[Course],
    demand: Mapping[int, float],
    covered: set[int],
    options: PathOptions,
    spent: tuple[float, Decimal],
    core: frozenset[int] | None,
) -> Course | None:
    best, best_rate = None, 0.0
    for course in candidates:
        if not _fits(course, options, *spent):
            continue
        if core is not None and not (course.skill_ids & core & demand.keys()) - covered:
            continue
        gain = sum(demand[i] for i in course.skill_ids - covered if i in demand)
        rate = gain * course.relevance / _cost(course, options)
        if rate > best_rate:
            best, best_rate = course, rate
    return best


def _fits(course: Course, options: PathOptions, hours: float, price: Decimal) -> bool:
    if options.max_hours is not None and hours + effective_hours(course) > options.max_hours:
        return False
    return options.max_price is None or price + course.price <= options.max_price


def _cost(course: Course, options: PathOptions) -> float:
    if options.max_price is not None and course.price > 0:
        return float(course.price)
    return effective_hours(course)


def effective_hours(course: Course) -> float:
    """Return the hours a course costs a learner (a floor for courses with no stated length)."""
    return max(course.hours or MIN_HOURS, MIN_HOURS)


def _ordered(steps: list[PathStep]) -> list[PathStep]:
    def level_rank(step: PathStep) -> int:
        return LEVEL_ORDER.get((step.course.level or "").lower(), UNKNOWN_LEVEL)

    return sorted(steps, key=level_rank)  # sorted() is stable: pick order within a level


def _coverage(covered: set[int], demand: Mapping[int, float]) -> float:
    total = sum(demand.values())
    return round(sum(demand[i] for i in covered if i in demand) / total, 6) if total else 0.0


def prune_courses(
    courses: Iterable[Course], demand_ids: Iterable[int], *, price_matters: bool = False
) -> list[Course]:
    """Keep, per set of demanded skills taught, only courses no other beats.

    Courses teaching the same demanded skills add the same demand, so the greedy (and the gap's
    best-per-hour list) never wants one when another of its set is as short, as relevant and,
    with a budget, as cheap. Filter free-only courses before pruning.
    """
    wanted = frozenset(demand_ids)
    groups: dict[frozenset[int], list[Course]] = {}
    for course in courses:
        taught = course.skill_ids & wanted
        if taught:
            groups.setdefault(taught, []).append(course)
    kept: list[Course] = []
    for group in groups.values():
        kept.extend(_undominated(group, price_matters))
    return sorted(kept, key=lambda c: c.course_id)


def _undominated(group: list[Course], price_matters: bool) -> list[Course]:
    """Return the courses of a group that no shorter one matches on relevance (and price)."""
    group.sort(key=lambda c: (effective_hours(c), c.price, -c.relevance, c.course_id))
    kept: list[Course] = []
    for course in group:  # every kept course is at least as short as this one
        if not any(
            other.relevance >= course.relevance
            and (not price_matters or other.price <= course.price)
            for other in kept
        ):
            kept.append(course)
    return kept
