"""The dependency parser with numpy's decoding (``sitrep.nlp.fast_parser``) annotates exactly as spaCy's own parser:
the same serialised document (heads, labels, sentence starts, children, edges) on sentences with several sentences
in one text, white space, lifted (non-projective) arcs, questions, lists and headlines, on empty texts, on
documents with sentence starts set before the parse, and through spaCy's own decoding when a state leaves the
rules it follows."""
from __future__ import annotations

import numpy
import pytest

from sitrep.nlp import fast_parser
from sitrep.nlp.fast_parser import FastDependencyParser
from sitrep.nlp.spacy_model import load_spacy

SENTENCES = [
    "Gunmen from a breakaway faction killed 12 soldiers near the border on Tuesday, the army said.",
    "The convoy was hit. Two trucks burned.  Nobody was hurt, officials said on Friday.",
    "Which village did the rebels say they had burned before the troops arrived?",
    "A man whom police later identified as the driver was arrested, and the car, which carried explosives, was seized.",
    "Rockets, mortars and at least one drone struck the airport, the port and a fuel depot overnight",
    "REBELS   STORM   GARRISON\n\nTWO DEAD",
    "Police said the bomb , which went off at 9 a.m. , had been hidden in a bag ; three people died .",
    "Lagos",
    "",
    "   ",
    "He said that he saw what happened when the shooting started and that he ran, though nobody believed him.",
    "The ministry, citing witnesses who asked not to be named because they feared reprisals, said 40 were killed.",
]


def _tagged(texts):
    return list(load_spacy().pipe(texts, disable=["parser", "attribute_ruler", "lemmatizer", "ner"]))


def _both(docs, batch_size=256):
    fast = load_spacy().get_pipe("parser")
    out = []
    for parser in (fast.original, fast):
        copies = [d.copy() for d in docs]
        out.append([d.to_bytes(exclude=["user_data"]) for d in parser.pipe(copies, batch_size=batch_size)])
    return out


def test_the_model_runs_the_numpy_decoding():
    assert isinstance(load_spacy().get_pipe("parser"), FastDependencyParser)


@pytest.mark.parametrize("batch_size", [1, 4, 256])
def test_batched_parses_are_spacys(batch_size):
    spacys, numpys = _both(_tagged(SENTENCES * 3), batch_size)
    assert spacys == numpys


def test_one_document_at_a_time_is_spacys():
    fast = load_spacy().get_pipe("parser")
    for doc in _tagged(SENTENCES):
        a, b = doc.copy(), doc.copy()
        fast.original(a)
        fast(b)
        assert a.to_bytes() == b.to_bytes(), doc.text


def test_sentence_starts_set_before_the_parse():
    """A word that may not start a sentence, and one that must (spaCy reads both in its validity rules)."""
    docs = _tagged(["The army said the rebels fled. They left the town at dawn and burned the bridge."] * 2)
    docs[0][7].is_sent_start = False  # "They"
    docs[1][3].is_sent_start = True  # "the rebels ..."
    spacys, numpys = _both(docs)
    assert spacys == numpys


def test_the_whole_pipeline_is_spacys(plain):
    from spacy.attrs import DEP, HEAD, SENT_START

    for a, b in zip(plain.pipe(SENTENCES), load_spacy().pipe(SENTENCES), strict=True):
        assert a.to_array([HEAD, DEP, SENT_START]).tolist() == b.to_array([HEAD, DEP, SENT_START]).tolist(), a.text


def test_lifted_arcs_are_deprojectivized():
    """spaCy's parser marks a lifted arc 'label||head label' and its post-processing moves it back: the labels
    left are the plain ones."""
    docs = [load_spacy()(t) for t in SENTENCES]
    assert all("||" not in t.dep_ for d in docs for t in d)


def test_a_state_outside_the_rules_goes_through_spacys_decoding(monkeypatch):
    def refuse(*args, **kwargs):
        raise fast_parser._Fallback("test")

    docs = _tagged(SENTENCES)
    expected = _both(docs)[0]
    monkeypatch.setattr(fast_parser._States, "valid", refuse)
    copies = [d.copy() for d in docs]
    got = [d.to_bytes(exclude=["user_data"]) for d in load_spacy().get_pipe("parser").pipe(copies)]
    assert got == expected


def test_an_arc_removed_inside_a_child_list_is_refused():
    """spaCy's ``map_del_arc`` removes only the last arc of a list (its other branch edits a copy): this decoding
    follows only that case."""
    state = fast_parser._States(_tagged(["Troops shelled the town"]))
    state._add_arcs(numpy.array([1]), numpy.array([2]), numpy.array([7], dtype="uint64"))
    state._add_arcs(numpy.array([1]), numpy.array([3]), numpy.array([7], dtype="uint64"))
    with pytest.raises(fast_parser._Fallback):
        state._add_arcs(numpy.array([3]), numpy.array([2]), numpy.array([7], dtype="uint64"))
    state._add_arcs(numpy.array([0]), numpy.array([3]), numpy.array([7], dtype="uint64"))  # the last: removed
    assert state.kids[1 + state.none + 1] == 2  # word 1's last right child is 2 again
