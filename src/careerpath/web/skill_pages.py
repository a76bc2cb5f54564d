"""The skill page, /skills/{slug}: what a skill is, who asks for it, what teaches it."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get
from litestar.params import HeaderParameter, PathParameter, QueryParameter
from litestar.response import Template

from careerpath.catalog.language import reader_language
from careerpath.dependencies import DbSession
from careerpath.pages.skill import skill_view


class SkillPageController(Controller):
    """One page per skill of the taxonomy."""

    include_in_schema = False

    @get("/skills/{slug:str}")
    async def skill(
        self,
        session: DbSession,
        slug: Annotated[str, PathParameter(max_length=200)],
        lang: Annotated[str | None, QueryParameter(max_length=10)] = None,
        accept_language: Annotated[
            str | None, HeaderParameter(name="Accept-Language", max_length=500)
        ] = None,
    ) -> Template:
        """Show a skill: its kind and names, the careers asking for it, courses and books."""
        view = await skill_view(session, slug, reader_language(lang, accept_language))
        return Template(
            template_name="skill.html",
            context={"skill": view.skill, "courses": view.courses, "books": view.books},
        )
