"""Our own check of cross-outlet merging, session 31 (tests/data/merge6, written before sitrep was run on it): the
seed report (no publication date), then a terse wire and a longer feature that retell its four events with other
wording, weekdays for dates, other place precision, a claim made two days later and a risen toll.
``benchmarks/merge_rewrites.py --set merge6`` prints its figures (first measure: P 1.000 R 0.400, 0 mixed, 6
incidents for 4 events, both orders).

What holds and is kept here: in either arrival order the same incidents, four of them; the wire's rockets on "the
U.S. diplomatic compound" join the seed's on "the US embassy" (one kind of facility, merge.toml
[target.facility_kinds]); the feature's rockets, dated by the Sunday a faction claimed them ("said ... its men had
fired the rockets"), join them too (the day said is a bound); the three tellings of the Kirkuk strike and of the
Ain al-Asad drone share an incident each. What does not (extraction): the wire's Conoco rockets (no place found for
"the Conoco field in Deir al-Zor province, Syria") join its embassy event; the feature tells the Conoco salvo and
the drone over Al Asad Airbase in words no trigger finds, and its last paragraph's "embassy attack" joins the
Kirkuk strike."""
from __future__ import annotations

import pytest
from test_merge2_rewrites import _in_either_order, _sentence_incident, extract_set

SEED = "000_ae200f296289012f"


@pytest.fixture(scope="module")
def reports():
    return extract_set("merge6")


def test_four_incidents_in_either_order(tmp_path, reports):
    forward = _in_either_order(tmp_path, reports)
    assert len(forward["partition"]) == 4, forward["partition"]


def test_each_retelling_joins_the_seed_incident(tmp_path, reports):
    forward = _in_either_order(tmp_path, reports)
    by_id = {doc.id: (doc, events) for doc, events in reports}
    all_three = {SEED, "seed_terse_wire", "seed_feature"}
    assert _sentence_incident(*by_id[SEED], forward, "Green Zone") == all_three
    assert _sentence_incident(*by_id["seed_terse_wire"], forward, "Rockets landed") == all_three
    assert _sentence_incident(*by_id["seed_feature"], forward, "Zafaraniya") == all_three
    assert _sentence_incident(*by_id[SEED], forward, "Kirkuk") == all_three
    assert _sentence_incident(*by_id[SEED], forward, "Ain al-Assad") == {SEED, "seed_terse_wire"}
