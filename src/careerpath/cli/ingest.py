"""``careerpath ingest``: one command group for every domain's file imports."""

from __future__ import annotations

import typer

from careerpath.cli import catalog, salaries, skills

app = typer.Typer(help="Import data files (salaries, courses, books …).", no_args_is_help=True)
for domain_app in (catalog.app, salaries.ingest_app, skills.ingest_app):
    app.registered_commands.extend(domain_app.registered_commands)
