"""The wider actor table (issue 11, "who did it"): multinational forces as ACLED codes them, and armed groups of
other places and decades; sentences written for these tests."""
from __future__ import annotations

from datetime import date

from sitrep.export.codes import actor_code
from sitrep.model import Document
from sitrep.pipeline import extract_document
from sitrep.resolve.actor import actor_countries, actor_type, find_actors, resolve_actor


def _actors(text: str, published: date) -> set:
    doc = Document(id="a", text=text, title=text.split("\n")[0], published=published)
    return {e.actor1 for e in extract_document(doc)}


def test_a_multinational_force_as_a_weapons_modifier_is_the_actor():
    text = ("Bridge hit in overnight raid\n\nNOVI GRAD, April 12, 1999 (Wire) - NATO bombs struck a road bridge "
            "outside the town on Monday night, killing four people on a bus crossing it, local officials said.\n")
    assert "NATO" in _actors(text, date(1999, 4, 12))
    assert actor_type("NATO") == "state" and actor_code("NATO") == (8, None)  # ACLED: external/other forces


def test_a_multinational_force_is_no_countrys_own_forces():
    # UNIFIL fought only in Lebanon and MONUSCO only in Congo: their rows do not rename those states' forces
    assert resolve_actor("Lebanese army units").canonical == "Lebanon"
    assert resolve_actor("Congolese troops").canonical != "MONUSCO"
    assert resolve_actor("UNIFIL peacekeepers").canonical == "UNIFIL"


def test_armed_groups_of_other_decades_and_places():
    assert resolve_actor("members of the Red Army Faction").canonical == "Red Army Faction"
    assert resolve_actor("a unit of the Tatmadaw").canonical == "Myanmar"
    assert actor_code("Myanmar") == (1, "MM")
    found = resolve_actor("fighters of ISIS-K")  # the branch, not the Islamic State whose acronym it begins with
    assert found is not None and found.canonical == "Islamic State Khorasan Province"
    assert actor_countries("Abu Sayyaf")[0] == "PH"
    text = ("Ferry passengers seized\n\nJOLO, March 3, 2001 - Abu Sayyaf gunmen seized six passengers from a ferry "
            "off the island of Jolo on Saturday, the coast guard said.\n")
    assert "Abu Sayyaf" in _actors(text, date(2001, 3, 3))


def test_aliases_left_out_where_they_name_other_things():
    # a TV series, a month phrase, a date: no actor (the table has "Black September Organization", not the month)
    assert find_actors("She watched the BBC documentary series Provos last night.") == []
    assert find_actors("The orchard was planted in late black September rain.") == []
    assert find_actors("The strike began on 17 November and ended a week later.") == []


# "US" and "IS" in capitals: the pronoun and the verb unless the neighbours make the name likelier (caps_aliases.json)
def test_caps_alias_is_the_word_after_a_verb_or_before_an_article():
    from sitrep.resolve.actor import find_actors

    assert find_actors("THE REBELS WARNED US THAT THEY WOULD RETURN") == []
    assert find_actors("THE BRIDGE IS A TARGET OF THE SABOTEURS") == []


def test_caps_alias_is_the_name_beside_a_name_form():
    from sitrep.resolve.actor import find_actors

    assert [a.canonical for a in find_actors("GUNMEN FIRED ON THE US EMBASSY LAST NIGHT")] == ["United States"]
    assert [a.canonical for a in find_actors("IS CLAIMS BOMBING OF MARKET")] == ["Islamic State"]


def test_caps_alias_alone_in_a_report_in_capitals_takes_its_likelier_reading():
    from sitrep.resolve.actor import caps_text, find_actors

    assert [a.canonical for a in find_actors("IS")] == ["Islamic State"]  # mixed-case text: the capitals tell
    with caps_text("A US DRONE STRIKE HIT THE TOWN; IT IS THE THIRD THIS WEEK"):
        assert find_actors("IS") == [] and [a.canonical for a in find_actors("US")] == ["United States"]
        assert find_actors("TOLD US") == []
    with caps_text("THE COMMANDER TOLD US THAT THE REBELS ATTACKED THE TOWN"):
        assert find_actors("US") == []  # the alias alone reads as the report's own "US" does
    assert [a.canonical for a in find_actors("IS")] == ["Islamic State"]


def test_armed_groups_of_more_regions_resolve_by_name_and_acronym():
    assert resolve_actor("a communique of the Army of National Liberation").canonical == "National Liberation Army (Colombia)"
    assert resolve_actor("paramilitaries of the AUC").canonical == "United Self-Defense Forces of Colombia"
    assert resolve_actor("a faction calling itself Jamaat-ul-Ahrar").canonical == "Jamaat-ul-Ahrar"
    assert resolve_actor("DPR fighters shelled the village").canonical == "United Armed Forces of Novorossiya"
    assert resolve_actor("gunmen of the BRN").canonical == "Barisan Revolusi Nasional"
    assert actor_countries("Free Aceh Movement") == ("ID",)
    text = ("Bus ambushed in the hills\n\nSAN PEDRO SULA, May 4, 1989 - Cinchoneros guerrillas ambushed a bus on the "
            "highway on Thursday, killing two soldiers, the army said.\n")
    assert "Cinchoneros Popular Liberation Movement" in _actors(text, date(1989, 5, 4))


def test_a_longer_name_that_contains_another_groups_name_is_its_own_group():
    # "Sudan Liberation Army" sits inside "South Sudan Liberation Army", a different group of another country
    assert resolve_actor("the South Sudan Liberation Army rebels").canonical == "South Sudan Liberation Army"
    assert resolve_actor("the Sudan Liberation Army in Darfur").canonical == "Sudan Liberation Movement/Army"
    assert actor_countries("South Sudan Liberation Army") == ("SS",)


def test_state_forces_named_by_a_demonym_in_capitals_are_found_in_a_report_in_capitals():
    from sitrep.resolve.actor import caps_text, find_actors

    report = "PERUVIAN TROOPS SHELLED THE VILLAGE AND THE KENYAN ARMY SAID NOTHING ABOUT THE RAID"
    assert find_actors(report) == []  # outside a report in capitals the name keeps its case
    with caps_text(report):
        found = find_actors(report)
        assert [(a.canonical, a.text, a.forces) for a in found] == [
            ("Peru", "PERUVIAN TROOPS", True), ("Kenya", "KENYAN ARMY", True)]
        assert actor_type(find_actors("THE KENYAN ARMY")[0].canonical) == "state"
        assert find_actors("PERUVIAN SINGERS") == []  # no force noun, no state
    assert [a.canonical for a in find_actors("Peruvian troops shelled the village")] == ["Peru"]
