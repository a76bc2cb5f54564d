"""A career's demand as skill shares: its postings, or O*NET's flags when it has none."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers.schemas import CareerRef
from careerpath.matching.scoring import SkillShare
from careerpath.skills.queries import career_skills

# Without postings, an O*NET technology weighs by its flags: these stand in for shares.
ONET_WEIGHTS = {(True, True): 0.9, (True, False): 0.6, (False, True): 0.6, (False, False): 0.2}


@dataclass(frozen=True)
class Demand:
    """The skills a career asks for, and what the shares are based on."""

    shares: dict[int, SkillShare] = field(default_factory=dict)
    basis: str = "postings"
    postings: int = 0
    based_on: str | None = None

    def weights(self) -> dict[int, float]:
        """Return skill id -> share, for the path and gap builders."""
        return {skill_id: skill.share for skill_id, skill in self.shares.items()}

    def top_names(self, count: int) -> list[str]:
        """Return the names of the ``count`` most demanded skills."""
        top = sorted(self.shares.values(), key=lambda s: (-s.share, s.skill_id))
        return [skill.name for skill in top[:count]]

    def describe(self) -> str:
        """Say what the shares are based on, for the explanations."""
        if self.basis == "onet":
            return "no postings yet: weighted by O*NET's hot and in-demand technologies"
        origin = f" (those of {self.based_on})" if self.based_on else ""
        return f"shares of {self.postings:,} postings{origin}"


async def career_demand(session: AsyncSession, career: CareerRef) -> Demand:
    """Return the career's demand, reusing the skills domain's inheritance rule."""
    read = await career_skills(session, career)
    if read.enough_postings:
        shares = {
            s.id: SkillShare(s.id, s.name, s.share) for cat in read.categories for s in cat.skills
        }
        return Demand(shares, "postings", read.postings, read.based_on_title)
    onet = {
        s.id: SkillShare(s.id, s.name, ONET_WEIGHTS[(s.hot, s.in_demand)])
        for cat in read.onet
        for s in cat.skills
    }
    return Demand(onet, "onet", read.postings)
