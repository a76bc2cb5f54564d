"""`careerpath demo` ends by ranking; `careerpath matching recompute` reranks one or all."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careerpath import migrate
from careerpath.cli.app import app
from careerpath.config import get_settings


@pytest.fixture
def cli_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("CAREERPATH_DATABASE_URL", url)
    monkeypatch.setenv("CAREERPATH_VAR_DIR", str(tmp_path / "var"))
    get_settings.cache_clear()
    migrate.upgrade(url)
    yield url
    get_settings.cache_clear()


def test_demo_then_recompute(cli_database: str) -> None:
    runner = CliRunner()
    demo = runner.invoke(app, ["demo"])
    assert demo.exit_code == 0, demo.output
    loaded = re.search(r"Demo loaded: (\d+) careers", demo.output)
    assert loaded, demo.output
    # Every demo career is ranked, however many the demo holds.
    assert f"Rankings recomputed: {loaded[1]} careers" in demo.output
    one = runner.invoke(app, ["matching", "recompute", "--career", "back-end-engineer"])
    assert one.exit_code == 0, one.output
    assert "1 careers" in one.output
    retag = runner.invoke(app, ["matching", "retag"])
    assert retag.exit_code == 0, retag.output
    assert "Resources retagged" in retag.output
    missing = runner.invoke(app, ["matching", "recompute", "--career", "astronaut"])
    assert missing.exit_code == 1
    assert "astronaut" in missing.output
