"""``GET /api/v1/jobs/{id}``: where a background job is, and its report when it is done."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, get
from litestar.params import PathParameter

from careerpath.dependencies import DbSession
from careerpath.jobs import presenters, service
from careerpath.security.access import Access

JobId = Annotated[str, PathParameter(pattern="^[0-9a-f]{32}$")]


class JobController(Controller):
    """Background jobs, for the curators who start them."""

    path = "/api/v1/jobs"
    tags = ["jobs"]  # noqa: RUF012
    opt = {"access": Access.CURATOR}  # noqa: RUF012

    @get("/{job_id:str}", summary="Show a background job")
    async def show(
        self, request: Request[Any, Any, Any], session: DbSession, job_id: JobId
    ) -> presenters.JobRead:
        """Return the job's state, progress, times and report."""
        job = await service.get_job(session, job_id)
        return presenters.job_read(job, request.app.state.job_queue.progress(job.id))
