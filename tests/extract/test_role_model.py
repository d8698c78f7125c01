"""The learned role model: its candidates, its file, and how its choices reach the events. Short reports
written for these tests, parsed by the real spaCy model."""
from __future__ import annotations

import json
from datetime import date

import pytest

from sitrep.errors import KnowledgeError
from sitrep.extract import role_model as RM
from sitrep.ingest.text import document_from_text
from sitrep.nlp import analyze, parse_remaining
from sitrep.pipeline import extract_analysis, extract_document


def _analysis(text: str):
    an = analyze(document_from_text(text, "t", published=date(1990, 2, 3)))
    parse_remaining(an)
    return an


def _texts(cands):
    return {c.text for c in cands}


def test_candidates_give_each_phrase_several_spans():
    an = _analysis("Members of the 8th Front attacked the town. Guerrillas shot at President Cerezo. "
                   "Forty-five soldiers and two officers were arrested.")
    texts = _texts(RM.candidates(an, []))
    assert {"Members", "Members of the 8th Front"} <= texts  # bare and with its "of" complement
    assert "Guerrillas" in texts and "Cerezo" in texts  # a name without the title before it
    assert "soldiers" in texts and any(t.startswith("Forty-five") for t in texts)  # with and without the number
    assert "officers" in texts and "two officers" in texts


def test_a_weapon_named_as_a_modifier_and_a_phrase_without_its_adjectives_are_candidates():
    # MUC-4 keys write "DYNAMITE" for "a dynamite attack" and "DYNAMITE CHARGE" for "a powerful dynamite charge"
    an = _analysis("Two union members were killed in a dynamite attack on the office. "
                   "Police defused a powerful dynamite charge near the bridge.")
    cands = RM.candidates(an, [])
    texts = _texts(cands)
    assert "dynamite" in texts and "dynamite charge" in texts
    assert "powerful dynamite charge" in texts  # the whole phrase stays a candidate too
    kinds = {c.text: {f for f in c.features if f.startswith("kind=")} for c in cands}
    assert "kind=noadj" in kinds["dynamite charge"]


def test_candidate_offsets_point_at_the_original_text_of_an_all_caps_report():
    text = "SAN SALVADOR, 3 FEB 90 -- URBAN GUERRILLAS BOMBED THE ELECTRIC PLANT IN SOYAPANGO YESTERDAY."
    an = _analysis(text)
    cands = RM.candidates(an, extract_analysis(an, learned_roles=False))
    assert cands and all(text[c.start:c.end] == c.text for c in cands)
    assert "URBAN GUERRILLAS" in _texts(cands)
    # the rules' decisions are features the model weighs
    feats = {f for c in cands if c.text == "URBAN GUERRILLAS" for f in c.features}
    assert "rule=perpetrator_individuals" in feats


def _model(weights: dict[str, dict[str, float]], threshold: float = 0.5) -> RM.RoleModel:
    return RM.RoleModel.from_json({"roles": {k: {"bias": -3.0, "threshold": threshold, "weights": weights.get(k, {})}
                                            for k in RM.ROLE_KEYS}})


def test_model_scores_and_decides_one_span_per_head():
    m = _model({"weapons": {"lex=weapon": 4.0, "kind=of": 1.0}})
    an = _analysis("Terrorists detonated 500 kg of dynamite near the bank.")
    chosen = RM.decide(RM.candidates(an, []), m)
    weapons = [c.text for c in chosen["weapons"]]
    assert weapons == ["kg of dynamite"] or weapons == ["500 kg of dynamite"] or "dynamite" in weapons
    assert len({c.head for c in chosen["weapons"]}) == len(chosen["weapons"])
    assert all(0.0 < p < 1.0 for c in chosen["weapons"] for p in c.scores.values())
    assert chosen["victims"] == [] and chosen["targets"] == []


def test_assign_roles_puts_each_filler_on_the_nearest_event():
    text = ("Guerrillas bombed a power pylon near Usulutan on Monday. The mayor spoke about the budget. "
            "The council met in the morning. Schools reopened. On Tuesday gunmen killed Jose Rivera in San Miguel.")
    an = _analysis(text)
    events = extract_analysis(an, learned_roles=False)
    assert len(events) == 2
    m = _model({"victims": {"kind_ent=base:PERSON": 5.0}, "targets": {"h=pylon": 5.0}})
    RM.assign_roles(an, events, m)
    by_sent = sorted(events, key=lambda e: e.evidence[0].start)
    assert [f.text for f in by_sent[0].roles["targets"]] == ["power pylon"]
    assert [f.text for f in by_sent[1].roles["victims"]] == ["Jose Rivera"]
    assert by_sent[0].roles["victims"] == [] and by_sent[1].roles["targets"] == []
    f = by_sent[1].roles["victims"][0]
    assert text[f.start:f.end] == f.text


