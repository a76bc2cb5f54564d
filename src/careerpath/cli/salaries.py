"""``careerpath ingest salaries`` and ``careerpath salaries …``: reports, FX rates, audit."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from careerpath.cli.runtime import console, run_in_transaction
from careerpath.errors import InvalidInputError
from careerpath.ingest.progress import print_report, progress_bar
from careerpath.ingest.readers import FileFormat
from careerpath.salaries import aggregates, audit, fx
from careerpath.salaries.ingest import ingest_file
from careerpath.salaries.reports import PROFILES, SalaryProfile, default_mapping

ingest_app = typer.Typer(help="Import data files.", no_args_is_help=True)
app = typer.Typer(help="Salary reports: FX rates, recomputation and the data-quality audit.")


def _profile(name: str | None, columns: list[str], delimiter: str, source: str) -> SalaryProfile:
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
    return SalaryProfile(
        mapping=default_mapping(delimiter, overrides),
        source_key=source,
        source_name=source,
        licence="as stated by the file's provider",
    )


def _count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return max(sum(1 for _ in handle) - 1, 1)


@ingest_app.command("salaries")
def ingest_salaries(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="CSV or JSONL file")],
    profile: str | None = typer.Option(None, help="Ready mapping: aijobs"),
    columns: list[str] = typer.Option(  # noqa: B008
        [], "--map", help="FIELD=COLUMN, e.g. --map title=job_title (fields: see docs)"
    ),
    delimiter: str = typer.Option(",", help="CSV delimiter"),
    file_format: str | None = typer.Option(None, "--format", help="csv, jsonl or json"),
    source: str = typer.Option("salary-import", help="Source key for a file without a profile"),
) -> None:
    """Import salary reports; re-importing the same file changes nothing."""
    chosen = _profile(profile, columns, delimiter, source)
    kind: FileFormat | None = None
    if file_format is not None:
        if file_format not in ("csv", "jsonl", "json"):
            raise typer.BadParameter("--format must be csv, jsonl or json")
        kind = file_format  # type: ignore[assignment]
    with progress_bar(console, "Salary reports", _count_lines(path)) as bar:
        try:
            result = run_in_transaction(
                lambda session: ingest_file(
                    session,
                    path,
                    chosen,
                    file_format=kind,
                    on_progress=lambda n: bar.advance(bar.task_ids[0], n),
                )
            )
        except InvalidInputError as exc:
            console.print(f"[red]{exc}[/]")
            raise typer.Exit(2) from exc
    print_report(console, f"Salaries from {path.name}", result.report)
    console.print(
        f"{result.unmatched} imported reports match no career yet (kept; "
        f"`careerpath salaries recompute` after adding careers); "
        f"{result.aggregates} salary groups recomputed."
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
