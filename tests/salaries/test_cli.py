"""The salary commands end to end on a fresh SQLite database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careerpath import migrate
from careerpath.cli.app import app
from careerpath.config import get_settings
from tests.salaries.test_ingest import aijobs_sample


@pytest.fixture
def cli_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("CAREERPATH_DATABASE_URL", url)
    get_settings.cache_clear()
    migrate.upgrade(url)
    yield url
    get_settings.cache_clear()


def test_ingest_twice_then_audit(cli_database: str, tmp_path: Path) -> None:
    path = aijobs_sample(tmp_path)
    runner = CliRunner()
    unnamed = runner.invoke(app, ["ingest", "salaries", str(path), "--profile", "aijobs"])
    assert unnamed.exit_code == 2
    assert "--source" in unnamed.output  # a profile never names the source
    command = [
        "ingest",
        "salaries",
        str(path),
        "--profile",
        "aijobs",
        "--source",
        "aijobs-salaries",
    ]
    first = runner.invoke(app, command)
    assert first.exit_code == 0, first.output
    assert "3000" in first.output
    assert "source: aijobs-salaries" in first.output
    again = runner.invoke(app, command)
    assert again.exit_code == 0, again.output
    assert "unchanged" in again.output
    audit = runner.invoke(app, ["salaries", "audit"])
    assert audit.exit_code == 0, audit.output
    assert "unmatched titles" in audit.output


def test_unknown_column_is_a_clear_error(cli_database: str, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", "salaries", str(path), "--source", "x"])
    assert result.exit_code == 2
    assert "no column" in result.output


def test_column_mapping_options(cli_database: str, tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(
        "role;pay;cur;city\nData Engineer;120.000;EUR;Berlin\nData Engineer;0;EUR;Berlin\n",
        encoding="utf-8",
    )
    options = ["--map", "title=role", "--map", "amount=pay", "--map", "currency=cur"]
    options += ["--map", "place=city", "--delimiter", ";", "--source", "mine"]
    result = CliRunner().invoke(app, ["ingest", "salaries", str(path), *options])
    assert result.exit_code == 0, result.output
    assert "line 3: amount must be positive" in result.output
    assert "imported (new) │ 1" in result.output


def test_reimport_needs_a_source_and_reports_what_it_removed(
    cli_database: str, tmp_path: Path
) -> None:
    path = aijobs_sample(tmp_path)
    runner = CliRunner()
    missing = runner.invoke(app, ["salaries", "reimport", str(path), "--profile", "aijobs"])
    assert missing.exit_code == 2
    command = ["salaries", "reimport", str(path), "--profile", "aijobs", "--source", "other"]
    result = runner.invoke(app, command)
    assert result.exit_code == 0, result.output
    assert "Credited to source: other" in result.output
    assert "0 rows removed from unverified runs" in result.output
