"""Scraped text glues sentences without a space ("... the depot.Witnesses said ..."): the splitter ends a sentence
there after a lower-case word, and leaves URLs, paths, e-mail, names and abbreviations whole; spans stay exact."""
from __future__ import annotations

from sitrep.nlp.sentences import split_sentences


def _texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_a_glued_break_after_a_lower_case_word_ends_a_sentence():
    text = "A mortar round struck the depot.Witnesses saw smoke for hours. Was anyone hurt?Nobody knew yet."
    got = split_sentences(text)
    assert [s.text for s in got] == ["A mortar round struck the depot.", "Witnesses saw smoke for hours.",
                                     "Was anyone hurt?", "Nobody knew yet."]
    assert all(text[s.start:s.end] == s.text for s in got)


def test_urls_paths_mail_names_and_abbreviations_stay_whole():
    for text in ("Details were posted at www.relief-fund.org.Donors may write in.",
                 "The form is at /forms/apply.Now open to all.",
                 "Write to desk@paper.News staff will reply.",
                 "The malware Trojan/Locker.B spread fast.",
                 "The file was photo.JPG in the archive.",
                 "Troops left at 6 p.m.Shelling resumed.",
                 "The office is on Elm St.Guards stood by.",
                 "It hit Kyiv.Then it hit more towns."):
        assert _texts(text) == [text], text


def test_a_short_word_before_a_glued_capital_is_not_a_break():
    assert _texts("The app is built on v8.Engines vary.") == ["The app is built on v8.Engines vary."]
