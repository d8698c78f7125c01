"""A place name the text continues with an Arabic article and a hyphen ("Bir" of "Bir al-Hamra") is the first word of
a longer name that NER cut short: it has no reading of its own, so it cannot become a namesake abroad (Bir -> Beed,
India). The article list and its count are in ``geo_cues.toml`` ``[place] name_articles``."""
from __future__ import annotations

from dataclasses import dataclass

from sitrep.resolve import place as P


@dataclass
class _Ent:
    label_: str
    start_char: int
    end_char: int


def _places(text: str, name: str):
    start = text.index(name)
    return P.geocode_text(text, ents=[_Ent("GPE", start, start + len(name))], include_abstentions=True)


def test_a_cut_name_before_an_article_and_hyphen_has_no_reading():
    text = "Gunmen stormed a mosque in Bir al-Hamra on Friday, killing twelve worshippers, officials said."
    assert not [p for p in _places(text, "Bir") if p.span.text == "Bir"]


def test_the_same_word_standing_alone_keeps_its_reading():
    text = "Gunmen stormed a mosque in Bir on Friday, killing twelve worshippers, officials said."
    assert [p for p in _places(text, "Bir") if p.span.text == "Bir"]


def test_a_hyphen_without_an_article_is_no_continuation():
    text = "Trains between Badia and Pisa-Centrale were cancelled on Monday."
    assert P.load_cues().name_continues.match(text, text.index(" and")) is None
    assert P.load_cues().name_continues.match("Badia al-Sham", len("Badia"))
