"""The clause model's features leave names out (a word naming a country, a people, a division, a big city or an
armed group is NAME), but never a common word whose capitalised form is a name. Sentences written for these tests."""
from __future__ import annotations

from sitrep.extract.clause_model import clause_features
from sitrep.extract.document import candidates
from sitrep.ingest.text import document_from_text
from sitrep.nlp import analyze


def features(text: str, trigger: str) -> set[str]:
    (c,) = [c for c in candidates(analyze(document_from_text(text, "t"))) if c.mention.trigger.text == trigger]
    return set(clause_features(c, general=True))


def test_a_countrys_people_are_a_name():
    assert "w=nigerian" not in features("Nigerian troops shelled the camp on Monday.", "shelled")


def test_car_is_a_word_not_the_central_african_republic():
    """ "CAR" is an alias of the Central African Republic; "car bomb" keeps its word."""
    feats = features("The film opens with a car bomb in a crowded square.", "bomb")
    assert "compound=car" in feats and "compound=NAME" not in feats


def test_a_lower_case_word_that_is_also_a_place_keeps_its_word():
    """ "man" (Man, Côte d'Ivoire) written lower case is the common word."""
    feats = features("Gunmen shot a man outside the market on Monday.", "shot")
    assert "dobj=man" in feats


def test_features_that_name_no_word_read_the_sentence_and_the_rules():
    """The lexicon's classes of the sentence's words and the armed rule's decision: a word of another sentence
    with the same classes gives the same features."""
    feats = features("Masked gunmen fired rifles at the checkpoint, and three guards were killed.", "fired")
    assert {"wc=armed", "wc=weapon", "wc=killed", "wc=number", "rule_armed=True", "tag=VBD"} <= feats
    assert not any(f.startswith("rule_headline") for f in feats)


def test_a_sentence_without_weapons_or_armed_men_has_no_such_class():
    feats = features("The singer attacked the critics in a long interview on Sunday.", "attacked")
    assert "wc=weapon" not in feats and "wc=armed" not in feats and "ent=DATE" in feats



def test_features_that_name_no_word_are_computed_at_run_time_only_if_the_model_reads_them():
    from sitrep.extract.clause_model import clause_model

    text = "Gunmen opened fire on a bus in the hills, killing four passengers."
    (c,) = [c for c in candidates(analyze(document_from_text(text, "t"))) if c.mention.trigger.text == "killing"]
    assert any(f.startswith("wc=") for f in clause_features(c, general=True))
    assert any(f.startswith("wc=") for f in clause_features(c)) == clause_model().reads_general


def test_a_peoples_word_in_an_all_caps_report_is_a_name_when_the_model_was_fitted_so():
    """An ALL-CAPS report is truecased before parsing and its demonyms stay lower case: a model fitted with
    ``demonyms_hidden`` reads them as names, the shipped model (fitted without) as it always did."""
    from sitrep.extract.clause_model import clause_model

    text = "THE ARMY SAID THAT SALVADORAN AND HONDURAN TROOPS SHELLED A REBEL CAMP NEAR THE BORDER ON MONDAY."
    (c,) = [c for c in candidates(analyze(document_from_text(text, "t"))) if c.mention.trigger.text.lower() == "shelled"]
    words = {f for f in clause_features(c, general=True, demonyms=True) if f.startswith("w=")}
    assert "w=salvadoran" not in words and "w=troop" in words
    shipped = set(clause_features(c, general=True, demonyms=False))
    assert "w=salvadoran" in shipped
    assert ("w=salvadoran" in clause_features(c, general=True)) == (not clause_model().hides_demonyms)


def test_clause_scoped_classes_read_the_triggers_own_clause_only():
    """``cl_`` features read the trigger's clause: the number of a participle clause is not the main verb's, and
    the main clause's weapon and day are not the participle's; the sentence-wide ones read both."""
    text = "A woman hurled a firebomb at a shop in the old town on Friday, injuring four customers."
    hurled, injuring = features(text, "hurled"), features(text, "injuring")
    assert {"cl_wc=weapon", "cl_ent=DATE"} <= hurled and "cl_wc=number" not in hurled
    assert "cl_wc=number" in injuring and not {"cl_wc=weapon", "cl_ent=DATE"} & injuring
    assert {"wc=number", "wc=weapon", "ent=DATE"} <= hurled & injuring


def test_the_clause_of_an_xcomp_or_a_conjunct_keeps_its_subject_and_day():
    """An xcomp and a verb sharing its subject stay in their parent's clause (as the extractor cuts clauses)."""
    from sitrep.extract.clause_model import clause_tokens

    def clause(text: str, word: str) -> set[str]:
        analysis = analyze(document_from_text(text, "t"))
        (tok,) = [t for parsed in analysis.parses.values() for t in parsed if t.lower_ == word]
        return {t.text for t in clause_tokens(tok)}

    assert {"Gunmen", "Friday"} <= clause("Gunmen tried to storm the police post near Varo on Friday.", "storm")
    assert {"Gunmen", "Friday"} <= clause("Gunmen stormed the hotel in Varo on Friday and killed five guests.", "killed")
    assert "nine" not in clause("A man threw a grenade into a bar in Varo on Sunday, wounding nine people.", "threw")
