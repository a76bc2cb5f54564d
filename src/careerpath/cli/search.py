"""``careerpath search reindex``: rebuild the search index from the database."""

from __future__ import annotations

import time

import typer
from rich.progress import TaskID
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.cli.runtime import console, run_in_transaction
from careerpath.config import get_settings
from careerpath.ingest.progress import progress_bar
from careerpath.search import builder
from careerpath.search.labels import load_labels
from careerpath.search.schema import IndexRow
from careerpath.search.store import Marker, index_root

app = typer.Typer(help="The search index over courses and books.", no_args_is_help=True)


@app.command()
def reindex() -> None:
    """Build a new index generation from the database and switch to it atomically."""
    started = time.perf_counter()
    settings = get_settings()

    async def read(session: AsyncSession) -> tuple[list[IndexRow], str, dict[str, dict[str, str]]]:
        rows = await builder.load_rows(session)
        return rows, await builder.catalog_fingerprint(session), await load_labels(session)

    with console.status("Reading the catalog…"):
        rows, fingerprint, labels = run_in_transaction(read)
    read_seconds = time.perf_counter() - started
    with progress_bar(console, "Indexing", len(rows)) as bar:
        marker: Marker = builder.build_generation(
            index_root(settings.var_dir),
            rows,
            fingerprint,
            labels,
            on_progress=lambda n: bar.advance(TaskID(0), n),
        )
        bar.update(TaskID(0), completed=len(rows))
    console.print(
        f"[green]Index generation {marker.generation} is live[/]: {len(rows)} documents; "
        f"read {read_seconds:.2f}s, total {time.perf_counter() - started:.2f}s."
    )
