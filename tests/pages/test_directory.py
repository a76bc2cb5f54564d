"""The careers directory's family order: the site's focus first, not the largest family."""

from __future__ import annotations

from careerpath.careers.schemas import CareerSummary
from careerpath.pages.directory import Family, in_focus_order


def _family(name: str, size: int) -> Family:
    return Family(name, [CareerSummary(f"c{n}", f"C{n}", "", True) for n in range(size)])


def test_families_with_guides_then_focus_then_size() -> None:
    families = [
        _family("Production", 120), _family("Healthcare Practitioners and Technical", 90),
        _family("Architecture and Engineering", 40), _family("Management", 30),
        _family("Computer and Mathematical", 25), _family("Legal", 5),
        _family("Sales and Related", 20),
    ]  # fmt: skip
    guides = {"Computer and Mathematical": 8, "Management": 1}
    assert [f.name for f in in_focus_order(families, guides)] == [
        "Computer and Mathematical",
        "Management",
        "Architecture and Engineering",
        "Production",
        "Healthcare Practitioners and Technical",
        "Sales and Related",
        "Legal",
    ]
