"""Rich progress bars and summaries for long CLI jobs."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from careerpath.ingest.report import ImportReport

MAX_ERRORS_SHOWN = 20


@contextmanager
def progress_bar(console: Console, description: str, total: float | None) -> Iterator[Progress]:
    """Show one progress bar while the block runs; ``task`` 0 is the bar to advance."""
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=False) as progress:
        progress.add_task(description, total=total)
        yield progress


def file_size(path: Path) -> int:
    """Return the size of ``path`` in bytes, for byte-based progress."""
    return path.stat().st_size


def print_report(console: Console, title: str, report: ImportReport) -> None:
    """Print the summary table and the first rejected rows with their reasons."""
    table = Table(title=title, show_header=False)
    for label, value in (
        ("rows read", report.read),
        ("imported (new)", report.imported),
        ("updated", report.updated),
        ("unchanged", report.unchanged),
        ("rejected", report.rejected),
        ("time", f"{report.seconds:.2f}s"),
    ):
        table.add_row(label, str(value))
    console.print(table)
    for error in report.errors[:MAX_ERRORS_SHOWN]:
        console.print(f"  line {error.line}: {error.reason}", style="yellow", markup=False)
    if report.rejected > MAX_ERRORS_SHOWN:
        console.print(f"  … and {report.rejected - MAX_ERRORS_SHOWN} more rejected rows")
