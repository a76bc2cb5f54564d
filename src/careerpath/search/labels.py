"""Display names of facet values (topic and skill slugs), kept beside each generation."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.catalog.models import ResourceSkill, Topic

LABELS_FILE = "labels.json"


async def load_labels(session: AsyncSession) -> dict[str, dict[str, str]]:
    """Return the names of every topic and skill slug, read from the database."""
    topic_rows = await session.execute(select(Topic.slug, Topic.name))
    topics = {row.slug: row.name for row in topic_rows}
    skill_query = select(ResourceSkill.skill_slug, ResourceSkill.skill_name).distinct()
    skills = {row.skill_slug: row.skill_name for row in await session.execute(skill_query)}
    return {"topic": topics, "skill": skills}


def write_labels(folder: Path, labels: dict[str, dict[str, str]]) -> None:
    """Store the labels in a generation folder."""
    (folder / LABELS_FILE).write_text(json.dumps(labels, ensure_ascii=False))


def read_labels(folder: Path) -> dict[str, dict[str, str]]:
    """Read a generation's labels (empty when the file is missing)."""
    try:
        data: dict[str, dict[str, str]] = json.loads((folder / LABELS_FILE).read_text())
    except (OSError, ValueError):
        return {}
    return data
