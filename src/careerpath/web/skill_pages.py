"""The skill page, /skills/{slug}: what a skill is, who asks for it, what teaches it."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get
from litestar.params import PathParameter
from litestar.response import Template

from careerpath.catalog import service as catalog_service
from careerpath.catalog.models import ResourceKind
from careerpath.dependencies import DbSession
from careerpath.skills import sections

RESOURCES_SHOWN = 8


class SkillPageController(Controller):
    """One page per skill of the taxonomy."""

    include_in_schema = False

    @get("/skills/{slug:str}")
    async def skill(
        self, session: DbSession, slug: Annotated[str, PathParameter(max_length=200)]
    ) -> Template:
        """Show a skill: its kind and names, the careers asking for it, courses and books."""
        summary = await sections.skill_summary(session, slug)
        courses = await catalog_service.resources_teaching(
            session, summary.id, ResourceKind.COURSE, RESOURCES_SHOWN
        )
        books = await catalog_service.resources_teaching(
            session, summary.id, ResourceKind.BOOK, RESOURCES_SHOWN
        )
        return Template(
            template_name="skill.html",
            context={"skill": summary, "courses": courses, "books": books},
        )
