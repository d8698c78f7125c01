"""Headlines as outlets write them (issue 11: the sealed headlines come in Title Case, ALL CAPS, with an outlet's
name and labels around them): the same event, country and place as the plain headline. Each headline is written
for this test."""
from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract.headline import affix_spans
from sitrep.ingest.text import document_from_text
from sitrep.nlp.truecase import truecase, truecase_title
from sitrep.pipeline import extract_document

DAY = date(2024, 5, 14)


def headline(text: str):
    return extract_document(document_from_text(text, "h", title=text, published=DAY))


def cut(title: str) -> list[str]:
    return [title[a:b] for a, b in affix_spans(title)]


def test_an_outlets_name_after_the_headline_is_cut():
    assert cut("Car bomb kills six near Mosul market - Reuters") == [" - Reuters"]
    assert cut("Militants storm police post in Zhob | Al Jazeera") == [" | Al Jazeera"]
    assert cut("Drone hits fuel depot outside Kursk - The Moscow Times") == [" - The Moscow Times"]
    assert cut("Gunmen abduct 12 farmers in Zamfara : Premium Times Nigeria") == [" : Premium Times Nigeria"]


def test_labels_before_and_tags_after_are_cut():
    assert cut("UPDATE 3-Shelling kills two in Kherson suburb") == ["UPDATE 3-"]
    assert cut("BREAKING: Suicide bomber hits checkpoint in Kandahar...") == ["BREAKING: ", "..."]
    assert cut("Live updates: Airstrike flattens clinic in Khan Younis (VIDEO)") == ["Live updates: ", " (VIDEO)"]


def test_a_source_named_after_the_headline_stays():
    assert cut("Three soldiers killed in shelling near Avdiivka - army spokesman") == []
    assert cut("Five killed in clash over farmland: police") == []
    assert cut("WATCH: Protest") == []  # what is left would be no headline


@pytest.mark.parametrize("dressed", [
    "Rocket attack hits army base near Kirkuk, two soldiers wounded - The New York Times",
    "Rocket Attack Hits Army Base Near Kirkuk, Two Soldiers Wounded",
    "ROCKET ATTACK HITS ARMY BASE NEAR KIRKUK, TWO SOLDIERS WOUNDED",
    "BREAKING: Rocket attack hits army base near Kirkuk, two soldiers wounded | Times of Israel",
])
def test_the_dressed_headline_keeps_its_event_and_country(dressed):
    events = headline(dressed)
    assert events and {e.place.country_code for e in events if e.place} == {"IQ"}


def test_a_headline_in_capitals_keeps_its_names():
    assert truecase("US-LED STRIKES ON SYRIA'S RAQQA KILL 11 PALESTINIANS", title=True) == \
        "US-led strikes on Syria's Raqqa kill 11 Palestinians"
    assert truecase("LET US MOURN THE DEAD", title=True) == "Let us mourn the dead"


@pytest.mark.parametrize("plain, country", [
    ("Somali troops kill 12 militants in raid", "SO"),  # the actor's nationality
    ("Gunmen kill 10 in northeastern Kenyan town", "KE"),  # the place's
    ("Bomb hits Turkish army convoy, three soldiers hurt", "TR"),
])
def test_a_headline_in_capitals_names_the_country_its_plain_form_names(plain, country):
    for form in (plain, plain.upper()):
        assert {e.place.country_code for e in headline(form) if e.place} == {country}, form


def test_a_short_title_line_in_capitals_is_read_as_a_headline():
    # under 20 letters: read as written before, so no name of it was found
    assert {e.place.country_code for e in headline("BLAST KILLS 3 IN MOMBASA") if e.place} == {"KE"}


def test_a_division_named_by_a_dictionary_word_keeps_its_capital_in_a_capitals_headline():
    for title in ("CATTLE RAIDERS KILL 14 IN LAKES", "GUNMEN KILL 5 IN FRESH UNITY ATTACK"):
        doc = document_from_text(title, "h", title=title, published=DAY)
        assert truecase_title(doc) in ("Cattle raiders kill 14 in Lakes", "Gunmen kill 5 in fresh Unity attack")


def test_a_label_in_capitals_is_the_place_its_plain_form_labels():
    # "DELTA -" reads as a dateline; the name alone is Delta, British Columbia, the label the division
    plain = "Delta - Gunmen kill 3 policemen at checkpoint"
    got = [{(e.place.country_code, e.place.name) for e in headline(h) if e.place} for h in (plain, plain.upper())]
    assert got[0] == got[1] and len(got[0]) == 1


def test_a_headline_that_counts_its_dead_is_one_event_whatever_counts_the_attacks():
    assert len(headline("Multiple car bombs kill nine near Kirkuk checkpoint")) == 1
    assert len(headline("Raiders kill 14 farmers in series of night attacks on villages")) >= 1
    assert not headline("Militias threaten to kill 20 hostages in the capital")


def test_a_bad_affix_rule_names_its_file_and_line(tmp_path):
    from sitrep.errors import E403_KNOWLEDGE_ENTRY, KnowledgeError
    from sitrep.knowledge import Knowledge, use_knowledge

    (tmp_path / "headline_affixes.txt").write_text("# rules\nsuffix \\s+-\\s+Reuters\nsuffix (unclosed\n",
                                                   encoding="utf-8")
    with use_knowledge(Knowledge(tmp_path)), pytest.raises(KnowledgeError) as err:
        affix_spans("Car bomb kills six near Mosul market - Reuters")
    assert err.value.code == E403_KNOWLEDGE_ENTRY and "headline_affixes.txt:3" in str(err.value)


def test_quote_marks_around_words_of_a_headline_are_blanked_for_the_parser():
    from sitrep.extract.headline import quote_marks

    title = "Rebels 'slaughter' villagers in Kara's market"
    assert [title[a:b] for a, b in quote_marks(title)] == ["'", "'"]  # the possessive's apostrophe opens nothing
    assert len(headline("Rebel fighter 'kills several' at village market")) == 1
    assert len(headline("Two 'bombers' shot dead at checkpoint in Kara")) == 1
