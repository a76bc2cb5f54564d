"""``careerpath ingest courses|books FILE``: import catalog files with a ready or custom mapping."""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import typer
from rich.progress import TaskID
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.catalog import service as catalog_service
from careerpath.catalog.generator import SCALE, generate
from careerpath.catalog.generic import fields_help
from careerpath.catalog.importer import upsert_resources
from careerpath.catalog.models import ResourceKind
from careerpath.catalog.profiles import PROFILES, ResourceIn
from careerpath.cli.matching import recompute_rankings
from careerpath.cli.runtime import console, run_in_transaction
from careerpath.config import get_settings
from careerpath.errors import InvalidInputError
from careerpath.ingest.progress import print_report, progress_bar
from careerpath.ingest.readers import FileFormat
from careerpath.ingest.report import ImportReport
from careerpath.matching import service as matching_service
from careerpath.search import service as search_service

app = typer.Typer(help="Import catalog files (courses and books).", no_args_is_help=True)

FIELDS_EPILOG = (
    "Any CSV, JSON Lines or JSON array imports: each field is read from the column named "
    "after it, or from the column --map FIELD=COLUMN names. Fields:\n\n"
    + "\n\n".join(f"  {line}" for line in fields_help().splitlines())
)
FileArg = typer.Argument(..., exists=True, dir_okay=False, readable=True, help="CSV, JSONL or JSON")
ProfileOpt = typer.Option(
    None, help=f"Ready profile: {', '.join(sorted(PROFILES))}, or generic (default: guessed)"
)
MapOpt = typer.Option([], "--map", help="FIELD=COLUMN, repeatable (fields below)")
CurrencyOpt = typer.Option(None, "--currency", help="ISO code of prices without a currency column")
FormatOpt = typer.Option(None, "--format", help="csv, jsonl or json (default: from the suffix)")


@app.command(epilog=FIELDS_EPILOG)
def courses(
    file: Path = FileArg,
    profile: str | None = ProfileOpt,
    column: list[str] = MapOpt,
    currency: str | None = CurrencyOpt,
    file_format: str | None = FormatOpt,
) -> None:
    """Import courses from FILE."""
    _ingest(file, ResourceKind.COURSE, _Choice(profile, column, currency), file_format)


@app.command(epilog=FIELDS_EPILOG)
def books(
    file: Path = FileArg,
    profile: str | None = ProfileOpt,
    column: list[str] = MapOpt,
    currency: str | None = CurrencyOpt,
    file_format: str | None = FormatOpt,
) -> None:
    """Import books from FILE."""
    _ingest(file, ResourceKind.BOOK, _Choice(profile, column, currency), file_format)


@app.command()
def scale(
    courses: int = typer.Option(50_000, min=0, max=1_000_000, help="Courses to generate"),
    books: int = typer.Option(100_000, min=0, max=1_000_000, help="Books to generate"),
    seed: int = typer.Option(42, help="Random seed: the same seed gives the same catalog"),
) -> None:
    """Generate a large catalog shaped like the real files (seeded) and import it."""
    report = ImportReport()
    started = time.perf_counter()
    with progress_bar(console, "Generating", courses + books) as bar:
        rows = []
        for row in generate(courses, books, seed):
            rows.append(row)
            if len(rows) % 1000 == 0:
                bar.advance(TaskID(0), 1000)
        bar.update(TaskID(0), completed=courses + books)
    report.read = len(rows)
    with console.status("Writing to the database…"):
        for kind in ResourceKind:
            run_in_transaction(partial(_upsert_kind, kind=kind, rows=rows, report=report))
    report.seconds = time.perf_counter() - started
    print_report(console, "generated catalog", report)
    console.print("Run [bold]careerpath search reindex[/] to index it.")


async def _upsert_kind(
    session: AsyncSession, *, kind: ResourceKind, rows: list[ResourceIn], report: ImportReport
) -> None:
    subset = [row for row in rows if row.kind is kind]
    await upsert_resources(session, SCALE, kind, subset, report)


@dataclass(frozen=True)
class _Choice:
    """The profile the user named, their column overrides and currency."""

    name: str | None
    columns: list[str]
    currency: str | None


def _ingest(path: Path, kind: ResourceKind, choice: _Choice, fmt: str | None) -> None:
    file_format = _file_format(fmt)
    try:
        chosen = catalog_service.choose_profile(
            path, choice.name, file_format, overrides=choice.columns, currency=choice.currency
        )
    except InvalidInputError as exc:
        console.print(exc.detail, style="red", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    with path.open(encoding="utf-8", errors="replace") as handle:
        total = sum(1 for _ in handle)
    with progress_bar(console, f"Reading {path.name}", total) as bar:
        parsed = catalog_service.parse_file(
            path, chosen, kind, file_format=file_format, on_record=lambda: bar.advance(TaskID(0))
        )
        bar.update(TaskID(0), completed=total)
    with console.status("Writing to the database…"):
        result = run_in_transaction(
            lambda s: catalog_service.import_parsed(s, chosen, kind, parsed)
        )
    print_report(console, f"{kind.value}s from {path.name} ({chosen.name})", parsed.report)
    if parsed.merged:
        console.print(f"  {parsed.merged} rows repeated a URL: merged into the first (topics kept)")
    if parsed.report.all_rejected:
        console.print("[red]Every row was rejected: nothing imported.[/]")
        raise typer.Exit(1)
    _after_import(result.changed_ids)


def _after_import(changed_ids: list[int]) -> None:
    """Update the search index and re-rank the careers the changed resources concern."""
    if not changed_ids:
        console.print("Nothing changed: the search index and the rankings stay as they are.")
        return
    settings = get_settings()
    with console.status("Updating the search index…"):
        outcome = run_in_transaction(
            lambda s: search_service.update_index(s, settings.var_dir, changed_ids)
        )
    console.print(f"Search index: {outcome}")
    careers = run_in_transaction(lambda s: matching_service.affected_careers(s, changed_ids))
    recompute_rankings(career_ids=careers)


def _file_format(raw: str | None) -> FileFormat | None:
    if raw is None:
        return None
    formats: dict[str, FileFormat] = {"csv": "csv", "jsonl": "jsonl", "json": "json"}
    if raw not in formats:
        raise typer.BadParameter("use csv, jsonl or json", param_hint="--format")
    return formats[raw]
