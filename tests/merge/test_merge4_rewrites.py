"""Our own check of cross-outlet merging, sixth round (tests/data/merge4, written after that round's mixed-incident
fix and before its other changes): other outlets' accounts of fresh10's Bangkok week and Belgrade night, and a
different attack of the same kind in the same city four days later for each. ``benchmarks/merge_rewrites.py --set
merge4`` prints its figures (first measure: P 0.800 R 0.333, 1 mixed incident, both orders).

What holds and is kept here: in either arrival order the same incidents; the bomb at a Bangkok police booth four
days after the shrine and the NATO strike on a Belgrade fuel depot four days after the embassy are incidents of
their own. What does not (extraction, not merging): the first Bangkok report makes no event of the pier device,
and the other outlet places its shrine event in China ('tourists from mainland China'), so its pier event joins
the first report's shrine bombing of the day before."""
from __future__ import annotations

import pytest
from test_merge2_rewrites import _in_either_order, _sentence_incident, extract_set

HERE_NAME = "merge4"


@pytest.fixture(scope="module")
def reports():
    return extract_set(HERE_NAME)


def test_other_attacks_in_the_same_city_stay_apart_in_either_order(tmp_path, reports):
    forward = _in_either_order(tmp_path, reports)
    by_id = {doc.id: (doc, events) for doc, events in reports}
    assert _sentence_incident(*by_id["bangkok_police_booth"], forward, "Victory Monument") == {"bangkok_police_booth"}
    assert _sentence_incident(*by_id["belgrade_fuel_depot"], forward, "fuel storage depot") == {"belgrade_fuel_depot"}
