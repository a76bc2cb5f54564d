"""Re-resolving stored postings: a career added later gains its postings and their demand."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from careerpath.careers.models import Career, CareerAlias
from careerpath.careers.title_settings import RESOLVER_VERSION
from careerpath.careers.titles import normalize_title, slugify
from careerpath.skills.models import CareerDemand, Posting
from careerpath.skills.posting_titles import recompute_posting_titles
from careerpath.skills.postings import build_mapping
from tests.skills.test_postings import Factory, dice_rows, ingest_in, write_csv


async def test_recompute_attaches_postings_to_a_new_career(
    factory: Factory, tmp_path: Path
) -> None:
    rows = dice_rows(80)
    title = rows[0]["jobtitle"]
    path = write_csv(tmp_path / "dice.csv", rows)
    await ingest_in(factory, path, build_mapping("dice"), source="dice-recompute")
    async with factory() as session, session.begin():
        career = Career(slug="recompute-test-career", title="Recompute Test Career")
        career.aliases.append(
            CareerAlias(
                name=title, normalized=normalize_title(title), slug=slugify(title), kind="curated"
            )
        )
        session.add(career)
        await session.flush()
        result = await recompute_posting_titles(session)
        assert result.postings > 50 and result.moved >= 1
        stored = await session.scalars(select(Posting).where(Posting.title == title))
        assert all(p.career_id == career.id for p in stored)
        assert all(p.resolver_version == RESOLVER_VERSION for p in stored)
        demand = await session.scalar(
            select(CareerDemand.postings).where(CareerDemand.career_id == career.id)
        )
        assert demand is not None and demand >= 1
