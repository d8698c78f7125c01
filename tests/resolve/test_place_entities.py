"""Names NER labels as something else that are places (issue 18), and names of people that are not."""
from __future__ import annotations

import pytest

from sitrep.model import Document
from sitrep.nlp import analyze
from sitrep.resolve import place_entities


def _places(text: str) -> list[str]:
    a = analyze(Document(id="t", text=text))
    ents, _ = place_entities(a)
    return [a.text[e.start_char:e.end_char] for e in ents if e.label_ in ("GPE", "LOC", "FAC")]


@pytest.mark.parametrize("text, name", [
    ("Russian drones struck Kyiv overnight, killing three people, officials said.", "Kyiv"),
    ("A missile hit Kramatorsk on Tuesday, killing two civilians.", "Kramatorsk"),
])
def test_a_place_ner_mislabels_is_found_from_the_gazetteer_and_its_context(text, name):
    assert name in _places(text)


def test_a_town_name_written_as_a_person_is_no_place():
    assert "Martin" not in _places("Martin said the attack on the base wounded two soldiers.")


def test_geoparsing_counts_demonyms_and_qualifiers_as_mentions():
    from sitrep.resolve import geocode_text

    text = "Two Canadians and a Kurdish aid worker were hurt near Tulsa, Okla., the sheriff said."
    found = {p.span.text: p for p in geocode_text(text)}
    assert found["Canadians"].country_code == "CA" and found["Kurdish"].name == "Kurdistan Region"
    assert found["Okla."].feature == "ADM1" and found["Tulsa"].admin1 == "Oklahoma"
    # the event pipeline asks for places only
    spans = {p.span.text for p in geocode_text(text, every_mention=False)}
    assert "Canadians" not in spans and "Okla." not in spans


def test_the_cue_words_are_knowledge(tmp_path):
    from sitrep.errors import KnowledgeError
    from sitrep.resolve.place_scoring import load_cues

    assert load_cues().place_before.search("drones struck ")
    bad = tmp_path / "geo_cues.toml"
    bad.write_text("[place]\nbefore = []\nafter = ['region']\n[person]\nbefore = ['Mr']\nafter = ['said']\n",
                   encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"geo_cues.toml:2: place.before"):
        load_cues(str(bad))


def test_a_place_inside_an_organisations_name_is_a_mention_and_an_acronym_is_no_town():
    from sitrep.resolve import geocode_text

    text = ("Inspectors from the Nevada Department of Agriculture and the GBI visited the University of Oregon "
            "on Tuesday; the Royal Free Hospital treated one of them.")
    spans = {p.span.text: p for p in geocode_text(text)}
    assert spans["Nevada"].feature == "ADM1" and spans["Oregon"].feature == "ADM1"
    assert "GBI" not in spans and not any("Royal" in s or "Hospital" in s for s in spans)


def test_an_event_in_part_of_a_country_sits_in_that_part():
    from sitrep.resolve import find_places

    text = "Gunmen attacked a convoy in northern Mali on Monday, the army said."
    a = analyze(Document(id="t", text=text))
    ents, _ = place_entities(a)
    [mali] = find_places(a.text, ents)
    assert mali.country_code == "ML" and mali.geo_precision == 3 and mali.latitude > 19
    assert "part" in mali.reason


def test_an_actor_named_like_a_town_is_no_place():
    assert "Hamas" not in _places("Hamas said its fighters fired rockets at the crossing on Monday.")


def _event_places(text: str) -> list[str | None]:
    from sitrep.pipeline import extract_documents

    (_, events, _), = extract_documents([Document(id="t", text=text)])
    return [e.place.name if e.place else None for e in events]


def test_a_small_town_named_like_a_person_of_the_report_places_nothing():
    # "Paul Riva" (tagged ORG), then "Riva" alone, read as Riva, Maryland: the partner, not a town
    places = _event_places("A fired accountant opened fire at a firm in Troy, Michigan, on Monday. He wounded "
                           "Paul Riva, a partner. Later the gunman shot at Riva again.")
    assert "Riva" not in places and "Troy" in places


def test_countries_in_a_game_are_teams_not_places():
    places = _event_places("A bomb exploded at a bar in Kampala on Sunday, killing nine people, as fans watched "
                           "Brazil play Germany on a big screen.")
    assert places == ["Kampala"], places


@pytest.mark.parametrize("text, name, team", [
    ("Fans were leaving the stadium after the third match against Chile when the blast went off.", "Chile", True),
    ("The bus was hit on its way to the series final versus the Netherlands.", "Netherlands", True),
    ("The rebels launched a new offensive against Chile's border posts.", "Chile", False),
    ("The ministry said the test was carried out in Chile.", "Chile", False),
])
def test_a_side_after_a_games_noun_and_against_is_a_team(text, name, team):
    from sitrep.resolve import event_place

    a = text.index(name)
    assert event_place._team(text, a, a + len(name)) is team


def test_a_country_named_as_a_side_in_a_game_places_no_attack():
    places = _event_places("Gunmen opened fire on a bus carrying a touring hockey team in Durban on Friday, killing "
                           "two guards. The attack came on the eve of the series final against Argentina.")
    assert "Argentina" not in places and "Durban" in places, places


def test_a_place_in_what_a_claimant_says_does_not_place_the_attack():
    places = _event_places("Gunmen stormed a hotel in Mogadishu on Friday, killing 12 guests. The Shebab claimed the "
                           "attack on Twitter, saying it was revenge for the army's offensive in southern Somalia.")
    assert places == ["Mogadishu"], places
