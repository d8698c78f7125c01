"""Who did it, what it hit: the argument model of each event's own sentence, its file, and the claimant rule.
Sentences written for these tests, parsed by the real spaCy model."""
from __future__ import annotations

import json
from datetime import date

import pytest

from sitrep.errors import E433_ARGUMENT_MODEL, KnowledgeError
from sitrep.extract import argument_model as AM
from sitrep.ingest.text import document_from_text
from sitrep.nlp import analyze
from sitrep.pipeline import extract_analysis, extract_document


def _events(text: str):
    return extract_document(document_from_text(text, "t", published=date(2024, 3, 5)))


def _perpetrators(ev) -> list[str]:
    return [f.text for k in ("perpetrator_organizations", "perpetrator_individuals") for f in ev.roles.get(k, [])]


def test_the_side_of_a_killed_commander_is_not_the_attacker():
    evs = _events("Hezbollah commander's killing raises fears of a wider war")
    assert evs
    for ev in evs:
        assert ev.actor1 is None
        assert not any("Hezbollah" in p for p in _perpetrators(ev))
    assert any("Hezbollah" in f.text for ev in evs for f in ev.roles.get("victims", []))


def test_a_claimant_is_actor1_as_acled_codes_it_unless_the_knowledge_file_says_otherwise(tmp_path):
    from sitrep.knowledge import PACKAGED, Knowledge, use_knowledge

    text = ("A roadside bomb killed four soldiers near Kandahar on Monday. "
            "The Taliban claimed responsibility for the attack in a statement.")
    claimed = _events(text)
    assert [(ev.claimant, ev.actor1) for ev in claimed] == [("Taliban", "Taliban")]
    strict = (PACKAGED / "discourse.toml").read_text(encoding="utf-8").replace(
        "claimant_is_actor1 = true", "claimant_is_actor1 = false")
    assert "claimant_is_actor1 = false" in strict
    (tmp_path / "discourse.toml").write_text(strict, encoding="utf-8")
    with use_knowledge(Knowledge(tmp_path)):
        claimed = _events(text)
        assert [ev.claimant for ev in claimed] == ["Taliban"]
        assert claimed[0].actor1 is None and not any("Taliban" in p for p in _perpetrators(claimed[0]))
        carried = _events("Gunmen stormed a police station in the town of Baga on Tuesday, killing three officers. "
                          "Boko Haram said it carried out the attack.")
        assert [(ev.claimant, ev.actor1) for ev in carried] == [("Boko Haram", "Boko Haram")]


def _analysis_and_events(text: str):
    an = analyze(document_from_text(text, "t", published=date(2024, 3, 5)))
    return an, extract_analysis(an, learned_roles=False)


def _model(weights: dict[str, dict[str, float]], threshold: float = 0.5, floor: float = 0.0) -> AM.ArgumentModel:
    roles = {r: {"bias": -3.0, "threshold": threshold, "weights": weights.get(r, {})} for r in AM.ARG_ROLES}
    return AM.ArgumentModel.from_json({"roles": roles, "attacker_floor": floor})


def test_candidates_describe_how_each_phrase_hangs_on_the_trigger():
    an, evs = _analysis_and_events("Rebels ambushed an army convoy near Goma on Friday, killing eleven soldiers.")
    assert evs
    cands = {c.head_text: c for c in AM.candidates(an, evs[0])}
    assert "rel=nsubj" in cands["Rebels"].features and "side=before" in cands["Rebels"].features
    assert "rel=dobj" in cands["convoy"].features and "side=after" in cands["convoy"].features
    assert "rule=perpetrator_individuals" in cands["Rebels"].features  # the rules' decisions are features
    assert all(an.doc.text[c.start:c.end] == c.text for c in cands.values())


