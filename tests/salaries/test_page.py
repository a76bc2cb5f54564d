"""The career page's salary section: computed medians with n, bands, switchers, published rows."""

from __future__ import annotations

import re
from pathlib import Path

from litestar import Litestar
from litestar.testing import TestClient

from tests.salaries.test_api import sample  # noqa: F401  (module fixture: real reports loaded)
from tests.salaries.test_published import CITIES

Client = TestClient[Litestar]


def test_computed_country_medians_with_n(client: Client, sample: Path) -> None:  # noqa: F811
    html = client.get("/careers/data-engineer").text
    assert 'data-place="US"' in html
    assert re.search(r"n = \d+", html)
    assert 'class="boxplot__box"' in html
    assert "style=" not in html
    assert "By level in United States" in html
    assert "aijobs.net salary index" in html


def test_published_rows_and_see_all_pattern_stay(client: Client, sample: Path) -> None:  # noqa: F811
    html = client.get("/careers/back-end-engineer?currency=USD").text
    cities = re.findall(r'data-city="([^"]+)"', html)
    assert cities == CITIES
    published = html[html.index("Published by career guides") :]
    first_table, rest = published.split('<details class="seeall">', 1)
    assert first_table.count("data-city=") == 3
    assert rest.count("data-city=") == len(CITIES) - 3
    assert "≈ $" in html  # published figures converted to the chosen currency


def test_switchers_are_plain_links(client: Client, sample: Path) -> None:  # noqa: F811
    html = client.get("/careers/data-engineer?level=executive&currency=EUR").text
    assert 'href="/careers/data-engineer?currency=EUR&amp;level=senior#salaries"' in html
    assert 'aria-current="true" class="switcher__current">EUR<' in html
    assert "<script" not in html.split('id="salaries"')[1].split("</section>")[0]


def test_not_enough_data_state(client: Client, sample: Path) -> None:  # noqa: F811
    url = "/careers/back-end-engineer?level=executive"
    figures = client.get(f"/api/v1{url.replace('?', '/salaries?')}").json()["computed"]
    thin = not figures or any(not f["enough"] for f in figures)
    html = client.get(url).text
    assert thin  # the real sample has next to no executive back end engineers
    assert "Not enough data" in html


def test_bad_currency_is_an_error_page(client: Client) -> None:
    response = client.get("/careers/data-engineer?currency=XYZ", headers={"Accept": "text/html"})
    assert response.status_code == 422
    assert "text/html" in response.headers["content-type"]
