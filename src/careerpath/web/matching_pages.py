"""Pages of matching: a career's learning path, and the skill-gap check with a paste box."""

from __future__ import annotations

from typing import Annotated

import msgspec
from litestar import Controller, get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body, QueryParameter
from litestar.response import Template

from careerpath.careers.dependencies import CurrentCareer
from careerpath.dependencies import DbSession
from careerpath.matching import queries
from careerpath.matching.schemas import MAX_GAP_TEXT_BYTES, GapIn
from careerpath.params import optional_number


class GapForm(msgspec.Struct, frozen=True):
    """The paste box: skills (comma or line separated) and/or résumé text."""

    skills: str = ""
    text: str = ""


def split_names(text: str) -> list[str]:
    """Return the names in a comma- or line-separated list."""
    return [name.strip() for name in text.replace("\n", ",").split(",") if name.strip()]


class MatchingPageController(Controller):
    """The learning path and skill-gap pages of a career."""

    path = "/careers/{slug:str}"
    include_in_schema = False

    @get("/path")
    async def learning_path(
        self,
        session: DbSession,
        career: CurrentCareer,
        free: Annotated[bool, QueryParameter()] = False,
        max_hours: Annotated[float | None, optional_number(gt=0, le=10_000)] = None,
        max_price: Annotated[float | None, optional_number(ge=0, le=1_000_000)] = None,
        known: Annotated[str | None, QueryParameter(max_length=2000)] = None,
    ) -> Template:
        """Show the ordered courses that cover the career's most demanded skills."""
        known_ids = await queries.known_skill_ids(session, split_names(known or ""))
        options = queries.path_options(free, max_hours, max_price, known_ids)
        path = await queries.learning_path(session, career, options)
        form = {"free": free, "max_hours": max_hours, "max_price": max_price, "known": known or ""}
        return Template(template_name="matching_path.html", context={"path": path, "form": form})

    @get("/gap")
    async def gap_form(self, career: CurrentCareer) -> Template:
        """Show the paste box."""
        context = {"career": career, "gap": None, "limit_kb": MAX_GAP_TEXT_BYTES // 1000}
        return Template(template_name="matching_gap.html", context=context)

    @post("/gap", status_code=200)
    async def gap_check(
        self,
        session: DbSession,
        career: CurrentCareer,
        data: Annotated[GapForm, Body(media_type=RequestEncodingType.URL_ENCODED)],
    ) -> Template:
        """Show coverage, present and missing skills; the pasted text is not stored."""
        body = GapIn(skills=split_names(data.skills), text=data.text or None)
        gap = await queries.gap_check(session, career, body)
        context = {"career": career, "gap": gap, "limit_kb": MAX_GAP_TEXT_BYTES // 1000}
        return Template(template_name="matching_gap.html", context=context)
