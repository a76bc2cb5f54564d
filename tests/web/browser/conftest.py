"""A real server (granian, demo data, SQLite) and Debian's Chromium driven by Playwright.

The browser tests skip without Chromium and fail under CI=true (``require_chromium``).
Screenshots of every page go to ``artifacts/screenshots/`` (named in the README).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.skills.onet_subset import write_subset
from tests.support import (
    PROJECT_ROOT,
    SHARED_DATA,
    free_port,
    require_chromium,
    wait_until_up,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

SCREENSHOTS = PROJECT_ROOT / "artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@dataclass(frozen=True)
class Site:
    """The running server: its address, database file (to age sessions) and var folder (mail)."""

    url: str
    database: Path
    folder: Path
    has_onet: bool  # the O*NET slice is loaded: career pages then link their skills


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The real server, one worker, on an embedded database with the demo data."""
    require_chromium()
    folder = tmp_path_factory.mktemp("browser")
    database = folder / "site.db"
    env = {
        **{k: v for k, v in os.environ.items() if k != "CAREERPATH_REDIS_URL"},
        "CAREERPATH_DATABASE_URL": f"sqlite+aiosqlite:///{database}",
        "CAREERPATH_VAR_DIR": str(folder),
        "CAREERPATH_LOG_LEVEL": "WARNING",
        # The suite signs up a dozen people from one address within minutes; the throttles
        # have their own tests, and here a 429 would only hide the page under test.
        "CAREERPATH_RATE_LIMIT_REGISTRATION": "1000/minute",
        "CAREERPATH_RATE_LIMIT_LOGIN": "1000/minute",
    }
    cli = [sys.executable, "-m", "careerpath.cli"]
    subprocess.run([*cli, "init"], env=env, check=True, capture_output=True)
    subprocess.run([*cli, "demo"], env=env, check=True, capture_output=True)
    has_onet = (SHARED_DATA / "onet").exists()
    if has_onet:  # five occupations of the real release: skill lists without a long import
        subset = write_subset(SHARED_DATA / "onet", folder / "onet")
        load = [*cli, "import", "onet", str(subset)]
        subprocess.run(load, env=env, check=True, capture_output=True)
    for command in _real_slices(folder):
        subprocess.run([*cli, *command], env=env, check=True, capture_output=True)
    port = free_port()
    process = subprocess.Popen([*cli, "serve", "--port", str(port)], env=env)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz", seconds=180)
        yield Site(f"http://127.0.0.1:{port}", database, folder, has_onet)
    finally:
        process.terminate()
        process.wait(timeout=10)


SALARY_ROWS = 4000


def _real_slices(folder: Path) -> list[list[str]]:
    """Return the imports of real data the shared folder offers, as an operator runs them.

    The first rows of the aijobs salaries (box plots, levels) and the Coursera courses
    ("Meta Back-End Developer", descriptions as scraped), kept small enough to load in a minute.
    """
    commands = []
    salaries = SHARED_DATA / "salaries-aijobs" / "salaries.csv"
    if salaries.exists():
        lines = salaries.read_text(encoding="utf-8").splitlines(keepends=True)
        (folder / "salaries.csv").write_text("".join(lines[: SALARY_ROWS + 1]), encoding="utf-8")
        source = ["--profile", "aijobs", "--source", "aijobs-salaries"]
        commands.append(["ingest", "salaries", str(folder / "salaries.csv"), *source])
    courses = SHARED_DATA / "courses-coursera-stepik-kizak" / "coursera_clear.json"
    if courses.exists():
        commands.append(["ingest", "courses", str(courses)])
    return commands


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One Chromium per test module (each test gets its own context).

    Not per session: Playwright's sync API keeps an event loop running in the main thread while
    it is open, so every later test that calls ``asyncio.run`` (migrations, caches, fault tests)
    would fail with "cannot be called from a running event loop".
    """
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class Tab:
    """A page with everything it logged: console errors, page errors, off-site requests."""

    page: Page
    site: Site
    errors: list[str]
    offsite: list[str]

    def go(self, path: str) -> Any:
        """Open ``path`` on the site and return the response."""
        return self.page.goto(self.site.url + path)


def open_tab(browser: Browser, site: Site, viewport: dict[str, int]) -> Tab:
    """Open a fresh context (no cookies) whose page records errors and off-site requests."""
    context = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
    page = context.new_page()
    tab = Tab(page, site, [], [])
    page.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: tab.errors.append(str(e)))
    page.on(
        "request",
        lambda r: None if r.url.startswith((site.url, "data:")) else tab.offsite.append(r.url),
    )
    return tab


@pytest.fixture
def desktop(browser: Browser, site: Site) -> Iterator[Tab]:
    """A 1280 px wide tab."""
    tab = open_tab(browser, site, DESKTOP)
    yield tab
    tab.page.context.close()


@pytest.fixture
def phone(browser: Browser, site: Site) -> Iterator[Tab]:
    """A 390 px wide tab (an iPhone 12-14)."""
    tab = open_tab(browser, site, PHONE)
    yield tab
    tab.page.context.close()
