"""The compare page's top skills: most asked for across kinds, no background facts."""

from __future__ import annotations

from careerpath.pages.compare import TOP_SKILLS, top_skills
from careerpath.skills.schemas import SkillShareRead
from careerpath.skills.sections import KindGroup


def share(skill_id: int, name: str, kind: str, value: float) -> SkillShareRead:
    return SkillShareRead(skill_id, name, "", round(value * 100), value, False, False, kind)


def test_top_skills_rank_by_share_across_kinds_and_leave_out_background() -> None:
    languages = [share(i, f"Language {i}", "language", 0.30 - i / 100) for i in range(10)]
    groups = [
        KindGroup("language", "Languages", languages),
        KindGroup("database", "Databases", [share(50, "SQL", "database", 0.45)]),
        KindGroup("tool", "Tools", [share(51, "Linux", "tool", 0.32)]),
        KindGroup("field", "Fields of study", [share(52, "Computer science", "field", 0.60)]),
        KindGroup("spoken", "Spoken languages", [share(53, "English", "spoken", 0.50)]),
    ]

    names = list(top_skills(groups))

    assert names[:3] == ["SQL", "Linux", "Language 0"]
    assert len(names) == TOP_SKILLS
    assert "Computer science" not in names and "English" not in names


def test_onet_lists_without_shares_keep_their_order() -> None:
    listed = [share(i, f"Tool {i}", "tool", 0.0) for i in range(5)]
    assert list(top_skills([KindGroup("tool", "Tools", listed)])) == [s.name for s in listed]
