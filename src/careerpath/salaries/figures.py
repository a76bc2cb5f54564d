"""Pure choice of the computed figure to show per place: currency, level, thin-city roll-up.

By default a place's figure is its all-currency group (every report, each converted to US
dollars at the rate nearest its date), shown in the reader's currency or, when none is asked
for, in the currency most of the place's reports were paid in. Asking for reports paid in
one currency (``reported_in``) reads that currency's own group instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

# A published median more than this many times off the computed one (either way) is flagged.
COMPUTED_DISAGREEMENT_FACTOR = 1.5
ALL_CURRENCIES = ""  # the currency key of a group over every currency
BASE_CURRENCY = "USD"  # what an all-currency group's amounts are in


@dataclass(frozen=True, slots=True)
class SourceShare:
    """How many of a figure's reports one source gave, and over which dates."""

    key: str
    n: int
    first: date | None
    last: date | None


@dataclass(frozen=True, slots=True)
class Group:
    """One precomputed aggregate; ``city`` "" is the whole country, ``level`` "" all levels,
    ``currency`` "" every currency (amounts in ``BASE_CURRENCY`` until converted)."""

    country_code: str
    city: str
    level: str
    currency: str
    n: int
    outliers: int
    percentiles: dict[str, float] | None  # None below the publication threshold
    first: date | None
    last: date | None
    sources: tuple[SourceShare, ...]
    currencies: Mapping[str, int] = field(default_factory=dict)  # reports per own currency
    unconverted: Mapping[str, int] = field(default_factory=dict)  # no rate: left out
    rolled_up_from: str | None = None
    fx_as_of: date | None = None
    converted: tuple[tuple[str, int], ...] = ()  # reports converted, per own currency

    @property
    def merged(self) -> bool:
        """Say whether the group holds every currency's reports (not yet shown in one)."""
        return self.currency == ALL_CURRENCIES

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


def candidates(groups: list[Group], reported_in: str | None) -> list[Group]:
    """Return the groups a figure may come from: all-currency ones, or one currency's own."""
    wanted = reported_in or ALL_CURRENCIES
    return [g for g in groups if g.currency == wanted]


def local_currency(groups: list[Group], country: str, city: str) -> str:
    """Return the currency most reports of a place were paid in (its country's, if none)."""
    for place in ((country, city), (country, "")):
        here = [
            g for g in groups if not g.merged and (g.country_code, g.city, g.level) == (*place, "")
        ]
        if (found := _dominant(here)) is not None:
            return found.currency
    return BASE_CURRENCY


def own_group(groups: list[Group], merged: Group, currency: str) -> Group | None:
    """Return the one-currency group holding every report of ``merged``, if there is one."""
    if merged.unconverted or set(merged.currencies) != {currency}:
        return None
    key = (merged.country_code, merged.city, merged.level, currency)
    found = (g for g in groups if (g.country_code, g.city, g.level, g.currency) == key)
    own = next(found, None)
    return None if own is None else replace(own, rolled_up_from=merged.rolled_up_from)


def places(groups: list[Group]) -> list[tuple[str, str]]:
    """Return every (country, city) with reports, biggest first; countries before their cities."""
    sizes: dict[tuple[str, str], int] = {}
    for g in groups:
        if g.level == "":
            key = (g.country_code, g.city)
            sizes[key] = max(sizes.get(key, 0), g.n)
    return sorted(sizes, key=lambda key: (-sizes[key], key))


def convert_group(group: Group, target: str, rate: float, as_of: date | None) -> Group:
    """Return ``group`` in ``target`` currency; percentiles scale exactly with a constant rate.

    ``rate`` takes the group's amounts (US dollars for an all-currency group) to ``target``.
    """
    if group.currency == target:
        return group
    scaled = None
    if group.percentiles is not None:
        scaled = {name: round(value * rate, 2) for name, value in group.percentiles.items()}
    counts = group.currencies or {group.currency: group.n}
    return replace(
        group,
        currency=target,
        percentiles=scaled,
        fx_as_of=as_of,
        converted=tuple((code, n) for code, n in sorted(counts.items()) if code != target),
    )


def disagreement(published: float, computed: float) -> float:
    """Return how many times apart two medians are (always >= 1)."""
    low, high = sorted((published, computed))
    return high / low if low > 0 else float("inf")
