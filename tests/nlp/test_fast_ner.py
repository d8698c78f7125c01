"""The named-entity recogniser with numpy's decoding (``sitrep.nlp.fast_ner``) finds exactly the entities
spaCy's own recogniser finds: on sentences with names, dates, numbers and money next to sentence starts the
parser sets, white space, an entity at the last token, and on documents with preset entities (spaCy's own
decoding then)."""
from __future__ import annotations

import pytest
from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.tokens import Span

from sitrep.nlp.fast_ner import FastEntityRecognizer
from sitrep.nlp.spacy_model import load_spacy

SENTENCES = [
    "Gunmen from the Islamic State killed 12 soldiers near Kirkuk on Tuesday, the Iraqi army said.",
    "President Abdel Fattah el-Sisi met the United Nations envoy in Cairo. He left for Paris.",
    "About $4.5 million was stolen from the Central Bank of Nigeria in Abuja last March",
    "The  New   York Police Department arrested   John Smith Jr. at 3 p.m.\n\nHe was released.",
    "Hamas fired 30 rockets at Sderot; Israel's air force struck Gaza City overnight, killing 4 people.",
    "Lagos",
    "ON 12 JANUARY 1990 FMLN GUERRILLAS ATTACKED THE SAN MIGUEL GARRISON, THE ARMED FORCES REPORTED.",
    "The 2nd Battalion of the Royal Welsh lost its first man in Helmand since 2009.",
    "",
    "  ",
    "Reuters reported that Al-Shabaab claimed the attack on the African Union base in Somalia.",
]
ATTRS = [ENT_IOB, ENT_TYPE, ENT_KB_ID]


def test_the_model_runs_the_numpy_decoding():
    assert isinstance(load_spacy().get_pipe("ner"), FastEntityRecognizer)


@pytest.mark.parametrize("batch_size", [1, 4, 256])
def test_batched_entities_are_spacys(plain, batch_size):
    fast = load_spacy()
    texts = SENTENCES * 3
    for a, b in zip(plain.pipe(texts, batch_size=batch_size), fast.pipe(texts, batch_size=batch_size), strict=True):
        assert a.to_array(ATTRS).tolist() == b.to_array(ATTRS).tolist(), a.text
        assert [(e.start, e.end, e.label_) for e in a.ents] == [(e.start, e.end, e.label_) for e in b.ents]


def test_entities_given_after_the_parse_are_the_same(plain):
    """sitrep parses without the recogniser and names the entities of some sentences later."""
    fast = load_spacy()
    parsed = list(fast.pipe(SENTENCES, disable=["ner"]))
    named = list(fast.get_pipe("ner").pipe(parsed, batch_size=256))
    for a, b in zip(plain.pipe(SENTENCES), named, strict=True):
        assert a.to_array(ATTRS).tolist() == b.to_array(ATTRS).tolist(), a.text


def test_preset_entities_go_through_spacys_own_decoding(plain):
    fast = load_spacy()
    text = "Troops of the 4th Brigade entered Maiduguri on Friday."
    docs = []
    for nlp in (plain, fast):
        doc = nlp(text, disable=["ner"])
        doc.set_ents([Span(doc, 2, 5, label="ORG")], default="unmodified")
        docs.append(nlp.get_pipe("ner")(doc))
    assert docs[0].to_array(ATTRS).tolist() == docs[1].to_array(ATTRS).tolist()
    assert any(e.label_ == "ORG" and e.start == 2 for e in docs[1].ents)


def test_entities_without_the_parse_are_the_same(plain):
    """The gazetteer reads entities of text run through the recogniser alone (no parser: no sentence starts)."""
    fast = load_spacy()
    for text in SENTENCES:
        a = plain(text, disable=[p for p in plain.pipe_names if p not in ("tok2vec", "ner")])
        b = fast(text, disable=[p for p in fast.pipe_names if p not in ("tok2vec", "ner")])
        assert a.to_array(ATTRS).tolist() == b.to_array(ATTRS).tolist(), text
