"""``careerpath db``: migrate the database up, down, or check it against the models."""

from __future__ import annotations

import typer

from careerpath import migrate
from careerpath.cli.runtime import console
from careerpath.config import get_settings

app = typer.Typer(help="Database migrations.", no_args_is_help=True)


@app.command()
def upgrade(revision: str = typer.Argument("heads", help="Target revision")) -> None:
    """Migrate the database up to the newest schema."""
    migrate.upgrade(get_settings().database_url, revision)
    console.print(f"[green]Database upgraded to {revision}.[/]")


@app.command()
def downgrade(revision: str = typer.Argument("base", help="Target revision")) -> None:
    """Migrate the database down (to empty by default)."""
    migrate.downgrade(get_settings().database_url, revision)
    console.print(f"[yellow]Database downgraded to {revision}.[/]")


@app.command()
def check() -> None:
    """Fail if the models have changes that no migration captures."""
    migrate.check(get_settings().database_url)
    console.print("[green]Models and migrations agree.[/]")