def test_malformed_or_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(KnowledgeError, match="E431"):
        RM.RoleModel.from_json({"roles": {"victims": {}}}, "x.json")
    with pytest.raises(KnowledgeError, match="role model missing"):
        RM.RoleModel.load(tmp_path / "none.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(KnowledgeError, match="not JSON"):
        RM.RoleModel.load(bad)


def test_shipped_model_loads_and_says_what_it_was_trained_on():
    m = RM.RoleModel.load()
    assert set(m.weights) == set(RM.ROLE_KEYS)
    assert "MUC-4" in m.meta["trained_on"] and m.meta["trainer"].startswith("python3 -m sitrep.evaluation")
    assert all(0.0 < t < 1.0 for t in m.thresholds.values())
    raw = json.loads(RM.knowledge_path("role_model.json").read_text())
    assert raw["roles"]["weapons"]["muc_role"] == "Weapon"


def test_pipeline_roles_of_a_wire_report_come_from_the_model():
    text = ("SAN SALVADOR, 12 JAN 90 (ACAN-EFE) -- [TEXT] URBAN GUERRILLAS OF THE FARABUNDO MARTI NATIONAL "
            "LIBERATION FRONT (FMLN) TODAY KILLED MAYOR JOSE ANTONIO CASTELLANOS WITH A CAR BOMB IN SOYAPANGO. "
            "MAYOR CASTELLANOS HAD RECEIVED DEATH THREATS FROM THE GUERRILLAS SINCE NOVEMBER. "
            "THE FMLN CLAIMED RESPONSIBILITY FOR THE ATTACK IN A COMMUNIQUE. THE BOMB ALSO DAMAGED THREE HOUSES. "
            "POLICE SAID THE VEHICLE HAD BEEN STOLEN IN SAN MIGUEL. THE ARMED FORCES HAVE ORDERED AN INVESTIGATION.")
    assert text.count(". ") >= 5  # long enough for the model (role_model.ROLE_MIN_SENTENCES)
    events = extract_document(document_from_text(text, "t"))
    assert events
    roles = {k: [f.text for e in events for f in e.roles.get(k, [])] for k in RM.ROLE_KEYS}
    assert any("FMLN" in t or "FARABUNDO" in t for t in roles["perpetrator_organizations"])
    # (the victim, "MAYOR JOSE ANTONIO CASTELLANOS", scores 0.08 against a threshold of 0.20: the model
    # under-rates people named in short reports; see the issue 5 notes)
    assert any("BOMB" in t for t in roles["weapons"])
    for e in events:
        for fillers in e.roles.values():
            assert all(text[f.start:f.end] == f.text for f in fillers)


def test_a_short_report_keeps_the_rules_roles():
    from sitrep.extract import ROLE_MIN_SENTENCES

    text = "Rebels of the National Liberation Army kidnapped two oil engineers near Saravena on Thursday."
    an = analyze(document_from_text(text, "t", published=date(1990, 2, 3)))
    assert len(an.sentences) < ROLE_MIN_SENTENCES
    rules = extract_analysis(an, learned_roles=False)
    (e,) = extract_document(document_from_text(text, "t", published=date(1990, 2, 3)))
    # (the place as written is the argument model's alone: no rule fills it)
    assert {k: [f.text for f in v] for k, v in e.roles.items() if v and k != "places"} == \
        {k: [f.text for f in v] for k, v in rules[0].roles.items() if v}
    assert [f.text for f in e.roles["perpetrator_organizations"]] == ["National Liberation Army"]


def test_only_sentences_that_may_name_someone_are_parsed_for_roles():
    from sitrep.extract import may_name

    assert may_name("The investigation into the murder of Hector Oqueli continues.")  # a name inside
    assert may_name("the guerrillas withdrew.") and may_name("two buses were burned.")  # role lexicon words
    assert not may_name("Prices rose again this week and trade was slow.")


def test_a_rule_made_victim_that_names_people_stays_whatever_the_model_gives_it():
    text = ("Two bombs exploded near the stadium in Mosul on Friday, killing four people and wounding 30 others. "
            "The mayor spoke about the budget. The council met in the morning. Schools reopened. Shops were busy.")
    an = _analysis(text)
    events = extract_analysis(an, learned_roles=False)
    victims = {f.text for e in events for f in e.roles.get("victims", [])}
    assert any("people" in v for v in victims)
    RM.assign_roles(an, events, _model({}), rule_floor=1.01)  # the model chooses nothing, every rule filler is below
    kept = {f.text for e in events for f in e.roles["victims"]}
    assert kept == {v for v in victims if RM._names_people(v)} and kept
    assert all(e.roles["targets"] == [] for e in events)  # other roles keep the floor


def test_names_people_reads_the_last_word_singular_or_plural():
    assert RM._names_people("more than 260 others") and RM._names_people("three civilians")
    assert RM._names_people("a Jesuit priest") and not RM._names_people("Jose Rivera")
    assert not RM._names_people("the power pylon")


def test_candidates_say_whether_the_report_was_written_in_capitals():
    mixed = RM.candidates(_analysis("Gunmen shot a farmer in the village of Tala on Sunday."), [])
    caps = RM.candidates(_analysis("GUNMEN SHOT A FARMER IN THE VILLAGE OF TALA ON SUNDAY."), [])
    assert mixed and all("caps=False" in c.features for c in mixed)
    assert caps and all("caps=True" in c.features for c in caps)


def test_a_model_with_news_weights_reads_them_only_in_a_report_not_in_capitals():
    data = {"meta": {"domain": "copy"},
            "roles": {k: {"bias": 0.0, "threshold": 0.5, "weights": {"n|h=militant": 3.0} if k == "victims" else {}}
                      for k in RM.ROLE_KEYS}}
    m = RM.RoleModel.from_json(data)
    news = RM.RoleCandidate(0, 9, "militants", 0, 0, ["h=militant", "caps=False"])
    wire = RM.RoleCandidate(0, 9, "MILITANTS", 0, 0, ["h=militant", "caps=True"])
    assert m.score(news)["victims"] > 0.9
    assert m.score(wire)["victims"] == pytest.approx(0.5)
    plain = RM.RoleModel.from_json({**data, "meta": {}})  # the copies are read only when the model says so
    assert plain.score(RM.RoleCandidate(0, 9, "militants", 0, 0, ["h=militant", "caps=False"]))["victims"] \
        == pytest.approx(0.5)


def test_in_news_the_model_takes_no_doer_from_a_sentence_beside_the_event():
    text = ("Jets bombed the market in Idlib on Monday. The guerrillas answered with a statement. "
            "The council met in the morning. Schools reopened. Shops were busy.")
    an = _analysis(text)
    events = extract_analysis(an, learned_roles=False)
    m = _model({"perpetrator_individuals": {"lex=perpetrator": 6.0}})
    RM.assign_roles(an, events, m)
    assert not any(f.text == "guerrillas" for e in events for f in e.roles["perpetrator_individuals"])
    caps = _analysis(text.upper())
    events = extract_analysis(caps, learned_roles=False)
    RM.assign_roles(caps, events, m)  # a wire report in capitals: the model reads the sentences around it
    assert any(f.text == "GUERRILLAS" for e in events for f in e.roles["perpetrator_individuals"])


def test_in_news_the_model_takes_a_doer_only_where_the_grammar_makes_it_one():
    text = ("Jets bombed the market in Idlib on Monday and the police searched the crowd near the mosque. "
            "The council met in the morning. Schools reopened. Shops were busy. Buses ran late.")
    m = _model({"perpetrator_organizations": {"h=police": 6.0}})
    an = _analysis(text)
    events = extract_analysis(an, learned_roles=False)
    RM.assign_roles(an, events, m)  # the searching police is in the event's sentence, but no doer of an act
    assert not any(f.text.lower().endswith("police") for e in events for f in e.roles["perpetrator_organizations"])
    caps = _analysis(text.upper())
    events = extract_analysis(caps, learned_roles=False)
    RM.assign_roles(caps, events, m)  # a wire report in capitals: the model's choice stands
    assert any(f.text.endswith("POLICE") for e in events for f in e.roles["perpetrator_organizations"])


@pytest.mark.parametrize("features, doer", [
    (["dep=nsubj", "gov=bomb", "gov_trigger", "trig_dep=nsubj"], True),  # the trigger's subject
    (["dep=pobj", "gov=by", "gov2_trigger", "trig_prep=by"], True),  # "attacks by the rebels"
    (["dep=nsubjpass", "gov=involve"], True),  # "five men were involved in the attack"
    (["dep=pobj", "gov=by", "prep_gov=by:carry"], True),  # "carried out by"
    (["dep=dobj", "gov=bomb", "gov_trigger", "trig_dep=dobj"], False),  # what the act hit
    (["dep=nsubj", "gov=search"], False),  # "the police searched"
    (["dep=pobj", "gov=as", "prep_gov=as:identify", "lex=perpetrator"], False),  # "identified as a militant"
    (["dep=pobj", "gov=by", "prep_gov=by:use"], False),  # "a route used by smugglers"
])
def test_doer_cue_reads_the_grammar_of_the_phrase(features, doer):
    assert RM._doer_cue(features) is doer
