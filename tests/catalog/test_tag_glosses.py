"""Publisher tags with a gloss in parentheses link to the skill they name, on the real file.

The Coursera file tags courses "Pandas (Python Package)" or "Jest (JavaScript Testing
Framework)": the gloss explains the name, it is not a second skill; such tags used to stay
unlinked because the whole tag named two skills.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.catalog.importer import make_tagger
from careerpath.catalog.skill_tagging import tag_skills
from careerpath.skills.models import Skill
from tests.support import require_shared_data

EXPECTED = {
    "Pandas (Python Package)": "pandas",
    "PyTorch (Machine Learning Library)": "PyTorch",
    "Scikit Learn (Machine Learning Library)": "Scikit-learn",
    "Hypertext Markup Language (HTML)": "HTML",  # the gloss holds the name itself
}


def _real_tags() -> set[str]:
    path = require_shared_data("courses-coursera-stepik-kizak", "coursera_clear.json")
    rows = json.loads(path.read_text(encoding="utf-8"))
    return {tag for row in rows for tag in row.get("skills") or []}


async def test_glossed_tags_link_to_the_skill_they_name(session: AsyncSession) -> None:
    tags = _real_tags()
    assert set(EXPECTED) <= tags
    tagger = await make_tagger(session, [])
    names = {row[0]: row[1] for row in await session.execute(select(Skill.id, Skill.display_name))}
    for tag, skill in EXPECTED.items():
        (linked,) = tag_skills("", "", [tag], [], tagger)
        assert linked.skill_id is not None, tag
        assert names[linked.skill_id] == skill, tag
