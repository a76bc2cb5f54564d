"""Edit a career's content: its summary and the prose of its sections."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers import service as careers_service
from careerpath.careers.models import Career, SectionKind
from careerpath.errors import InvalidInputError


async def update_career(
    db: AsyncSession, slug: str, summary: str | None, sections: dict[SectionKind, str]
) -> Career:
    """Set the summary and section bodies given; a section the career lacks is an error."""
    career = await careers_service.get_career_by_slug(db, slug)
    if summary is not None:
        career.summary = summary
    by_kind = {section.kind: section for section in career.sections}
    missing = [kind.value for kind in sections if kind not in by_kind]
    if missing:
        raise InvalidInputError(f"This career has no section {', '.join(missing)}.")
    for kind, body in sections.items():
        by_kind[kind].body = body
    await db.flush()
    return await careers_service.get_career(db, career.id)
