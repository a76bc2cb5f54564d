"""Tagging with taxonomy ids, demand fallback, and curation (pins and hides) on the demo data."""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers.service import lookup_slug
from careerpath.catalog.importer import make_tagger, retag_resources, upsert_resources
from careerpath.catalog.models import ResourceKind, ResourceSkill
from careerpath.catalog.profiles import ResourceIn
from careerpath.catalog.service import file_source
from careerpath.catalog.skill_tagging import tag_skills
from careerpath.config import Settings
from careerpath.ingest.report import ImportReport
from careerpath.matching import curation
from careerpath.matching.catalog_view import load_catalog
from careerpath.matching.models import CareerCuration, CareerRanking
from careerpath.matching.profile import career_demand
from careerpath.matching.queries import RankFilters, ranked
from careerpath.skills.service import get_extractor


async def test_demo_resources_carry_skill_ids(session: AsyncSession) -> None:
    linked = await session.scalar(
        select(func.count(func.distinct(ResourceSkill.resource_id))).where(
            ResourceSkill.skill_id.is_not(None)
        )
    )
    assert linked and linked >= 20


async def test_tagging_links_publisher_tags_and_extracts_text(session: AsyncSession) -> None:
    text = ("Django REST services", "Build APIs with PostgreSQL.")
    tagger = await make_tagger(session, [text])
    tags = tag_skills(*text, ["Python"], ["Web"], tagger)
    by_origin = {t.origin: t for t in tags}
    assert by_origin["publisher"].skill_id is not None
    extracted = {t.name for t in tags if t.origin == "extracted"}
    assert {"Django", "PostgreSQL"} <= extracted
    ids = [t.skill_id for t in tags if t.skill_id is not None]
    assert len(ids) == len(set(ids))


async def test_profile_names_what_it_is_built_from(session: AsyncSession) -> None:
    demand = await career_demand(session, (await lookup_slug(session, "back-end-engineer")).career)
    assert demand.shares and demand.terms
    if demand.basis == "profile":
        assert "Back End Engineer's own profile" in demand.describe()
        assert "curated skills and tools" in demand.describe()
    else:
        assert "postings" in demand.describe()


async def test_pin_and_hide(rankings: int, settings: Settings, session: AsyncSession) -> None:
    career = (await lookup_slug(session, "back-end-engineer")).career
    before = await ranked(session, career, "course", RankFilters(), 50)
    assert len(before.items) >= 3
    first, last = before.items[0].resource_id, before.items[-1].resource_id
    await curation.hide(session, settings.var_dir, career.id, first, "editor@example.org")
    await curation.pin(session, settings.var_dir, career.id, last, 1, "editor@example.org")
    after = await ranked(session, career, "course", RankFilters(), 50)
    ids = [item.resource_id for item in after.items]
    assert first not in ids
    assert ids[0] == last and after.items[0].explanation["pinned"] is True
    decisions = list(await session.scalars(select(CareerCuration)))
    assert {d.curated_by for d in decisions} == {"editor@example.org"}
    await curation.clear(session, settings.var_dir, career.id, first)
    restored = await session.scalar(
        select(CareerRanking.position).where(
            CareerRanking.career_id == career.id, CareerRanking.resource_id == first
        )
    )
    assert restored is not None


async def test_retag_keeps_the_links(session: AsyncSession) -> None:
    linked = select(func.count()).where(ResourceSkill.skill_id.is_not(None))
    before = await session.scalar(linked.select_from(ResourceSkill))
    await session.execute(update(ResourceSkill).values(skill_id=None))
    written = await retag_resources(session)
    after = await session.scalar(linked.select_from(ResourceSkill))
    assert written > 0 and after == before


async def test_a_title_names_the_language_and_the_tool_even_without_tags(
    session: AsyncSession,
) -> None:
    # Tags stored before the taxonomy knew a skill link to nothing; the title still tells.
    await session.execute(update(ResourceSkill).values(skill_id=None))
    items = await load_catalog(session)
    extractor = await get_extractor(session)
    python = next(iter(extractor.mentioned_ids("Python")))
    postgresql = next(iter(extractor.mentioned_ids("PostgreSQL")))
    by_title = [i for i in items if "python" in i.title.lower().split()]
    assert by_title and all(python in i.languages for i in by_title)
    assert all(python not in i.subjects for i in by_title)  # languages have their own cap
    tools = [i for i in items if "postgresql" in i.title.lower()]
    assert tools and all(postgresql in i.subjects for i in tools)


async def test_a_title_naming_a_practice_counts_under_the_subject_cap(
    session: AsyncSession,
) -> None:
    # "Test-Driven Development" and "Agile" are practices, not tools: they are capped alike.
    titles = ("Test-Driven Development by Example", "Agile Software Development")
    rows = [ResourceIn(ResourceKind.BOOK, f"practice-{n}", t, f"https://example.org/{n}")
            for n, t in enumerate(titles)]  # fmt: skip
    await upsert_resources(session, file_source("practices.csv"), ResourceKind.BOOK, rows,
                           ImportReport())  # fmt: skip
    extractor = await get_extractor(session)
    expected = {t: extractor.mentioned_ids(t.split(" by ")[0].removesuffix(" Software Development"))
                for t in titles}  # fmt: skip
    by_title = {i.title: i.subjects for i in await load_catalog(session) if i.title in titles}
    assert all(expected[t] and expected[t] <= by_title[t] for t in titles), by_title
