"""Two of spaCy-sm's components, done with lookups instead of per-token Python calls: the same annotations, a
fraction of the time (on the sentences sitrep parses they took a fifth of the parse).

- ``RuleTable`` does what the model's ``attribute_ruler`` does (POS and morphology from the tag, and the
  model's exceptions). spaCy runs its 179 patterns through the Matcher on every token; here each attribute
  value a pattern tests (tag, lower-case form, dependency, white space) is read once into a bit set of the
  pattern positions it satisfies, and a token's matches are the AND of its four sets.
- ``LemmaCache`` does what the rule lemmatizer does, remembering each (form, POS, morphology) it has seen:
  spaCy's own cache skips the words that are their own lemma (most nouns), which it works out anew each time.

Both write the annotations spaCy's components would (``tests/nlp/test_fast_pipes.py`` compares them token by
token). ``install(nlp)`` puts them in place of the model's components, under the same names, when the model's
patterns are of the kinds read here (one or two tokens; equality, IN, NOT_IN, REGEX; TAG, LOWER, DEP,
IS_SPACE); otherwise it leaves the pipeline as it is.

``install`` also has the models' matrix products (the token vectors of ``tok2vec`` and of the NER, the parsers'
feature layers) done by numpy's BLAS instead of the BLIS that thinc bundles: on these machines BLIS runs its
generic kernel (``BLIS_ARCH_DEBUG=1`` says "selecting sub-configuration 'generic'"), 2-3x slower than numpy's
on the same products. The sums come out in another order, so the floats differ in their last bits; the
annotations were the same on every token of the sentences compared (the tests' sentences, and
``benchmarks/extract_throughput.py --compare``). The scores of the parsers' moves keep BLIS (spaCy's loop calls
it; ``sitrep.nlp.fast_ner`` and ``sitrep.nlp.fast_parser``, which decode in numpy, call the same routine).
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language

_READ = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_SET = (POS, MORPH, LEMMA, TAG, DEP)  # what the model's patterns may set, in from_array's column order


class Unsupported(ValueError):
    """A pattern of a kind ``RuleTable`` does not read: the model's own component stays."""


class _Test:
    """One attribute's test at one pattern position: equality, IN, NOT_IN or REGEX over the attribute's string."""

    def __init__(self, spec) -> None:
        self.eq = self.among = self.not_among = self.regex = None
        if isinstance(spec, dict):
            if len(spec) != 1:
                raise Unsupported(f"predicate {spec}")
            (op, value), = spec.items()
            if op == "IN":
                self.among = frozenset(value)
            elif op == "NOT_IN":
                self.not_among = frozenset(value)
            elif op == "REGEX":
                self.regex = re.compile(value)
            else:
                raise Unsupported(f"operator {op}")
        elif isinstance(spec, (str, bool)):
            self.eq = spec
        else:
            raise Unsupported(f"value {spec!r}")

    def __call__(self, value: str | bool) -> bool:
        if self.eq is not None:
            return value == self.eq
        if self.among is not None:
            return value in self.among
        if self.not_among is not None:
            return value not in self.not_among
        return bool(self.regex.search(value))  # type: ignore[union-attr]