def test_candidates_say_what_kind_of_thing_their_head_names():
    an, evs = _analysis_and_events("A car bomb went off outside the fuel depot in Mosul on Sunday, wounding nine "
                                   "shoppers and a policeman.")
    assert evs
    kinds = {c.head_text: [f for f in c.features if f.startswith("hk=") and ":" not in f]
             for ev in evs for c in AM.candidates(an, ev)}
    assert kinds["Mosul"] == ["hk=gaz"]  # a name the gazetteer reads
    assert kinds["depot"] == ["hk=facility"]
    assert kinds["shoppers"] == ["hk=person"]
    assert kinds.get("Sunday", ["hk=other"]) == ["hk=other"]  # a day's name is no place's


def test_a_place_found_in_a_compounded_noun_is_written_as_the_whole_phrase():
    def cand(start: int, head: int, text: str, place: float, compound_of: int | None = None) -> AM.ArgCandidate:
        c = AM.ArgCandidate(start, start + len(text), text, head, text.split()[-1], False, sentence=0,
                            compound_of=compound_of)
        c.scores = {r: 0.0 for r in AM.ARG_ROLES} | {"place": place}
        return c

    ferry = cand(10, 10, "ferry", 0.9, compound_of=16)  # "the ferry terminal" at 6: "ferry" at 10, "terminal" at 16
    terminal = cand(6, 16, "the ferry terminal", 0.3)
    chosen = AM._fillers([ferry, terminal], "place", ["place"], 0.5)
    assert [c.text for c in chosen] == ["the ferry terminal"]


def test_the_model_fills_an_empty_role_with_its_likeliest_phrase_only():
    an, evs = _analysis_and_events("Rebels ambushed an army convoy near Goma on Friday, killing eleven soldiers.")
    ev = evs[0]
    for k in AM.ROLE_KEYS_OF["attacker"]:
        ev.roles[k] = []
    ev.field_spans.pop("actor1", None)
    ev.actor1 = None
    model = _model({"attacker": {"rel=nsubj": 6.0, "h=rebel": 1.0, "h=soldier": -9.0}})
    AM.apply_argument_model(an, [ev], model)
    assert _perpetrators(ev) == ["Rebels"]
    AM.apply_argument_model(an, [ev], _model({"attacker": {"h=convoy": 9.0}}))  # a named role is left alone
    assert _perpetrators(ev) == ["Rebels"]


def test_a_rule_perpetrator_the_model_rejects_as_attacker_is_dropped():
    an, evs = _analysis_and_events("Rebels ambushed an army convoy near Goma on Friday, killing eleven soldiers.")
    ev = evs[0]
    assert any("Rebels" in p for p in _perpetrators(ev))
    AM.apply_argument_model(an, [ev], _model({"victim": {"h=rebel": 9.0}}, floor=0.3))
    assert not any("Rebels" in p for p in _perpetrators(ev))


def test_a_perpetrator_the_role_model_added_is_dropped_under_the_floor_a_rule_made_one_only_if_a_victim():
    text = "Rebels ambushed an army convoy near Goma on Friday, killing eleven soldiers."
    weak = _model({"attacker": {"h=rebel": 1.0}}, floor=0.3)  # attacker 0.12, victim and target 0.05
    an, evs = _analysis_and_events(text)
    AM.apply_argument_model(an, evs, weak, rule_made=[set()])  # not the rules': the report-level model's
    assert not any("Rebels" in p for p in _perpetrators(evs[0]))
    an, evs = _analysis_and_events(text)
    spans = [{(f.start, f.end) for k in AM.ROLE_KEYS_OF["attacker"] for f in ev.roles.get(k, [])} for ev in evs]
    AM.apply_argument_model(an, evs, weak, rule_made=spans)  # the rules' doer, no likelier victim or target
    assert any("Rebels" in p for p in _perpetrators(evs[0]))
    an, evs = _analysis_and_events(text)
    AM.apply_argument_model(an, evs, _model({"attacker": {"h=rebel": 3.0}}, floor=0.3), rule_made=[set()])
    assert any("Rebels" in p for p in _perpetrators(evs[0]))  # 0.5: kept


