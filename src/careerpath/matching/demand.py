"""A career's profile: the skills and words it is about, and what they are based on (pure)."""

from __future__ import annotations

from dataclasses import dataclass, field

from careerpath.matching.notes import possessive
from careerpath.matching.scoring import SkillShare

BASIS_POSTINGS = "postings"
BASIS_PROFILE = "profile"


@dataclass(frozen=True)
class Demand:
    """The skills a career asks for (weights in 0..1), its topic words, and their basis.

    ``shares`` weigh the ranking; ``quoted`` holds the real posting shares an explanation may
    cite (the career's own postings, or its parent occupation's, named in ``based_on``).
    """

    shares: dict[int, SkillShare] = field(default_factory=dict)
    basis: str = BASIS_POSTINGS
    postings: int = 0
    based_on: str | None = None
    terms: dict[str, float] = field(default_factory=dict)
    quoted: dict[int, float] = field(default_factory=dict)
    parts: tuple[str, ...] = ()
    title: str = ""
    # Skills that make a resource relevant on their own, when none of its words agree with the
    # career's: those its postings often ask for, its curated tools, the in-demand technologies
    # O*NET lists as its own. Not a technology O*NET only lists for it (Apache Spark for
    # Registered Nurses, Swift for Accountants).
    anchors: frozenset[int] = frozenset()
    # The anchors a learning path's step or a gap's advice must teach one of: the career's own,
    # and of its parent's postings only those most ask for. Objective-C, in a few of Software
    # Developers' postings, anchors Back End Engineer's ranking but opens no back end step.
    core: frozenset[int] = frozenset()

    def weights(self) -> dict[int, float]:
        """Return skill id -> weight, for the path and gap builders."""
        return {skill_id: skill.share for skill_id, skill in self.shares.items()}

    def top_names(self, count: int) -> list[str]:
        """Return the names of the ``count`` most demanded skills."""
        top = sorted(self.shares.values(), key=lambda s: (-s.share, s.skill_id))
        return [skill.name for skill in top[:count]]

    def postings_label(self) -> str:
        """Name the postings the quoted shares come from ("Software Developers postings")."""
        return f"{self.based_on or self.title} postings"

    def describe(self) -> str:
        """Say which profile the ranking used, in plain words."""
        if self.basis == BASIS_POSTINGS:
            return f"ranked by what {self.postings:,} {self.title} postings ask for"
        parts = ", ".join(self.parts) if self.parts else "its title"
        prior = (
            f"; {self.based_on} postings as a weak prior ({self.postings:,})"
            if self.based_on
            else ""
        )
        return f"ranked against {possessive(self.title)} own profile: {parts}{prior}"
