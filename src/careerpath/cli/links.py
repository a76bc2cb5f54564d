"""``careerpath links check``: check resource links politely and hide the ones that keep failing."""

from __future__ import annotations

import asyncio
import time

import typer
from rich.progress import Progress, TaskID
from rich.table import Table

from careerpath.cli.runtime import console
from careerpath.config import get_settings
from careerpath.db import create_engine, create_session_factory
from careerpath.ingest.progress import progress_bar
from careerpath.links.checker import Policy
from careerpath.links.run import check_links
from careerpath.links.service import CheckSummary

app = typer.Typer(help="Link health of courses and books.", no_args_is_help=True)


@app.command()
def check(
    provider: str | None = typer.Option(None, help="Only this provider's resources"),
    limit: int | None = typer.Option(None, min=1, help="Check at most N links (oldest first)"),
    concurrency: int = typer.Option(8, min=1, max=64, help="Requests in flight at once"),
    per_host: float = typer.Option(1.0, min=0.0, help="Seconds between two requests to a host"),
    timeout: float = typer.Option(10.0, min=0.1, help="Seconds before a request gives up"),
) -> None:
    """Check links (HEAD, else GET; robots.txt honoured); two failures in a row hide one."""
    policy = Policy(concurrency, per_host, timeout)
    started = time.perf_counter()
    with progress_bar(console, "Checking links", None) as bar:
        summary = asyncio.run(_check(policy, provider, limit, bar))
    _print_summary(summary, time.perf_counter() - started)


async def _check(
    policy: Policy, provider: str | None, limit: int | None, bar: Progress
) -> CheckSummary:
    settings = get_settings()
    engine = create_engine(settings.database_url)
    try:
        return await check_links(
            create_session_factory(engine),
            settings.var_dir,
            policy,
            provider=provider,
            limit=limit,
            on_total=lambda n: bar.update(TaskID(0), total=n),
            on_checked=lambda: bar.advance(TaskID(0)),
        )
    finally:
        await engine.dispose()


def _print_summary(summary: CheckSummary, seconds: float) -> None:
    table = Table(title="Link check", show_header=False)
    for status, count in sorted(summary.by_status.items()):
        table.add_row(status, str(count))
    table.add_row("hidden from rankings", str(len(summary.hidden)))
    table.add_row("shown again", str(len(summary.restored)))
    table.add_row("time", f"{seconds:.2f}s")
    console.print(table)
