"""The one seam between the catalog and skill extraction.

The publisher's own tags and the topic names come first; each is linked to the taxonomy's
skill when the skills extractor recognises it, and the skills the extractor finds in the title
and description are added (origin "extracted"), so every resource carries real skill ids.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from careerpath.careers.titles import slugify
from careerpath.skills.extract import Extractor


class SkillTag(NamedTuple):
    """A skill a resource teaches: slug (the join key), display name, origin, taxonomy id.

    A tuple in the order of the resource_skill columns, so a link row is ``(id, *tag, n)``.
    """

    slug: str
    name: str
    origin: str
    skill_id: int | None = None


@dataclass(frozen=True, slots=True)
class Tagger:
    """The extractor and the display names of the skills it found, to link tags to the taxonomy."""

    extractor: Extractor
    names: dict[int, str]
    # A file repeats the same few tags on most rows: each tag's slug, skill and tag made once,
    # each extracted skill's tag built once, and a text repeated verbatim read once.
    named: dict[tuple[str, str], tuple[str, SkillTag]] = field(default_factory=dict)
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
    for names, origin in ((publisher_skills, "publisher"), (topics, "topic")):
        for name in names:
            slug, tag = _named_tag(tagger, name, origin)
            if slug and slug not in tags:
                if tag.skill_id in linked:
                    tag = tag._replace(skill_id=None)  # one tag per skill: the join is 1-to-1
                elif tag.skill_id is not None:
                    linked.add(tag.skill_id)
                tags[slug] = tag
    if tagger is not None:
        for skill_id in sorted(tagger.mentioned(resource_text(title, description)) - linked):
            tag = tagger.extracted_tag(skill_id)
            tags.setdefault(tag.slug, tag)
    return list(tags.values())


def resource_text(title: str, description: str) -> str:
    """Return the text the extractor reads for a resource: its title, then its description."""
    return f"{title}\n{description}"


def _named_tag(tagger: Tagger | None, name: str, origin: str) -> tuple[str, SkillTag]:
    """Return a tag's full slug and its tag, linked to the skill it names as a whole (cached)."""
    known = tagger.named.get((name, origin)) if tagger else None
    if known is None:
        slug = slugify(name)
        known = (
            slug,
            SkillTag(slug[:200], name.strip()[:200], origin, _whole_name_skill(tagger, name)),
        )
        if tagger:
            tagger.named[name, origin] = known
    return known


def _whole_name_skill(tagger: Tagger | None, name: str) -> int | None:
    """Return the skill a tag names as a whole (a tag naming two skills is left unlinked).

    A gloss in parentheses explains the name; it is not a second skill. "Pandas (Python
    Package)" names pandas, and "Jest (JavaScript Testing Framework)" names Jest (the gloss is
    the evidence an ambiguous name needs): what is named before the gloss counts first.
    """
    if tagger is None:
        return None
    mentions = tagger.extractor.mentions(name)
    gloss = name.find("(")
    named = {skill for skill, _, end in mentions if end <= gloss} if gloss > 0 else set()
    if not named:  # no gloss, or it holds the name itself: "Hypertext Markup Language (HTML)"
        named = {skill for skill, _, _ in mentions}
    return next(iter(named)) if len(named) == 1 else None
