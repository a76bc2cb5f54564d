"""The O*NET-derived data shipped in the package, so the demo has real skills without ../shared.

O*NET is CC BY 4.0: the files below are derived from O*NET 29.2 with attribution (see
``ATTRIBUTION`` in ``careerpath.skills.onet`` and the README).
"""

from __future__ import annotations

import csv
import gzip
import io
from importlib import resources
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.skills.models import Skill
from careerpath.skills.onet import (
    TechnologyRow,
    read_onet,
    read_release_name,
    read_table,
    read_technology,
)
from careerpath.skills.store import ensure_occupations, sync_occupation_skills, sync_taxonomy
from careerpath.skills.taxonomy import build_taxonomy, reviewed_aliases, spelled_acronyms

TECHNOLOGY_FILE = "onet_technology.tsv.gz"
OCCUPATIONS_FILE = "onet_occupations.tsv.gz"
# Tools Used names that spell out an acronym, with how many occupations list each: they contest a
# technology's acronym alias (``taxonomy.build_taxonomy``), so the shipped taxonomy is the one
# `import onet` builds.
TOOLS_FILE = "onet_tool_acronyms.tsv.gz"
_TECH_COLUMNS = ("soc", "name", "code", "commodity", "hot", "in_demand")


def _read_gzip_tsv(name: str) -> list[list[str]]:
    raw = resources.files("careerpath.skills.data").joinpath(name).read_bytes()
    text = gzip.decompress(raw).decode("utf-8")
    return list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))


def shipped_release() -> str:
    """Return the O*NET release the shipped files come from."""
    return _read_gzip_tsv(OCCUPATIONS_FILE)[0][1]


def shipped_technology() -> list[TechnologyRow]:
    """Return the shipped Technology Skills rows."""
    return [
        TechnologyRow(soc, name, code, commodity, hot == "Y", in_demand == "Y")
        for soc, name, code, commodity, hot, in_demand in _read_gzip_tsv(TECHNOLOGY_FILE)
    ]


def shipped_tools() -> dict[str, int]:
    """Return the shipped Tools Used names that end in an acronym, with their occupations."""
    return {name: int(count) for name, count in _read_gzip_tsv(TOOLS_FILE)}


def shipped_occupation_titles() -> dict[str, str]:
    """Return O*NET-SOC code → occupation title."""
    return {row[0]: row[1] for row in _read_gzip_tsv(OCCUPATIONS_FILE)[1:]}


def write_shipped(onet_dir: Path, target: Path) -> None:
    """Regenerate the shipped files from an O*NET release directory."""
    tech = io.StringIO()
    writer = csv.writer(tech, delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n")
    for row in read_technology(onet_dir):
        hot, demand = ("Y" if row.hot else "N"), ("Y" if row.in_demand else "N")
        writer.writerow(
            (row.soc_code, row.name, row.commodity_code, row.commodity_title, hot, demand)
        )
    occupations = io.StringIO()
    writer = csv.writer(occupations, delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n")
    writer.writerow(("release", read_release_name(onet_dir)))
    for record in read_table(onet_dir / "Occupation Data.txt"):
        writer.writerow((record["O*NET-SOC Code"], record["Title"]))
    tools = io.StringIO()
    writer = csv.writer(tools, delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n")
    counts = read_onet(onet_dir).tool_occupations()
    writer.writerows(sorted((n, c) for n, c in counts.items() if spelled_acronyms(n)))
    files = ((TECHNOLOGY_FILE, tech), (OCCUPATIONS_FILE, occupations), (TOOLS_FILE, tools))
    for name, buffer in files:
        (target / name).write_bytes(gzip.compress(buffer.getvalue().encode(), mtime=0))


async def load_shipped_skills(session: AsyncSession, codes: set[str]) -> int:
    """Load the shipped taxonomy and the O*NET skills of the occupations ``codes`` name."""
    rows = shipped_technology()
    await sync_taxonomy(session, build_taxonomy(rows, reviewed_aliases(), tools=shipped_tools()))
    titles = shipped_occupation_titles()
    wanted = {code: titles[code] for code in codes if code in titles}
    occupations = await ensure_occupations(session, wanted, shipped_release())
    skill_ids = dict((await session.execute(select(Skill.name, Skill.id))).all())
    await sync_occupation_skills(
        session, occupations, [r for r in rows if r.soc_code in wanted], skill_ids
    )
    return len(skill_ids)
