"""``careerpath import onet``, ``careerpath ingest postings`` and ``careerpath skills …``."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.cli.matching import recompute_rankings
from careerpath.cli.runtime import console, run_in_transaction
from careerpath.config import get_settings
from careerpath.db import create_engine, create_session_factory
from careerpath.ingest.mapping import ColumnMapping
from careerpath.ingest.progress import print_report, progress_bar
from careerpath.ingest.report import ImportReport
from careerpath.skills.curated import BACKGROUND_KINDS, KINDS, TECHNOLOGY_KINDS
from careerpath.skills.onet import ATTRIBUTION, read_onet
from careerpath.skills.onet_import import import_onet
from careerpath.skills.postings import build_mapping, ingest_postings
from careerpath.skills.quality import extractor_for, skillspan_quality
from careerpath.skills.queries import SkillCount, emerging_skills, top_skills
from careerpath.skills.reextract import reextract_postings
from careerpath.skills.shipped import write_shipped

OnetDir = Annotated[
    Path, typer.Argument(exists=True, file_okay=False, help="Folder of O*NET text files")
]

import_app = typer.Typer(help="Import reference datasets.", no_args_is_help=True)
skills_app = typer.Typer(help="The skills taxonomy and its quality.", no_args_is_help=True)


ingest_app = typer.Typer(help="Ingest job postings.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Add this module's command groups to the main command."""
    app.add_typer(import_app, name="import")
    app.add_typer(skills_app, name="skills")


@import_app.command("onet")
def import_onet_command(
    directory: OnetDir,
) -> None:
    """Import an O*NET release: careers, aliases, related careers, tasks, tools and skills."""
    with console.status("Reading O*NET files…"):
        release = read_onet(directory)
    console.print(f"O*NET {release.release}: {len(release.occupations)} occupations")

    async def work(session: AsyncSession) -> ImportReport:
        with progress_bar(console, "Importing occupations", len(release.occupations)) as bar:
            task = bar.task_ids[0]
            return await import_onet(session, release, lambda n: bar.advance(task, n))

    report = run_in_transaction(work)
    print_report(console, f"O*NET {release.release} import", report)
    console.print(ATTRIBUTION.format(release=release.release), style="dim")


@skills_app.command("export-shipped")
def export_shipped(
    directory: OnetDir,
) -> None:
    """Regenerate the O*NET-derived files shipped in the package (maintainers only)."""
    target = Path(__file__).resolve().parents[1] / "skills" / "data"
    write_shipped(directory, target)
    console.print(f"[green]Wrote the shipped taxonomy files to {target}[/]")


@ingest_app.command("postings")
def ingest_postings_command(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="CSV or JSON Lines")],
    profile: Annotated[str | None, typer.Option(help="Column profile: dice or google")] = None,
    title_col: Annotated[str | None, typer.Option(help="Column with the job title")] = None,
    text_col: Annotated[list[str] | None, typer.Option(help="Text column (repeatable)")] = None,
    location_col: Annotated[str | None, typer.Option(help="Column with the location")] = None,
    date_col: Annotated[str | None, typer.Option(help="Column with the posting date")] = None,
    delimiter: Annotated[str | None, typer.Option(help="CSV delimiter")] = None,
    source: Annotated[str | None, typer.Option(help="Source label (default: profile)")] = None,
) -> None:
    """Ingest postings: normalise titles, extract skills, update demand per career."""
    mapping = build_mapping(
        profile,
        title_col=title_col,
        text_cols=text_col or (),
        location_col=location_col,
        date_col=date_col,
        delimiter=delimiter,
    )
    label = source or profile or path.stem
    report = asyncio.run(_ingest(path, mapping, label))
    print_report(console, f"Postings from {path.name}", report)
    recompute_rankings()  # demand changed, so the careers' ranked lists may change


async def _ingest(path: Path, mapping: ColumnMapping, label: str) -> ImportReport:
    engine = create_engine(get_settings().database_url)
    try:
        with progress_bar(console, "Ingesting postings", None) as bar:
            task = bar.task_ids[0]
            async with create_session_factory(engine)() as session, session.begin():
                return await ingest_postings(
                    session,
                    path,
                    mapping,
                    source=label,
                    advance=lambda n: bar.advance(task, n),
                )
    finally:
        await engine.dispose()


