"""The one seam between the catalog and skill extraction.

The publisher's own tags and the topic names come first; each is linked to the taxonomy's
skill when the skills extractor recognises it, and the skills the extractor finds in the title
and description are added (origin "extracted"), so every resource carries real skill ids.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from careerpath.careers.titles import slugify
from careerpath.skills.extract import Extractor


@dataclass(frozen=True, slots=True)
class SkillTag:
    """A skill a resource teaches: slug (the join key), display name, origin, taxonomy id."""

    slug: str
    name: str
    origin: str
    skill_id: int | None = None


@dataclass(frozen=True, slots=True)
class Tagger:
    """The extractor and the display names of the skills it found, to link tags to the taxonomy."""

    extractor: Extractor
    names: dict[int, str]
    # A file repeats the same few tags on most rows: each tag's slug and skill found once,
    # each extracted skill's tag built once, and a text repeated verbatim read once.
    seen: dict[str, tuple[str, int | None]] = field(default_factory=dict)
    extracted: dict[int, SkillTag] = field(default_factory=dict)
    texts: dict[str, frozenset[int]] = field(default_factory=dict)

    def mentioned(self, text: str) -> frozenset[int]:
        """Return the skills ``text`` names (each distinct text read once per import)."""
        found = self.texts.get(text)
        if found is None:
            found = self.texts[text] = frozenset(self.extractor.mentioned_ids(text))
        return found

    def extracted_tag(self, skill_id: int) -> SkillTag:
        """Return the tag of a skill found in the text (its slug made once per import)."""
        tag = self.extracted.get(skill_id)
        if tag is None:
            name = self.names.get(skill_id, str(skill_id))
            slug = f"{slugify(name)[:190]}-{skill_id}"
            tag = self.extracted[skill_id] = SkillTag(slug, name[:200], "extracted", skill_id)
        return tag


def tag_skills(
    title: str,
    description: str,
    publisher_skills: Iterable[str],
    topics: Iterable[str],
    tagger: Tagger | None = None,
) -> list[SkillTag]:
    """Return the resource's skills, deduplicated by slug, publisher tags first."""
    tags: dict[str, SkillTag] = {}
    linked: set[int] = set()
    for name, origin in [
        *((skill, "publisher") for skill in publisher_skills),
        *((topic, "topic") for topic in topics),
    ]:
        slug, skill_id = _linked(tagger, name)
        if slug and slug not in tags:
            if skill_id is not None and skill_id in linked:
                skill_id = None  # one tag per taxonomy skill keeps the join one-to-one
            if skill_id is not None:
                linked.add(skill_id)
            tags[slug] = SkillTag(slug[:200], name.strip()[:200], origin, skill_id)
    if tagger is not None:
        for skill_id in sorted(tagger.mentioned(resource_text(title, description)) - linked):
            tag = tagger.extracted_tag(skill_id)
            tags.setdefault(tag.slug, tag)
    return list(tags.values())


def resource_text(title: str, description: str) -> str:
    """Return the text the extractor reads for a resource: its title, then its description."""
    return f"{title}\n{description}"


def _linked(tagger: Tagger | None, name: str) -> tuple[str, int | None]:
    """Return a tag's slug and the skill it names as a whole (cached per import)."""
    if tagger is None:
        return slugify(name), None
    known = tagger.seen.get(name)
    if known is None:
        known = tagger.seen[name] = (slugify(name), _whole_name_skill(tagger, name))
    return known


def _whole_name_skill(tagger: Tagger | None, name: str) -> int | None:
    """Return the skill a tag names as a whole (a tag naming two skills is left unlinked)."""
    if tagger is None:
        return None
    found = tagger.extractor.mentioned_ids(name)
    return next(iter(found)) if len(found) == 1 else None
