"""REST API of the title resolver: one title by query, or up to 1,000 in one call."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get, post
from litestar.openapi.spec import Example
from litestar.params import JSONBody, QueryParameter

from careerpath.careers import resolution
from careerpath.careers.schemas import (
    MAX_TITLE_LENGTH,
    TitleBatchIn,
    TitleBatchRead,
    TitleResolutionRead,
)
from careerpath.careers.title_settings import THRESHOLD
from careerpath.dependencies import DbSession

_ABOUT = (
    f"`career` is null when the calibrated confidence is below {THRESHOLD}: the resolver then "
    "names no career and lists up to 10 candidates. `level` is the seniority the title states "
    "(Junior, Senior, Lead, Principal, Manager, Executive)."
)


class TitleController(Controller):
    """Job titles to careers, with a confidence and the words that decided it."""

    path = "/api/v1/titles"
    tags = ["titles"]  # noqa: RUF012

    @get("/normalize", summary="Resolve a job title to a career", description=_ABOUT)
    async def normalize(
        self,
        session: DbSession,
        title: Annotated[
            str,
            QueryParameter(
                min_length=1,
                max_length=MAX_TITLE_LENGTH,
                examples=[Example(value="Sr. Backend Dev"), Example(value="SOC Analyst")],
            ),
        ],
    ) -> TitleResolutionRead:
        """Return the career ``title`` names, or null with candidates when unsure."""
        return (await resolution.explain_titles(session, [title]))[0]

    @post(
        "/normalize",
        summary="Resolve up to 1,000 job titles",
        description=_ABOUT,
        status_code=200,
    )
    async def normalize_many(
        self, session: DbSession, data: JSONBody[TitleBatchIn]
    ) -> TitleBatchRead:
        """Return one resolution per title, in the order sent."""
        return TitleBatchRead(await resolution.explain_titles(session, data.titles))
