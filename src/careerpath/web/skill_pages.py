"""The skill page, /skills/{slug}: what a skill is, who asks for it, what teaches it."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get
from litestar.params import PathParameter
from litestar.response import Template

from careerpath.catalog.language import reader_language
from careerpath.dependencies import DbSession
from careerpath.pages.skill import skill_view
from careerpath.params import AcceptLanguage, PageLanguage


class SkillPageController(Controller):
    """One page per skill of the taxonomy."""

    include_in_schema = False

    @get("/skills/{slug:str}")
    async def skill(
        self,
        session: DbSession,
        slug: Annotated[str, PathParameter(max_length=200)],
        lang: PageLanguage = None,
        accept_language: AcceptLanguage = None,
    ) -> Template:
        """Show a skill: its kind and names, the careers asking for it, courses and books."""
        view = await skill_view(session, slug, reader_language(lang, accept_language))
        return Template(
            template_name="skill.html",
            context={"skill": view.skill, "courses": view.courses, "books": view.books},
        )
