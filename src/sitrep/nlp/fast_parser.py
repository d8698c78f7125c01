"""spaCy-sm's dependency parser with its step-by-step decoding done by numpy: the same heads, labels and sentence
starts, in less time.

spaCy's parser reads a sentence with the arc-eager moves (shift, reduce, left arc, right arc, break), scoring each
move from eight precomputed token vectors (the buffer's first two words, the stack's top three, the first
word's and the top's last-attached left child, the top's last-attached right child). As for the entity recogniser
(``sitrep.nlp.fast_ner``), the spaCy build installed here takes and drops the GIL inside every state query of its
compiled loop, which made the loop cost more than the model's layers. Here the model's own layers compute the
token vectors and the precomputed hidden features (the same calls on the same batches as spaCy's
``Parser.pipe``: batches of ``batch_size``, sorted by length, in quarters); the step loop runs over all the
sentences of a batch at once in numpy (its four quarters together: a quarter of the steps, each over more
states, the cheaper way in numpy), with the arithmetic of spaCy's ``predict_states`` in the same order (the
features' vectors summed in feature order onto zero, the bias, the maximum of each unit's pieces, the output
layer's product by BLIS's ``gemm`` as spaCy's loop calls it, its bias) and the moves, validity rules and state of
``arc_eager.pyx`` and ``_state.pxd``:

- a state is its stack, the words put back on the buffer by a reduce of a word without a head (``unshift``;
  such a word may not be shifted again until a left arc from it), the next unread word, each word's head, the
  last-attached left and right child of each word (a child list kept as a linked stack: spaCy removes an arc
  only from the end of its list), and the sentence starts the parser set;
- shift: valid on an empty stack, otherwise with two words left in the buffer, the first neither a sentence
  start nor put back; reduce: with a stack, not with one word on it whose next word cannot start a sentence;
  left and right arc: with a stack and a buffer, the buffer's first word no sentence start; break: the buffer's
  second word next to its first, not a sentence start already, and allowed to be one;
- the move is the best-scoring valid one, the first on a tie; the annotation is spaCy's: each arc's head and
  label, ``ROOT`` on the words without a head, then the children, edges and sentence starts from the heads
  (``Doc.from_array``) and the parser's post-processing (``deprojectivize``).

A batch the rules here do not cover (no valid move for a state, a score not a finite number, an arc removed from
inside a child list) goes through spaCy's own decoding; a model they do not cover (unseen classes, subtoken
labels, another feature set, a beam) keeps spaCy's parser.
``tests/nlp/test_fast_parser.py`` and ``scripts/parser_identity.py`` compare every token's annotation with spaCy's
own parser.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy
from spacy.attrs import DEP, HEAD, SENT_START
from spacy.util import minibatch

from sitrep.nlp.fast_ner import greedy_layers, move_scores
from sitrep.nlp.fast_pipes import Unsupported

_SHIFT, _REDUCE, _LEFT, _RIGHT, _BREAK = range(5)
_KIND = {"S": _SHIFT, "D": _REDUCE, "L": _LEFT, "R": _RIGHT, "B": _BREAK}


class _Fallback(Exception):
    """A state this decoding does not follow exactly: the batch goes through spaCy's own decoding."""


