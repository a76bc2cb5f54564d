"""The ``careerpath`` command: one module per command group."""

from __future__ import annotations

import os
import time

import typer
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, ProgrammingError

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
    if "public_url" not in settings.model_fields_set:
        # Links (share links, canonical URLs) name the address actually served, not the default
        # port; the workers read it from the environment they inherit.
        os.environ["CAREERPATH_PUBLIC_URL"] = f"http://{bind[0]}:{bind[1]}"
        get_settings.cache_clear()  # forked workers inherit this process's cached settings
    console.print(f"Serving careerpath on http://{bind[0]}:{bind[1]}")
    Granian(
        "careerpath.asgi:app",
        address=bind[0],
        port=bind[1],
        interface=Interfaces.ASGI,
        workers=workers or settings.workers,
        log_access=False,
    ).serve()


# How SQLite and PostgreSQL say a table is missing: the database was never initialised.
_NO_SCHEMA = ("no such table", "does not exist")


def main() -> None:
    """Run the command line; a database without careerpath's tables gets one clear line."""
    try:
        app()
    except (OperationalError, ProgrammingError) as error:
        if not any(words in str(error.orig) for words in _NO_SCHEMA):
            raise
        url = make_url(get_settings().database_url).render_as_string(hide_password=True)
        console.print(f"[red]The database {url} has no careerpath tables: run `careerpath init`.")
        raise SystemExit(1) from None
