"""The skills API and the career page section, on the demo data (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import csv
import re
from pathlib import Path

from litestar import Litestar
from litestar.testing import TestClient

from careerpath.db import create_engine, create_session_factory
from careerpath.skills.postings import build_mapping, ingest_postings
from careerpath.skills.sections import MIN_SKILL_POSTINGS
from tests.support import require_shared_data

Client = TestClient[Litestar]


def test_search_and_autocomplete(client: Client) -> None:
    body = client.get("/api/v1/skills", params={"q": "postg"}).json()
    assert body["total"] >= 1
    assert body["items"][0]["onet_name"] == "PostgreSQL"


def test_search_matches_whole_words_not_substrings(client: Client) -> None:
    orm = {
        i["onet_name"] for i in client.get("/api/v1/skills", params={"q": "ORM"}).json()["items"]
    }
    assert "IBM Terraform" not in orm
    assert not any("Informatica" in name for name in orm)
    rest = client.get("/api/v1/skills", params={"q": "REST", "limit": 100}).json()["items"]
    assert not [i for i in rest if "interest" in i["name"].lower() or "forest" in i["name"].lower()]
    assert "RESTful API" in {i["onet_name"] for i in rest}


def test_skill_detail_has_aliases_and_occupations(client: Client) -> None:
    first = client.get("/api/v1/skills", params={"q": "k8s"}).json()["items"][0]
    body = client.get(f"/api/v1/skills/{first['id']}").json()
    assert body["onet_name"] == "Kubernetes"
    assert "k8s" in body["aliases"]
    assert "Software Developers" in body["onet_occupations"]


def test_unknown_skill_is_a_problem(client: Client) -> None:
    response = client.get("/api/v1/skills/987654321")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")


def test_demo_career_shows_onet_skills_without_postings(client: Client) -> None:
    body = client.get("/api/v1/careers/back-end-engineer/skills").json()
    assert body["onet_soc_code"] == "15-1252.00"
    names = {s["name"] for group in body["onet"] for s in group["skills"]}
    assert {"Python", "Java", "PostgreSQL", "Docker"} <= names
    flagged = [s for group in body["onet"] for s in group["skills"] if s["in_demand"]]
    assert flagged


def test_career_page_has_the_skills_section(client: Client) -> None:
    html = client.get("/careers/back-end-engineer").text
    assert 'id="skills-demand"' in html
    assert "PostgreSQL" in html and "In demand" in html


def test_without_postings_the_page_shows_a_short_onet_list_by_kind(client: Client) -> None:
    """Back End Engineer has no postings in the demo: O*NET's list, said so, top 30 first."""
    html = client.get("/careers/back-end-engineer").text
    section = html[
        html.index('id="skills-demand"') : html.index(
            "</section>", html.index('id="skills-demand"')
        )
    ]
    first, _, rest = section.partition('<details class="skills-more">')
    assert "O*NET" in first and "not what employers ask for" in first
    shown = re.findall(r'class="skill"[^>]*>([^<]+)<', first)
    assert 10 <= len(shown) <= 30
    assert {"Python", "Go", "Ruby", "PostgreSQL", "Docker"} <= set(shown)  # its own tools
    for name in ("ESRI ArcGIS", "Adobe Photoshop", "Marketo"):
        assert name not in first
    assert "ESRI ArcGIS" in rest  # the whole list stays behind "show all"
    headings = re.findall(r"<h3>([^<]+)</h3>", first)
    assert headings[0] == "Languages" and "%" not in first.split("</p>", 1)[1]


def test_extract(client: Client) -> None:
    text = "Senior engineer: Go and PostgreSQL on k8s, some C# and ASP.NET Core."
    body = client.post("/api/v1/extract", json={"text": text}).json()
    surfaces = [m["surface"] for m in body["mentions"]]
    assert surfaces == ["Go", "PostgreSQL", "k8s", "C#", "ASP.NET Core"]
    assert all(text[m["start"] : m["end"]] == m["surface"] for m in body["mentions"])


def test_extract_over_100_kb_is_413(client: Client) -> None:
    response = client.post("/api/v1/extract", json={"text": "Python " * 20_000})
    assert response.status_code == 413
    assert response.json()["status"] == 413


