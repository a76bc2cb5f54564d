"""Edit a career's content: its summary and the prose of its sections."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers import service as careers_service
from careerpath.careers.models import Career, CareerSection, SectionKind


async def update_career(
    db: AsyncSession, slug: str, summary: str | None, sections: dict[SectionKind, str]
) -> Career:
    """Set the summary and section bodies given; a section the career lacks is added."""
    career = await careers_service.get_career_by_slug(db, slug)
    if summary is not None:
        career.summary = summary
    by_kind = {section.kind: section for section in career.sections}
    for kind, body in sections.items():
        if kind in by_kind:
            by_kind[kind].body = body
        else:
            title = kind.value.replace("_", " ").capitalize()
            career.sections.append(
                CareerSection(kind=kind, position=len(career.sections), title=title, body=body)
            )
    await db.flush()
    return await careers_service.get_career(db, career.id)
