"""Curator API of the skills domain: the names postings use that the taxonomy lacks."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get
from litestar.params import QueryParameter

from careerpath.dependencies import DbSession
from careerpath.security.access import Access
from careerpath.security.limits import MAX_PAGE_SIZE
from careerpath.skills import queries
from careerpath.skills.schemas import EmergingSkillRead


class SkillCurationController(Controller):
    """What curators read to grow the taxonomy."""

    path = "/api/v1/curation/skills"
    tags = ["curation"]  # noqa: RUF012
    opt = {"access": Access.CURATOR}  # noqa: RUF012

    @get("/emerging", summary="Unlinked mentions: technology-like names not in the taxonomy")
    async def emerging(
        self,
        session: DbSession,
        limit: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE_SIZE)] = 50,
        min_postings: Annotated[int, QueryParameter(ge=1, le=1_000_000)] = 1,
    ) -> list[EmergingSkillRead]:
        """Return the names most postings use, with the number of postings for each."""
        rows = await queries.emerging_skills(session, limit, min_postings)
        return [EmergingSkillRead(row.surface, row.key, row.postings) for row in rows]
