"""The tools of a career page: grouped when the groups are few, one list when O*NET's many."""

from __future__ import annotations

from careerpath.careers.schemas import CareerRead, SectionItemRead, SectionRead
from careerpath.pages.career_layout import TOOL_GROUPS_MAX, TOOLS_SHOWN, build_career_page
from careerpath.skills.onet import read_onet
from tests.support import require_shared_data


def _career(tools: list[tuple[str, str]]) -> CareerRead:
    """A career whose only section is its tools, as (group, name) in the import's order."""
    items = [SectionItemRead(name, group) for group, name in tools]
    section = SectionRead("tools", "Tools used", "", items)
    return CareerRead(1, "c", "C", "", False, None, [], [section], [], [], [], "")


def test_onet_tool_lists_show_at_most_a_screenful_and_keep_every_tool() -> None:
    """Registered Nurses list 200+ tools under 100+ commodity titles: the page showed one
    heading per commodity, 25,000 px tall on a phone."""
    release = read_onet(require_shared_data("onet"))
    long_lists = 0
    for occupation in release.occupations.values():
        tools = sorted(((group, name) for name, group in occupation.tools), key=lambda t: t[0])
        page = build_career_page(_career(tools), [])
        shown = [name for _, names in page.tools for name in names]
        assert len(shown) + len(page.tools_more) == len({name for _, name in tools})
        if len({group for group, _ in tools}) > TOOL_GROUPS_MAX:
            long_lists += 1
            assert page.tools == [("", shown)]
            assert len(shown) == min(TOOLS_SHOWN, len({name for _, name in tools}))
        else:
            assert not page.tools_more
    assert long_lists > 100


def test_a_few_groups_stay_grouped() -> None:
    tools = [("Querying", "SQL"), ("Querying", "PostgreSQL"), ("Dashboards", "Tableau")]
    page = build_career_page(_career(tools), [])
    assert page.tools == [("Querying", ["SQL", "PostgreSQL"]), ("Dashboards", ["Tableau"])]
    assert page.tools_more == []
