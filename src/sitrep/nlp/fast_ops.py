"""thinc's numpy operations for inference with three of its compiled loops done by whole-array numpy calls: the
same floats, less time. They are the token-vector layers' own work besides the matrix products (``tok2vec`` of the
tagger and parser, and the entity recogniser's own): on the sentences sitrep parses they took two fifths of
those layers' time (session 38, 45,220 tokens of the conflict set's screened sentences: hash-embedding sums
0.19 s, window columns 0.14 s, maxout 0.18 s, matrix products 0.71 s). The whole batched path, paired in one
process on a loaded machine (two invocations of 3 runs each way): conflict set (seed + 299 MUC-4 DEV) 5-10 % less CPU,
LGL 6-9 % less.

- ``seq2col`` (the window of a convolution layer, one word either side, no lengths): three copies of the rows
  into one array, zeros at the ends, as thinc's loop writes them;
- ``maxout``: the maximum of each unit's pieces, by ``numpy.maximum`` over the pieces in order (exact: a maximum
  rounds nothing). The index of the winning piece, which only learning reads, is not computed: these operations
  are for inference (``backprop_maxout`` refuses);
- ``gather_add`` (a hash embedding: each word's rows of the table summed): the rows added in column order onto the
  first, as thinc's loop adds them onto zero with ``saxpy`` (alpha 1: the same sums).

Anything else (other windows, sequences with lengths, other dtypes) is thinc's own.
"""
from __future__ import annotations

import numpy
from thinc.api import NumpyOps


class InferenceOps(NumpyOps):
    """``NumpyOps`` (matrix products by numpy when ``use_blis=False``) with numpy's whole-array ``seq2col``,
    ``maxout`` and ``gather_add``; inference only."""

    name = "sitrep_inference"

    def seq2col(self, seq, nW, *, lengths=None):
        if nW != 1 or lengths is not None or seq.ndim != 2 or seq.dtype != numpy.float32 or len(seq) == 0:
            return super().seq2col(seq, nW, lengths=lengths)
        rows, width = seq.shape
        cols = numpy.empty((rows, 3, width), dtype=seq.dtype)
        cols[0, 0] = 0.0
        cols[1:, 0] = seq[:-1]
        cols[:, 1] = seq
        cols[:-1, 2] = seq[1:]
        cols[-1, 2] = 0.0
        return cols.reshape(rows, 3 * width)

    def maxout(self, X):
        if X.ndim != 3 or X.dtype != numpy.float32 or X.shape[2] < 2:
            return super().maxout(X)
        best = numpy.maximum(X[:, :, 0], X[:, :, 1])
        for piece in range(2, X.shape[2]):
            numpy.maximum(best, X[:, :, piece], out=best)
        return best, None

    def backprop_maxout(self, dY, which, P):
        raise NotImplementedError("sitrep's InferenceOps are for inference: maxout keeps no winning pieces")

    def gather_add(self, table, indices):
        if table.dtype != numpy.float32 or indices.ndim != 2 or indices.shape[1] < 1 or len(indices) == 0:
            return super().gather_add(table, indices)
        out = table.take(indices[:, 0], axis=0)
        for k in range(1, indices.shape[1]):
            out += table.take(indices[:, k], axis=0)
        return out
