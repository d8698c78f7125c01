"""Military-target words that name civilian places too (issue 11, session 40): "headquarters", "station" and
"posts" are armed forces' only beside another military word or a military qualifier (events.toml [actors]
military_needs_qualifier). Sentences written for these tests."""
from datetime import date

from sitrep.extract.lexicon import load_lexicon, military_words
from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document

MONDAY = date(2025, 3, 10)


def run(body: str):
    return extract_document(document_from_text("Regional news\n\n" + body, "t", published=MONDAY))


def test_a_civilian_station_or_headquarters_is_no_military_target():
    lex = load_lexicon()
    for words in (["the", "bus", "station"], ["the", "farmers", "party", "headquarters"], ["telephone", "posts"]):
        assert not military_words(lex, words), words


def test_a_military_word_or_qualifier_keeps_them_military():
    lex = load_lexicon()
    for words in (["the", "police", "station"], ["army", "headquarters"], ["the", "air", "force", "headquarters"],
                  ["a", "border", "post"], ["rebel", "positions"]):
        assert military_words(lex, words), words


def test_a_bomb_at_a_party_headquarters_is_no_military_operation():
    events = run("A bomb went off at the regional headquarters of the farmers' party in Kolda on Monday, wrecking "
                 "the front of the building, officials said.")
    assert events, "no event"
    assert not any(e.military for e in events), [(e.roles, e.notes) for e in events]


def test_a_bomb_at_a_police_station_stays_a_military_operation():
    events = run("A bomb went off at the police station in Kolda on Monday, wrecking the front of the building, "
                 "officials said.")
    assert events and all(e.military for e in events), [(e.roles, e.notes) for e in events]
