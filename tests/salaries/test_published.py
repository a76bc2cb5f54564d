"""Published salary figures: every source kept, disagreements visible."""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import TestClient

Client = TestClient[Litestar]
CITIES = [
    "New York",
    "San Francisco",
    "Seattle",
    "Austin",
    "Toronto",
    "London",
    "Paris",
    "Berlin",
    "Tel Aviv",
    "Singapore",
    "Beijing",
    "Shanghai",
    "Shenzhen",
    "Bengaluru",
    "Delhi",
]


def salaries(client: Client) -> dict[str, dict[str, object]]:
    body = client.get("/api/v1/careers/back-end-engineer/salaries").json()
    return {city["city"]: city for city in body["cities"]}


def test_all_fifteen_cities_in_published_order(client: Client) -> None:
    body = client.get("/api/v1/careers/back-end-engineer/salaries").json()
    assert [city["city"] for city in body["cities"]] == CITIES
    assert "estimates" in body["disclaimer"]


def test_figures_are_not_averaged(client: Client) -> None:
    shanghai = salaries(client)["Shanghai"]
    assert sorted(f["amount"] for f in shanghai["figures"]) == [196000, 488000, 763000]  # type: ignore[union-attr]
    assert shanghai["spread"] == round(763000 / 196000, 2)


def test_duplicate_city_row_and_misspelling_are_kept(client: Client) -> None:
    bengaluru = salaries(client)["Bengaluru"]
    figures = bengaluru["figures"]
    assert len(figures) == 4  # type: ignore[arg-type]
    assert {f["raw_place"] for f in figures} == {"Bengalaru"}  # type: ignore[union-attr]
    same_page = [f for f in figures if f["source_key"] == "seed-page-backend-engineer"]  # type: ignore[union-attr,index]
    assert sorted(f["amount"] for f in same_page) == [614000, 1868000]


def test_amounts_follow_one_rule_in_every_place(client: Client) -> None:
    """One grouping for every place (no lakh beside Western commas); "$" is only USD."""
    cities = salaries(client)
    assert cities["Bengaluru"]["figures"][0]["formatted"] == "₹625,000"  # type: ignore[index]
    assert cities["Berlin"]["figures"][0]["formatted"] == "€78,000"  # type: ignore[index]
    assert cities["New York"]["figures"][0]["formatted"] == "$169,000"  # type: ignore[index]
    toronto = cities["Toronto"]["figures"][0]["formatted"]  # type: ignore[index]
    assert toronto.startswith("CA$"), toronto


def test_ambiguous_dollar_in_toronto_is_flagged(client: Client) -> None:
    toronto = salaries(client)["Toronto"]
    assert toronto["currency"] == "CAD"
    assert toronto["currency_inferred"] is True
    assert salaries(client)["Seattle"]["currency_inferred"] is False


def test_undated_day_is_not_invented(client: Client) -> None:
    figures = salaries(client)["Paris"]["figures"]
    third = next(f for f in figures if f["source_key"] == "seed-page-back-end-software-engineer")  # type: ignore[union-attr]
    assert third["observed_precision"] == "year"
