"""Re-extraction of stored postings and unlinked mentions, on real dice rows."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from careerpath.ingest.report import ImportReport
from careerpath.skills.models import CareerSkillDemand, Posting, PostingSkill, UnlinkedMention
from careerpath.skills.postings import build_mapping
from careerpath.skills.queries import emerging_skills
from careerpath.skills.reextract import reextract_postings, unpack
from tests.skills.test_postings import dice_rows, ingest_in, write_csv

Factory = async_sessionmaker[AsyncSession]


async def demand(factory: Factory) -> dict[tuple[int, int], int]:
    async with factory() as session:
        rows = await session.execute(
            select(
                CareerSkillDemand.career_id, CareerSkillDemand.skill_id, CareerSkillDemand.postings
            )
        )
        return {(career, skill): n for career, skill, n in rows}


async def reextract(factory: Factory, batch_size: int = 500) -> ImportReport:
    async with factory() as session, session.begin():
        return await reextract_postings(session, batch_size=batch_size)


async def links(factory: Factory) -> set[tuple[int, int]]:
    async with factory() as session:
        rows = await session.execute(select(PostingSkill.posting_id, PostingSkill.skill_id))
        return {(posting, skill) for posting, skill in rows}


async def test_reextract_restores_links_and_keeps_demand_exact(
    factory: Factory, tmp_path: Path
) -> None:
    rows = dice_rows(80)
    path = write_csv(tmp_path / "dice.csv", rows)
    await ingest_in(factory, path, build_mapping("dice"), source="dice-test")
    async with factory() as session:
        texts = [unpack(blob) for blob in await session.scalars(select(Posting.text_z))]
    originals = {" ".join(row["jobdescription"].split()) for row in rows}
    assert originals >= {" ".join(text.split()) for text in texts} and len(texts) > 70
    before_links, before_demand = await links(factory), await demand(factory)
    assert before_demand

    same = await reextract(factory, batch_size=30)
    assert (same.read, same.unchanged, same.updated) == (len(texts), len(texts), 0)
    assert await demand(factory) == before_demand

    # Lose some links and skew the figures, as an older taxonomy would have left them.
    async with factory() as session, session.begin():
        dropped = sorted({posting for posting, _ in before_links})[:10]
        await session.execute(delete(PostingSkill).where(PostingSkill.posting_id.in_(dropped)))
        await session.execute(delete(CareerSkillDemand))
    redone = await reextract(factory, batch_size=30)
    assert redone.updated == len(dropped) and redone.rejected == 0
    assert await links(factory) == before_links
    assert await demand(factory) == before_demand


async def test_unlinked_mentions_are_counted_once_per_posting(
    factory: Factory, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "dice.csv", dice_rows(300))
    await ingest_in(factory, path, build_mapping("dice"), source="dice-test")
    async with factory() as session:
        found = await emerging_skills(session, 50)
        postings = len(list(await session.scalars(select(Posting.id))))
    assert found and all(1 <= row.postings <= postings for row in found)
    names = {row.key for row in found}
    assert not names & {"experience", "engineering", "python", "java", "oracle"}
    counts = [row.postings for row in found]
    assert counts == sorted(counts, reverse=True)
    await reextract(factory)
    async with factory() as session:
        again = {r.key: r.postings for r in await session.scalars(select(UnlinkedMention))}
    assert {row.key: row.postings for row in found}.items() <= again.items()
