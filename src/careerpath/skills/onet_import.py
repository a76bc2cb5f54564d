"""Import an O*NET release: occupations become careers, linked to curated careers by SOC code.

Versioned by release: the same release again changes nothing; a newer one updates the same
careers in place (their O*NET-sourced aliases, sections and relations are replaced).
"""

from __future__ import annotations

import time

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers import writes as careers_writes
from careerpath.careers.models import SectionKind
from careerpath.careers.writes import Advance, Items, OccupationCareer, SectionIn
from careerpath.errors import InvalidInputError
from careerpath.ingest.report import ImportReport
from careerpath.provenance.models import Source
from careerpath.provenance.service import upsert_source
from careerpath.skills.models import OnetImport, OnetOccupation, Skill
from careerpath.skills.onet import ATTRIBUTION, Occupation, OnetRelease
from careerpath.skills.store import (
    already_imported,
    sync_occupation_skills,
    sync_taxonomy,
)
from careerpath.skills.taxonomy import build_taxonomy, reviewed_aliases


def _no_progress(_steps: int) -> None:
    """Progress callback that ignores progress."""


async def onet_source(session: AsyncSession, release: str) -> Source:
    """Return the provenance source of an O*NET release, with the required attribution."""
    return await upsert_source(
        session,
        key="onet",
        name=f"O*NET {release} Database",
        licence="CC BY 4.0",
        url="https://www.onetcenter.org/database.html",
        note=ATTRIBUTION.format(release=release),
    )


async def import_onet(
    session: AsyncSession, release: OnetRelease, advance: Advance = _no_progress
) -> ImportReport:
    """Import ``release``; a no-op when that release was imported already."""
    started = time.perf_counter()
    report = ImportReport(read=len(release.occupations))
    if await already_imported(session, "onet", release.release):
        report.unchanged = report.read
        advance(report.read)
        return _done(report, started)
    await _refuse_older(session, release.release)
    source = await onet_source(session, release.release)
    await sync_taxonomy(
        session,
        build_taxonomy(release.technology, reviewed_aliases(), tools=release.tool_occupations()),
    )
    careers, created = await careers_writes.upsert_occupation_careers(
        session, _careers_of(release), await _linked_careers(session), source.id, advance
    )
    report.imported, report.updated = created, report.read - created
    occupation_ids = await _upsert_occupations(session, release, careers)
    skill_ids = dict((await session.execute(select(Skill.name, Skill.id))).all())
    await sync_occupation_skills(session, occupation_ids, release.technology, skill_ids)
    session.add(OnetImport(kind="onet", release=release.release, occupations=report.read))
    await session.flush()
    return _done(report, started)


def _done(report: ImportReport, started: float) -> ImportReport:
    report.seconds = time.perf_counter() - started
    return report


def _version(release: str) -> tuple[int, ...]:
    return tuple(int(part) for part in release.split(".") if part.isdigit())


async def _refuse_older(session: AsyncSession, release: str) -> None:
    imported = await session.scalars(select(OnetImport.release).where(OnetImport.kind == "onet"))
    newest = max(imported, key=_version, default=None)
    if newest is not None and _version(release) < _version(newest):
        raise InvalidInputError(f"O*NET {newest} is imported already; {release} is older.")


async def _linked_careers(session: AsyncSession) -> dict[str, int]:
    """Return SOC code -> career of the occupations imported before."""
    rows = await session.execute(
        select(OnetOccupation.soc_code, OnetOccupation.career_id).where(
            OnetOccupation.career_id.is_not(None)
        )
    )
    return {code: career_id for code, career_id in rows if career_id is not None}


def _careers_of(release: OnetRelease) -> list[OccupationCareer]:
    """Return the career each occupation of ``release`` becomes."""
    return [
        OccupationCareer(
            soc_code=code,
            title=occupation.title,
            summary=occupation.description,
            aliases=[
                (occupation.title, "title"),
                *((t, "onet_alternate") for t in occupation.alternate_titles),
                *((t, "onet_reported") for t in occupation.reported_titles),
            ],
            sections=_sections_of(occupation, release),
            related=list(occupation.related),
        )
        for code, occupation in release.occupations.items()
    ]


def _sections_of(occupation: Occupation, release: OnetRelease) -> list[SectionIn]:
    sections: list[SectionIn] = []
    if occupation.tasks:
        tasks: Items = [(None, task) for task in occupation.tasks]
        body = "Tasks O*NET lists for this occupation:"
        sections.append(SectionIn(SectionKind.RESPONSIBILITIES, "Tasks", body, tasks))
    if occupation.tools:
        tools: Items = [
            (group, name) for name, group in sorted(occupation.tools, key=lambda t: t[1])
        ]
        sections.append(SectionIn(SectionKind.TOOLS, "Tools used", "", tools))
    zone = release.job_zones.get(occupation.job_zone or 0)
    if zone is not None:
        body = f"{zone['Name']}. {zone['Education']} {zone['Experience']}"
        sections.append(SectionIn(SectionKind.EDUCATION, "Preparation", body))
    return sections


async def _upsert_occupations(
    session: AsyncSession, release: OnetRelease, careers: dict[str, int]
) -> dict[str, int]:
    rows = await session.scalars(select(OnetOccupation))
    found = {row.soc_code: row for row in rows}
    for code, occupation in release.occupations.items():
        row = found.get(code)
        if row is None:
            row = found[code] = OnetOccupation(soc_code=code)
            session.add(row)
        row.title, row.career_id = occupation.title, careers[code]
        row.job_zone, row.release = occupation.job_zone, release.release
    await session.flush()
    return {code: found[code].id for code in release.occupations}
