"""Issue 12: toponyms of international and outbreak news (provinces and districts abroad, demonyms, world regions,
unions, a foreign city against its US namesakes), in sentences written for these tests."""
from __future__ import annotations

import pytest
from geo_spans import spans_of

from sitrep.model import haversine_km
from sitrep.resolve import geocode_text, resolve_spans

# (text, [(name, latitude, longitude)]): each name must resolve within 161 km of the point
WORLD = [
    ("Health officials in Guangdong province reported 12 new dengue cases on Tuesday. The outbreak spread from "
     "Guangzhou to Foshan, China's health commission said.",
     [("Guangdong", 23.0, 113.5), ("Guangzhou", 23.12, 113.25), ("Foshan", 23.03, 113.13), ("China", 35.0, 105.0)]),
    ("Kerala reported two deaths from the Nipah virus, India's health ministry said. Kozhikode district has been "
     "sealed off.", [("Kerala", 10.42, 76.5), ("India", 22.0, 79.0), ("Kozhikode", 11.25, 75.78)]),
    ("Lassa fever cases rose in Ondo and Edo, Nigeria's disease control centre said. Gunmen in Zamfara also killed "
     "12 farmers near Gusau.",
     [("Ondo", 7.0, 5.0), ("Edo", 6.5, 6.0), ("Nigeria", 10.0, 8.0), ("Zamfara", 12.17, 6.25), ("Gusau", 12.16, 6.66)]),
    ("Two new polio cases were confirmed in Khyber Pakhtunkhwa and Balochistan, Pakistani officials said. One "
     "child lived in Bannu.",
     [("Khyber Pakhtunkhwa", 34.5, 72.0), ("Balochistan", 28.5, 65.5), ("Pakistani", 30.0, 70.0),
      ("Bannu", 32.99, 70.6)]),
    ("Floods in West Java killed 20 people, Indonesia's disaster agency said. Bandung and Bogor were the worst hit.",
     [("West Java", -6.9, 107.6), ("Indonesia", -5.0, 120.0), ("Bandung", -6.9, 107.6), ("Bogor", -6.6, 106.8)]),
    ("Canadian officials confirmed the first case of avian flu in British Columbia on a farm near Abbotsford.",
     [("Canadian", 60.1, -113.6), ("British Columbia", 54.0, -125.0), ("Abbotsford", 49.05, -122.3)]),
    ("An Israeli air strike hit a Gaza hospital on Monday, the Palestinian health ministry said.",
     [("Israeli", 31.5, 34.75), ("Gaza", 31.5, 34.47), ("Palestinian", 31.9, 35.2)]),
    ("The EU pledged 50 million euros for East Africa, where drought has left millions hungry in Kenya and Somalia.",
     [("EU", 50.84, 4.38), ("Kenya", 1.0, 38.0), ("Somalia", 6.0, 48.0)]),
    ("A man was stabbed in London on Saturday, Scotland Yard said. The British home secretary called for calm, and "
     "police in Manchester made two arrests.", [("London", 51.5, -0.13), ("Manchester", 53.48, -2.24)]),
    ("Cholera has spread to Kasese, Uganda's health ministry said. Cases were also recorded in Kabarole and Mbarara.",
     [("Kasese", 0.18, 30.08), ("Uganda", 1.25, 32.5), ("Kabarole", 0.6, 30.3), ("Mbarara", -0.6, 30.65)]),
    ("Dengue cases surged in Lima, Peru's health ministry said, with hospitals in Piura also overwhelmed.",
     [("Lima", -12.04, -77.03), ("Peru", -10.0, -76.0), ("Piura", -5.2, -80.6)]),
    ("Mexico reported 300 new cases of dengue, most of them in Veracruz and Yucatan.",
     [("Mexico", 23.0, -102.0), ("Veracruz", 19.3, -96.5), ("Yucatan", 20.7, -89.0)]),
    ("Japanese health authorities reported a rise in measles in Osaka and Tokyo.",
     [("Japanese", 35.68, 139.75), ("Osaka", 34.69, 135.5), ("Tokyo", 35.69, 139.69)]),
    ("Officials in Victoria said bushfires near Melbourne destroyed 40 homes.",
     [("Victoria", -37.0, 144.0), ("Melbourne", -37.81, 144.96)]),
    ("Heavy rain flooded Sindh, killing 30 people in Hyderabad and Karachi, Pakistan's disaster agency said.",
     [("Sindh", 26.0, 68.5), ("Hyderabad", 25.39, 68.37), ("Karachi", 24.86, 67.0)]),
    ("Cases were reported in Hubei, Henan and Hunan provinces, the National Health Commission said in Beijing.",
     [("Hubei", 31.0, 112.3), ("Henan", 34.0, 113.7), ("Hunan", 27.5, 111.7), ("Beijing", 39.9, 116.4)]),
    ("Fighting in Tigray displaced thousands, Ethiopia's government said; aid reached Mekele.",
     [("Tigray", 14.0, 38.5), ("Ethiopia", 9.0, 39.5), ("Mekele", 13.5, 39.47)]),
    ("The virus spread to Hebei, Shandong and Jiangsu provinces, and to Heilongjiang in the north-east.",
     [("Hebei", 39.0, 116.0), ("Shandong", 36.0, 118.0), ("Jiangsu", 33.0, 120.0), ("Heilongjiang", 48.0, 128.0)]),
    ("Health workers in Sao Paulo state reported 50 deaths from yellow fever, Brazil's ministry said.",
     [("Sao Paulo", -22.0, -49.0), ("Brazil", -10.0, -55.0)]),
    ("Locust swarms crossed from Somalia into Ethiopia's Somali region.",
     [("Somalia", 6.0, 48.0), ("Ethiopia", 9.0, 39.5)]),
    ("A quake struck off Sumatra and was felt across Java, Indonesian officials said; a typhoon hit Luzon.",
     [("Sumatra", -0.6, 101.3), ("Java", -7.5, 110.0), ("Indonesian", -5.0, 120.0), ("Luzon", 16.3, 121.0)]),
    ("Aid agencies warned of famine across the Sahel and the Maghreb as drought spread through the Balkans and "
     "Anatolia.", [("Sahel", 15.0, 0.0), ("Maghreb", 31.0, 3.0), ("Balkans", 42.5, 21.5), ("Anatolia", 39.0, 33.0)]),
    ("Storms battered New Zealand's North Island, and snow closed roads on the South Island.",
     [("New Zealand", -42.0, 174.0), ("North Island", -38.5, 176.0), ("South Island", -43.5, 170.5)]),
    ("A hospital in Birmingham treated 20 people after the crash on the M6, West Midlands Police said.",
     [("Birmingham", 52.48, -1.9), ("West Midlands", 52.48, -1.9)]),
]


