"""Turn a job row (and its live progress) into what the API shows."""

from __future__ import annotations

from careerpath.jobs.models import Job, JobState
from careerpath.jobs.queue import Progress
from careerpath.jobs.schemas import JobProgress, JobRead

__all__ = ["JobRead", "job_read"]


def job_read(job: Job, live: Progress | None) -> JobRead:
    """Return the API view of ``job``; a running job's progress comes from its worker."""
    if job.state is JobState.RUNNING and live is not None:
        progress = JobProgress(live.read, live.total if live.total is not None else job.rows_total)
    else:
        progress = JobProgress(job.rows_read or 0, job.rows_total)
    return JobRead(
        id=job.id,
        kind=job.kind,
        state=job.state.value,
        progress=progress,
        attempts=job.attempts,
        created_at=job.created_at,
        started_at=job.started_at,
        finished_at=job.finished_at,
        report=job.report,
        error=job.error,
    )
