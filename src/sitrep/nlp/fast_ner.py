"""spaCy-sm's named-entity recogniser with its step-by-step decoding done by numpy: the same entities, a third
of the time.

spaCy's NER reads a sentence one token at a time (the BILUO moves: begin, in, last, unit, out), scoring each
move from three precomputed token vectors. Its compiled loop is cheap in itself, but the spaCy build installed
here takes and releases the GIL inside every state query (``StateC.B``, ``safe_get``: perf counts 40% of the
NER's time in ``take_gil`` / ``drop_gil`` under ``set_valid``), which made the loop over twice the cost of the
model's token vectors. Here the model's own layers still compute the token vectors and the precomputed hidden
features (``tok2vec``, ``lower``: the same calls on the same batches as spaCy's ``Parser.pipe``: batches of
``batch_size``, sorted by length, in quarters); the step loop runs over all the sentences of a quarter at once
in numpy, with the same arithmetic in the same order:

- the hidden layer: the three features' precomputed vectors summed in feature order onto zero (the padding
  vector where a feature has no token), plus the bias, then the maximum of each unit's pieces;
- the scores: the output layer's product by BLIS, the library and routine spaCy's loop calls (``blis.py.gemm``:
  every score is the same float), plus the bias;
- the move: the best-scoring valid move, the first on a tie, with spaCy's validity rules for a document without
  preset entities (no entity across a sentence start the parser set, none begun or made a unit on white space,
  begin and in only with a token after).

A batch the rules here do not cover (a token with a preset entity, a model with unseen classes, another feature
set) goes through spaCy's own decoding. ``tests/nlp/test_fast_ner.py`` and ``benchmarks/extract_throughput.py
--compare`` compare every token's entity annotation with spaCy's own pipeline.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import blis.py
import numpy
from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
from spacy.tokens import Span
from spacy.util import minibatch

from sitrep.nlp.fast_pipes import Unsupported

_BEGIN, _IN, _LAST, _UNIT, _OUT = range(5)
_KIND = {"B": _BEGIN, "I": _IN, "L": _LAST, "U": _UNIT}


def greedy_layers(component, n_features: int, what: str) -> tuple:
    """The token-vector, precomputed-hidden and output layers of a greedy transition component (spaCy's
    ``EntityRecognizer``, ``DependencyParser``) whose model reads ``n_features`` state features; ``Unsupported``
    for a model with unseen classes, without its output layer, with other state features or with a beam."""
    model = component.model
    if model.attrs.get("unseen_classes") or not model.attrs.get("has_upper") or len(model.layers) != 3:
        raise Unsupported(f"{what} with unseen classes or without its output layer")
    tok2vec, lower, upper = model.layers
    if lower.get_dim("nF") != n_features or component.cfg.get("beam_width", 1) != 1:
        raise Unsupported(f"{what} with other state features or a beam")
    return tok2vec, lower, upper


def move_scores(summed: numpy.ndarray, bias: numpy.ndarray, weights: numpy.ndarray, out_bias: numpy.ndarray,
                n_pieces: int) -> numpy.ndarray:
    """The moves' scores of a batch of states, with the arithmetic of spaCy's ``predict_states``: the features'
    precomputed vectors ``summed`` (states, hidden * pieces, already added in feature order onto zero) plus the
    hidden bias, the maximum of each unit's pieces, the output layer's product by BLIS's ``gemm`` (the routine
    spaCy's loop calls), its bias. ``summed`` is changed in place."""
    summed += bias
    n_hidden = summed.shape[1] // n_pieces
    hidden = numpy.maximum(summed[:, 0::2], summed[:, 1::2]) if n_pieces == 2 else \
        summed.reshape(len(summed), n_hidden, n_pieces).max(axis=2)
    scores = blis.py.gemm(numpy.ascontiguousarray(hidden, dtype="float32"), weights, trans2=True, beta=0.0)
    scores += out_bias
    return scores


