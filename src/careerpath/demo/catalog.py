"""Load the small demo catalog: real CC BY and MIT rows, imported through the same profiles."""

from __future__ import annotations

from importlib import resources

from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.catalog import service as catalog_service
from careerpath.catalog.models import ResourceKind
from careerpath.catalog.profiles import PROFILES

# (file, kind, profile); the rows' origins and licences are in CATALOG_SOURCES.md.
DEMO_FILES = (
    ("catalog_books.jsonl", ResourceKind.BOOK, "free-programming-books"),
    ("catalog_courses.jsonl", ResourceKind.COURSE, "free-programming-books"),
    ("catalog_kizak_courses.jsonl", ResourceKind.COURSE, "kizak"),
)


async def load_demo_catalog(session: AsyncSession) -> int:
    """Import (or bring up to date) the demo courses and books; return how many there are."""
    total = 0
    for name, kind, profile_name in DEMO_FILES:
        profile = PROFILES[profile_name]
        with resources.as_file(resources.files("careerpath.demo.data").joinpath(name)) as path:
            parsed = catalog_service.parse_file(path, profile, kind)
        await catalog_service.import_parsed(session, profile, kind, parsed)
        total += len(parsed.rows)
    return total
