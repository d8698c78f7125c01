"""The lookup attribute ruler and lemmatizer (``sitrep.nlp.fast_pipes``) annotate exactly as spaCy's own
components do: same POS, tag, dependency, morphology and lemma on every token, on sentences that reach each of
the model's kinds of exception (pronoun case by dependency, 'do' and 'have' as main verbs, 'there is', 'gets' /
'got', white space, 'but' as an adverb, determiners standing alone)."""
from __future__ import annotations

import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, TAG

from sitrep.nlp import fast_pipes
from sitrep.nlp.spacy_model import load_spacy

SENTENCES = [
    "I saw you and you saw me; it hit them, and they told it to us.",
    "She did her homework, had a sandwich and does the dishes every night; they have two trucks.",
    "There is a checkpoint near the bridge and there were three soldiers there.",
    "He gets angry when the convoy got stuck, and it gets worse.",
    "The militants  attacked   the base.\n\nTwo rockets   landed nearby .",
    "Nobody came but the police arrived, all but two of them.",
    "That was the one that exploded; this is what they fired, and those were seized.",
    "Gunmen ambushed a bus on the Kabul-Jalalabad road, killing 12 passengers and wounding 20 others.",
    "The buildings were bombed, shelled and burned; villagers fled their homes in haste.",
    "Did they ever find out who had planted the bombs?",
    "It's over, isn't it? We'd better go, you'd said.",
    "EX-MINISTER'S CONVOY HIT BY IED IN NORTHERN DISTRICT",
    "",
    "   ",
]
ATTRS = [ORTH, POS, TAG, DEP, HEAD, MORPH, LEMMA, ENT_TYPE, ENT_IOB]


def test_the_model_runs_the_lookup_components():
    nlp = load_spacy()
    assert isinstance(nlp.get_pipe("attribute_ruler"), fast_pipes.FastAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), fast_pipes.LemmaCache)
    assert nlp.pipe_names == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]


def test_batched_annotations_are_spacys(plain):
    fast = load_spacy()
    for a, b in zip(plain.pipe(SENTENCES * 2), fast.pipe(SENTENCES * 2), strict=True):
        assert a.to_array(ATTRS).tolist() == b.to_array(ATTRS).tolist(), a.text
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]


def test_one_document_at_a_time_is_the_same(plain):
    fast = load_spacy()
    for text in SENTENCES:
        assert plain(text).to_array(ATTRS).tolist() == fast(text).to_array(ATTRS).tolist(), text


def test_patterns_it_cannot_read_leave_spacys_component(plain):
    nlp = spacy.load(plain.meta["lang"] + "_" + plain.meta["name"])
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "blast", "OP": "+"}]], {"POS": "NOUN"})
    assert fast_pipes.install(nlp) == ["lemmatizer", "ner", "parser"]
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
    assert [t.pos_ for t in nlp("the blast blast")] == [t.pos_ for t in plain("the blast blast")]