def test_in_news_an_attacker_the_role_model_just_removed_is_not_refilled_from_another_phrase():
    text = "Gunmen opened fire on a wedding party in a northern village late on Tuesday, killing four guests."
    filler = _model({"attacker": {"rel=nsubj": 6.0}})

    def removed(all_caps: bool, made: bool) -> list[str]:
        an, evs = _analysis_and_events(text)
        an.all_caps = all_caps
        spans = [{(f.start, f.end) for k in AM.ROLE_KEYS_OF["attacker"] for f in ev.roles.get(k, [])} for ev in evs]
        assert spans[0]  # the rules made the doer
        for k in AM.ROLE_KEYS_OF["attacker"]:  # as the report-level role model does when it rejects it
            evs[0].roles[k] = []
        evs[0].field_spans.pop("actor1", None)
        AM.apply_argument_model(an, evs[:1], filler, rule_made=spans[:1] if made else [set()])
        return _perpetrators(evs[0])

    assert removed(all_caps=False, made=True) == []  # news: the role model's removal stands
    assert removed(all_caps=False, made=False) != []  # the rules gave none: the model fills the gap
    assert removed(all_caps=True, made=True) != []  # a report in capitals (MUC-4): refilled as before


def test_a_person_with_no_tie_to_the_trigger_is_not_made_the_attacker_a_group_may_be():
    def filled(text: str, head: str, all_caps: bool = False) -> list[str]:
        an, evs = _analysis_and_events(text)
        an.all_caps = all_caps
        ev = evs[0]
        for k in AM.ROLE_KEYS_OF["attacker"]:
            ev.roles[k] = []
        ev.field_spans.pop("actor1", None)
        ev.actor1 = None
        AM.apply_argument_model(an, [ev], _model({"attacker": {"rel=none": 3.0, f"h={head}": 6.0}}))
        return _perpetrators(ev)

    person = "Hours after Mr. Peter Collins praised the new bridge, gunmen attacked the market and killed six traders."
    group = "Hours after the Red Cross opened a clinic, gunmen attacked the market and killed six traders."
    assert filled(person, "collins") == []  # the subject of another clause, no tie to "attacked" / "killed"
    assert filled(person.upper(), "collins", all_caps=True) == []  # in capitals (MUC-4) too
    assert filled(group, "cross") == ["Red Cross"]  # a group or state with no tie may be the model's choice


def test_malformed_or_missing_model_is_a_clear_error(tmp_path):
    bad = tmp_path / "argument_model.json"
    bad.write_text('{"roles": {\n  "attacker": ]\n}')
    with pytest.raises(KnowledgeError) as exc:
        AM.ArgumentModel.load(bad)
    assert exc.value.code == E433_ARGUMENT_MODEL and ":2:" in str(exc.value)
    bad.write_text(json.dumps({"roles": {"attacker": {"bias": 0}}}))
    with pytest.raises(KnowledgeError, match="malformed argument model"):
        AM.ArgumentModel.load(bad)
    with pytest.raises(KnowledgeError, match="missing"):
        AM.ArgumentModel.load(tmp_path / "none.json")


def test_shipped_model_loads_and_says_what_it_was_trained_on():
    model = AM.ArgumentModel.load()
    assert "tune" in model.meta["trained_on"] and "train_argument_model" in model.meta["trainer"]
    assert set(model.thresholds) == set(AM.ARG_ROLES)


