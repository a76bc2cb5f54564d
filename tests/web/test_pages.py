"""Server-rendered pages."""

from __future__ import annotations

import re

from litestar import Litestar
from litestar.testing import TestClient

from tests.careers.stubs import stub_career
from tests.salaries.test_published import CITIES

Client = TestClient[Litestar]


def test_home_lists_careers(client: Client) -> None:
    html = client.get("/").text
    assert 'href="/careers/back-end-engineer"' in html
    assert 'href="/careers/front-end-engineer"' in html
    assert 'role="search"' in html


def test_home_search_matches_aliases(client: Client) -> None:
    html = client.get("/", params={"q": "Back-end Developer"}).text
    assert "1 career matching" in html
    assert 'href="/careers/back-end-engineer"' in html
    assert 'href="/careers/front-end-engineer"' not in html


def test_home_search_escapes_the_query(client: Client) -> None:
    html = client.get("/", params={"q": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html


def test_career_page_has_all_cities_with_sources(client: Client) -> None:
    html = client.get("/careers/back-end-engineer").text
    rendered = re.findall(r'data-city="([^"]+)"', html)
    assert rendered == CITIES
    assert "₹625,000" in html
    assert "All salaries are estimates" in html
    assert html.count('class="cite"') == 42
    assert "See all salaries (15 cities)" in html


def test_table_of_contents_links_resolve(client: Client) -> None:
    html = client.get("/careers/back-end-engineer").text
    anchors = re.findall(r'<nav class="toc".*?</nav>', html, re.S)[0]
    targets = re.findall(r'href="#([^"]+)"', anchors)
    assert len(targets) >= 12
    for target in targets:
        assert f'id="{target}"' in html


def test_career_page_shows_ladder_related_and_share(client: Client) -> None:
    html = client.get("/careers/back-end-engineer").text
    assert html.count('class="ladder__step"') == 4
    assert 'href="/careers/data-engineer"' in html
    assert 'data-share="http://testserver.local/careers/back-end-engineer"' in html
    assert '<link rel="canonical" href="http://testserver.local/careers/back-end-engineer">' in html


def test_alias_page_redirects(client: Client) -> None:
    response = client.get("/careers/backend-engineer", follow_redirects=False)
    assert response.status_code == 301
    assert response.headers["location"] == "/careers/back-end-engineer"


def test_stub_career_page_renders(client: Client, database_url: str) -> None:
    with stub_career(database_url) as slug:
        response = client.get(f"/careers/{slug}")
    assert response.status_code == 200
    assert "short outline" in response.text


def test_written_career_pages_are_not_outlines(client: Client) -> None:
    for slug in ("front-end-engineer", "security-engineer", "engineering-manager"):
        html = client.get(f"/careers/{slug}").text
        assert "short outline" not in html
        assert "Not described yet" not in html
        assert "Tools and technologies" in html and "Career ladder" in html


def test_unknown_page_is_a_friendly_404(client: Client) -> None:
    response = client.get("/careers/astronaut", headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert "We could not find that page" in response.text
    assert "Traceback" not in response.text


def test_unknown_page_for_a_program_is_a_problem(client: Client) -> None:
    response = client.get("/careers/astronaut", headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert response.json()["status"] == 404


CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _home_resources(html: str) -> str:
    return html.split('aria-labelledby="resources-heading"', 1)[1].split("</section>", 1)[0]


def test_home_title_search_finds_courses_on_the_title_s_subject(client: Client) -> None:
    """No demo course is about "Django" and "developer" at once: a title's role word names no
    topic, so the courses shown are those about Django, and the page says so."""
    section = _home_resources(client.get("/", params={"q": "Sr. Django Developer"}).text)
    assert "matching “Django”" in section
    assert "Nothing matches every word of “Sr. Django Developer”" in section
    assert section.count('<li class="hit">') == 6


def test_home_title_search_keeps_its_words_when_the_subject_finds_nothing_either(
    client: Client,
) -> None:
    """No demo course is about Golang: the page says nothing matches the words searched,
    not that nothing matches a subject the reader never typed."""
    section = _home_resources(client.get("/", params={"q": "Sr. Golang Engineer"}).text)
    assert "0 courses or books matching “Sr. Golang Engineer”" in section
    assert "Nothing matches every word" not in section


def test_home_best_rated_are_in_the_readers_language(client: Client) -> None:
    # The demo's best-rated courses are Russian Stepik ones (4.9-5.0): an English reader
    # sees English ones, a Russian reader (header or ?lang=) the Russian ones.
    english = _home_resources(client.get("/").text)
    assert "<li" in english and not CYRILLIC.search(english)
    russian = _home_resources(client.get("/", headers={"Accept-Language": "ru-RU,ru"}).text)
    assert CYRILLIC.search(russian)
    assert CYRILLIC.search(_home_resources(client.get("/", params={"lang": "ru"}).text))


def test_sources_read_as_sentences(client: Client) -> None:
    html = client.get("/careers/back-end-engineer").text
    sources = html[html.index('id="sources"') :]
    items = re.findall(r'<li id="source-\d+">(.*?)</li>', sources, flags=re.S)
    assert items
    for item in items:
        text = re.sub(r"<[^>]+>", "", item)
        assert "·" in text and re.search(r"\S·|·\S", text) is None, text


def test_home_search_says_when_no_career_clearly_matches(client: Client) -> None:
    """ "Manager" names an appointment in every field: the careers spelled with it are listed
    as the closest, under a heading that does not claim they match."""
    html = client.get("/", params={"q": "Manager"}).text
    assert "No career clearly matches “Manager”" in html
    assert "career matching" not in html and "careers matching" not in html
    assert 'href="/careers/engineering-manager"' in html
