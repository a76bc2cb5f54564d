"""A test-only items port: real careers, plus a few courses, books and provider resources."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.accounts.items_port import CatalogPort, ItemInfo, ResourceLink
from careerpath.accounts.models import ItemKind

COURSES = {
    1: '=HYPERLINK("http://evil.example","Click")',
    2: "Designing Data-Intensive Applications, the course",
    3: "+SUM(A1:A9)",
    4: "@cmd|' /C calc'!A0",
}
BOOKS = {1: "-2+3 Database Internals", 2: "\tTabbed title"}
RESOURCES = {
    7: ResourceLink("https://provider.example/course/7?lang=en", {"ref": "careerpath"}),
    8: ResourceLink("https://books.example/b/8"),
    9: ResourceLink("javascript:alert(1)"),
}


class FakeCatalogPort(CatalogPort):
    """Careers from the database; courses, books and resources from the tables above."""

    async def describe(
        self, db: AsyncSession, kind: ItemKind, ref_ids: Iterable[int]
    ) -> dict[int, ItemInfo]:
        ids = list(ref_ids)
        table = {ItemKind.COURSE: COURSES, ItemKind.BOOK: BOOKS}.get(kind)
        if table is None:
            return await super().describe(db, kind, ids)
        return {i: ItemInfo(table[i], f"/go/{i}") for i in ids if i in table}

    async def resource_link(self, db: AsyncSession, resource_id: int) -> ResourceLink | None:
        del db
        return RESOURCES.get(resource_id)
