"""What every page must pass in the browser: readable HTML, no overflow, no errors, axe."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tests.support import confirmation_path
from tests.web.browser.conftest import SCREENSHOTS

if TYPE_CHECKING:
    from tests.web.browser.conftest import Tab

# Impacts axe-core ranks as blocking; "minor" and "moderate" ones are reported, not failed.
BLOCKING_IMPACTS = {"serious", "critical"}
OVERFLOW_SCRIPT = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')].filter(el => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.right > width + 1 && !el.closest('[data-scrolls]');
  });
  return {scroll: document.documentElement.scrollWidth, width,
          wide: wide.slice(0, 5).map(el => el.tagName + '.' + el.className)};
}"""


def assert_readable(tab: Tab, response: Any) -> None:
    """The answer is an HTML page a person can read, not JSON or page source."""
    assert response is not None
    assert response.headers["content-type"].startswith("text/html"), response.headers
    text = tab.page.locator("body").inner_text()
    assert not text.lstrip().startswith(("{", "[")), text[:200]
    assert "<!doctype" not in text.lower()
    assert "<html" not in text.lower()
    assert tab.page.locator("h1").count() >= 1


def assert_fits(tab: Tab) -> None:
    """Nothing sticks out sideways: the page scrolls only vertically."""
    found = tab.page.evaluate(OVERFLOW_SCRIPT)
    assert found["scroll"] <= found["width"], found


def assert_accessible(tab: Tab) -> None:
    """axe-core (bundled by axe-playwright-python) finds no serious or critical violation."""
    from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]

    results = Axe().run(tab.page)
    blocking = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]])
        for v in results.response["violations"]
        if v["impact"] in BLOCKING_IMPACTS
    ]
    assert blocking == [], blocking


def screenshot(tab: Tab, name: str) -> None:
    """Keep a full-page screenshot in artifacts/screenshots/ for people to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = tab.page.viewport_size["width"] if tab.page.viewport_size else 0
    tab.page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)


def check_page(tab: Tab, path: str, name: str, *, status: int = 200) -> None:
    """Open ``path`` and hold it to every rule a page must meet."""
    response = tab.go(path)
    assert response.status == status, (path, response.status)
    if status != 200:  # Chromium logs the document's own error status; nothing else may fail
        own = f"the server responded with a status of {status}"
        tab.errors[:] = [e for e in tab.errors if own not in e]
    assert_readable(tab, response)
    assert_fits(tab)
    assert_accessible(tab)
    screenshot(tab, name)
    assert tab.errors == [], tab.errors
    assert tab.offsite == [], tab.offsite


def first_link(tab: Tab, prefix: str) -> str:
    """Return the first on-page link whose path starts with ``prefix``."""
    href = tab.page.locator(f'main a[href^="{prefix}"]').first.get_attribute("href")
    assert href, f"no link to {prefix}… on {tab.page.url}"
    return href


PASSWORD = "correct horse battery"


def sign_up(tab: Tab, email: str, password: str = PASSWORD) -> None:
    """Create an account through the sign-up form and the mailed link (read from the outbox)."""
    send_sign_up(tab, email, password)
    tab.go(confirmation_path(tab.site.folder, email))
    tab.page.get_by_role("button", name="Create my account").click()
    tab.page.wait_for_load_state()


def send_sign_up(tab: Tab, email: str, password: str = PASSWORD) -> None:
    """Send the sign-up form (from wherever the tab is) and land on "Check your email"."""
    if "/signup" not in tab.page.url:
        tab.go("/signup")
    tab.page.fill("#email", email)
    tab.page.fill("#password", password)
    tab.page.get_by_role("button", name="Sign up").click()
    tab.page.wait_for_load_state()
    assert tab.page.locator("h1").inner_text() == "Check your email"


def save_from_head(tab: Tab, new_list: str = "") -> None:
    """Press Save in a career page's header: signed in, through the list chooser."""
    head = tab.page.locator(".career__head")
    chooser = head.locator("details.save")
    if chooser.count() == 0:  # signed out: Save is a link through sign-in
        head.get_by_role("link", name="Save").click()
        return
    chooser.locator("summary").click()
    if new_list:
        chooser.locator("input[name=new_list]").fill(new_list)
    chooser.get_by_role("button", name="Save here").click()
