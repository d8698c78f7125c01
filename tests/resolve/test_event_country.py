"""The country of an event whose headline names no place (issues 11 and 12): the readings its sentence offers
(an armed group's main country, the nationality of its actor, victims or place) and the kinds the tune counts of
``knowledge/event_country.toml`` let decide."""
from __future__ import annotations

from datetime import date

import pytest

from sitrep.errors import KnowledgeError
from sitrep.model import Document
from sitrep.pipeline import extract_document


def _events(headline: str) -> list:
    doc = Document(id="h", text=headline, title=headline, published=date(2021, 6, 2))
    return extract_document(doc)


def _countries(headline: str) -> set:
    return {e.place.country_code for e in _events(headline) if e.place is not None}


def test_an_armed_groups_main_country_places_an_event_that_names_no_place():
    assert _countries("Houthi fighters shot dead seven fishermen") == {"YE"}


def test_a_state_forces_nationality_places_their_operation():
    assert _countries("Somali soldiers killed nine gunmen overnight") == {"SO"}


def test_the_victims_nationality_outranks_the_attackers():
    events = _events("Russian troops killed six Georgian farmers")
    assert {e.place.country_code for e in events if e.place} == {"GE"}
    assert any("(victim)" in n for e in events for n in e.notes)


def test_a_nationality_after_a_place_word_is_where_it_happened():
    assert _countries("Bandits killed five people in two Malian villages") == {"ML"}


def test_no_reading_leaves_the_event_without_a_place():
    assert _countries("Gunmen killed four traders on Sunday") == set()


def test_readings_come_in_text_order_with_their_kinds():
    from sitrep.resolve.event_country import country_readings

    [e] = _events("Taliban gunmen killed three Pakistani policemen")
    kinds = [(r.kind, r.cc) for r in country_readings(e)]
    assert kinds[0] == ("group", "AF") and ("victim", "PK") in kinds


def test_a_kind_below_the_share_or_support_of_the_file_is_not_used(tmp_path):
    from sitrep.knowledge import Knowledge, use_knowledge
    from sitrep.resolve.event_country import load_decision

    (tmp_path / "event_country.toml").write_text(
        'min_precision = 0.9\nmin_support = 5\nstate_words = ["troops"]\n'
        '[[reading]]\nkind = "victim"\ntune_right = 8\ntune_wrong = 2\n'
        '[[reading]]\nkind = "group"\ntune_right = 4\ntune_wrong = 0\n'
        '[[reading]]\nkind = "location"\ntune_right = 30\ntune_wrong = 1\n', encoding="utf-8")
    with use_knowledge(Knowledge(tmp_path)):
        assert load_decision().order == ("location",)


def test_an_unknown_kind_is_an_error_naming_the_file_and_line(tmp_path):
    from sitrep.knowledge import Knowledge, use_knowledge
    from sitrep.resolve.event_country import load_decision

    (tmp_path / "event_country.toml").write_text(
        'min_precision = 0.5\nmin_support = 1\nstate_words = ["army"]\n\n[[reading]]\nkind = "rumour"\n'
        'tune_right = 1\ntune_wrong = 0\n', encoding="utf-8")
    with use_knowledge(Knowledge(tmp_path)), pytest.raises(KnowledgeError, match=r"event_country.toml:6: "):
        load_decision()


def test_a_bad_country_code_of_an_actor_is_an_error_naming_the_line(tmp_path):
    from sitrep.knowledge import Knowledge, use_knowledge
    from sitrep.resolve.actor import load_actors

    (tmp_path / "actors.csv").write_text("canonical,type,aliases,source,countries\n"
                                         "Test Front,armed group,Test Front,a test row,NG|Nigeria\n", encoding="utf-8")
    with use_knowledge(Knowledge(tmp_path)), pytest.raises(KnowledgeError, match=r"actors.csv:2: countries"):
        load_actors()


def test_a_short_alias_in_an_all_capitals_sentence_is_no_group():
    assert _countries("A BOMB EXPLODED IN THE LOT THAT IS USED BY THE MINISTERS, KILLING TWO GUARDS.") == set()


def _found(text: str) -> list:
    from sitrep.nlp import analyze
    from sitrep.resolve import event_place

    ents, cased = event_place.place_entities(analyze(Document(id="t", text=text)))
    return event_place.find_places(cased, ents)


def test_an_armed_groups_country_outweighs_a_foreign_namesake_read_by_another_languages_name():
    [p] = _found("Boko Haram fighters raided the camp in Rann, killing eight people.")
    assert (p.name, p.country_code) == ("Rann", "NG") and "namesake" in p.reason


def test_a_division_of_the_groups_country_outweighs_a_capitals_former_name():
    [p] = _found("Boko Haram gunmen killed five villagers in Edo.")
    assert (p.country_code, p.feature) == ("NG", "ADM1")


def test_an_unknown_name_with_only_a_foreign_namesake_by_another_name_abstains():
    assert _found("Insurgents raided the camp in Rann, killing eight people.") == []


def test_a_foreign_city_with_no_namesake_in_the_groups_countries_stays():
    places = _found("Islamic State claimed the bombing in Manchester that killed two people.")
    assert [p.country_code for p in places] == ["GB"]


def test_a_town_of_some_size_by_its_own_name_stays_beside_another_countrys_name():
    places = _found("Islamic State claimed the twin bombings in the Iranian city of Kerman, months after a US raid.")
    assert ("Kerman", "IR") in [(p.name, p.country_code) for p in places]


def test_a_country_beyond_the_border_is_not_where_it_happened():
    # the neighbour named as the far side of a border places nothing; the country beside it does
    assert _countries("Gunmen killed eleven herders near the Sudan border") == set()
    assert _countries("Militants shot dead four guards close to the border with Tanzania") == set()
    assert _countries("Bandits killed six Zambian traders near Congo border") == {"ZM"}


def test_a_pair_of_countries_along_a_border_keeps_its_reading():
    assert _countries("Mortar fire killed three on the Mali-Niger border") != set()


def test_a_border_post_belongs_to_the_side_that_names_it():
    from sitrep.resolve.event_country import beside_border

    text = "Raiders stormed a Kenyan border post near Somali frontier"
    kenyan, somali = text.index("Kenyan"), text.index("Somali")
    assert not beside_border(text, kenyan, kenyan + 6)
    assert beside_border(text, somali, somali + 6)


def test_foreigners_nationality_does_not_place_the_event():
    # "Korean engineers" are away from home: the attack is not in Korea
    assert _countries("Roadside bomb killed two Korean engineers on a highway") == set()


def test_a_reading_of_the_sentence_outranks_a_country_named_as_the_attacker():
    # "US" as an adjective names who struck; the group's country names where
    events = _events("US warplanes struck Houthi depots overnight")
    assert {e.place.country_code for e in events if e.place} == {"YE"}
    assert any("(group)" in n for e in events for n in e.notes)
