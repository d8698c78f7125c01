"""A town called by an alternate name gives way to a larger town abroad that bears the name as its own
(``name.main_name_abroad`` of geo_scoring.toml), even in a text set at home."""
from __future__ import annotations

from sitrep.resolve import resolve_spans


def place_of(text: str, name: str):
    start = text.index(name)
    return resolve_spans(text, [(start, start + len(name))])[0]


def test_a_city_abroad_called_by_its_own_name_beats_home_towns_called_so_by_an_alternate_name():
    text = ("Brokers in Dallas and Houston sold bank shares on Tuesday after the exchange in Frankfurt opened "
            "lower and American oil producers cut their forecasts.")
    p = place_of(text, "Frankfurt")
    assert p.country_code == "DE" and abs(p.latitude - 50.1) < 0.3


def test_a_home_town_called_by_its_own_name_keeps_it():
    text = "Lawmakers in Frankfort, the capital of Kentucky, passed the budget after a late session in Louisville."
    p = place_of(text, "Frankfort")
    assert p.country_code == "US" and p.admin1 == "Kentucky"


def test_a_subdivision_that_holds_none_of_the_names_has_no_holding_margin():
    # a state absent from the document's holdings counts as holding nothing (it raised: a tuple minus a set)
    from sitrep.resolve.place import _Ctx

    ctx = _Ctx()
    ctx.holds = {("US", "CA"): {"fresno", "modesto"}}
    assert ctx.holding_margin("fresno", ("US", "TX")) == 0