class FastDependencyParser:
    """Pipeline component: spaCy's ``DependencyParser`` (``original``) with its greedy decoding in numpy."""

    def __init__(self, parser) -> None:
        self.original = parser
        self.tok2vec, self.lower, self.upper = greedy_layers(parser, 8, "a parser model")
        strings = parser.vocab.strings
        kinds, labels = [], []
        for i in range(parser.moves.n_moves):
            name = parser.moves.get_class_name(i)
            move, _, label = name.partition("-")
            if move not in _KIND or label == "subtok" or (move in "LR" and not label):
                raise Unsupported(f"move {name!r}")
            kinds.append(_KIND[move])
            labels.append(strings.add(label) if move in "LR" else 0)
        self.kinds = numpy.array(kinds)
        self.labels = numpy.array(labels, dtype="uint64")
        self.root = strings.add("ROOT")
        if parser.moves.root_label != self.root:
            raise Unsupported("a parser whose root label is not ROOT")

    def __call__(self, doc):
        self._annotate([[doc]])
        return doc

    def pipe(self, docs: Iterable, batch_size: int = 256) -> Iterator:
        for batch in minibatch(docs, size=batch_size):  # as spaCy's Parser.pipe batches, sorts and splits
            by_length = sorted(batch, key=len)
            self._annotate([list(part) for part in minibatch(by_length, size=max(batch_size // 4, 2))])
            yield from batch

    def _annotate(self, parts: list[list]) -> None:
        """Parse the documents of ``parts`` (spaCy's batches of its model's layers), all of them decoded together."""
        docs = [d for part in parts for d in part]
        try:
            parses = self._decode(parts) if any(len(d) for d in docs) else None
        except _Fallback:
            for part in parts:
                self.original.set_annotations(part, self.original.predict(part))
            return
        for k, doc in enumerate(docs):
            if parses is not None and len(doc):
                values = doc.to_array([HEAD, DEP])
                heads, labels = parses[k]
                has = heads >= 0
                values[has, 0] = (heads[has] - numpy.flatnonzero(has)).astype("uint64")  # relative, as spaCy's
                values[has, 1] = labels[has]
                values[values[:, 0] == 0, 1] = self.root
                doc.from_array([HEAD, DEP], values)
            for hook in self.original.postprocesses:
                hook(doc)

    def _decode(self, parts: list[list]) -> list[tuple[numpy.ndarray, numpy.ndarray]]:
        """Each document's heads (its own token indices; -1 for none) and arc labels, by spaCy's greedy decoding."""
        docs = [d for part in parts for d in part]
        # (1 + tokens, 8 features, hidden, pieces) of each part; row 0 the padding (a parameter: the same in each)
        layers = [self.lower.predict(self.tok2vec.predict(part)) for part in parts if any(len(d) for d in part)]
        cached = numpy.concatenate([layers[0][:1]] + [c[1:] for c in layers]) if len(layers) > 1 else layers[0]
        del layers  # 4 KB a word: the batch's one copy only
        n_feat, n_hidden, n_pieces = cached.shape[1:]
        rows = cached.reshape(-1, n_hidden * n_pieces)  # row (1 + word) * 8 + feature; rows 0-7 the padding's
        bias = self.lower.get_param("b").reshape(-1)
        weights, out_bias = self.upper.get_param("W"), self.upper.get_param("b")
        state = _States(docs)
        feature = numpy.arange(n_feat) + n_feat  # no word (the number of words) wraps round to the padding
        while state.drop_finished():
            ids = state.features()
            vectors = rows.take(ids * n_feat + feature, axis=0, mode="wrap")  # (states, 8, hidden * pieces)
            hidden = vectors[:, 0] + vectors[:, 1]  # onto zero in feature order, as spaCy's saxpy calls
            for f in range(2, n_feat):
                hidden += vectors[:, f]
            scores = move_scores(hidden, bias, weights, out_bias, n_pieces)
            if not numpy.isfinite(scores.sum()):
                raise _Fallback("a score that is not a number")
            valid = state.valid(ids).take(self.kinds, axis=1)
            move = numpy.where(valid, scores, -numpy.inf).argmax(axis=1)
            if not valid[numpy.arange(len(ids)), move].all():
                raise _Fallback("a state with no valid move")  # spaCy then forces it final
            state.apply(ids, self.kinds.take(move), self.labels.take(move))
        return state.parses()


class _States:
    """The arc-eager states of a batch of documents (``_state.pxd``'s ``StateC``), word positions counted over the
    batch (the token vectors' rows); ``none`` (the number of words) is no word, and each per-word array has an
    entry for it that is never written. The per-state arrays hold the states not final yet, in document order."""

    def __init__(self, docs: list) -> None:
        lengths = numpy.array([len(d) for d in docs], dtype="int64")
        self.doc_end = numpy.cumsum(lengths)
        self.doc_start = self.doc_end - lengths
        n = self.none = int(self.doc_end[-1])
        width = int(lengths.max()) + 4  # a stack: three slots of no word under it (S1, S2 of a short stack)
        preset = numpy.concatenate([d.to_array(SENT_START).astype("int64") for d in docs] + [numpy.zeros(1, "int64")])
        self.can_start = preset != -1  # a word the document says cannot start a sentence
        self.starts = preset == 1  # sentence starts, preset and set by the parser
        self.stack = numpy.full(len(docs) * width, n)  # state d's from d * width + 3, bottom first
        self.base = numpy.arange(len(docs)) * width + 2  # + depth: the top's slot
        self.depth = numpy.zeros(len(docs), dtype="int64")
        self.rebuffer = numpy.zeros(len(docs) * width, dtype="int64")  # the words put back, last on top
        self.n_back = numpy.zeros(len(docs), dtype="int64")
        self.any_back = 0  # words put back, over all states
        self.next = self.doc_start.copy()  # the first word not read yet
        self.end = self.doc_end.copy()
        self.heads = numpy.full(n + 1, n)
        self.labels = numpy.zeros(n + 1, dtype="uint64")
        self.put_back = numpy.zeros(n + 1, dtype=bool)  # unshiftable
        self.kids = numpy.full(2 * (n + 1), n)  # word w's last-attached left child at w, right child at n + 1 + w
        self.before = numpy.full(n + 1, n)  # the child attached to the same head on the same side before this one

    def drop_finished(self) -> int:
        """Keep the states not final (a stack or a buffer left); how many."""
        going = (self.depth > 0) | (self.next < self.end)
        if self.any_back:
            going |= self.n_back > 0
        if not going.all():
            self.base, self.depth, self.n_back, self.next, self.end = (
                a[going] for a in (self.base, self.depth, self.n_back, self.next, self.end))
        return len(self.depth)

    def features(self) -> numpy.ndarray:
        """(states, 8): B0, B1, S0, S1, S2, L(B0), L(S0), R(S0), as ``set_context_tokens`` with 8 features: B(i)
        the put-back words first (the last put back first), then the words not read yet."""
        n = self.none
        tops = self.stack.take((self.base + self.depth)[:, None] - _ZERO_ONE_TWO)
        ahead = self.next[:, None] + _ZERO_ONE
        if self.any_back:
            back = self.n_back[:, None]
            put = self.rebuffer.take(self.base[:, None] + numpy.maximum(back - 1 - _ZERO_ONE, 0))
            ahead -= back
            buffer = numpy.where(_ZERO_ONE < back, put, numpy.where(ahead < self.end[:, None], ahead, n))
        else:
            buffer = numpy.where(ahead < self.end[:, None], ahead, n)
        kids = self.kids.take(numpy.concatenate([buffer[:, :1], tops[:, :1], tops[:, :1] + n + 1], axis=1))
        return numpy.concatenate([buffer, tops, kids], axis=1)

    def valid(self, ids: numpy.ndarray) -> numpy.ndarray:
        """(states, 5 kinds of move): ``ArcEager.set_valid`` without subtoken labels."""
        b0, b1 = ids[:, 0], ids[:, 1]
        depth = self.depth
        buffered = self.end - self.next
        if self.any_back:
            buffered += self.n_back
        b0_start = self.starts.take(b0)
        stack = depth > 0
        two = buffered >= 2
        shift = ~stack | (two & ~b0_start & ~self.put_back.take(b0))
        reduce = stack & ((buffered == 0) | (depth != 1) | self.can_start.take(b0))
        arc = stack & (buffered > 0) & ~b0_start
        split = two & (b1 == b0 + 1) & ~self.starts.take(b1) & self.can_start.take(b1)
        return numpy.stack([shift, reduce, arc, arc, split], axis=1)

    def apply(self, ids: numpy.ndarray, kinds: numpy.ndarray, labels: numpy.ndarray) -> None:
        """Each state's move, as the ``transition`` of ``arc_eager.pyx``'s move classes."""
        b0, s0 = ids[:, 0], ids[:, 2]
        left, right, reduce = kinds == _LEFT, kinds == _RIGHT, kinds == _REDUCE
        if left.any():
            self._add_arcs(b0[left], s0[left], labels[left])
            self.put_back[b0[left]] = False
        if right.any():
            self._add_arcs(s0[right], b0[right], labels[right])
        back = reduce & (self.heads.take(s0) == self.none) & (self.depth > 1)  # without a head: unshift
        if back.any():
            w, at = s0[back], self.base[back] + self.n_back[back]
            self.put_back[w] = True
            self.rebuffer[at] = w
            self.n_back += back
            self.any_back += len(w)
        self.depth -= left | reduce
        push = (kinds == _SHIFT) | right
        if self.any_back:
            from_back = push & (self.n_back > 0)
            self.n_back -= from_back
            self.any_back -= int(from_back.sum())
            self.next += push & ~from_back
        else:
            self.next += push
        self.depth += push
        at = (self.base + self.depth)[push]
        self.stack[at] = b0[push]
        self.starts[ids[kinds == _BREAK, 1]] = True

    def _add_arcs(self, heads: numpy.ndarray, children: numpy.ndarray, labels: numpy.ndarray) -> None:
        """``StateC.add_arc``: a child's earlier arc removed from its head's list (spaCy removes it only when it
        is the last of the list: anywhere else, ``_Fallback``), the new arc put at the end of the head's list."""
        n = self.none
        old = self.heads[children]
        had = old != n
        if had.any():
            o, c = old[had], children[had]
            slot = numpy.where(o > c, o, o + n + 1)
            if (self.kids[slot] != c).any():
                raise _Fallback("an arc removed from inside a child list")
            self.kids[slot] = self.before[c]
        slot = numpy.where(heads > children, heads, heads + n + 1)
        self.before[children] = self.kids[slot]
        self.kids[slot] = children
        self.heads[children] = heads
        self.labels[children] = labels

    def parses(self) -> list[tuple[numpy.ndarray, numpy.ndarray]]:
        """Each document's heads (its own token indices; -1 for none) and arc labels."""
        n = self.none
        starts, ends = self.doc_start, self.doc_end
        heads = numpy.where(self.heads[:n] != n, self.heads[:n] - numpy.repeat(starts, ends - starts), -1)
        return [(heads[s:e], self.labels[s:e]) for s, e in zip(starts.tolist(), ends.tolist(), strict=True)]


_ZERO_ONE = numpy.arange(2)
_ZERO_ONE_TWO = numpy.arange(3)