class RuleTable:
    """The attribute ruler's patterns as bit sets: bit ``k`` stands for position ``k`` of the flattened patterns
    (pattern ``p`` of two tokens owns two positions); a token matches position ``k`` when all of its attribute
    tests pass."""

    def __init__(self, ruler) -> None:
        self.attrs: list[dict[int, int]] = []  # rule id -> {attribute id: value}, normalised by spaCy
        self.patterns: list[tuple[int, int, int, int]] = []  # (rule id, first bit, length, index of the set token)
        self.tests: dict[str, list[tuple[int, _Test]]] = {name: [] for name in _READ}
        bit = 0
        for rule, spec in enumerate(ruler.patterns):
            index = spec["index"]
            self.attrs.append({k: v for k, v in ruler.attrs[rule].items() if k in _SET} if set(
                ruler.attrs[rule]) <= set(_SET) else _unsupported(f"attrs {spec['attrs']}"))
            for pattern in spec["patterns"]:
                if not 1 <= len(pattern) <= 2 or not -len(pattern) <= index < len(pattern):
                    raise Unsupported(f"pattern {pattern} with index {index}")
                self.patterns.append((rule, bit, len(pattern), index % len(pattern)))
                for token in pattern:
                    for name, value in token.items():
                        if name not in _READ:
                            raise Unsupported(f"attribute {name}")
                        self.tests[name].append((bit, _Test(value)))
                    bit += 1
        self.all_bits = (1 << bit) - 1
        self._masks: dict[str, dict] = {name: {} for name in _READ}
        self._by_value = {name: _by_value(tests) for name, tests in self.tests.items()}
        self._starts: dict[int, list[tuple[int, int, int, int]]] = {}
        self._outcome: dict[tuple[int, ...], list[tuple[int, int]]] = {}

    def mask(self, name: str, value_id: int, strings) -> int:
        """Positions whose test of ``name`` (if any) passes for the value ``value_id`` (a string's id; IS_SPACE:
        0 or 1)."""
        cache = self._masks[name]
        m = cache.get(value_id)
        if m is None:
            value = bool(value_id) if name == "IS_SPACE" else strings[value_id]
            tested, passing, others = self._by_value[name]
            m = (self.all_bits & ~tested) | passing.get(value, 0)
            for bit, test in others:
                if not test(value):
                    m &= ~(1 << bit)
            cache[value_id] = m
        return m

    def __call__(self, doc):
        n = len(doc)
        if not n:
            return doc
        strings = doc.vocab.strings
        tags, lowers, deps, spaces = (self._masks[name] for name in ("TAG", "LOWER", "DEP", "IS_SPACE"))
        masks = []
        for t, low, d, sp in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist():
            m = tags[t] if t in tags else self.mask("TAG", t, strings)
            m &= lowers[low] if low in lowers else self.mask("LOWER", low, strings)
            m &= deps[d] if d in deps else self.mask("DEP", d, strings)
            masks.append(m & (spaces[sp] if sp in spaces else self.mask("IS_SPACE", sp, strings)))
        rules = [[] for _ in range(n)]  # the rules that set each token's attributes
        for i, m in enumerate(masks):
            for rule, length, index, second in self._starting(m):
                if length == 1 or (i + 1 < n and masks[i + 1] & second):
                    rules[i + index].append(rule)
        if not any(rules):
            return doc
        values = doc.to_array(list(_SET))
        for i, hits in enumerate(rules):
            if hits:
                for col, v in self._outcome_of(tuple(hits)):
                    values[i, col] = v
        doc.from_array(list(_SET), values)
        return doc

    def _starting(self, m: int) -> list[tuple[int, int, int, int]]:
        """The patterns whose first position is in ``m``: (rule, length, index of the set token, the bit of the
        second position)."""
        out = self._starts.get(m)
        if out is None:
            out = [(rule, length, index, 1 << (bit + 1)) for rule, bit, length, index in self.patterns
                   if m >> bit & 1]
            self._starts[m] = out
        return out

    def _outcome_of(self, hits: tuple[int, ...]) -> list[tuple[int, int]]:
        """(column of ``_SET``, value) the rules ``hits`` leave on a token: spaCy applies a token's rules in rule
        order, so a later rule's value of an attribute wins."""
        out = self._outcome.get(hits)
        if out is None:
            final: dict[int, int] = {}
            for rule in sorted(hits):
                final.update(self.attrs[rule])
            out = [(_SET.index(attr), v) for attr, v in final.items()]
            self._outcome[hits] = out
        return out


def _by_value(tests: list[tuple[int, _Test]]) -> tuple[int, dict, list[tuple[int, _Test]]]:
    """One attribute's tests split for ``RuleTable.mask``: the positions with an equality or IN test, the
    positions whose such test each value passes, and the other tests (NOT_IN, REGEX), run one by one. A position
    has at most one test of an attribute (a pattern token names each attribute once)."""
    tested, others = 0, []
    passing: dict[str | bool, int] = {}
    for bit, test in tests:
        values = (test.eq,) if test.eq is not None else test.among
        if values is None:
            others.append((bit, test))
            continue
        tested |= 1 << bit
        for v in values:
            passing[v] = passing.get(v, 0) | 1 << bit
    return tested, passing, others


def _unsupported(what: str):
    raise Unsupported(what)


class FastAttributeRuler:
    """Pipeline component: the model's attribute ruler, read from it by ``RuleTable``."""

    def __init__(self, ruler) -> None:
        self.table = RuleTable(ruler)
        self.original = ruler

    def __call__(self, doc):
        return self.table(doc)

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self.table(doc)


