"""Our own check of cross-outlet merging, session 30 (tests/data/merge5, written before sitrep was run on it): a
wire's and a feature writer's accounts of the Paris attacks of 13 November 2015 (the stadium bombings, the cafe
terrace shootings, the Bataclan), and the police raid on a flat in Saint-Denis five days later.
``benchmarks/merge_rewrites.py --set merge5`` prints its figures (first measure: P 0.667 R 0.421, 1 mixed incident,
4 incidents, both orders).

What holds and is kept here: in either arrival order the same incidents; the Saint-Denis raid is an incident of its
own. What does not (extraction more than merging): both Paris reports place the Bataclan and the terraces only at
the report's main place ('Paris', geo_precision 2), the first dates all three sites on its report's day and the
feature places the stadium in 'France', so the three sites of one night in one city shared one incident until the
venues were facility words (session 33): the hall and the terraces are now two incidents; the wire's lede and the
feature's stadium still share one, and the wire's Bataclan is told as two events."""
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


def _group_of(doc, events, partition, words: str, trigger: str) -> list[str]:
    """The mention ids of the incident of the event with trigger word ``trigger`` in a paragraph that holds
    ``words``."""
    for i, ev in enumerate(events):
        for s in ev.field_spans.get("trigger") or []:
            start = doc.text.rfind("\n", 0, s.start) + 1
            end = doc.text.find("\n", s.end)
            if s.text == trigger and words in doc.text[start:end if end >= 0 else None]:
                return next(g for g in partition if f"{doc.id}#{i}" in g)
    raise AssertionError(f"no event of {doc.id} told by {trigger!r} in the paragraph of {words!r}")


def test_the_concert_hall_and_the_cafe_terraces_are_two_incidents(tmp_path, reports):
    """Both placed only at 'Paris' the same night, the wire's hall and the feature's terraces matched directly and
    mixed an incident; two venues of other names are two (merge.toml target.facility_words)."""
    forward = _in_either_order(tmp_path, reports)
    by_id = {doc.id: (doc, events) for doc, events in reports}
    hall = _group_of(*by_id["paris_2015"], forward["partition"], "Bataclan concert hall", "stormed")
    terraces = _group_of(*by_id["paris_other_outlet"], forward["partition"], "cafe terraces", "shooting")
    assert hall != terraces
