"""A real browser on a real server: the career page as a person uses it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from tests.salaries.test_published import CITIES
from tests.support import PROJECT_ROOT, free_port, require_chromium, wait_until_up

ARTIFACTS = PROJECT_ROOT / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real server (granian, one worker) on an embedded database with the demo data."""
    folder = tmp_path_factory.mktemp("browser")
    env = {
        **os.environ,
        "CAREERPATH_DATABASE_URL": f"sqlite+aiosqlite:///{folder / 'site.db'}",
        "CAREERPATH_VAR_DIR": str(folder),
        "CAREERPATH_LOG_LEVEL": "WARNING",
    }
    cli = [sys.executable, "-m", "careerpath.cli"]
    subprocess.run([*cli, "init"], env=env, check=True, capture_output=True)
    subprocess.run([*cli, "demo"], env=env, check=True, capture_output=True)
    port = free_port()
    process = subprocess.Popen([*cli, "serve", "--port", str(port)], env=env)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_career_page_in_chromium(server: str) -> None:
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{server}/careers/backend-engineer")
        assert page.url == f"{server}/careers/back-end-engineer"
        assert page.locator("h1").inner_text() == "Back End Engineer"

        visible = page.locator("tr[data-city]:visible")
        assert visible.count() == 3
        page.get_by_text("See all salaries").click()
        assert page.locator("tr[data-city]:visible").count() == len(CITIES)
        cities = page.locator("tr[data-city]").evaluate_all("rows => rows.map(r => r.dataset.city)")
        assert cities == CITIES
        assert page.get_by_text("₹6,25,000").first.is_visible()

        page.locator("nav.toc").get_by_role("link", name="Career ladder").click()
        page.wait_for_url("**#ladder")
        top = page.locator("#ladder").evaluate("el => el.getBoundingClientRect().top")
        assert 0 <= top < 900

        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / "career-page.png"
        page.screenshot(path=str(shot), full_page=True)
        browser.close()
    assert shot.stat().st_size > 50_000
