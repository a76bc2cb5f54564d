"""What a reader sees on real data, at 1280 px and 390 px: search, Save, money, titles, charts.

Each test opens its page through ``check_page`` (HTML, no overflow, no console error, axe clean,
a screenshot) and then checks what the page says.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.support import require_shared_data
from tests.web.browser.checks import check_page, first_link, save_from_head, sign_up
from tests.web.browser.conftest import DESKTOP, PHONE, Site, Tab, open_tab

pytestmark = pytest.mark.browser

CAREER = "/careers/back-end-engineer"
# Lakh grouping ("6,25,000") beside Western grouping was the bug: one rule for every amount.
LAKH = re.compile(r"\d,\d\d,\d\d\d\b")
GLUED = re.compile(r"\b(?:series|course|skills)[A-Z][a-z]")


@pytest.fixture(params=[DESKTOP, PHONE], ids=["1280", "390"])
def tab(request: pytest.FixtureRequest, browser: object, site: Site) -> Iterator[Tab]:
    opened = open_tab(browser, site, request.param)  # type: ignore[arg-type]
    yield opened
    opened.page.context.close()


def test_backend_finds_back_end_courses(tab: Tab) -> None:
    require_shared_data("courses-coursera-stepik-kizak")
    check_page(tab, "/search?q=backend", "search-backend")
    titles = tab.page.locator("main h2 a, main h3 a").all_inner_texts()
    assert any(t.startswith("Meta Back-End Developer") for t in titles), titles
    marked = tab.page.locator("main mark").all_inner_texts()
    assert "Back-End" in marked, marked


def test_course_description_reads_as_sentences(tab: Tab) -> None:
    require_shared_data("courses-coursera-stepik-kizak")
    tab.go("/search?q=meta+back-end+developer&kind=course")
    check_page(tab, first_link(tab, "/courses/"), "course-meta")
    about = tab.page.locator("main section").filter(has_text="About").inner_text()
    assert "course series" in about, about[:300]
    assert not GLUED.search(about), GLUED.search(about)


def test_saved_career_says_so_and_lists_can_be_chosen(tab: Tab) -> None:
    width = tab.page.viewport_size["width"] if tab.page.viewport_size else 0
    sign_up(tab, f"chooser-{width}@example.com")
    tab.go(CAREER)
    head = tab.page.locator(".career__head")
    assert head.locator("details.save summary").inner_text().strip() == "Save"
    save_from_head(tab, new_list="Autumn plan")
    tab.page.wait_for_url("**/lists/*")
    assert "Autumn plan" in tab.page.locator("h1").inner_text()
    check_page(tab, CAREER, "career-saved")
    summary = head.locator("summary").first
    assert summary.inner_text().strip() == "✓ Saved"
    summary.click()
    assert head.get_by_role("link", name="Autumn plan").is_visible()
    choices = head.locator(".save__choice").all_inner_texts()
    assert any("Autumn plan" in c and "already there" in c for c in choices), choices
    assert any(c.strip() == "Saved" for c in choices), choices


def test_money_follows_one_rule(tab: Tab) -> None:
    check_page(tab, f"{CAREER}?currency=EUR", "career-eur")
    tab.page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    text = tab.page.locator("#salaries").inner_text()
    assert "₹625,000" in text
    assert not LAKH.search(text), LAKH.search(text)
    singapore = tab.page.locator('tr[data-city="Singapore"]').inner_text()
    assert "SGD" in singapore and "$" not in singapore.replace("SGD", ""), singapore
    computed = tab.page.locator("#salaries-computed").inner_text()
    for code in re.findall(r"No exchange rate for ([A-Z]{3})", computed):
        assert code in computed.split("No exchange rate", 1)[1][40:], code


def test_onet_career_reads_as_one_persons_job(tab: Tab) -> None:
    if not tab.site.has_onet:
        require_shared_data("onet")
    check_page(tab, "/careers/software-developers", "career-onet")
    assert tab.page.locator("h1").inner_text() == "Software Developer"
    preparation = tab.page.locator("#education").inner_text()
    assert "accountant" not in preparation
    assert "bachelor's degree" in preparation
    contents = tab.page.locator("nav.toc").inner_text()
    assert "Software Developers" not in contents
    if tab.page.locator("#ladder").count():
        steps = tab.page.locator("#ladder .ladder__title").all_inner_texts()
        assert all(s.endswith("Software Developer") for s in steps), steps


def test_salaries_are_box_plots_with_text(tab: Tab) -> None:
    require_shared_data("salaries-aijobs")
    if not tab.site.has_onet:  # the first salary rows name software engineers most
        require_shared_data("onet")
    check_page(tab, "/careers/software-developers", "career-boxplots")
    plots = tab.page.locator("#salaries svg.boxplot[role=img]")
    assert plots.count() >= 1
    label = plots.first.get_attribute("aria-label") or ""
    assert re.fullmatch(r"p10 .+, p25 .+, median .+, p75 .+, p90 .+", label), label
    whisker = plots.first.locator(".boxplot__whisker").first.bounding_box()
    box = plots.first.locator(".boxplot__box").bounding_box()
    assert whisker and box and whisker["width"] > box["width"] > 0


def test_compare_from_a_career_page(tab: Tab) -> None:
    tab.go(CAREER)
    form = tab.page.locator("form.compare-form")
    other = form.locator("select option").first.inner_text()
    form.get_by_role("button", name="Compare").click()
    tab.page.wait_for_url("**/compare?*")
    check_page(tab, tab.page.url.removeprefix(tab.site.url), "compare")
    heading = tab.page.locator("h1").inner_text()
    assert heading == f"Back End Engineer vs {other}", heading
    columns = tab.page.locator(".compare__col")
    assert columns.count() == 2
    for number in range(2):
        column = columns.nth(number)
        pay = column.locator("svg.boxplot[role=img]")
        assert pay.count() == 1 or column.get_by_text("Not enough salary reports").count()
        assert column.get_by_role("heading", name="Top skills").is_visible()


def test_compare_refuses_one_career(tab: Tab) -> None:
    response = tab.go("/compare?careers=back-end-engineer")
    assert response.status >= 400
    assert response.headers["content-type"].startswith("text/html")


def test_home_page_teases_salaries_with_n_and_source(tab: Tab) -> None:
    require_shared_data("salaries-aijobs")
    check_page(tab, "/", "home-teaser")
    rows = tab.page.locator(".teaser__row")
    assert 1 <= rows.count() <= 4
    for text in rows.all_inner_texts():
        assert re.search(r"\$\d{2,3},\d{3}", text), text
        assert re.search(r"n = [\d,]+ reports", text), text
        assert "aijobs.net" in text, text
