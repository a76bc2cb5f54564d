"""Learning paths and skill gaps."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from careerpath.matching.fastpath import build_path_fast, prepare, skill_gap_fast
from careerpath.matching.gap import skill_gap
from careerpath.matching.paths import Course, PathOptions, build_path, prune_courses

DEMAND = {1: 0.6, 2: 0.5, 3: 0.3, 4: 0.1}


def course(
    cid: int,
    skills: set[int],
    hours: float = 10,
    price: str = "0",
    level: str | None = None,
    relevance: float = 1.0,
) -> Course:
    return Course(cid, frozenset(skills), hours, Decimal(price), level, relevance)


# Random courses: demanded skills taught, hours, price and relevance.
Spec = tuple[set[int], float, int, float]
COURSE_SPECS = st.lists(
    st.tuples(
        st.sets(st.integers(1, 5)),
        st.floats(0, 80),
        st.integers(0, 100),
        st.sampled_from([0.25, 0.5, 1.0]),
    ),
    max_size=20,
)


def courses_of(specs: list[Spec]) -> list[Course]:
    return [
        course(i, s, hours=h, price=str(p), relevance=r) for i, (s, h, p, r) in enumerate(specs)
    ]


def test_greedy_prefers_demand_per_hour() -> None:
    courses = [course(1, {1, 2}, hours=40), course(2, {1}, hours=5), course(3, {2}, hours=5)]
    path = build_path(courses, DEMAND)
    assert [s.course.course_id for s in path.steps] == [2, 3]
    assert path.total_hours == 10


def test_what_a_course_adds_counts_by_its_relevance() -> None:
    """A broad course adding more of the profile loses to one about the career."""
    broad = course(1, {1, 2, 3}, relevance=0.3)
    about = course(2, {1, 2}, relevance=1.0)
    path = build_path([broad, about], DEMAND, PathOptions(max_courses=1))
    assert [s.course.course_id for s in path.steps] == [2]
    fast = build_path_fast([broad, about], DEMAND, PathOptions(max_courses=1))
    assert [s.course.course_id for s in fast.steps] == [2]
    assert prune_courses([broad, course(3, {1, 2, 3}, hours=5, relevance=0.2)], DEMAND) == [
        broad,
        course(3, {1, 2, 3}, hours=5, relevance=0.2),
    ]


def test_a_course_that_adds_no_core_skill_never_joins() -> None:
    """Skills the career's parent occupation merely lists (4 here) add demand, but a course
    teaching only them is no step of the career's path, nor a gap's advice."""
    core = frozenset({1, 2, 3})
    courses = [course(1, {1, 2}), course(2, {4}, hours=1), course(3, {3, 4})]
    for built in (
        build_path(courses, DEMAND, core=core),
        build_path_fast(courses, DEMAND, PathOptions(), core),
    ):
        assert {s.course.course_id for s in built.steps} == {1, 3}
    assert {s.course.course_id for s in build_path(courses, DEMAND).steps} == {1, 2, 3}
    gap = skill_gap({1, 2, 3}, DEMAND, courses, core=core)
    assert gap.missing == (4,) and gap.best_courses == ()


def test_beginner_courses_come_first() -> None:
    courses = [
        course(1, {1}, hours=1, level="advanced"),
        course(2, {2}, hours=50, level="beginner"),
    ]
    path = build_path(courses, DEMAND)
    assert [s.course.level for s in path.steps] == ["beginner", "advanced"]


def test_free_only_and_budget_are_respected() -> None:
    courses = [course(1, {1, 2, 3}, price="49"), course(2, {1}), course(3, {3}, price="10")]
    free = build_path(courses, DEMAND, PathOptions(free_only=True))
    assert [s.course.course_id for s in free.steps] == [2]
    budget = build_path(courses, DEMAND, PathOptions(max_price=Decimal("20")))
    assert budget.total_price <= 20
    assert {s.course.course_id for s in budget.steps} == {2, 3}


def test_known_skills_are_not_taught_again() -> None:
    courses = [course(1, {1}), course(2, {2})]
    path = build_path(courses, DEMAND, PathOptions(known_skill_ids=frozenset({1})))
    assert [s.course.course_id for s in path.steps] == [2]
    assert path.coverage == round((0.6 + 0.5) / 1.5, 6)


def test_nothing_useful_gives_an_empty_path() -> None:
    path = build_path([course(1, {9})], DEMAND)
    assert path.steps == ()
    assert path.coverage == 0


@given(
    specs=st.lists(
        st.tuples(st.sets(st.integers(1, 5)), st.floats(0, 80), st.integers(0, 100)), max_size=12
    ),
    max_hours=st.one_of(st.none(), st.floats(1, 100)),
)
def test_paths_respect_limits(
    specs: list[tuple[set[int], float, int]], max_hours: float | None
) -> None:
    courses = [course(i, s, hours=h, price=str(p)) for i, (s, h, p) in enumerate(specs)]
    path = build_path(courses, DEMAND, PathOptions(max_hours=max_hours))
    ids = [s.course.course_id for s in path.steps]
    assert len(ids) == len(set(ids))
    assert 0 <= path.coverage <= 1
    if max_hours is not None:
        assert path.total_hours <= max_hours + 1e-9


def test_gap_weights_coverage_by_demand() -> None:
    gap = skill_gap({1, 4}, DEMAND, [course(1, {2, 3}, hours=2), course(2, {2}, hours=10)])
    assert gap.coverage == round(0.7 / 1.5, 6)
    assert gap.present == (1, 4)
    assert gap.missing == (2, 3)
    assert [g.course.course_id for g in gap.best_courses] == [1, 2]
    assert gap.best_courses[0].closes == frozenset({2, 3})


@given(
    specs=COURSE_SPECS,
    max_hours=st.one_of(st.none(), st.floats(1, 100)),
    max_price=st.one_of(st.none(), st.integers(0, 300)),
)
def test_pruning_keeps_the_paths_coverage(
    specs: list[Spec], max_hours: float | None, max_price: int | None
) -> None:
    courses = courses_of(specs)
    budget = Decimal(max_price) if max_price is not None else None
    options = PathOptions(max_hours=max_hours, max_price=budget)
    full = build_path(courses, DEMAND, options)
    kept = prune_courses(courses, DEMAND, price_matters=budget is not None)
    pruned = build_path(kept, DEMAND, options)
    assert pruned.coverage == full.coverage


@given(
    specs=COURSE_SPECS,
    max_hours=st.one_of(st.none(), st.floats(1, 100)),
    max_price=st.one_of(st.none(), st.integers(0, 300)),
    known=st.sets(st.integers(1, 5)),
    core=st.frozensets(st.integers(1, 5)),
)
def test_vectorised_path_and_gap_match_the_reference(
    specs: list[Spec],
    max_hours: float | None,
    max_price: int | None,
    known: set[int],
    core: frozenset[int],
) -> None:
    courses = courses_of(specs)
    budget = Decimal(max_price) if max_price is not None else None
    options = PathOptions(max_hours=max_hours, max_price=budget, known_skill_ids=frozenset(known))
    reference, fast = (
        build_path(courses, DEMAND, options, core),
        build_path_fast(courses, DEMAND, options, core),
    )
    assert fast.coverage == reference.coverage
    assert fast.total_price <= (budget if budget is not None else fast.total_price)
    assert {s.course.course_id for s in fast.steps} == {s.course.course_id for s in reference.steps}
    gap, gap_fast = (
        skill_gap(known, DEMAND, courses, core=core),
        skill_gap_fast(known, DEMAND, prepare(courses, DEMAND, core=core)),
    )
    assert gap_fast.coverage == gap.coverage and gap_fast.missing == gap.missing
    assert [g.gain_per_hour for g in gap_fast.best_courses] == [
        g.gain_per_hour for g in gap.best_courses
    ]