def _trainer():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "scripts" / "train_argument_model.py"
    spec = importlib.util.spec_from_file_location("train_argument_model", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_trainer_scores_the_rules_and_the_model_as_the_pipeline_decides():
    T = _trainer()
    # one event sentence: two phrases (heads at 10 and 30); the gold attacker spans 8..14; the rules named none
    rec = {"source": "news", "fold": 0, "cands": [[10, ["a"], ["attacker"]], [30, ["b"], []]],
           "gold": [["attacker", 8, 14]], "named": {r: [] for r in AM.ARG_ROLES}, "empty": ["attacker"]}
    probs = [[{"attacker": 0.7, "target": 0.1, "victim": 0.1, "instrument": 0.0},
              {"attacker": 0.6, "target": 0.1, "victim": 0.1, "instrument": 0.0}]]
    assert T.score([rec], probs, "attacker", None)[1] == 0.0  # the rules alone find nothing
    assert T.score([rec], probs, "attacker", 0.5) == (1.0, 1.0, 1.0)  # only the likeliest phrase fills the role
    assert T.score([rec], probs, "attacker", 0.8)[1] == 0.0
    named = {**rec, "named": {**rec["named"], "attacker": [30]}, "empty": []}
    assert T.score([named], probs, "attacker", 0.5)[0] == 0.0  # a named role is not filled again


def test_the_place_role_is_the_phrase_of_the_event_sentence_with_the_places_joined_to_it():
    an, evs = _analysis_and_events("Airstrikes hit villages in Idlib and Hama on Sunday, killing nine civilians.")
    ev = evs[0]
    assert not AM.has_role(ev, "place")  # a resolved place does not name the place role: only the model fills it
    cands = {c.head_text: c for c in AM.candidates(an, ev)}
    assert "pprep=in" in cands["Idlib"].features and "pprep=in" in cands["Hama"].features
    assert cands["Hama"].conj_of == cands["Idlib"].head
    AM.apply_argument_model(an, [ev], _model({"place": {"pprep=in": 9.0}}))
    assert [f.text for f in ev.roles["places"]] == ["Idlib", "Hama"]


def test_the_place_role_takes_the_facility_and_the_town_it_stands_in():
    # where is told twice, nested: the phrase the locative preposition hangs on and the one it hangs, or a name and
    # its apposition; the model picks one, the other joins it when it reaches the threshold too
    an, evs = _analysis_and_events("Gunmen shot two guards at a checkpoint near Nablus on Tuesday.")
    cands = {c.head_text: c for c in AM.candidates(an, evs[0])}
    assert cands["Nablus"].within == cands["checkpoint"].head and cands["checkpoint"].within is None
    AM.apply_argument_model(an, evs[:1], _model({"place": {"pprep=at": 9.0, "pprep=near": 8.0}}))
    assert [f.text for f in evs[0].roles["places"]] == ["checkpoint", "Nablus"]
    an, evs = _analysis_and_events("Three people were shot dead in Kandahar, the main city of the south, on Monday.")
    cands = {c.head_text: c for c in AM.candidates(an, evs[0])}
    assert cands["city"].within == cands["Kandahar"].head
    AM.apply_argument_model(an, evs[:1], _model({"place": {"pprep=in": 9.0, "dep=appos": 8.0}}))
    assert [f.text for f in evs[0].roles["places"]] == ["Kandahar", "main city of the south"]
    an, evs = _analysis_and_events("Three people were shot dead in Kandahar, the main city of the south, on Monday.")
    AM.apply_argument_model(an, evs[:1], _model({"place": {"pprep=in": 9.0}}))  # the apposition under the threshold
    assert [f.text for f in evs[0].roles["places"]] == ["Kandahar"]
    # what the act was fired on is no place, though a place locates it
    an, evs = _analysis_and_events("Gunmen fired on a convoy in Helmand province on Monday.")
    cands = {c.head_text: c for c in AM.candidates(an, evs[0])}
    assert cands["province"].within == cands["convoy"].head
    AM.apply_argument_model(an, evs[:1], _model({"place": {"pprep=in": 9.0, "pprep=on": 8.0}}))
    assert [f.text for f in evs[0].roles["places"]] == ["Helmand province"]


def test_a_place_name_compounded_on_the_trigger_noun_is_where_unless_it_names_a_country():
    an, evs = _analysis_and_events("Twelve people died in the Peshawar bombing on Monday.")
    assert evs
    AM.apply_argument_model(an, evs, _model({}))  # a model that chooses no place: the name is no candidate of its
    assert [f.text for ev in evs for f in ev.roles.get("places", [])] == ["Peshawar"]
    an, evs = _analysis_and_events("A US airstrike killed 12 militants near the border on Monday.")
    assert evs
    AM.apply_argument_model(an, evs, _model({}))  # the attacker's country, not where it struck
    assert not any(ev.roles.get("places") for ev in evs)


def test_a_place_may_also_be_what_was_hit():
    # "the market" is the target and where it happened: the place role does not yield to the target role
    cands = [AM.ArgCandidate(0, 6, "market", 0, "market", False, None, scores={"place": 0.6, "target": 0.9}),
             AM.ArgCandidate(9, 14, "Kabul", 9, "Kabul", False, None, scores={"place": 0.5, "target": 0.1})]
    assert [c.text for c in AM.choose_fillers(cands, "place", ["target", "place"], 0.4)] == ["market"]
    assert [c.text for c in AM.choose_fillers(cands, "target", ["target", "place"], 0.4)] == ["market"]
    assert AM.choose_fillers(cands, "place", ["place"], 0.7) == []


def test_each_sentence_of_a_merged_event_may_say_where():
    def cand(head: int, text: str, sentence: int, p: float) -> AM.ArgCandidate:
        return AM.ArgCandidate(head, head + len(text), text, head, text, False, None, sentence,
                               scores={"place": p, "attacker": 0.0})

    cands = [cand(0, "market", 0, 0.6), cand(20, "Kabul", 0, 0.5), cand(50, "Shah Shaheed district", 1, 0.4)]
    assert [c.text for c in AM._fillers(cands, "place", ["place"], 0.3)] == ["market", "Shah Shaheed district"]
    assert [c.text for c in AM._fillers(cands, "attacker", ["attacker"], 0.0)] == ["market"]  # one per event


def test_the_pipeline_runs_the_given_argument_model_inside_the_block_only():
    """The benchmark's cross-validated tune figures run each article under a fold's model: inside the block the
    pipeline reads that model (one that fills nothing, one that takes the "in" phrase for the place: no rule
    names the place as written), after it the packaged one again."""
    text = "The explosion killed five shoppers in the market square of Tarvin on Monday."

    def places() -> list[str]:
        return [f.text for ev in _events(text) for f in ev.roles.get("places", [])]

    shipped = AM.default_argument_model()
    silent, where = _model({}), _model({"place": {"pprep=in": 9.0}})
    with AM.using_argument_model(silent):
        assert AM.default_argument_model() is silent
        assert places() == []
    with AM.using_argument_model(where):
        assert places() == ["market square of Tarvin"]
    assert AM.default_argument_model() is shipped
    with AM.using_argument_model(None):
        assert AM.default_argument_model() is None and places() == []


def test_cross_validated_runs_put_each_article_under_its_own_fold_model():
    from sitrep.evaluation import argument_cv

    folds = [_model({}, threshold=0.1 * (k + 1)) for k in range(argument_cv.FOLDS)]
    keys = [f"article-{i}" for i in range(12)]
    got = argument_cv.run_by_fold(lambda part: {k: AM.default_argument_model() for k in part}, keys,
                                  lambda k: k, folds)
    assert sorted(got) == sorted(keys)
    assert all(got[k] is folds[argument_cv.fold_of(k)] for k in keys)
    assert AM.default_argument_model() is not None and AM.default_argument_model() not in folds


def test_fold_models_carry_the_fold_of_each_article(tmp_path):
    import gzip
    import json

    from sitrep.evaluation import argument_cv

    one = {"meta": {}, "attacker_floor": 0.0,
           "roles": {r: {"bias": -5.0, "threshold": 0.5, "weights": {}} for r in AM.ARG_ROLES}}
    path = tmp_path / "folds.json.gz"
    table = {"story-a-1": 3, "story-a-2": 3, "story-b": 0}
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        json.dump({"meta": {"fold_of": table}, "folds": [one] * argument_cv.FOLDS}, fh)
    folds = argument_cv.read_folds(path)
    assert folds is not None and len(folds) == argument_cv.FOLDS
    assert [argument_cv.fold_in(folds, k) for k in table] == [3, 3, 0]
    assert argument_cv.fold_in(folds, "unlisted") == argument_cv.fold_of("unlisted")
    got = argument_cv.run_by_fold(lambda part: {k: AM.default_argument_model() for k in part}, list(table),
                                  lambda k: k, folds)
    assert got["story-a-1"] is folds[3] and got["story-a-2"] is folds[3] and got["story-b"] is folds[0]


def test_story_groups_join_articles_that_share_a_name_and_split_the_names_of_the_period():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "scripts" / "train_argument_model.py"
    spec = importlib.util.spec_from_file_location("train_argument_model", path)
    tr = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tr)
    names = {f"a{i}": {"mayor": 1} for i in range(10)}
    names["a0"] = {"mayor": 1, "okonkwo": 2}
    names["a1"] = {"mayor": 3, "okonkwo": 1}
    weight = dict.fromkeys(names, 1)
    groups, dropped = tr.story_groups(names, weight)
    assert dropped == ["mayor"]  # said in every article: it would make one group of all
    assert ["a0", "a1"] in groups and len(groups) == 9


