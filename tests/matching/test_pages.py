"""The career page's "Path to" section, the learning-path page and the gap page."""

from __future__ import annotations

import re

from litestar import Litestar
from litestar.testing import TestClient

PAGE = "/careers/back-end-engineer"


def test_career_page_shows_ranked_courses_and_books(
    client: TestClient[Litestar], rankings: int
) -> None:
    html = client.get(PAGE).text
    assert "Path to Back End Engineer" in html
    assert re.search(r"\d+ matched courses?", html)
    assert "Reading list" in html
    assert 'class="bar__fill"' in html and "covers " in html
    assert "style=" not in html.split('id="path"')[1].split("</section>")[0]


def test_career_page_filters_are_links(client: TestClient[Litestar], rankings: int) -> None:
    html = client.get(PAGE, params={"free": "true"}).text
    section = html.split('id="path"')[1].split("</section>")[0]
    assert 'href="?free=true#path"' in section
    bogus = client.get(PAGE, params={"m_level": "guru"})
    assert bogus.status_code == 200


def test_path_page(client: TestClient[Litestar]) -> None:
    html = client.get(f"{PAGE}/path", params={"free": "true", "max_hours": 40}).text
    assert "Learning path to Back End Engineer" in html
    assert re.search(r"covering <strong>\d+%</strong>", html)


def test_gap_page_form_and_result(client: TestClient[Litestar]) -> None:
    form = client.get(f"{PAGE}/gap").text
    assert '<form method="post"' in form and "<textarea" in form
    result = client.post(
        f"{PAGE}/gap", data={"skills": "Python, PostgreSQL", "text": "I deploy with Docker."}
    )
    assert result.status_code == 200
    assert re.search(r"You cover \d+% of the demand", result.text)
    too_big = client.post(f"{PAGE}/gap", data={"skills": "", "text": "x" * 100_001})
    assert too_big.status_code == 413