def test_extract_rejects_a_bad_body(client: Client) -> None:
    response = client.post("/api/v1/extract", json={"words": "Python"})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")


def test_career_page_shows_shares_once_postings_arrive(client: Client, tmp_path: Path) -> None:
    """Ingest real dice postings as one career's, then the page shows bars and a trend."""
    source = require_shared_data("jobs-dice-sample", "dice_com-job_us_sample.csv")
    with source.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[:40]
    path = tmp_path / "ds.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(("jobtitle", "jobdescription", "date"))
        for number, row in enumerate(rows):
            month = 1 + number % 3
            writer.writerow(("Data Engineer", row["jobdescription"], f"2024-0{month}-15"))
    settings = client.app.state.settings
    engine = create_engine(settings.database_url)

    async def ingest() -> None:
        async with create_session_factory(engine)() as session, session.begin():
            await ingest_postings(
                session,
                path,
                build_mapping("dice", date_col="date"),
                source="page-test",
            )
        await engine.dispose()

    asyncio.run(ingest())
    body = client.get("/api/v1/careers/data-engineer/skills").json()
    assert body["enough_postings"] and body["postings"] >= 30
    assert len(body["trend"]) == 3
    html = client.get("/careers/data-engineer").text
    assert 'class="bar__fill"' in html and "Postings per month" in html
    assert "/api/v1/skills/" not in html
    links = re.findall(r'<a class="skill" href="(/skills/[^"]+)">', html)
    assert 0 < len(links) <= len(set(links))
    counts = [int(n) for n in re.findall(r'<span class="count">(\d+) of \d+</span>', html)]
    assert counts and min(counts) >= MIN_SKILL_POSTINGS
    first_group = html.split('class="skillgroup"')[1]
    assert "<h3>Languages</h3>" in first_group or "<h3>Frameworks" in first_group
    page = client.get(links[0])
    assert page.status_code == 200
    assert 'href="/careers/data-engineer"' in page.text


def test_unknown_skill_page_is_404(client: Client) -> None:
    assert client.get("/skills/no-such-skill-anywhere").status_code == 404


def test_skill_page_lists_resources_in_the_readers_language(client: Client) -> None:
    """The demo catalog holds Stepik's Russian Python courses beside Coursera's English ones."""
    cyrillic = re.compile(r"<li><a [^>]*>[^<]*[\u0400-\u04ff]")
    english = client.get("/skills/python").text
    assert "Python" in english and "Courses" in english
    assert not cyrillic.search(english)
    russian = client.get("/skills/python", params={"lang": "ru"}).text
    assert cyrillic.search(russian)
    by_header = client.get("/skills/python", headers={"Accept-Language": "ru-RU,ru;q=0.9"}).text
    assert cyrillic.search(by_header)


def test_skill_page_names_every_occupation_listing_it(client: Client) -> None:
    """The page had printed O*NET's first 20 titles in alphabetical order as if they were all
    (Python's list stopped at the letter C), unlinked although most have a career page."""
    skill = client.get("/api/v1/skills", params={"q": "python"}).json()["items"][0]
    listed = client.get(f"/api/v1/skills/{skill['id']}").json()["onet_occupations"]
    html = client.get("/skills/python").text
    block = re.search(
        r"among the technologies of (\d+) occupations?</summary>\s*<p>(.*?)</p>", html
    )
    assert block is not None
    shown = re.sub(r"<[^>]+>", "", block.group(2)).rstrip(".").split(", ")
    assert int(block.group(1)) == len(shown) >= len(listed) > 0
    assert set(listed) <= set(shown)
    assert shown == sorted(shown)


def test_search_tolerates_typos(client: Client) -> None:
    for typo, expected in (("kubernets", "Kubernetes"), ("postgress", "PostgreSQL")):
        items = client.get("/api/v1/skills", params={"q": typo}).json()["items"]
        assert items and items[0]["onet_name"] == expected
    assert client.get("/api/v1/skills", params={"q": "zzqxv"}).json()["total"] == 0