def test_the_places_written_with_the_resolved_place_join_it_where_the_model_chose_none():
    # the gazetteer resolves one name of "in Mosul and Kirkuk"; the model (here one that chooses nothing) names no
    # place: the places of the phrase that names the resolved place are the place as written
    an, evs = _analysis_and_events("Two car bombs killed nine people in Mosul and Kirkuk on Monday.")
    ev = evs[0]
    assert ev.place is not None and ev.place.span is not None
    AM.apply_argument_model(an, [ev], _model({}))
    written = [f.text for f in ev.roles.get("places", [])]
    assert {"Mosul", "Kirkuk"} - {ev.place.span.text} <= set(written)
    assert ev.place.span.text not in written  # the resolved place itself is the event's place already
    # a place named with its state: the state joins
    an, evs = _analysis_and_events("A gunman shot dead three people in Dayton, Ohio, on Sunday night.")
    ev = evs[0]
    assert ev.place is not None and ev.place.span is not None and ev.place.span.text == "Dayton"
    AM.apply_argument_model(an, [ev], _model({}))
    assert [f.text for f in ev.roles.get("places", [])] == ["Ohio"]
    # a place that stands apart from the event's phrase does not join
    an, evs = _analysis_and_events("Nine people were killed in Mosul on Monday, officials in Baghdad said.")
    AM.apply_argument_model(an, evs[:1], _model({}))
    assert "Baghdad" not in [f.text for ev in evs for f in ev.roles.get("places", [])]


