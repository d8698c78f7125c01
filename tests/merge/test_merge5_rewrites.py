"""Our own check of cross-outlet merging, session 30 (tests/data/merge5, written before sitrep was run on it): a
wire's and a feature writer's accounts of the Paris attacks of 13 November 2015 (the stadium bombings, the cafe
terrace shootings, the Bataclan), and the police raid on a flat in Saint-Denis five days later.
``benchmarks/merge_rewrites.py --set merge5`` prints its figures (first measure: P 0.667 R 0.421, 1 mixed incident,
4 incidents, both orders).

What holds and is kept here: in either arrival order the same incidents; the Saint-Denis raid is an incident of its
own. What does not (extraction more than merging): both Paris reports place the Bataclan and the terraces only at
the report's main place ('Paris', geo_precision 2), the first dates all three sites on its report's day and the
feature places the stadium in 'France', so the three sites of one night in one city share one incident."""
from __future__ import annotations

import pytest
from test_merge2_rewrites import _in_either_order, _sentence_incident, extract_set


@pytest.fixture(scope="module")
def reports():
    return extract_set("merge5")


def test_the_raid_five_days_later_stays_apart_in_either_order(tmp_path, reports):
    forward = _in_either_order(tmp_path, reports)
    by_id = {doc.id: (doc, events) for doc, events in reports}
    assert _sentence_incident(*by_id["saint_denis_raid"], forward, "gun battle") == {"saint_denis_raid"}
