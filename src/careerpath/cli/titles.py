"""``careerpath titles …`` and ``careerpath postings recompute``: the title resolver."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import track
from rich.table import Table

from careerpath.careers import resolution, title_training
from careerpath.careers.title_evaluation import (
    HOLDOUT_SHARE,
    SEED,
    OccupationNames,
    TitleEvaluation,
    evaluate,
    leak_free_split,
)
from careerpath.cli.matching import recompute_rankings
from careerpath.cli.runtime import console, run_in_transaction
from careerpath.skills.onet import OnetRelease, read_onet, read_release_name
from careerpath.skills.posting_titles import recompute_posting_titles

app = typer.Typer(
    help="Job titles to careers: evaluate and try the resolver.", no_args_is_help=True
)
SHIPPED = Path(__file__).resolve().parents[1] / "careers" / title_training.ARTEFACT
postings_app = typer.Typer(help="Stored job postings.", no_args_is_help=True)


def occupation_names(release: OnetRelease) -> list[OccupationNames]:
    """Return each occupation's names, and its description, tasks and tools ("Tong Carrier":
    the occupation whose tools include tongs) from a parsed release."""
    return [
        OccupationNames(
            code,
            o.title,
            o.alternate_titles,
            o.reported_titles,
            " ".join([o.description, *o.tasks, *(example for example, _ in o.tools)]),
        )
        for code, o in release.occupations.items()
    ]


@app.command("train")
def train_command(
    onet_dir: Annotated[
        Path, typer.Argument(exists=True, file_okay=False, help="Folder of O*NET text files")
    ],
    out: Annotated[
        Path,
        typer.Option(help="Where to write the artefact (default: the one shipped in the package)"),
    ] = SHIPPED,
) -> None:
    """Count every O*NET name into the resolver's shipped artefact (reproducible)."""
    started = time.perf_counter()
    release = read_release_name(onet_dir)
    occupations = occupation_names(read_onet(onet_dir))
    rows = [
        (
            o.code,
            [
                (o.title, "title"),
                *((n, "onet_alternate") for n in o.alternate),
                *((n, "onet_reported") for n in o.reported),
            ],
            o.context,
        )
        for o in occupations
    ]
    trained = title_training.train(
        release, track(rows, description="Counting names…", console=console)
    )
    title_training.save(trained, out)
    console.print(
        f"O*NET {release}: {len(trained.codes):,} occupations, "
        f"{len(trained.counts.vocabulary):,} features, {len(trained.exact):,} exact names → "
        f"{out} ({out.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f}s."
    )


@app.command("evaluate")
def evaluate_command(
    onet_dir: Annotated[
        Path, typer.Argument(exists=True, file_okay=False, help="Folder of O*NET text files")
    ],
    share: float = typer.Option(HOLDOUT_SHARE, help="Share of title groups held out"),
    seed: int = typer.Option(SEED, help="Seed of the held-out choice"),
) -> None:
    """Score the resolver on held-out O*NET alternate and reported titles (leak-free split)."""
    started = time.perf_counter()
    with console.status("Splitting titles and building the resolver…"):
        split = leak_free_split(occupation_names(read_onet(onet_dir)), share, seed)
        resolver = split.resolver()
    with console.status(f"Resolving {len(split.held):,} held-out titles…"):
        figures = evaluate(split, resolver)
    print_evaluation(figures)
    console.print(f"Done in {time.perf_counter() - started:.1f}s.")


def print_evaluation(figures: TitleEvaluation) -> None:
    """Print the accuracy figures and the reliability table."""
    kinds = ", ".join(f"{n:,} {kind}" for kind, n in sorted(figures.by_kind.items()))
    console.print(
        f"Held out: {figures.titles:,} titles ({kinds}); {figures.multi_listed:,} are listed "
        "under several occupations and count as right for any of them."
    )
    print_table(
        "Title resolution on held-out O*NET titles",
        ("measure", "figure"),
        [
            (label, f"{value:.3f}")
            for label, value in (
                ("top-1, 6-digit SOC", figures.top1),
                ("top-5, 6-digit SOC", figures.top5),
                ("top-1, O*NET-SOC (8-digit)", figures.top1_detailed),
                ("top-1, broad occupation (5-digit)", figures.broad),
                ("top-1, major group (2-digit)", figures.major_group),
                (f"coverage at threshold {figures.threshold}", figures.coverage),
                (f"precision at threshold {figures.threshold}", figures.precision),
            )
        ],
    )
    print_table(
        "Reliability (confidence vs. accuracy)",
        ("confidence", "answers", "mean confidence", "accuracy"),
        [
            (
                f"{r.low:.1f}–{r.high:.1f}",
                f"{r.answers:,}",
                f"{r.confidence:.3f}",
                f"{r.accuracy:.3f}",
            )
            for r in figures.reliability
        ],
    )
    print_table(
        "Threshold curve (answers at this confidence or more)",
        ("threshold", "answers", "coverage", "precision"),
        [
            (f"{p.threshold:.2f}", f"{p.answers:,}", f"{p.coverage:.3f}", f"{p.precision:.3f}")
            for p in figures.curve
        ],
    )


def print_table(title: str, columns: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """Print one Rich table of ``rows`` under ``columns``."""
    table = Table(title=title)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*row)
    console.print(table)


@app.command("resolve")
def resolve_command(titles: Annotated[list[str], typer.Argument(help="Job titles")]) -> None:
    """Resolve titles against the database's careers and print the answers."""
    answers = run_in_transaction(lambda session: resolution.explain_titles(session, titles))
    table = Table(title="Titles")
    for column in ("title", "career", "confidence", "level", "why"):
        table.add_column(column, overflow="fold")
    for answer in answers:
        best = answer.candidates[0].title if answer.candidates else ""
        career = answer.career.title if answer.career else f"— (best guess: {best})"
        table.add_row(
            answer.title,
            career,
            f"{answer.confidence:.2f}",
            answer.level or "",
            "; ".join(answer.reasons),
        )
    console.print(table)


@postings_app.command("recompute")
def recompute_postings() -> None:
    """Resolve every stored posting's title again and rebuild demand from the postings."""
    started = time.perf_counter()
    with console.status("Resolving posting titles…"):
        result = run_in_transaction(recompute_posting_titles)
    console.print(
        f"{result.postings:,} postings read, {result.moved:,} changed career, "
        f"{result.attached:,} attached to a career; {time.perf_counter() - started:.1f}s."
    )
    recompute_rankings()  # demand changed, so the careers' ranked lists may change
