"""The ``careerpath`` command: one module per command group."""

from __future__ import annotations

import time

import typer

from careerpath import migrate
from careerpath.cli import (
    accounts,
    db,
    ingest,
    links,
    matching,
    salaries,
    search,
    skills,
    titles,
)
from careerpath.cli.runtime import console, run_in_transaction
from careerpath.cli.worker import worker
from careerpath.config import get_settings
from careerpath.demo.loader import load_demo

app = typer.Typer(
    help="careerpath: careers, salaries, skills, courses and books.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)
app.add_typer(db.app, name="db")
app.add_typer(accounts.app, name="users")
app.add_typer(ingest.app, name="ingest")
app.add_typer(salaries.app, name="salaries")
app.add_typer(search.app, name="search")
app.add_typer(matching.app, name="matching")
app.add_typer(titles.app, name="titles")
app.add_typer(titles.postings_app, name="postings")
app.add_typer(links.app, name="links")
skills.register(app)
app.command()(worker)


@app.command()
def init() -> None:
    """Create or migrate the database to the newest schema."""
    migrate.upgrade(get_settings().database_url)
    console.print("[green]Database ready.[/]")


@app.command()
def demo() -> None:
    """Load the demo careers, sources and salaries (safe to run again)."""
    started = time.perf_counter()
    with console.status("Loading demo data…"):
        summary = run_in_transaction(load_demo)
    console.print(
        f"[green]Demo loaded[/]: {summary.careers} careers, {summary.sources} sources, "
        f"{summary.published_salaries} published salary figures, "
        f"{summary.resources} courses and books "
        f"in {time.perf_counter() - started:.2f}s."
    )
    matching.recompute_rankings()


@app.command()
def serve(
    host: str | None = typer.Option(None, help="Address to bind (default from settings)"),
    port: int | None = typer.Option(None, help="Port (default from settings)"),
    workers: int | None = typer.Option(None, help="Worker processes (default from settings)"),
) -> None:
    """Serve the site and API with granian."""
    from granian import Granian
    from granian.constants import Interfaces

    settings = get_settings()
    bind = (host or settings.host, port or settings.port)
    console.print(f"Serving careerpath on http://{bind[0]}:{bind[1]}")
    Granian(
        "careerpath.asgi:app",
        address=bind[0],
        port=bind[1],
        interface=Interfaces.ASGI,
        workers=workers or settings.workers,
        log_access=False,
    ).serve()


def main() -> None:
    """Run the command line."""
    app()
