"""sitrep's inference operations (``sitrep.nlp.fast_ops``) give the very floats thinc's own compiled ones give:
the window columns, maxout and hash-embedding sums, on random arrays and on the token vectors of both of the
model's token-vector layers (the tagger and parser's, the entity recogniser's) for sentences of our own."""
from __future__ import annotations

import numpy
import pytest
from thinc.api import NumpyOps

from sitrep.nlp.fast_ops import InferenceOps
from sitrep.nlp.spacy_model import load_spacy

SENTENCES = [
    "Gunmen on motorbikes opened fire on a crowded market in the north of the province on Friday, police said.",
    "The convoy was hit.",
    "A car bomb exploded outside the ministry; two guards were wounded and a third is missing.",
    "Officials denied that the airstrike on the hospital had killed any civilians.",
    "x",
]


@pytest.fixture(scope="module")
def arrays():
    rng = numpy.random.default_rng(38)
    return rng.standard_normal((37, 96)).astype("float32"), rng.standard_normal((37, 96, 3)).astype("float32")


def test_window_columns_are_thincs(arrays):
    seq, _ = arrays
    for rows in (seq, seq[:1], seq[:2]):
        assert numpy.array_equal(InferenceOps().seq2col(rows, 1), NumpyOps().seq2col(rows, 1))


def test_maxout_is_thincs_and_keeps_no_pieces(arrays):
    _, pieces = arrays
    for p in (2, 3):
        best, which = InferenceOps().maxout(numpy.ascontiguousarray(pieces[:, :, :p]))
        assert numpy.array_equal(best, NumpyOps().maxout(numpy.ascontiguousarray(pieces[:, :, :p]))[0])
        assert which is None
    with pytest.raises(NotImplementedError):
        InferenceOps().backprop_maxout(best, which, 3)


def test_hash_embedding_sums_are_thincs(arrays):
    table, _ = arrays
    ids = numpy.random.default_rng(7).integers(0, len(table), size=(50, 4)).astype("uint32")  # as a hash embedding's keys
    assert numpy.array_equal(InferenceOps().gather_add(table, ids), NumpyOps().gather_add(table, ids))


def test_token_vectors_are_the_same_floats():
    nlp = load_spacy()
    docs = [nlp.make_doc(s) for s in SENTENCES]
    for model in (nlp.get_pipe("tok2vec").model, nlp.get_pipe("ner").tok2vec):
        layers = list(model.walk())
        kept = [layer.ops for layer in layers]
        assert any(isinstance(ops, InferenceOps) for ops in kept)  # load_spacy installs them
        try:
            ours = model.predict(docs)
            for layer in layers:
                layer.ops = NumpyOps(use_blis=False)
            theirs = model.predict(docs)
        finally:
            for layer, ops in zip(layers, kept, strict=True):
                layer.ops = ops
        assert all(numpy.array_equal(a, b) for a, b in zip(ours, theirs, strict=True))