class LemmaCache:
    """Pipeline component: the model's rule lemmatizer with every (form, POS, morphology) remembered, and whether
    a (POS, morphology) is a base form (the lemma is then the lower-case form: the rule lemmatizer's first test,
    which reads only those two). A token whose lemma is already set (by the attribute ruler) keeps it, as in
    spaCy; a token without a POS is left to spaCy each time (it warns about it)."""

    def __init__(self, lemmatizer) -> None:
        self.original = lemmatizer
        self.lookups = lemmatizer.lookups  # truecase reads the lemmatizer's word lists
        self._cache: dict[tuple[int, int, int], int] = {}
        self._base: dict[tuple[int, int], bool] = {}
        self._tables: dict[str, tuple] = {}

    def __call__(self, doc):
        if not len(doc):
            return doc
        strings, cache = doc.vocab.strings, self._cache
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        out = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma == 0:
                lemma = cache.get((orth, pos, morph), 0)
                if lemma == 0:
                    lemma = strings.add(self._lemma(doc, i, orth, pos, morph))
                    if pos:
                        cache[(orth, pos, morph)] = lemma
            out.append(lemma)
        doc.from_array([LEMMA], numpy.array(out, dtype=numpy.uint64))
        return doc

    def _lemma(self, doc, i: int, orth: int, pos: int, morph: int) -> str:
        if not pos:
            return self.original.lemmatize(doc[i])[0]
        base = self._base.get((pos, morph))
        if base is None:
            base = self._base[(pos, morph)] = bool(self.original.is_base_form(doc[i]))
        string = doc.vocab.strings[orth]
        univ_pos = doc.vocab.strings[pos].lower()
        if base or univ_pos in ("eol", "space"):
            return string.lower()
        return self._by_rules(string, univ_pos)

    def _by_rules(self, string: str, univ_pos: str) -> str:
        """spaCy's ``Lemmatizer.rule_lemmatize`` after its base-form test, its first answer, with the word index
        held as a set (spaCy tests ``form in index`` on a list of some 10,000 words)."""
        tables = self._tables.get(univ_pos)
        if tables is None:
            get = self.original.lookups.get_table
            index, exc, rules = (get(name, {}).get(univ_pos) for name in ("lemma_index", "lemma_exc", "lemma_rules"))
            tables = self._tables[univ_pos] = (set(index) if index else None, exc or {}, rules or [],
                                               not any((index, exc, rules)))
        index, exceptions, rules, no_tables = tables
        if no_tables:
            return string if univ_pos == "propn" else string.lower()
        orig, string = string, string.lower()
        forms: list[str] = []
        oov_forms: list[str] = []
        for old, new in rules:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif index is not None and form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        return (forms or oov_forms or [orig])[0]

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


_ORIGINALS: dict[str, object] = {}


@Language.factory("sitrep_attribute_ruler")
def _make_ruler(nlp, name):
    return FastAttributeRuler(_ORIGINALS.pop(name))


@Language.factory("sitrep_lemmatizer")
def _make_lemmatizer(nlp, name):
    return LemmaCache(_ORIGINALS.pop(name))


@Language.factory("sitrep_ner")
def _make_ner(nlp, name):
    from sitrep.nlp.fast_ner import FastEntityRecognizer

    return FastEntityRecognizer(_ORIGINALS.pop(name))


def _ner_check(ner) -> None:
    from sitrep.nlp.fast_ner import FastEntityRecognizer

    FastEntityRecognizer(ner)


@Language.factory("sitrep_parser")
def _make_parser(nlp, name):
    from sitrep.nlp.fast_parser import FastDependencyParser

    return FastDependencyParser(_ORIGINALS.pop(name))


def _parser_check(parser) -> None:
    from sitrep.nlp.fast_parser import FastDependencyParser

    FastDependencyParser(parser)


def install(nlp) -> list[str]:
    """Put the lookup components in place of the model's attribute ruler and rule lemmatizer, and the numpy
    decodings in place of its entity recogniser and parser (same names, same places), and numpy's matrix products
    in its models (``numpy_products``); the names of the components replaced. A component of a kind these do not
    read (a ruler with other patterns, a parser with a beam) stays as it is."""
    numpy_products(nlp)
    done = []
    for name, factory, check in (("attribute_ruler", "sitrep_attribute_ruler", RuleTable),
                                 ("lemmatizer", "sitrep_lemmatizer", _rule_mode),
                                 ("ner", "sitrep_ner", _ner_check),
                                 ("parser", "sitrep_parser", _parser_check)):
        if name not in nlp.pipe_names:
            continue
        original = nlp.get_pipe(name)
        try:
            check(original)
        except Unsupported:
            continue
        _ORIGINALS[name] = original
        nlp.replace_pipe(name, factory)
        done.append(name)
    return done


def numpy_products(nlp) -> None:
    """Every layer of the pipeline's models does its matrix products with numpy (thinc's ``NumpyOps`` without
    BLIS), and its window columns, maxout and hash-embedding sums by whole-array numpy calls
    (``sitrep.nlp.fast_ops``: the same floats); the other operations (layer norm, hashing) stay thinc's own."""
    from sitrep.nlp.fast_ops import InferenceOps

    _one_blas_thread()
    ops = InferenceOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for layer in model.walk():
                layer.ops = ops


def _one_blas_thread() -> None:
    """numpy's OpenBLAS does the products on one thread, as BLIS does spaCy's own: the products here are small
    (a sentence batch's words by a layer's width), and OpenBLAS's threads, woken and put to sleep around every one,
    cost more than they save. Measured (session 32, 2 cores, load ~3, 40 seed sentences three times): one
    sentence at a time 4.3-5.4 CPU s -> 0.86-1.09 s (spaCy-sm alone 0.7 s), batched 0.52-0.57 -> 0.20-0.25 s; the
    annotations are the same (golden outputs unchanged: each product's sums run in the same order on one thread).
    Process-wide (threadpoolctl), for the BLAS libraries loaded when the model is."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def _rule_mode(lemmatizer) -> None:
    """spaCy's rule lemmatizer, not overwriting, whose base-form test reads only the POS and the morphology."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import Lemmatizer

    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True) or \
            type(lemmatizer).is_base_form not in (EnglishLemmatizer.is_base_form, Lemmatizer.is_base_form):
        raise Unsupported("a lemmatizer other than spaCy's English rule lemmatizer without overwrite")
