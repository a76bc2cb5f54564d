"""The one seam between the catalog and skill extraction.

INTEGRATION SEAM: after the skills domain (issue 3) is merged, ``tag_skills`` should call
``skills.service.get_extractor()`` on the title and description and return its canonical skills.
Until then it returns the publisher's own skill tags plus the topic names, honestly labelled.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from careerpath.careers.titles import slugify


@dataclass(frozen=True, slots=True)
class SkillTag:
    """A skill a resource teaches: slug (the join key), display name, and where it came from."""

    slug: str
    name: str
    origin: str


def tag_skills(
    title: str, description: str, publisher_skills: Iterable[str], topics: Iterable[str]
) -> list[SkillTag]:
    """Return the resource's skills, deduplicated by slug, publisher tags first."""
    del title, description  # read by the extractor once it is connected (see module docstring)
    tags: dict[str, SkillTag] = {}
    for name, origin in [
        *((skill, "publisher") for skill in publisher_skills),
        *((topic, "topic") for topic in topics),
    ]:
        slug = slugify(name)
        if slug and slug not in tags:
            tags[slug] = SkillTag(slug=slug[:200], name=name.strip()[:200], origin=origin)
    return list(tags.values())
