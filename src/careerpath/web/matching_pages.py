"""Pages of matching: a career's learning path, and the skill-gap check with a paste box."""

from __future__ import annotations

from typing import Annotated

import msgspec
from litestar import Controller, get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body, QueryParameter
from litestar.response import Template

from careerpath.careers.dependencies import CurrentCareer
from careerpath.catalog.language import reader_language
from careerpath.dependencies import DbSession
from careerpath.matching import queries
from careerpath.matching.schemas import MAX_GAP_TEXT_BYTES, GapIn
from careerpath.params import AcceptLanguage, PageLanguage


class GapForm(msgspec.Struct, frozen=True):
    """The paste box: skills (comma or line separated) and/or résumé text."""

    skills: str = ""
    text: str = ""


def form_number(text: str, *, above: float, most: float) -> float | None:
    """Return the number typed into a form field; a blank or unusable one sets no limit."""
    try:
        value = float(text.strip())
    except ValueError:
        return None
    return value if above < value <= most else None


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
        free: Annotated[str, QueryParameter(max_length=10)] = "",
        max_hours: Annotated[str, QueryParameter(max_length=20)] = "",
        max_price: Annotated[str, QueryParameter(max_length=20)] = "",
        known: Annotated[str | None, QueryParameter(max_length=2000)] = None,
        lang: PageLanguage = None,
        accept_language: AcceptLanguage = None,
    ) -> Template:
        """Show the ordered courses in the reader's language that cover the career's most
        demanded skills."""
        hours = form_number(max_hours, above=0, most=10_000)
        price = form_number(max_price, above=-1, most=1_000_000)
        free_only = free.lower() in {"true", "on", "1"}
        known_ids = await queries.known_skill_ids(session, split_names(known or ""))
        options = queries.path_options(free_only, hours, price, known_ids)
        language = reader_language(lang, accept_language)
        path = await queries.learning_path(session, career, options, language)
        form = {
            "free": free_only,
            "max_hours": hours,
            "max_price": price,
            "known": known or "",
        }
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
        lang: PageLanguage = None,
        accept_language: AcceptLanguage = None,
    ) -> Template:
        """Show coverage, present and missing skills; the pasted text is not stored."""
        body = GapIn(skills=split_names(data.skills), text=data.text or None)
        gap = await queries.gap_check(session, career, body, reader_language(lang, accept_language))
        context = {"career": career, "gap": gap, "limit_kb": MAX_GAP_TEXT_BYTES // 1000}
        return Template(template_name="matching_gap.html", context=context)
