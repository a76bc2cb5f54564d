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
    """Print the summary table and the rejections grouped by reason ("13,608 rows: …")."""
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
    reasons = report.reasons()
    for group in reasons[:MAX_ERRORS_SHOWN]:
        if group.count == 1:
            line = f"  line {group.lines[0]}: {group.reason}"
        else:
            shown = ", ".join(str(n) for n in group.lines)
            more = ", …" if group.count > len(group.lines) else ""
            line = f"  {group.count:,} rows: {group.reason} (lines {shown}{more})"
        console.print(line, style="yellow", markup=False)
    if len(reasons) > MAX_ERRORS_SHOWN:
        console.print(f"  … and {len(reasons) - MAX_ERRORS_SHOWN} more reasons")
