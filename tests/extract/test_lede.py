"""A wire report's lede (the sentence after its dateline) tells its main event: it is kept by the clause stage in a
report that tells of violence, with its own place and day (extract/clause_model.lede_sentence); a closed compound
of a word for people ("schoolteachers") is a killing's victim (extract/mentions._compound_person)."""
from datetime import date

from sitrep.extract.clause_model import lede_sentence
from sitrep.extract.lexicon import load_lexicon
from sitrep.extract.mentions import _compound_person
from sitrep.ingest.text import document_from_text
from sitrep.nlp import analyze
from sitrep.pipeline import extract_document

WIRE = ("Three teachers shot dead in Garissa\n"
        "NAIROBI, March 4, 2025 (Reuters) - Gunmen killed three Kenyan schoolteachers outside a primary school in "
        "Garissa on Monday morning, police sources said.\n\n"
        "The teachers were walking to their classes when the men opened fire. Nobody said they had done it.\n")


def test_the_lede_is_the_sentence_after_the_dateline():
    analysis = analyze(document_from_text(WIRE, "t", published=date(2025, 3, 4)))
    i = lede_sentence(analysis)
    assert i is not None
    assert analysis.text[analysis.sentences[i].start:].startswith("Gunmen killed three")


def test_no_lede_without_a_dateline():
    text = "Gunmen killed three people in Garissa on Monday, police said. The men fled on foot."
    assert lede_sentence(analysis=analyze(document_from_text(text, "t", published=date(2025, 3, 4)))) is None


def test_a_compound_word_for_people_is_a_victim():
    lex = load_lexicon()
    assert _compound_person("schoolteachers", lex) and _compound_person("crewmember", lex)
    assert not _compound_person("reasons", lex) and not _compound_person("weather", lex)


def test_the_ledes_killing_has_its_own_place_and_day():
    events = extract_document(document_from_text(WIRE, "t", published=date(2025, 3, 4)))
    lede = [e for e in events if e.trigger.text == "killed"]
    assert lede, [e.trigger.text for e in events]
    assert lede[0].place is not None and lede[0].place.name == "Garissa"
    assert lede[0].date == date(2025, 3, 3)  # "Monday" before the Tuesday report