class FastEntityRecognizer:
    """Pipeline component: spaCy's ``EntityRecognizer`` (``original``) with its greedy decoding in numpy."""

    def __init__(self, ner) -> None:
        self.original = ner
        self.tok2vec, self.lower, self.upper = greedy_layers(ner, 3, "an NER model")
        if getattr(ner, "postprocesses", []):
            raise Unsupported("an NER model with post-processing")
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        kinds, labels = [], []
        for name in names:
            if name == "O":
                kinds.append(_OUT)
                labels.append("")
            elif name[:2] in ("B-", "I-", "L-", "U-"):
                kinds.append(_KIND[name[0]])
                labels.append(name[2:])
            else:
                raise Unsupported(f"move {name!r}")
        self.kinds = numpy.array(kinds)
        self.labels = labels
        label_ids = {lab: k for k, lab in enumerate(dict.fromkeys(labels))}
        self.label_of = numpy.array([label_ids[lab] for lab in labels])  # a move's label as a small number
        self.label_names = list(label_ids)
        named = numpy.array([lab != "" for lab in labels])
        self.kind_is = {k: (self.kinds == k) & (named | (k == _OUT)) for k in range(5)}

    def __call__(self, doc):
        self._annotate([doc])
        return doc

    def pipe(self, docs: Iterable, batch_size: int = 256) -> Iterator:
        for batch in minibatch(docs, size=batch_size):  # as spaCy's Parser.pipe batches, sorts and splits
            by_length = sorted(batch, key=len)
            for part in minibatch(by_length, size=max(batch_size // 4, 2)):
                self._annotate(list(part))
            yield from batch

    def _annotate(self, docs: list) -> None:
        if any(d.to_array(ENT_IOB).any() for d in docs):  # preset entities: spaCy's own rules
            self.original.set_annotations(docs, self.original.predict(docs))
            return
        spans = self._decode(docs) if any(len(d) for d in docs) else [[] for _ in docs]
        for doc, ents in zip(docs, spans, strict=True):
            doc.set_ents([Span(doc, s, e, label=self.label_names[lab]) for s, e, lab in ents], default="outside")

    def _decode(self, docs: list) -> list[list[tuple[int, int, int]]]:
        """Each document's entities (start, end, label number), by spaCy's greedy decoding of this batch."""
        tokvecs = self.tok2vec.predict(docs)
        cached = self.lower.predict(tokvecs)  # (1 + tokens, 3 features, hidden, pieces); row 0 the padding
        n_feat, n_hidden, n_pieces = cached.shape[1:]
        cached = cached.reshape(cached.shape[0], n_feat, n_hidden * n_pieces)
        bias = self.lower.get_param("b").reshape(-1)
        weights, out_bias = self.upper.get_param("W"), self.upper.get_param("b")
        lengths = numpy.array([len(d) for d in docs])
        offsets = numpy.concatenate(([0], numpy.cumsum(lengths)[:-1]))
        space = numpy.concatenate([d.to_array(IS_SPACE) for d in docs] + [numpy.zeros(1, dtype="uint64")]) != 0
        starts = numpy.concatenate([d.to_array(SENT_START) for d in docs] + [numpy.zeros(1, dtype="int64")]) == 1
        open_start = numpy.full(len(docs), -1)  # the first token of each document's open entity, or -1
        open_label = numpy.full(len(docs), -1)
        found: list[list[tuple[int, int, int]]] = [[] for _ in docs]
        for t in range(int(lengths.max())):
            live = numpy.flatnonzero(lengths > t)
            b0 = offsets[live] + t
            is_open = open_start[live] >= 0
            first = numpy.where(is_open, offsets[live] + open_start[live], -1)
            before = numpy.where(is_open, b0 - 1, -1)
            hidden = cached[b0 + 1, 0] + cached[first + 1, 1]  # a missing feature (-1) reads the padding, row 0
            hidden += cached[before + 1, 2]
            scores = move_scores(hidden, bias, weights, out_bias, n_pieces)
            valid = self._valid(is_open, open_label[live], lengths[live] - t >= 2, space[b0], starts[b0 + 1])
            if numpy.isnan(scores).any():
                raise FloatingPointError("NaN scores")
            move = numpy.where(valid, scores, -numpy.inf).argmax(axis=1)
            self._apply(live, move, t, open_start, open_label, found)
        return found

    def _valid(self, is_open, label, two_left, space, next_starts):
        """(states, moves): spaCy's BiluoPushDown validity without preset entities."""
        k, same = self.kind_is, label[:, None] == self.label_of[None, :]
        closed = ~is_open[:, None]
        can_begin = (closed & two_left[:, None] & ~next_starts[:, None] & ~space[:, None]) & k[_BEGIN]
        go_on = (is_open & two_left & ~next_starts)[:, None] & same & k[_IN]
        last = is_open[:, None] & same & k[_LAST]
        unit = (closed & ~space[:, None]) & k[_UNIT]
        return can_begin | go_on | last | unit | (closed & k[_OUT])

    def _apply(self, live, move, t, open_start, open_label, found) -> None:
        kinds, labels = self.kinds[move], self.label_of[move]
        for j in numpy.flatnonzero(kinds != _OUT).tolist():
            d, kind, label = int(live[j]), kinds[j], int(labels[j])
            if kind == _BEGIN:
                open_start[d], open_label[d] = t, label
            elif kind == _LAST:
                found[d].append((int(open_start[d]), t + 1, label))
                open_start[d] = open_label[d] = -1
            elif kind == _UNIT:
                found[d].append((t, t + 1, label))
