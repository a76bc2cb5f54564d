"""Turn career rows into their API shapes."""

from __future__ import annotations

from careerpath.careers.models import Career
from careerpath.careers.schemas import (
    CareerRead,
    CareerSummary,
    LevelRead,
    RelatedCareerRead,
    SectionItemRead,
    SectionRead,
)
from careerpath.provenance.models import Source
from careerpath.provenance.schemas import source_read


def career_summary(career: Career) -> CareerSummary:
    """Return the list shape of a career."""
    return CareerSummary(
        slug=career.slug,
        title=career.title,
        summary=career.summary,
        is_stub=career.is_stub,
        onet_soc_code=career.onet_soc_code,
    )


def career_read(career: Career, sources: list[Source]) -> CareerRead:
    """Return the full shape of a career; ``sources`` are those its facts point at."""
    keys = {source.id: source.key for source in sources}
    return CareerRead(
        id=career.id,
        slug=career.slug,
        title=career.title,
        summary=career.summary,
        is_stub=career.is_stub,
        onet_soc_code=career.onet_soc_code,
        aliases=[a.name for a in career.aliases if a.kind != "title"],
        sections=[
            SectionRead(
                kind=section.kind.value,
                title=section.title,
                body=section.body,
                source=keys.get(section.source_id or 0),
                items=[
                    SectionItemRead(text=i.text, group=i.group, source=keys.get(i.source_id or 0))
                    for i in section.items
                ],
            )
            for section in career.sections
        ],
        ladder=[
            LevelRead(
                position=level.position,
                title=level.title,
                years_min=level.years_min,
                years_max=level.years_max,
                source=keys.get(level.source_id or 0),
            )
            for level in career.levels
        ],
        related=[
            RelatedCareerRead(kind=r.kind.value, slug=r.related.slug, title=r.related.title)
            for r in career.relations
        ],
        sources=[source_read(source) for source in sources],
        updated_at=career.updated_at.isoformat(),
    )
