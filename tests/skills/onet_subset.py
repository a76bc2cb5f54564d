"""Write a small slice of the real O*NET release, so import tests stay fast."""

from __future__ import annotations

from pathlib import Path

from careerpath.skills.onet import REQUIRED_FILES

SUBSET = ("15-1252.00", "15-1254.00", "15-1253.00", "15-1211.00", "15-1299.08")
WHOLE_FILES = ("Job Zone Reference.txt", "Read Me.txt")


def write_subset(source: Path, target: Path, codes: tuple[str, ...] = SUBSET) -> Path:
    """Copy the rows of ``codes`` from every O*NET file under ``source`` into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for name in REQUIRED_FILES + WHOLE_FILES:
        lines = (source / name).read_text(encoding="utf-8").splitlines(keepends=True)
        if name not in WHOLE_FILES:
            lines = lines[:1] + [line for line in lines[1:] if line.split("\t", 1)[0] in codes]
        (target / name).write_text("".join(lines), encoding="utf-8", newline="")
    return target
