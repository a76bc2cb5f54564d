"""Pure choice of the computed figure to show per place: currency, level, thin-city roll-up."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

# A published median more than this many times off the computed one (either way) is flagged.
COMPUTED_DISAGREEMENT_FACTOR = 1.5


@dataclass(frozen=True, slots=True)
class Group:
    """One precomputed aggregate; ``city`` "" is the whole country, ``level`` "" all levels."""

    country_code: str
    city: str
    level: str
    currency: str
    n: int
    outliers: int
    percentiles: dict[str, float] | None  # None below the publication threshold
    first: date | None
    last: date | None
    sources: tuple[str, ...]
    rolled_up_from: str | None = None
    fx_as_of: date | None = None
    original_currency: str | None = None

    @property
    def enough(self) -> bool:
        """Say whether figures may be shown (n at or above the threshold)."""
        return self.percentiles is not None


def _dominant(groups: list[Group]) -> Group | None:
    # One place may hold reports in several currencies; show the one most people reported in.
    return max(groups, key=lambda g: (g.n, g.currency == "USD", g.currency), default=None)


def figure_for(groups: list[Group], country: str, city: str, level: str) -> Group | None:
    """Return the figure for a place and level; a thin city rolls up to its country."""
    here = _dominant(
        [g for g in groups if (g.country_code, g.city, g.level) == (country, city, level)]
    )
    if here is not None and (here.enough or not city):
        return here
    country_groups = [
        g for g in groups if (g.country_code, g.city, g.level) == (country, "", level)
    ]
    same_currency = [g for g in country_groups if here is None or g.currency == here.currency]
    above = _dominant(same_currency or country_groups)
    if city and above is not None and above.enough:
        return replace(above, rolled_up_from=city)
    return here or above


def places(groups: list[Group]) -> list[tuple[str, str]]:
    """Return every (country, city) with reports, biggest first; countries before their cities."""
    sizes: dict[tuple[str, str], int] = {}
    for g in groups:
        if g.level == "":
            key = (g.country_code, g.city)
            sizes[key] = max(sizes.get(key, 0), g.n)
    return sorted(sizes, key=lambda key: (-sizes[key], key))


def convert_group(group: Group, target: str, rate: float | None, as_of: date | None) -> Group:
    """Return ``group`` in ``target`` currency; percentiles scale exactly with a constant rate."""
    if group.currency == target or rate is None:
        return group
    scaled = None
    if group.percentiles is not None:
        scaled = {name: round(value * rate, 2) for name, value in group.percentiles.items()}
    return replace(
        group,
        currency=target,
        percentiles=scaled,
        fx_as_of=as_of,
        original_currency=group.currency,
    )


def disagreement(published: float, computed: float) -> float:
    """Return how many times apart two medians are (always >= 1)."""
    low, high = sorted((published, computed))
    return high / low if low > 0 else float("inf")
