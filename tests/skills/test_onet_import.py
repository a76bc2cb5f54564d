"""Importing O*NET: careers, aliases, relations, tasks, skills; idempotent and versioned."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers.models import Career, CareerAlias, CareerRelation, RelationKind
from careerpath.careers.service import get_career, lookup_slug
from careerpath.errors import InvalidInputError
from careerpath.provenance.models import Source
from careerpath.skills.models import OccupationSkill, OnetOccupation
from careerpath.skills.onet import read_onet
from careerpath.skills.onet_import import import_onet
from tests.skills.onet_subset import SUBSET, write_subset
from tests.support import require_shared_data


async def career_at(session: AsyncSession, slug: str) -> Career:
    return await get_career(session, (await lookup_slug(session, slug)).career.id)


@pytest.fixture
def subset_dir(tmp_path: Path) -> Path:
    return write_subset(require_shared_data("onet"), tmp_path / "onet")


def test_the_full_release_parses() -> None:
    release = read_onet(require_shared_data("onet"))
    assert release.release == "29.2"
    assert len(release.occupations) == 1016
    assert len({row.name for row in release.technology}) == 8768
    developers = release.occupations["15-1252.00"]
    assert developers.title == "Software Developers"
    assert developers.job_zone == 4
    assert developers.tasks and developers.alternate_titles and developers.related


async def test_import_creates_careers_and_links_curated_ones(
    session: AsyncSession, subset_dir: Path
) -> None:
    report = await import_onet(session, read_onet(subset_dir))
    assert (report.read, report.imported, report.rejected) == (len(SUBSET), len(SUBSET), 0)
    developers = await career_at(session, "software-developers")
    assert developers.onet_soc_code == "15-1252.00" and not developers.is_stub
    assert developers.summary.startswith("Research, design, and develop")
    assert developers.source is not None and developers.source.licence == "CC BY 4.0"
    kinds = {alias.kind for alias in developers.aliases}
    assert {"title", "onet_alternate"} <= kinds
    sections = {section.kind.value: section for section in developers.sections}
    assert len(sections["responsibilities"].items) > 10
    assert sections["tools"].items
    back_end = await career_at(session, "back-end-engineer")
    specialisations = {
        r.related_career_id for r in developers.relations if r.kind == RelationKind.SPECIALISATION
    }
    assert back_end.id in specialisations
    curated = await session.scalar(
        select(func.count()).select_from(Career).where(Career.slug.like("back-end-engineer%"))
    )
    assert curated == 1


async def test_occupation_skills_carry_hot_and_in_demand_flags(
    session: AsyncSession, subset_dir: Path
) -> None:
    await import_onet(session, read_onet(subset_dir))
    occupation = await session.scalar(
        select(OnetOccupation).where(OnetOccupation.soc_code == "15-1252.00")
    )
    assert occupation is not None
    rows = list(
        await session.scalars(
            select(OccupationSkill).where(OccupationSkill.occupation_id == occupation.id)
        )
    )
    assert len(rows) == 425
    assert any(row.in_demand for row in rows) and any(row.hot for row in rows)


async def test_same_release_twice_changes_nothing(session: AsyncSession, subset_dir: Path) -> None:
    await import_onet(session, read_onet(subset_dir))
    aliases = await session.scalar(select(func.count()).select_from(CareerAlias))
    again = await import_onet(session, read_onet(subset_dir))
    assert (again.imported, again.updated, again.unchanged) == (0, 0, len(SUBSET))
    assert await session.scalar(select(func.count()).select_from(CareerAlias)) == aliases


async def test_newer_release_updates_in_place(session: AsyncSession, subset_dir: Path) -> None:
    await import_onet(session, read_onet(subset_dir))
    before = await career_at(session, "software-developers")
    newer = read_onet(subset_dir)
    newer.release = "29.3"
    newer.occupations["15-1252.00"].description = "A changed description."
    report = await import_onet(session, newer)
    assert (report.imported, report.updated) == (0, len(SUBSET))
    session.expire_all()
    after = await career_at(session, "software-developers")
    assert after.id == before.id and after.summary == "A changed description."
    relations = await session.scalar(
        select(func.count()).select_from(CareerRelation).where(CareerRelation.career_id == after.id)
    )
    assert relations and relations > 0


async def test_an_older_release_is_refused(session: AsyncSession, subset_dir: Path) -> None:
    release = read_onet(subset_dir)
    await import_onet(session, release)
    release.release = "28.0"
    with pytest.raises(InvalidInputError):
        await import_onet(session, release)


async def test_shared_alternate_titles_resolve_by_kind(
    session: AsyncSession, subset_dir: Path
) -> None:
    await import_onet(session, read_onet(subset_dir))
    found = await lookup_slug(session, "backend-developer")
    assert found.career.slug == "back-end-engineer"
    source = await session.scalar(select(Source).where(Source.key == "onet"))
    assert source is not None and "USDOL/ETA" in (source.note or "")