@skills_app.command("top")
def top_command(
    source: Annotated[str | None, typer.Option(help="Only postings from this source")] = None,
    limit: Annotated[int, typer.Option(min=1, max=100)] = 10,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            help="Only skills of this kind (repeatable): technology (languages, frameworks, "
            "databases, cloud, tools) or one of " + ", ".join(KINDS)
        ),
    ] = None,
) -> None:
    """Print the skills most postings mention, grouped by kind (technologies first).

    Without ``--kind``, background facts (fields of study, spoken languages, industries,
    certificates) are ranked apart from the skills, in a table of their own.
    """
    kinds = _kinds(kind or [])
    without = () if kinds else BACKGROUND_KINDS
    rows = run_in_transaction(
        lambda session: top_skills(
            session, source=source, limit=limit, kinds=kinds, without=without
        )
    )
    where = f" in {source} postings" if source else ""
    _print_counts(f"Top {limit} skills{where}", rows)
    if not kinds:
        background = run_in_transaction(
            lambda session: top_skills(session, source=source, limit=limit, kinds=BACKGROUND_KINDS)
        )
        _print_counts(f"Background postings ask for{where} (apart from the skills)", background)


def _print_counts(title: str, rows: list[SkillCount]) -> None:
    order = {name: position for position, name in enumerate(KINDS)}
    table = Table(title=title)
    for column in ("kind", "skill", "category", "postings", "share"):
        table.add_column(column)
    for row in sorted(rows, key=lambda r: (order.get(r.kind, len(order)), -r.postings)):
        label = KINDS.get(row.kind, row.kind)
        table.add_row(label, row.name, row.category, str(row.postings), f"{row.share:.0%}")
    console.print(table)


def _kinds(names: list[str]) -> set[str]:
    """Expand "technology" to its kinds; refuse a kind the taxonomy does not have."""
    kinds: set[str] = set()
    for name in names:
        if name == "technology":
            kinds |= TECHNOLOGY_KINDS
        elif name in KINDS:
            kinds.add(name)
        else:
            raise typer.BadParameter(f"unknown kind {name!r}", param_hint="--kind")
    return kinds


@skills_app.command("evaluate")
def evaluate_command(
    onet_dir: OnetDir,
    skillspan: Annotated[Path, typer.Option(exists=True, help="SkillSpan dev.json")],
) -> None:
    """Print extraction quality on SkillSpan (titles: `careerpath titles evaluate`)."""
    release = read_onet(onet_dir)
    with console.status("Scoring extraction…"):
        strict, overlap = skillspan_quality(skillspan, extractor_for(release))
    table = Table(title=f"Extraction on {skillspan.name} (Knowledge layer)")
    for column in ("match", "precision", "recall", "F1", "predicted", "gold"):
        table.add_column(column)
    for label, scores in (("strict span", strict), ("token overlap", overlap)):
        table.add_row(
            label,
            f"{scores.precision:.3f}",
            f"{scores.recall:.3f}",
            f"{scores.f1:.3f}",
            str(scores.predicted),
            str(scores.gold),
        )
    console.print(table)


@skills_app.command("reextract")
def reextract_command() -> None:
    """Re-extract the stored postings with the current taxonomy; recount demand exactly."""
    report = asyncio.run(_reextract())
    print_report(console, "Re-extracted postings", report)
    recompute_rankings()  # demand changed, so the careers' ranked lists may change


async def _reextract() -> ImportReport:
    engine = create_engine(get_settings().database_url)
    try:
        with progress_bar(console, "Re-extracting postings", None) as bar:
            task = bar.task_ids[0]
            async with create_session_factory(engine)() as session, session.begin():
                return await reextract_postings(session, lambda n: bar.advance(task, n))
    finally:
        await engine.dispose()


@skills_app.command("emerging")
def emerging_command(
    limit: Annotated[int, typer.Option(min=1, max=500)] = 30,
    min_postings: Annotated[int, typer.Option(min=1)] = 2,
) -> None:
    """Print technology-like names postings use that the taxonomy lacks (unlinked mentions)."""
    rows = run_in_transaction(lambda session: emerging_skills(session, limit, min_postings))
    table = Table(title=f"Unlinked mentions in at least {min_postings} postings")
    for column in ("name", "postings"):
        table.add_column(column)
    for row in rows:
        table.add_row(row.surface, str(row.postings))
    console.print(table)
