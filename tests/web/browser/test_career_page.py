"""The career page as a person uses it: aliases, salary rows, contents links."""

from __future__ import annotations

import pytest

from tests.salaries.test_published import CITIES
from tests.web.browser.checks import screenshot
from tests.web.browser.conftest import Tab

pytestmark = pytest.mark.browser


def test_career_page_in_chromium(desktop: Tab) -> None:
    page, server = desktop.page, desktop.site.url
    page.goto(f"{server}/careers/backend-engineer")
    assert page.url == f"{server}/careers/back-end-engineer"
    assert page.locator("h1").inner_text() == "Back End Engineer"

    visible = page.locator("tr[data-city]:visible")
    assert visible.count() == 3
    page.get_by_text("See all salaries").click()
    assert page.locator("tr[data-city]:visible").count() == len(CITIES)
    cities = page.locator("tr[data-city]").evaluate_all("rows => rows.map(r => r.dataset.city)")
    assert cities == CITIES
    assert page.get_by_text("₹625,000").first.is_visible()

    page.locator("nav.toc").get_by_role("link", name="Career ladder").click()
    page.wait_for_url("**#ladder")
    top = page.locator("#ladder").evaluate("el => el.getBoundingClientRect().top")
    assert 0 <= top < 900
    screenshot(desktop, "career-walkthrough")


def test_every_contents_entry_leads_to_its_section(desktop: Tab) -> None:
    desktop.go("/careers/back-end-engineer")
    anchors = desktop.page.locator("nav.toc a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    titles = desktop.page.locator("nav.toc a").all_inner_texts()
    assert any(t.startswith("Path to") for t in titles), titles
    for anchor in anchors:
        assert desktop.page.locator(anchor).count() == 1, anchor
    assert "min read" not in desktop.page.locator(".career__head").inner_text()
