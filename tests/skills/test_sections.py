"""How a career's skills section orders its skills: by share, or O*NET's list without postings."""

from __future__ import annotations

from careerpath.skills.schemas import SkillShareRead
from careerpath.skills.sections import (
    ONET_PICKS_SHOWN_FIRST,
    SHOWN_FIRST,
    KindGroup,
    arrange,
    arrange_listed,
)


def listed(count: int, *, first_id: int, hot: bool, in_demand: bool) -> list[SkillShareRead]:
    return [
        SkillShareRead(i, f"skill {i:03d}", "Tools", 0, 0.0, hot, in_demand, "tool")
        for i in range(first_id, first_id + count)
    ]


def names(groups: list[KindGroup]) -> set[int]:
    return {skill.id for group in groups for skill in group.skills}


def test_a_career_without_own_tools_shows_only_a_short_pick_of_onets_hot_list() -> None:
    # Database Architects: O*NET marks dozens hot; a reader should not meet Revit before SQL.
    skills = listed(40, first_id=1, hot=True, in_demand=False)
    skills += listed(5, first_id=100, hot=True, in_demand=True)
    first, rest = arrange_listed(skills, own=set())

    shown = names(first)
    assert len(shown) == ONET_PICKS_SHOWN_FIRST
    assert set(range(100, 105)) <= shown  # in demand before merely hot
    assert len(names(rest)) == len(skills) - ONET_PICKS_SHOWN_FIRST


def test_own_tools_all_come_first_and_onet_picks_fill_after_them() -> None:
    own_tools = listed(20, first_id=1, hot=False, in_demand=False)
    onet = listed(30, first_id=200, hot=True, in_demand=True)
    first, rest = arrange_listed(own_tools + onet, own={s.id for s in own_tools})

    shown = names(first)
    assert {s.id for s in own_tools} <= shown
    assert len(shown) == min(SHOWN_FIRST, len(own_tools) + ONET_PICKS_SHOWN_FIRST)
    assert names(first).isdisjoint(names(rest))


def test_background_facts_are_ranked_apart_from_the_skills() -> None:
    # Dice: "Computer science (field of study)" tops the raw counts; it is not a tool to learn.
    def share(i: int, name: str, share: float, kind: str) -> SkillShareRead:
        return SkillShareRead(i, name, "c", 100, share, False, False, kind)

    shares = [share(1, "Computer science", 0.24, "field"), share(2, "English", 0.2, "spoken")]
    shares += [share(10 + i, f"tool {i:02d}", 0.2 - i / 1000, "tool") for i in range(SHOWN_FIRST)]
    arranged = arrange(shares)

    assert names(arranged.first) == {10 + i for i in range(SHOWN_FIRST)}
    assert names(arranged.rest) == set()
    assert [g.kind for g in arranged.background] == ["field", "spoken"]
