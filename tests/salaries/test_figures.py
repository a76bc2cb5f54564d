"""Choosing a figure: thin cities roll up to the country, currencies convert exactly."""

from __future__ import annotations

from careerpath.salaries.figures import (
    Group,
    candidates,
    convert_group,
    figure_for,
    local_currency,
    own_group,
)

P = {"p10": 10.0, "p25": 20.0, "p50": 30.0, "p75": 40.0, "p90": 50.0}


def group(city: str, n: int, currency: str = "INR", level: str = "") -> Group:
    figures = P if n >= 5 else None
    return Group("IN", city, level, currency, n, 0, figures, None, None, ("s",))


def test_thin_city_rolls_up_to_country() -> None:
    groups = [group("Bengaluru", 3), group("", 40)]
    chosen = figure_for(groups, "IN", "Bengaluru", "")
    assert chosen is not None
    assert (chosen.city, chosen.n, chosen.rolled_up_from) == ("", 40, "Bengaluru")


def test_city_with_enough_reports_stays() -> None:
    chosen = figure_for([group("Bengaluru", 9), group("", 40)], "IN", "Bengaluru", "")
    assert chosen is not None
    assert (chosen.city, chosen.rolled_up_from) == ("Bengaluru", None)


def test_thin_everywhere_says_not_enough() -> None:
    chosen = figure_for([group("Bengaluru", 2), group("", 3)], "IN", "Bengaluru", "")
    assert chosen is not None
    assert not chosen.enough


def test_dominant_currency_wins() -> None:
    chosen = figure_for([group("", 6, "USD"), group("", 30, "INR")], "IN", "", "")
    assert chosen is not None
    assert chosen.currency == "INR"


def test_conversion_scales_every_percentile() -> None:
    converted = convert_group(group("", 10), "USD", 0.012, None)
    assert converted.percentiles == {k: round(v * 0.012, 2) for k, v in P.items()}
    assert converted.converted == (("INR", 10),)


def merged(n: int, currencies: dict[str, int]) -> Group:
    return Group("IN", "", "", "", n, 0, P, None, None, (), currencies=currencies)


def test_merged_group_counts_every_currency_and_says_what_it_converted() -> None:
    everything = merged(36, {"INR": 30, "USD": 6})
    groups = [group("", 6, "USD"), group("", 30, "INR"), everything]
    assert candidates(groups, None) == [everything]
    assert [g.currency for g in candidates(groups, "USD")] == ["USD"]
    assert local_currency(groups, "IN", "") == "INR"
    in_rupees = convert_group(everything, "INR", 1 / 0.012, None)
    assert (in_rupees.currency, in_rupees.n, in_rupees.converted) == ("INR", 36, (("USD", 6),))


def test_merged_group_of_one_currency_is_that_currency_s_own_figure() -> None:
    own = group("", 30, "INR")
    assert own_group([own], merged(30, {"INR": 30}), "INR") == own
    assert own_group([own], merged(36, {"INR": 30, "USD": 6}), "INR") is None
