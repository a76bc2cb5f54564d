"""Pure: one plain sentence per ranked item: what of the career it covers, and for whom.

"covers PostgreSQL and RESTful API, asked for in 28% and 18% of Back End Engineer postings;
for beginners", largest share first. Shares are quoted only when real postings back them; the
skills without one follow ("…, and also Redis") or are simply named (the list's heading says
which profile ranked it, so no line repeats it). Never an internal signal name.

The skills named are those the item shows it teaches: named in its title (those first) or in
its source's own skill tags and topics. A skill its description only mentions in passing
("unlike JavaScript or PHP …") is named only when nothing better is known: no such skill and
no topic.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from careerpath.matching.scoring import SkillShare

NAMED = 3
AUDIENCE = {
    "beginner": "for beginners",
    "intermediate": "for learners with some experience",
    "advanced": "for advanced learners",
}


def listed(names: Sequence[str]) -> str:
    """Join names as people write them: "A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def possessive(name: str) -> str:
    """Return "Software Developers'" or "Back End Engineer's"."""
    return f"{name}'" if name.endswith(("s", "S")) else f"{name}'s"


def _covers(covered: Sequence[SkillShare], quoted: Mapping[int, float], postings_label: str) -> str:
    """Name the first skills covered: those with a share by share, largest first, then the rest.

    "covers Java and SQL, asked for in 45% and 21% of … postings, and also Redis".
    """
    top = list(covered[:NAMED])  # the choice keeps the given order: the title's skills first
    backed = sorted((s for s in top if s.skill_id in quoted), key=lambda s: -quoted[s.skill_id])
    rest = [s.name for s in top if s.skill_id not in quoted]
    if not backed:
        return f"covers {listed(rest)}"
    shares = listed([f"{round(quoted[s.skill_id] * 100)}%" for s in backed])
    text = f"covers {listed([s.name for s in backed])}, asked for in {shares} of {postings_label}"
    return f"{text}, and also {listed(rest)}" if rest else text


def taught(
    demand: Mapping[int, SkillShare],
    evidence: tuple[Iterable[int], Iterable[int]],
    topic: str | None,
    covered: Sequence[SkillShare],
) -> list[SkillShare]:
    """Return the career's skills to name: title's first, then the source's tags, by share.

    ``evidence`` holds the skills the item's title names and those its source tagged;
    ``covered`` (any skill it covers, description included) stands in only without evidence
    or topic.
    """
    in_title, tagged = (set(ids) & demand.keys() for ids in evidence)
    tiers = (sorted((demand[i] for i in ids), key=lambda s: (-s.share, s.skill_id))
             for ids in (in_title, tagged - in_title))  # fmt: skip
    shown = [skill for tier in tiers for skill in tier]
    if shown:
        return shown
    return [] if topic else list(covered)


def note(
    covered: Sequence[SkillShare],
    quoted: Mapping[int, float],
    *,
    postings_label: str,
    career: str,
    topic: str | None,
    level: str | None,
) -> str:
    """Return the item's sentence: skills it teaches (with real shares) or its topic, and level."""
    if covered:
        text = _covers(covered, quoted, postings_label)
    elif topic:
        text = f"about {topic}"
    else:
        text = f"related to the work of {career}"
    audience = AUDIENCE.get(level or "")
    return f"{text}; {audience}" if audience else text