@pytest.mark.parametrize("text, expected", WORLD, ids=[w[1][0][0] for w in WORLD])
def test_given_spans_of_world_news_resolve_near_their_places(text, expected):
    places = resolve_spans(text, spans_of(text, *(name for name, _, _ in expected)))
    for (name, lat, lon), p in zip(expected, places, strict=True):
        assert p is not None, name
        assert haversine_km(p.latitude, p.longitude, lat, lon) <= 161, (name, p.name, p.country_code)


def _found(text: str, *, every_mention: bool = True) -> dict[str, str | None]:
    return {p.span.text: p.country_code for p in geocode_text(text, every_mention=every_mention)}


@pytest.mark.parametrize("every_mention", [True, False])
def test_a_word_of_a_hotels_name_is_no_small_town_abroad(every_mention):
    text = ("ISLAMABAD, Pakistan (Reuters) - A suicide bomber drove a truck into the Marriott hotel in Islamabad, "
            "killing 40.")
    found = _found(text, every_mention=every_mention)
    assert "Marriott" not in found
    assert found["Islamabad"] == "PK"


def test_a_states_abbreviation_keeps_its_dot():
    text = "SPRINGFIELD, Ill. (AP) -- A gunman opened fire at a bar on Saturday, killing two."
    ill = next(p for p in geocode_text(text) if p.span.text.startswith("Ill"))
    assert ill.span.text == "Ill." and ill.name == "Illinois"
    # the event pipeline asks for places only: the state qualifies the town ("Ill" alone is a name of Willmar)
    places = geocode_text(text, every_mention=False)
    assert [(p.span.text, p.admin1) for p in places] == [("SPRINGFIELD", "Illinois")]


@pytest.mark.parametrize("text, name, cc", [
    ("Police in Punjab province arrested 12 men after an attack in Lahore.", "Punjab", "PK"),
    ("Fighting in Tigray displaced thousands, Ethiopia's government said.", "Tigray", "ET"),
])
def test_a_division_ner_reads_as_a_people_or_a_person_is_found(text, name, cc):
    assert _found(text).get(name) == cc


def test_a_union_ner_reads_as_an_organisation_is_found():
    found = {p.span.text: p.name for p in geocode_text("The EU pledged 50 million euros for East Africa.")}
    assert found.get("EU") == "European Union"


def test_the_word_for_a_division_names_the_division_over_a_far_namesake_town():
    places = geocode_text("Rebels killed 12 farmers near a village in Santander department, the army said.",
                          every_mention=False)
    assert [(p.country_code, p.feature) for p in places] == [("CO", "ADM1")]  # not Santander, Spain


@pytest.mark.parametrize("text, name, cc", [
    ("Typhoid cases rose in Lahore and Rawalpindi.", "Rawalpindi", "PK"),  # NER: PERSON
    ("Syrian government forces shelled Idlib and Hama.", "Hama", "SY"),  # NER: ORG; Hamah by its main name
])
def test_a_name_conjoined_to_a_cued_place_shares_its_cue(text, name, cc):
    assert _found(text).get(name) == cc


def test_a_demonym_opening_an_organisations_name_is_a_mention():
    found = {p.span.text: p.country_code for p in geocode_text(
        "An Israeli air strike hit a Gaza hospital on Monday, the Palestinian health ministry said.")}
    assert found.get("Palestinian") == "PS" and found.get("Gaza") == "PS"


def test_given_demonyms_of_states_resolve_to_the_state():
    text = "A Texan, a Floridian and a Vermonter were among the hostages."
    places = resolve_spans(text, spans_of(text, "Texan", "Floridian", "Vermonter"))
    assert [p.name for p in places] == ["Texas", "Florida", "Vermont"]


def test_a_world_city_beats_a_small_home_town_known_by_its_name_only_as_an_old_name():
    text = ("U.S. officials said the State Department will furnish offices for the envoy in Jerusalem and in New "
            "York, where he lives.")
    p = resolve_spans(text, spans_of(text, "Jerusalem"))[0]
    assert p.country_code == "IL"


def test_a_region_after_its_country_in_the_possessive_is_a_place():
    from datetime import date

    from sitrep.ingest.text import document_from_text
    from sitrep.pipeline import extract_document

    text = "ISLAMABAD (AP) - Militants killed 14 pilgrims at a shrine in Pakistan's northern Swat on Friday."
    (event,) = extract_document(document_from_text(text, "x", published=date(2017, 11, 25)))
    assert event.place is not None and event.place.name != "Islamabad"
