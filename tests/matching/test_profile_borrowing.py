"""A refining career borrows its occupation's technologies by how near they are to its own."""

from __future__ import annotations

import pytest

from careerpath.matching.profile import FAR_FACTOR, NEAR_FACTOR, Borrowing
from careerpath.skills.categories import DATABASES, LANGUAGES, OS

POSTGRESQL, JAVA, REDIS, C, ANDROID = 1, 2, 3, 4, 5
CATEGORIES = {POSTGRESQL: DATABASES, JAVA: LANGUAGES, REDIS: DATABASES, C: LANGUAGES, ANDROID: OS}
BACK_END = Borrowing(frozenset({POSTGRESQL, JAVA}), frozenset({DATABASES, LANGUAGES}), CATEGORIES)


@pytest.mark.parametrize(
    ("skill_id", "factor"),
    [(POSTGRESQL, 1.0), (JAVA, 1.0), (REDIS, NEAR_FACTOR), (C, NEAR_FACTOR),
     (ANDROID, FAR_FACTOR), (99, FAR_FACTOR)],
)  # fmt: skip
def test_own_skills_count_fully_near_ones_half_and_the_rest_a_quarter(
    skill_id: int, factor: float
) -> None:
    assert BACK_END(skill_id) == factor
