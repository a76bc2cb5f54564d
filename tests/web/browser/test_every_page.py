"""Every page at 1280 px and 390 px: readable, no sideways overflow, no console error, axe clean."""

from __future__ import annotations

import pytest

from tests.support import require_shared_data
from tests.web.browser.checks import check_page, first_link, save_from_head, sign_up
from tests.web.browser.conftest import DESKTOP, PHONE, Site, Tab, open_tab

pytestmark = pytest.mark.browser

CAREER = "/careers/back-end-engineer"
PUBLIC_PAGES = {
    "home": "/",
    "careers": "/careers",
    "search-careers": "/?q=data+scientist",
    "career": CAREER,
    "learning-path": f"{CAREER}/path",
    "skill-gap": f"{CAREER}/gap",
    "search": "/search?q=python",
    "topics": "/topics",
    "signin": "/signin",
    "signup": "/signup",
    "forgot-password": "/forgot-password",
}


@pytest.fixture(params=[DESKTOP, PHONE], ids=["1280", "390"])
def tab(request: pytest.FixtureRequest, browser: object, site: Site) -> object:
    opened = open_tab(browser, site, request.param)  # type: ignore[arg-type]
    yield opened
    opened.page.context.close()


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page(tab: Tab, name: str) -> None:
    check_page(tab, PUBLIC_PAGES[name], name)


def test_linked_pages(tab: Tab) -> None:
    """A skill, a topic, a course and a book, each reached by following a link."""
    if not tab.site.has_onet:
        require_shared_data("onet")
    tab.go(CAREER)
    check_page(tab, first_link(tab, "/skills/"), "skill")
    tab.go("/topics")
    check_page(tab, first_link(tab, "/topics/"), "topic")
    tab.go("/search?q=python&kind=course")
    check_page(tab, first_link(tab, "/courses/"), "course")
    tab.go("/search?q=python&kind=book")
    check_page(tab, first_link(tab, "/books/"), "book")


def test_signed_in_pages(tab: Tab) -> None:
    width = tab.page.viewport_size["width"] if tab.page.viewport_size else 0
    sign_up(tab, f"pages-{width}@example.com")
    check_page(tab, "/lists", "my-lists")
    check_page(tab, "/account", "account")
    tab.go(CAREER)
    save_from_head(tab)
    tab.page.wait_for_url("**/lists/*")
    check_page(tab, tab.page.url.removeprefix(tab.site.url), "list")


def test_not_found_page(tab: Tab) -> None:
    check_page(tab, "/careers/no-such-career", "not-found", status=404)
