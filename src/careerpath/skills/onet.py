"""Read the O*NET text files (tab-separated, CRLF) into plain records. Pure: no DB."""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from careerpath.errors import InvalidInputError

ATTRIBUTION = (
    "This includes information from the O*NET {release} Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 "
    "license. O*NET® is a trademark of USDOL/ETA."
)
REQUIRED_FILES = (
    "Occupation Data.txt",
    "Alternate Titles.txt",
    "Sample of Reported Titles.txt",
    "Technology Skills.txt",
    "Tools Used.txt",
    "Related Occupations.txt",
    "Job Zones.txt",
    "Job Zone Reference.txt",
    "Task Statements.txt",
)
_RELEASE = re.compile(r"O\*NET\s+(\d+\.\d+)\s+Database")


@dataclass(frozen=True, slots=True)
class TechnologyRow:
    """One row of Technology Skills: an occupation uses a named technology."""

    soc_code: str
    name: str
    commodity_code: str
    commodity_title: str
    hot: bool
    in_demand: bool


@dataclass
class Occupation:
    """An occupation with everything the import turns into a career."""

    soc_code: str
    title: str
    description: str
    alternate_titles: list[str] = field(default_factory=list)
    reported_titles: list[str] = field(default_factory=list)
    tasks: list[str] = field(default_factory=list)
    tools: list[tuple[str, str]] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    job_zone: int | None = None


@dataclass
class OnetRelease:
    """A parsed O*NET release."""

    release: str
    occupations: dict[str, Occupation]
    technology: list[TechnologyRow]
    job_zones: dict[int, dict[str, str]]

    def tool_occupations(self) -> Counter[str]:
        """Return each Tools Used name with how many occupations list it."""
        return Counter(name for o in self.occupations.values() for name in {n for n, _ in o.tools})


def read_table(path: Path) -> Iterator[dict[str, str]]:
    """Yield the rows of one O*NET file as dicts keyed by its header."""
    with path.open(newline="", encoding="utf-8", errors="replace") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def read_release_name(directory: Path) -> str:
    """Return the release (e.g. "29.2") stated in the bundled ``Read Me.txt``."""
    readme = directory / "Read Me.txt"
    match = _RELEASE.search(readme.read_text(errors="replace")) if readme.exists() else None
    if match is None:
        raise InvalidInputError(f"{readme} does not name an O*NET release")
    return match.group(1)


def read_technology(directory: Path) -> list[TechnologyRow]:
    """Return every Technology Skills row."""
    return [
        TechnologyRow(
            soc_code=row["O*NET-SOC Code"],
            name=row["Example"].strip(),
            commodity_code=row["Commodity Code"],
            commodity_title=row["Commodity Title"],
            hot=row["Hot Technology"] == "Y",
            in_demand=row["In Demand"] == "Y",
        )
        for row in read_table(directory / "Technology Skills.txt")
    ]


def read_onet(directory: Path) -> OnetRelease:
    """Parse an O*NET release directory; fail clearly when a file is missing."""
    missing = [name for name in REQUIRED_FILES if not (directory / name).exists()]
    if missing:
        raise InvalidInputError(f"{directory} lacks O*NET files: {', '.join(missing)}")
    occupations = {
        row["O*NET-SOC Code"]: Occupation(row["O*NET-SOC Code"], row["Title"], row["Description"])
        for row in read_table(directory / "Occupation Data.txt")
    }
    _attach_lists(directory, occupations)
    zones = {int(r["Job Zone"]): r for r in read_table(directory / "Job Zone Reference.txt")}
    return OnetRelease(read_release_name(directory), occupations, read_technology(directory), zones)


def _attach_lists(directory: Path, occupations: dict[str, Occupation]) -> None:
    def rows(name: str) -> Iterator[tuple[Occupation, dict[str, str]]]:
        for row in read_table(directory / name):
            occupation = occupations.get(row["O*NET-SOC Code"])
            if occupation is not None:
                yield occupation, row

    for occ, row in rows("Alternate Titles.txt"):
        occ.alternate_titles.append(row["Alternate Title"].strip())
    for occ, row in rows("Sample of Reported Titles.txt"):
        occ.reported_titles.append(row["Reported Job Title"].strip())
    for occ, row in rows("Task Statements.txt"):
        occ.tasks.append(row["Task"].strip())
    for occ, row in rows("Tools Used.txt"):
        occ.tools.append((row["Example"].strip(), row["Commodity Title"]))
    related = sorted(rows("Related Occupations.txt"), key=lambda pair: int(pair[1]["Index"]))
    for occ, row in related:
        occ.related.append(row["Related O*NET-SOC Code"])
    for occ, row in rows("Job Zones.txt"):
        occ.job_zone = int(row["Job Zone"])
