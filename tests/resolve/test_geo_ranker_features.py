"""The learned ranker's context features (issue 12, s39): how a reading sits among the document's other places of pass
1, its population rank; read only by a ranker, never by the hand score. The trainer's conditional
logit. Sentences written for these tests."""
from __future__ import annotations

import pytest
from geo_spans import spans_of

from sitrep.resolve import place_scoring
from sitrep.resolve.gazetteer import get_gazetteer
from sitrep.resolve.place import resolve_spans_traced

TEXT = ("Road crews from Peoria and Bloomington worked through the night, and by morning the highway into "
        "Springfield was open again, the county engineer said.")


def _readings(text: str, *names: str) -> list:
    place_scoring.RANKER_ENABLED = False  # as the trainer reads them
    try:
        return resolve_spans_traced(text, spans_of(text, *names))[1]
    finally:
        place_scoring.RANKER_ENABLED = True


def test_a_reading_near_the_other_places_has_them_close_and_in_its_subdivision():
    gz = get_gazetteer()
    *_, springfield = _readings(TEXT, "Peoria", "Bloomington", "Springfield")
    by_state = {gz[i].admin1: f for i, f in springfield if gz[i].kind == "city" and gz[i].cc == "US"}
    illinois, missouri = by_state["IL"], by_state["MO"]
    assert illinois["log_nearest_km"] < missouri["log_nearest_km"]
    assert illinois["log_middle_km"] < missouri["log_middle_km"]
    assert illinois.get("vote_a1_share", 0.0) > missouri.get("vote_a1_share", 0.0)
    assert illinois["vote_cc_share"] == missouri["vote_cc_share"] == 1.0
    ranks = sorted((f["pop_rank"] for i, f in springfield if gz[i].kind == "city"), reverse=True)
    assert ranks[0] == 1.0 and ranks[1] == 0.5


def test_the_hand_score_computes_no_context_feature():
    """With no ranker loaded the resolver skips them (its answers and speed stay the hand weights')."""
    *_, springfield = resolve_spans_traced(TEXT, spans_of(TEXT, "Peoria", "Bloomington", "Springfield"))[1]
    assert not any("log_nearest_km" in f or "pop_rank" in f for _, f in springfield)


def test_the_conditional_logit_weighs_a_feature_that_tells_right_from_wrong():
    pytest.importorskip("scipy", reason="the trainer's fit needs scipy (a development dependency)")
    from sitrep.evaluation.train_geo_ranker import fit
    from sitrep.resolve.place_scoring import FEATURES

    def vec(hand: float, near: float) -> list[float]:
        v = [0.0] * len(FEATURES)
        v[FEATURES.index("hand")], v[FEATURES.index("log_nearest_km")] = hand, near
        return v

    # hand scores tie; the right reading is always the nearer one (fewer log km)
    docs = [[[(vec(5.0, 0.5 + k % 3 * 0.1), True), (vec(5.0, 3.0), False)] for k in range(12)]]
    w = fit(docs, 10.0)
    assert w["log_nearest_km"] < -0.5
    flipped = [[[(vec(5.0, 3.0), True), (vec(5.0, 0.5), False)] for _ in range(12)]]
    assert fit(flipped, 10.0)["log_nearest_km"] > 0.5
