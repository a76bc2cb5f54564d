"""REST API of the skills domain: skills, a career's skills, extraction."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get, post
from litestar.params import JSONBody, QueryParameter

from careerpath.careers.dependencies import CurrentCareer
from careerpath.dependencies import DbSession
from careerpath.errors import PayloadTooLargeError
from careerpath.params import RowId
from careerpath.skills import queries
from careerpath.skills.models import Skill
from careerpath.skills.schemas import (
    CareerSkillsRead,
    ExtractIn,
    ExtractOut,
    MentionRead,
    SkillPage,
    SkillRead,
    SkillSummary,
)
from careerpath.skills.service import get_extractor

MAX_EXTRACT_BYTES = 100 * 1024
MAX_PAGE_SIZE = 100


def _summary(skill: Skill) -> SkillSummary:
    return SkillSummary(skill.id, skill.display_name, skill.name, skill.category, skill.hot)


class SkillController(Controller):
    """Skills and technologies from the O*NET taxonomy, and what postings ask for."""

    path = "/api/v1"
    tags = ["skills"]  # noqa: RUF012

    @get(
        "/skills",
        summary="Search skills",
        description="Words of a name or alias starting with q; most demanded first.",
    )
    async def list_skills(
        self,
        session: DbSession,
        q: Annotated[str | None, QueryParameter(max_length=200)] = None,
        category: Annotated[str | None, QueryParameter(max_length=80)] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE_SIZE)] = 20,
        offset: Annotated[int, QueryParameter(ge=0, le=1_000_000)] = 0,
    ) -> SkillPage:
        """Return one page of skills (autocomplete with a short ``q``)."""
        skills, total = await queries.search_skills(
            session, query=q, category=category, limit=limit, offset=offset
        )
        return SkillPage([_summary(s) for s in skills], total, limit, offset)

    @get("/skills/{skill_id:int}", summary="Get a skill")
    async def get_skill(self, session: DbSession, skill_id: RowId) -> SkillRead:
        """Return a skill with aliases, category and the careers that ask for it most."""
        skill = await queries.get_skill(session, skill_id)
        return SkillRead(
            id=skill.id,
            name=skill.display_name,
            onet_name=skill.name,
            category=skill.category,
            commodity_title=skill.commodity_title,
            hot=skill.hot,
            aliases=await queries.skill_aliases(session, skill.id),
            careers=await queries.careers_asking_for(session, skill.id),
            onet_occupations=[o.title for o in await queries.occupations_using(session, skill.id)],
        )

    @get("/careers/{slug:str}/skills", summary="Skills a career's postings ask for")
    async def career_skills(self, session: DbSession, career: CurrentCareer) -> CareerSkillsRead:
        """Return demand per skill (below 30 postings: none) and the O*NET technology list."""
        return await queries.career_skills(session, career)

    @post(
        "/extract",
        summary="Find skills in text",
        description="Body over 100 KB answers 413.",
        status_code=200,
        request_max_body_size=MAX_EXTRACT_BYTES,
    )
    async def extract(self, session: DbSession, data: JSONBody[ExtractIn]) -> ExtractOut:
        """Return the skill mentions in ``text``."""
        if len(data.text.encode("utf-8")) > MAX_EXTRACT_BYTES:
            raise PayloadTooLargeError("Text over 100 KB: send it in parts.")
        extractor = await get_extractor(session)
        mentions = extractor.extract(data.text)
        names = await queries.skill_names(session, {skill for skill, _, _ in mentions})
        text = data.text
        return ExtractOut(
            [
                MentionRead(skill, names[skill], start, end, text[start:end])
                for skill, start, end in mentions
            ]
        )
