"""On the real free-programming-books list, iOS books do not crowd out back-end ones.

The reference site's Backend Engineer reading list held iOS Core Data and SwiftUI books (SEEDS.md).
The real list has no book with those words in its title, so the iOS and Swift sections (where
such books are filed) stand in for them, and PostgreSQL/Node.js/Django/Flask/SQL books are the
back-end ones.
"""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers.service import lookup_slug
from careerpath.catalog import service as catalog_service
from careerpath.catalog.models import Resource, ResourceKind
from careerpath.catalog.profiles import PROFILES
from careerpath.matching.queries import RankFilters, ranked
from careerpath.matching.service import recompute
from tests.support import require_shared_data

IOS_TOPICS = {"iOS", "Swift"}
BACKEND_WORDS = ("postgresql", "node.js", "django", "flask", "sql", "rest api", "microservice")


def _groups(path: Path) -> tuple[set[str], set[str]]:
    ios, backend = set(), set()
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["kind"] != "book":
                continue
            if row["topic"] in IOS_TOPICS:
                ios.add(row["url"])
            elif any(word in f"{row['topic']} {row['title']}".lower() for word in BACKEND_WORDS):
                backend.add(row["url"])
    return ios, backend


async def test_no_ios_book_above_a_backend_book(session: AsyncSession, tmp_path: Path) -> None:
    path = require_shared_data("catalog-free-programming-books", "free_programming_books_en.csv")
    profile = PROFILES["free-programming-books"]
    parsed = catalog_service.parse_file(path, profile, ResourceKind.BOOK)
    await catalog_service.import_parsed(session, profile, ResourceKind.BOOK, parsed)
    await session.flush()
    career = (await lookup_slug(session, "back-end-engineer")).career
    # A private index directory: this test's rows are rolled back afterwards.
    await recompute(session, tmp_path, [career.id])
    ios_urls, backend_urls = _groups(path)
    urls = dict((await session.execute(select(Resource.id, Resource.url))).all())
    ios = {rid for rid, url in urls.items() if url in ios_urls}
    backend = {rid for rid, url in urls.items() if url in backend_urls}
    assert ios and backend, "the catalog must hold both kinds for the test to mean anything"
    books = await ranked(session, career, "book", RankFilters(), 200)
    order = [item.resource_id for item in books.items]
    ranks = {rid: position for position, rid in enumerate(order, start=1)}
    assert backend & ranks.keys(), "back-end books must be on the reading list at all"
    best_backend = min(ranks[rid] for rid in backend if rid in ranks)
    assert all(ranks[rid] > best_backend for rid in ios if rid in ranks)
    for position, rid in enumerate(order[:20]):
        if rid in ios:
            below = [r for r in order[position + 1 :] if r in backend]
            assert not below, f"iOS book {rid} at {position + 1} above back-end books {below}"
