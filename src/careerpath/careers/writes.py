"""Write careers: curators' content edits (the one place that changes a career's prose)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers.models import CareerSection, SectionKind
from careerpath.careers.presenters import career_read
from careerpath.careers.schemas import CareerRead, CareerRef
from careerpath.careers.service import get_career, sources_of


async def edit_career(
    db: AsyncSession, career: CareerRef, summary: str | None, sections: dict[SectionKind, str]
) -> CareerRead:
    """Set the summary and section bodies given (adding sections the career lacks)."""
    row = await get_career(db, career.id)
    if summary is not None:
        row.summary = summary
    by_kind = {section.kind: section for section in row.sections}
    for kind, body in sections.items():
        if kind in by_kind:
            by_kind[kind].body = body
        else:
            title = kind.value.replace("_", " ").capitalize()
            row.sections.append(
                CareerSection(kind=kind, position=len(row.sections), title=title, body=body)
            )
    await db.flush()
    row = await get_career(db, career.id)  # reloads the columns the flush expired
    return career_read(row, await sources_of(db, row))
