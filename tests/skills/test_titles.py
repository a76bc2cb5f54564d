"""Title normalisation: levels, noise, and mapping real titles to careers."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers.service import get_career
from careerpath.skills.service import normalize_posting_title
from careerpath.skills.titles import TitleEntry, TitleIndex, clean_title, detect_level


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Sr. Back-End Developer (Node.js) - Remote", "Senior"),
        ("Software Engineer II", "Senior"),
        ("Junior Java Developer", "Junior"),
        ("Lead Data Engineer", "Lead"),
        ("Principal Engineer", "Principal"),
        ("Engineering Manager", "Manager"),
        ("Java/J2EE Developer", None),
    ],
)
def test_levels(title: str, level: str | None) -> None:
    assert detect_level(title) == level


@pytest.mark.parametrize(
    ("title", "cleaned"),
    [
        ("Sr. Back-End Developer (Node.js) - Remote", "back end developer"),
        ("Java/J2EE Developer", "java developer"),
        ("DATA SCIENTIST - Contract (W2)", "data scientist"),
    ],
)
def test_noise_is_dropped(title: str, cleaned: str) -> None:
    assert clean_title(title) == cleaned


def test_exact_curated_alias_beats_fuzzy_neighbours() -> None:
    index = TitleIndex(
        [
            TitleEntry(1, "Back End Engineer", "title"),
            TitleEntry(1, "Backend Developer", "curated"),
            TitleEntry(2, "Front End Developer", "onet_alternate"),
            TitleEntry(3, "Software Developers", "title"),
        ]
    )
    match = index.match("Sr. Back-End Developer (Node.js) - Remote")
    assert match.career_id == 1 and match.level == "Senior"
    assert index.match("Software Developer").career_id == 3


async def test_service_maps_noisy_titles_to_the_demo_career(session: AsyncSession) -> None:
    match = await normalize_posting_title(session, "Sr. Back-End Developer (Node.js) - Remote")
    assert match.career_id is not None
    career = await get_career(session, match.career_id)
    assert career.slug == "back-end-engineer"
