"""``careerpath ingest salaries`` and ``careerpath salaries …``: reports, FX rates, audit."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from careerpath.cli.runtime import console, run_in_transaction
from careerpath.errors import InvalidInputError
from careerpath.ingest.progress import print_report, progress_bar
from careerpath.ingest.readers import FileFormat
from careerpath.salaries import aggregates, audit, fx
from careerpath.salaries.ingest import IngestResult, ingest_file
from careerpath.salaries.reimport import reimport_file
from careerpath.salaries.reports import PROFILES, SalaryProfile, default_mapping
from careerpath.salaries.sources import ReportSource, resolve_source

T = TypeVar("T")
ingest_app = typer.Typer(help="Import data files.", no_args_is_help=True)
app = typer.Typer(help="Salary reports: FX rates, recomputation and the data-quality audit.")


def _profile(name: str | None, columns: list[str], delimiter: str) -> SalaryProfile:
    if name is not None:
        if name not in PROFILES:
            raise typer.BadParameter(f"unknown profile {name!r}; known: {', '.join(PROFILES)}")
        return PROFILES[name]
    overrides = {}
    for option in columns:
        target, _, column = option.partition("=")
        if not column:
            raise typer.BadParameter(f"--map wants FIELD=COLUMN, got {option!r}")
        overrides[target.strip()] = column.strip()
    return SalaryProfile(mapping=default_mapping(delimiter, overrides))


def _count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return max(sum(1 for _ in handle) - 1, 1)


ProfileOpt = typer.Option(None, "--profile", help="Ready column mapping: aijobs")
MapOpt = typer.Option([], "--map", help="FIELD=COLUMN, e.g. --map title=job_title (see docs)")
DelimiterOpt = typer.Option(",", help="CSV delimiter")
FormatOpt = typer.Option(None, "--format", help="csv, jsonl or json")
SourceOpt = typer.Option(
    None, "--source", help="Source key the reports are credited to (else FILE.source.json)"
)
SourceNameOpt = typer.Option(None, "--source-name", help="The source's name, if new")
SourceUrlOpt = typer.Option(None, "--source-url", help="The source's URL")
LicenceOpt = typer.Option(None, "--licence", help="The source's licence, as stated")
RetrievedOpt = typer.Option(None, "--retrieved", help="When the file was retrieved: YYYY-MM-DD")
FileArg = Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="CSV or JSONL file")]


def _format(file_format: str | None) -> FileFormat | None:
    if file_format is None:
        return None
    if file_format not in ("csv", "jsonl", "json"):
        raise typer.BadParameter("--format must be csv, jsonl or json")
    return file_format  # type: ignore[return-value]


def _source(path: Path, key: str | None, details: tuple[str | None, ...]) -> ReportSource:
    name, url, licence, retrieved = details
    try:
        when = date.fromisoformat(retrieved) if retrieved else None
    except ValueError as exc:
        raise typer.BadParameter("--retrieved must be YYYY-MM-DD") from exc
    try:
        return resolve_source(path, key, name=name, url=url, licence=licence, retrieved_on=when)
    except InvalidInputError as exc:
        console.print(f"[red]{exc}[/]")
        raise typer.Exit(2) from exc


def _run_import(
    service: Callable[..., Awaitable[T]],
    path: Path,
    mapping: tuple[str | None, list[str], str, str | None],
    source: str | None,
    details: tuple[str | None, ...],
) -> tuple[T, ReportSource]:
    """Run an import ``service`` (ingest or reimport) on ``path`` with a progress bar."""
    profile, columns, delimiter, file_format = mapping
    chosen = _profile(profile, columns, delimiter)
    credited = _source(path, source, details)
    kind = _format(file_format)
    with progress_bar(console, "Salary reports", _count_lines(path)) as bar:
        try:
            result = run_in_transaction(
                lambda session: service(
                    session,
                    path,
                    chosen,
                    credited,
                    profile_name=profile,
                    file_format=kind,
                    on_progress=lambda n: bar.advance(bar.task_ids[0], n),
                )
            )
        except InvalidInputError as exc:
            console.print(f"[red]{exc}[/]")
            raise typer.Exit(2) from exc
    return result, credited


def _print_result(path: Path, result: IngestResult, source: ReportSource) -> None:
    print_report(console, f"Salaries from {path.name}", result.report)
    console.print(f"Credited to source: {source.key} ({source.name})", soft_wrap=True)
    console.print(
        f"{result.unmatched} imported reports match no career yet (kept; "
        f"`careerpath salaries recompute` after adding careers); "
        f"{result.aggregates} salary groups recomputed."
    )


@ingest_app.command("salaries")
def ingest_salaries(
    path: FileArg,
    profile: str | None = ProfileOpt,
    columns: list[str] = MapOpt,
    delimiter: str = DelimiterOpt,
    file_format: str | None = FormatOpt,
    source: str | None = SourceOpt,
    source_name: str | None = SourceNameOpt,
    source_url: str | None = SourceUrlOpt,
    licence: str | None = LicenceOpt,
    retrieved: str | None = RetrievedOpt,
) -> None:
    """Import salary reports credited to their source; re-importing a file changes nothing."""
    result, credited = _run_import(
        ingest_file,
        path,
        (profile, columns, delimiter, file_format),
        source,
        (source_name, source_url, licence, retrieved),
    )
    _print_result(path, result, credited)


@app.command("reimport")
def reimport(
    path: FileArg,
    source: str = typer.Option(..., "--source", help="The source the file really comes from"),
    profile: str | None = ProfileOpt,
    columns: list[str] = MapOpt,
    delimiter: str = DelimiterOpt,
    file_format: str | None = FormatOpt,
    source_name: str | None = SourceNameOpt,
    source_url: str | None = SourceUrlOpt,
    licence: str | None = LicenceOpt,
    retrieved: str | None = RetrievedOpt,
) -> None:
    """Store a file under its true source, removing its rows from unverified earlier runs."""
    result, credited = _run_import(
        reimport_file,
        path,
        (profile, columns, delimiter, file_format),
        source,
        (source_name, source_url, licence, retrieved),
    )
    _print_result(path, result.ingest, credited)
    dropped = ", ".join(result.sources_dropped) or "none"
    console.print(
        f"{result.removed} rows removed from unverified runs; sources emptied and dropped: "
        f"{dropped}."
    )


@app.command("recompute")
def recompute() -> None:
    """Match report titles to careers again and recompute every salary group."""
    with console.status("Recomputing salary groups…"):
        changed, groups = run_in_transaction(aggregates.rematch_and_recompute)
    console.print(f"{changed} reports changed career; {groups} salary groups written.")


@app.command("import-fx")
def import_fx(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="FX CSV file")],
) -> None:
    """Import dated exchange rates (US dollars per unit) from a CSV file."""
    report = run_in_transaction(lambda session: fx.import_rates(session, path))
    print_report(console, f"FX rates from {path.name}", report)


@app.command("audit")
def run_audit() -> None:
    """Print the data-quality findings of published figures and salary reports."""
    with console.status("Auditing salaries…"):
        findings = run_in_transaction(audit.run_audit)
    audit.print_findings(console, findings)
