"""Re-extract stored postings after a taxonomy change; count unlinked mentions.

Postings keep their text (zlib) since migration 0820, so a new taxonomy or extractor can read
them again. All of it runs in the caller's transaction: links change batch by batch, then the
skill demand per career is recounted from the links in one statement, so it is exactly what
incremental ingestion would have produced.
"""

from __future__ import annotations

import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterable

from sqlalchemy import delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.ingest.bulk import insert_rows
from careerpath.ingest.report import ImportReport
from careerpath.skills.emerging import unlinked
from careerpath.skills.extract import Extractor
from careerpath.skills.models import (
    CareerSkillDemand,
    Posting,
    PostingSkill,
    UnlinkedMention,
)
from careerpath.skills.service import get_extractor
from careerpath.skills.store import CHUNK

BATCH_SIZE = 500
NO_TEXT = "no stored text (ingested before migration 0820): re-ingest the file to include it"


def pack(text: str) -> bytes:
    """Compress a posting's text for storage."""
    return zlib.compress(text.encode("utf-8"), 6)


def unpack(blob: bytes) -> str:
    """Return the text ``pack`` stored."""
    return zlib.decompress(blob).decode("utf-8")


def taxonomy_words(extractor: Extractor) -> frozenset[str]:
    """Folded alias keys and the first words of multi-word ones (vendors: "Oracle")."""
    keys = {key.lower() for key in extractor.keys}
    return frozenset(keys | {key.split()[0] for key in keys if " " in key})


def read_posting(
    extractor: Extractor, text: str, taxonomy: frozenset[str]
) -> tuple[set[int], dict[str, str]]:
    """Return the skills a posting asks for and its unlinked names ({key: as written})."""
    mentions, asked = extractor.read(text)
    return {skill for skill, _, _ in asked}, unlinked(text, mentions, taxonomy)


async def record_unlinked(session: AsyncSession, found: Iterable[dict[str, str]]) -> None:
    """Add one to each name's posting count (each dict is one posting's names)."""
    counts: Counter[str] = Counter()
    surfaces: dict[str, str] = {}
    for names in found:
        counts.update(names.keys())
        surfaces.update(names)
    if not counts:
        return
    keys = list(counts)
    existing: dict[str, UnlinkedMention] = {}
    for offset in range(0, len(keys), CHUNK):
        rows = await session.scalars(
            select(UnlinkedMention).where(UnlinkedMention.key.in_(keys[offset : offset + CHUNK]))
        )
        existing.update({row.key: row for row in rows})
    new_rows = []
    for key, count in counts.items():
        row = existing.get(key)
        if row is None:
            new_rows.append({"key": key, "surface": surfaces[key], "postings": count})
        else:
            row.postings += count
    await insert_rows(session, UnlinkedMention, new_rows)
    await session.flush()


async def reextract_postings(
    session: AsyncSession,
    advance: Callable[[int], None] | None = None,
    batch_size: int = BATCH_SIZE,
) -> ImportReport:
    """Re-extract every stored posting; "updated" counts postings whose skills changed."""
    started = time.perf_counter()
    report = ImportReport()
    extractor = await get_extractor(session)
    taxonomy = taxonomy_words(extractor)
    await session.execute(delete(UnlinkedMention))
    last_id = 0
    while True:
        found = await session.execute(
            select(Posting.id, Posting.text_z)
            .where(Posting.id > last_id)
            .order_by(Posting.id)
            .limit(batch_size)
        )
        rows = [(posting_id, blob) for posting_id, blob in found]
        if not rows:
            break
        last_id = rows[-1][0]
        await _reextract_batch(session, rows, extractor, taxonomy, report)
        if advance is not None:
            advance(len(rows))
    await recount_demand(session)
    report.seconds = time.perf_counter() - started
    return report


async def _reextract_batch(
    session: AsyncSession,
    rows: list[tuple[int, bytes | None]],
    extractor: Extractor,
    taxonomy: frozenset[str],
    report: ImportReport,
) -> None:
    report.read += len(rows)
    stored = [(posting_id, unpack(blob)) for posting_id, blob in rows if blob is not None]
    for posting_id, blob in rows:
        if blob is None:
            report.reject(posting_id, NO_TEXT)
    ids = [posting_id for posting_id, _ in stored]
    old: dict[int, set[int]] = {posting_id: set() for posting_id in ids}
    for posting_id, skill_id in await session.execute(
        select(PostingSkill.posting_id, PostingSkill.skill_id).where(
            PostingSkill.posting_id.in_(ids)
        )
    ):
        old[posting_id].add(skill_id)
    links: list[dict[str, int]] = []
    changed: list[int] = []
    names: list[dict[str, str]] = []
    for posting_id, text in stored:
        new, found = read_posting(extractor, text, taxonomy)
        names.append(found)
        if new == old[posting_id]:
            report.unchanged += 1
            continue
        changed.append(posting_id)
        links.extend({"posting_id": posting_id, "skill_id": s} for s in sorted(new))
    report.updated += len(changed)
    if changed:
        await session.execute(delete(PostingSkill).where(PostingSkill.posting_id.in_(changed)))
        await insert_rows(session, PostingSkill, links)
    await record_unlinked(session, names)


async def recount_demand(session: AsyncSession) -> None:
    """Recount every career's postings per skill from the stored links."""
    await session.execute(delete(CareerSkillDemand))
    counted = (
        select(Posting.career_id, PostingSkill.skill_id, func.count())
        .join(PostingSkill, PostingSkill.posting_id == Posting.id)
        .where(Posting.career_id.is_not(None))
        .group_by(Posting.career_id, PostingSkill.skill_id)
    )
    await session.execute(
        insert(CareerSkillDemand).from_select(["career_id", "skill_id", "postings"], counted)
    )
