"""Relevance scoring: bounded, explained, and never ranking what learners cannot reach."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from careerpath.matching.evaluation import grade, ndcg_at
from careerpath.matching.fastrank import CatalogMatrix, rank_matrix
from careerpath.matching.notes import note, possessive, taught
from careerpath.matching.scoring import (
    ResourceSignals,
    SkillShare,
    Weights,
    bayesian_rating,
    rank,
    score_resource,
)

DEMAND = {
    1: SkillShare(1, "Python", 0.62),
    2: SkillShare(2, "Django", 0.31),
    3: SkillShare(3, "REST APIs", 0.48),
    4: SkillShare(4, "SwiftUI", 0.01),
}


def resource(rid: int, skills: set[int], **kw: object) -> ResourceSignals:
    return ResourceSignals(resource_id=rid, skill_ids=frozenset(skills), **kw)  # type: ignore[arg-type]


def test_few_perfect_ratings_do_not_beat_many_good_ones() -> None:
    assert bayesian_rating(5.0, 2) < bayesian_rating(4.7, 20_000)
    assert bayesian_rating(None, 0) == Weights().prior_rating


def test_broken_and_retired_resources_never_rank() -> None:
    ranked = rank(
        [
            resource(1, {1, 2, 3}, status="link_broken"),
            resource(2, {1, 2, 3}, status="retired"),
            resource(3, {4}),
        ],
        DEMAND,
    )
    assert [s.resource_id for s in ranked] == [3]


def test_demanded_skills_outrank_rare_ones() -> None:
    ranked = rank([resource(1, {4}), resource(2, {1, 3}), resource(3, {2})], DEMAND)
    assert [s.resource_id for s in ranked] == [2, 3, 1]


def test_explanation_names_skills_with_their_shares() -> None:
    scored = score_resource(resource(7, {1, 2, 3}), DEMAND)
    assert scored is not None
    quoted = {1: 0.62, 3: 0.48}
    sentence = note(
        scored.covered, quoted, postings_label="back-end postings", career="Back End Engineer",
        topic=None, level="beginner",
    )  # fmt: skip
    assert sentence == (
        "covers Python and REST APIs, asked for in 62% and 48% of back-end postings, and also "
        "Django; for beginners"
    )
    assert {s.name for s in scored.signals} == {"skills", "text", "topic", "quality"}


@pytest.mark.parametrize(
    ("covered", "topic", "level", "expected"),
    [
        ((), "Security", None, "about Security"),
        ((SkillShare(9, "Nessus", 0.5),), None, "advanced", "covers Nessus; for advanced learners"),
        ((SkillShare(9, "Nessus", 0.5), SkillShare(4, "Wireshark", 0.4)), None, None,
         "covers Nessus and Wireshark"),
    ],
)  # fmt: skip
def test_notes_say_why_in_plain_words(
    covered: tuple[SkillShare, ...], topic: str | None, level: str | None, expected: str
) -> None:
    sentence = note(
        covered, {}, postings_label="x", career="Security Engineer", topic=topic, level=level
    )
    assert sentence == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Software Developers", "Software Developers'"), ("Back End Engineer", "Back End Engineer's")],
)
def test_possessive_of_a_plural_title_takes_no_second_s(name: str, expected: str) -> None:
    assert possessive(name) == expected


def test_low_rating_is_reported_as_lowering() -> None:
    scored = score_resource(resource(1, {1}, rating=2.0, ratings_count=5000), DEMAND)
    assert scored is not None
    quality = next(s for s in scored.signals if s.name == "quality")
    assert quality.effect == "lowered"


@given(
    skills=st.sets(st.integers(1, 6)),
    text=st.floats(-1, 3, allow_nan=False),
    rating=st.one_of(st.none(), st.floats(0, 5, allow_nan=False)),
    count=st.integers(0, 100_000),
)
def test_scores_stay_in_unit_interval(
    skills: set[int], text: float, rating: float | None, count: int
) -> None:
    scored = score_resource(
        resource(1, skills, text_fit=text, rating=rating, ratings_count=count), DEMAND
    )
    assert scored is not None
    assert 0.0 <= scored.score <= 1.0


@given(base=st.sets(st.integers(1, 6)), extra=st.integers(1, 4))
def test_covering_more_demand_never_lowers_the_score(base: set[int], extra: int) -> None:
    """Adding a demanded skill at least as heavy as those covered never lowers the score."""
    assume(all(DEMAND[extra].share >= DEMAND[i].share for i in base if i in DEMAND))
    before = score_resource(resource(1, base), DEMAND)
    after = score_resource(resource(1, base | {extra}), DEMAND)
    assert before is not None and after is not None
    assert after.score >= before.score


def test_a_course_listing_many_other_skills_fits_less() -> None:
    focused = score_resource(resource(1, {1, 3}), DEMAND)
    diluted = score_resource(resource(2, {1, 3, *range(10, 30)}), DEMAND)
    assert focused is not None and diluted is not None
    assert focused.score > diluted.score


def test_ndcg_is_one_for_the_ideal_order_and_lower_otherwise() -> None:
    grades = {1: 3, 2: 1, 3: 0, 4: 2}
    assert ndcg_at([1, 4, 2, 3], grades) == 1.0
    assert 0 < ndcg_at([3, 2, 4, 1], grades) < 1
    assert ndcg_at([1], {}) == 0.0
    assert grade(frozenset({1, 2, 3, 4, 5}), frozenset({1, 2, 3, 4})) == 3


@given(
    st.lists(
        st.tuples(st.sets(st.integers(1, 6)), st.floats(0, 1), st.sampled_from(["course", "book"])),
        max_size=40,
    ),
    st.integers(1, 10),
    st.sampled_from([0.0, 0.2, 0.5]),
)
@settings(deadline=None)  # numpy's first call is slow on a loaded machine; no timing is tested
def test_vectorised_ranking_matches_the_reference(
    specs: list[tuple[set[int], float, str]], limit: int, floor: float
) -> None:
    signals = [
        ResourceSignals(i + 1, frozenset(s), 0.0, 4.5, i * 7) for i, (s, _, _) in enumerate(specs)
    ]
    kinds = [kind for _, _, kind in specs]
    fits = {i + 1: text for i, (_, text, _) in enumerate(specs) if text > 0.5}
    matrix = CatalogMatrix.build(signals, kinds)
    fast = rank_matrix(matrix, DEMAND, fits, "book", limit, topic_fit=fits, floor=floor)
    books = [s for s, k in zip(signals, kinds, strict=True) if k == "book"]
    matched = [s for s in books if s.resource_id in fits or s.skill_ids & DEMAND.keys()]
    best = max((fits.get(s.resource_id, 0.0) for s in matched), default=0.0) or 1.0
    reference = rank(
        [ResourceSignals(s.resource_id, s.skill_ids, fits.get(s.resource_id, 0.0) / best, s.rating,
                         s.ratings_count, topic_fit=fits.get(s.resource_id, 0.0) / best)
         for s in matched],
        DEMAND,
    )  # fmt: skip
    reference = [s for s in reference if s.score >= floor][:limit]
    assert [(s.resource_id, s.score) for s in fast] == [(s.resource_id, s.score) for s in reference]


@given(
    st.lists(st.sets(st.integers(1, 6), min_size=1), min_size=1, max_size=30),
    st.sets(st.integers(1, 30), max_size=5),
)
@settings(deadline=None)
def test_pinned_resources_pass_the_floor_and_the_rest_do_not(
    skills: list[set[int]], pins: set[int]
) -> None:
    """Above the floor, or pinned by a curator: nothing else is re-scored and returned."""
    signals = [ResourceSignals(i + 1, frozenset(s), 0.0, 3.0, 5) for i, s in enumerate(skills)]
    matrix = CatalogMatrix.build(signals, ["book"] * len(signals))
    kept = frozenset(p for p in pins if p <= len(signals))
    floor = 0.3
    ranked = rank_matrix(matrix, DEMAND, {}, "book", 100, floor=floor, kept=kept)
    everything = {s.resource_id: s.score for s in rank_matrix(matrix, DEMAND, {}, "book", 100)}
    expected = {r for r, score in everything.items() if score >= floor or r in kept}
    assert {s.resource_id for s in ranked} == expected


def test_skills_without_agreeing_words_count_less() -> None:
    # A broad course that lists the career's tools but whose words are about something else
    # scores below an equal one whose title and text are about the career.
    silent = score_resource(resource(1, {1, 2, 3}), DEMAND)
    agreeing = score_resource(resource(2, {1, 2, 3}, text_fit=0.3, topic_fit=0.3), DEMAND)
    assert silent is not None and agreeing is not None
    skills = {s.resource_id: next(g for g in s.signals if g.name == "skills").contribution
              for s in (silent, agreeing)}  # fmt: skip
    assert skills[1] == pytest.approx(Weights().skills_alone * skills[2], abs=1e-3)
    # The score says which is about the career: certifications offer only those.
    assert (silent.about, agreeing.about) == (False, True)


DJANGO, JAVASCRIPT, PHP, SQL = (SkillShare(1, "Django", 0.2), SkillShare(2, "JavaScript", 0.5),
                                SkillShare(3, "PHP", 0.3), SkillShare(4, "SQL", 0.4))  # fmt: skip
NOTE_DEMAND = {s.skill_id: s for s in (DJANGO, JAVASCRIPT, PHP, SQL)}


@pytest.mark.parametrize(
    ("evidence", "topic", "expected"),
    [
        (({1}, {4}), None, [DJANGO, SQL]),  # the title's first; the description's never
        ((set(), {1, 4}), None, [SQL, DJANGO]),  # the source's tags, most demanded first
        ((set(), set()), "Django", []),  # no evidence: the topic says it ("about Django")
        ((set(), set()), None, [JAVASCRIPT, PHP]),  # nothing better known: what the text covers
    ],
)  # fmt: skip
def test_notes_name_the_skills_the_item_shows_it_teaches(
    evidence: tuple[set[int], set[int]], topic: str | None, expected: list[SkillShare]
) -> None:
    covered = (JAVASCRIPT, PHP)  # what the description mentions
    assert taught(NOTE_DEMAND, evidence, topic, covered) == expected


@pytest.mark.parametrize(
    ("covered", "quoted", "expected"),
    [
        ((DJANGO, SQL, JAVASCRIPT), {DJANGO.skill_id: 0.01, SQL.skill_id: 0.04,
          JAVASCRIPT.skill_id: 0.01},
         "covers SQL, Django and JavaScript, asked for in 4%, 1% and 1% of x postings"),
        ((DJANGO, SQL), {SQL.skill_id: 0.21},
         "covers SQL, asked for in 21% of x postings, and also Django"),
    ],
)  # fmt: skip
def test_notes_give_shares_largest_first_then_the_skills_without_one(
    covered: tuple[SkillShare, ...], quoted: dict[int, float], expected: str
) -> None:
    sentence = note(
        covered, quoted, postings_label="x postings", career="Back End Engineer", topic=None,
        level=None,
    )  # fmt: skip
    assert sentence == expected
