"""``careerpath import onet``, ``careerpath ingest postings`` and ``careerpath skills …``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.cli.runtime import console, run_in_transaction
from careerpath.ingest.progress import print_report, progress_bar
from careerpath.ingest.report import ImportReport
from careerpath.skills.onet import ATTRIBUTION, read_onet
from careerpath.skills.onet_import import import_onet
from careerpath.skills.shipped import write_shipped

OnetDir = Annotated[
    Path, typer.Argument(exists=True, file_okay=False, help="Folder of O*NET text files")
]

import_app = typer.Typer(help="Import reference datasets.", no_args_is_help=True)
skills_app = typer.Typer(help="The skills taxonomy and its quality.", no_args_is_help=True)


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
