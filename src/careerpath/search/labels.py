"""Display names of facet values (topic and skill slugs), kept beside each generation."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Select, and_, case, select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.catalog.models import ResourceSkill, Topic
from careerpath.skills.models import Skill

LABELS_FILE = "labels.json"


def skill_facet_query() -> Select[int, str, str]:
    """Select (resource id, facet value, name) of every resource skill.

    A tag linked to the taxonomy takes the skill's slug and display name, so a publisher's
    "Python", a topic "Python" and the "Python" found in a description are one facet value.
    """
    linked = and_(ResourceSkill.skill_id.is_not(None), Skill.slug.is_not(None))
    return select(
        ResourceSkill.resource_id,
        case((linked, Skill.slug), else_=ResourceSkill.skill_slug),
        case((linked, Skill.display_name), else_=ResourceSkill.skill_name),
    ).outerjoin(Skill, Skill.id == ResourceSkill.skill_id)


async def load_labels(session: AsyncSession) -> dict[str, dict[str, str]]:
    """Return the names of every topic and skill facet value, read from the database.

    ``skill_alias`` maps each stored tag slug that is indexed under another value (its skill's
    slug) to that value, so a link made from a stored slug still filters.
    """
    topic_rows = await session.execute(select(Topic.slug, Topic.name))
    topics = {row.slug: row.name for row in topic_rows}
    facet = skill_facet_query().subquery()
    value, name = facet.c[1], facet.c[2]
    skill_rows = await session.execute(select(value, name).distinct())
    skills = {row[0]: row[1] for row in skill_rows}
    stored = select(ResourceSkill.skill_slug, Skill.slug).join(
        Skill, Skill.id == ResourceSkill.skill_id
    )
    aliases = {
        slug: canonical
        for slug, canonical in await session.execute(stored.distinct())
        if canonical and canonical != slug
    }
    return {"topic": topics, "skill": skills, "skill_alias": aliases}


def facet_skill(labels: dict[str, dict[str, str]], slug: str | None) -> str | None:
    """Return the facet value a skill filter means (a stored tag slug names its skill's)."""
    if slug is None:
        return None
    return labels.get("skill_alias", {}).get(slug, slug)


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