def test_the_facility_or_place_noun_where_the_trigger_says_it_happened_is_the_place_as_written():
    # a model that chooses no place: the facility or place noun a locative preposition of the trigger (or of the
    # verb the trigger is the subject of) governs is where it happened, in each sentence that names no place
    an, evs = _analysis_and_events("The deadliest blast was at the crowded railway station, where four people died.")
    AM.apply_argument_model(an, evs, _model({}))
    assert "crowded railway station" in [f.text for ev in evs for f in ev.roles.get("places", [])]
    an, evs = _analysis_and_events("Two grenades exploded near the old bus depot and the cattle market on Friday.")
    AM.apply_argument_model(an, evs, _model({}))
    assert [f.text for ev in evs for f in ev.roles.get("places", [])] == ["old bus depot", "cattle market"]
    # or where a noun the trigger governs through a preposition stands
    an, evs = _analysis_and_events("Two shoppers were wounded in a crowd near the old market district on Sunday.")
    AM.apply_argument_model(an, evs, _model({}))
    assert "old market district" in [f.text for ev in evs for f in ev.roles.get("places", [])]
    # a named town is the model's to choose (and the resolved place's), and a thing hit "on" is no place
    an, evs = _analysis_and_events("A bomb exploded in Tarvin on Friday, and gunmen fired on a police truck.")
    AM.apply_argument_model(an, evs, _model({}))
    assert not any(ev.roles.get("places") for ev in evs)



def test_a_name_the_gazetteer_lacks_in_the_triggers_locative_phrase_is_its_place():
    an, evs = _analysis_and_events("Nine herders died in the raid in Wadi Qarnabeel on Tuesday.")
    ev = next(e for e in evs if e.trigger.text == "raid")
    assert [f.text for f in AM.common_places_of_trigger(an, ev)] == ["Wadi Qarnabeel"]
