"""``careerpath matching recompute``: precompute every career's ranked courses and books."""

from __future__ import annotations

import time

import typer
from rich.progress import TaskID
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers.models import Career
from careerpath.catalog.importer import retag_resources
from careerpath.cli.runtime import console, run_in_transaction
from careerpath.config import get_settings
from careerpath.errors import NotFoundError
from careerpath.ingest.progress import progress_bar
from careerpath.matching import service

app = typer.Typer(help="Rankings of courses and books per career.", no_args_is_help=True)


def recompute_rankings(career_slug: str | None = None, career_ids: list[int] | None = None) -> None:
    """Recompute rankings (of one career, of ``career_ids``, or all) with a progress bar."""
    started = time.perf_counter()
    settings = get_settings()

    async def work(session: AsyncSession) -> tuple[int, int]:
        ids = career_ids
        if career_slug is not None:
            found = await session.scalar(select(Career.id).where(Career.slug == career_slug))
            if found is None:
                raise NotFoundError(f"No career is called {career_slug!r}.")
            ids = [found]
        if ids is not None and not ids:
            return 0, 0
        total = len(ids) if ids else await session.scalar(select(func.count(Career.id))) or 0
        with progress_bar(console, "Ranking", total) as bar:
            stored = await service.recompute(
                session, settings.var_dir, ids, on_career=lambda _: bar.advance(TaskID(0))
            )
        return total, stored

    careers, stored = run_in_transaction(work)
    console.print(
        f"[green]Rankings recomputed[/]: {careers} careers, {stored} ranked resources stored "
        f"in {time.perf_counter() - started:.2f}s."
    )


@app.command()
def recompute(
    career: str | None = typer.Option(None, "--career", help="Only this career (its slug)"),
) -> None:
    """Recompute the precomputed rankings after demand, catalog or curation changed."""
    try:
        recompute_rankings(career)
    except NotFoundError as error:
        console.print(f"[red]{error}[/]")
        raise typer.Exit(1) from error


@app.command()
def retag() -> None:
    """Link every resource's skills to the taxonomy again (after migrating or a new taxonomy)."""
    started = time.perf_counter()
    with console.status("Tagging resources with skills…"):
        written = run_in_transaction(retag_resources)
    console.print(
        f"[green]Resources retagged[/]: {written} skill tags "
        f"in {time.perf_counter() - started:.2f}s; run `careerpath matching recompute` next."
    )
