"""Exact case-free matching without ``re.I``: a pattern compiled with ``re.I`` run instead, without it, on the
lower-cased text (same length, same offsets), where that finds the same matches. Python's ``re`` tests every
character of a ``re.I`` pattern case by case and cannot skip ahead to a first character; without the flag it can:
the actors' 390 names 2.4 -> 0.6 ms per LGL article, the timex rules' patterns 15.7 -> 7.0 ms (s30, 200 LGL
articles, one process).

``lowered(pattern)`` gives the pattern without ``re.I``, or None when the pattern holds something the lower-cased
text does not answer alike; ``lower_text(text)`` gives the text to run it on, or None when a character of the text
defeats it. Where either is None the caller runs its ``re.I`` pattern on the text as before.

Why the same matches. ``re.I`` matches a text character ``t`` to a pattern's literal ``c`` when the simple lower
case of ``t`` is the lower case of ``c``, or when both are among the few extra case pairs of ``re._casefix``
(dotless i, long s, final sigma, ...). ``str.lower()`` gives every character its simple lower case but two: the
dotted capital I (two characters) and a final capital sigma (final small sigma). So on a text without the four
characters that ``re.I`` folds to an ASCII letter (``prefilter.folded`` refuses those, and the dotted capital I
is one of them), a lower-case literal outside the extra pairs matches the lower-cased text without ``re.I`` where
it matched the text with it; a sigma is one of the extra pairs, so a literal sigma is refused. Classes are read the
same way (their members lower-case literals, ranges of characters that are their own lower case, ``\\d \\s \\w``),
and ``\\w``, ``\\d``, ``\\s`` and ``\\b`` say the same of a character and of its lower case (``tests/resolve/
test_lowered.py`` checks both facts over the whole of Unicode). An upper-case literal (it would never meet the
lower-cased text), a back reference, a part that turns ``re.I`` on or off, ``re.ASCII`` or ``re.LOCALE``: None.
"""
from __future__ import annotations

import functools
import re

from sitrep.resolve.timex.prefilter import folded

try:  # the standard library's regex parser and its extra case pairs (private; CPython 3.11-3.14)
    import re._constants as _c  # type: ignore[import-not-found, unused-ignore]
    import re._parser as _p  # type: ignore[import-not-found, unused-ignore]
    from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found, unused-ignore]
except ImportError:  # pragma: no cover - another Python: every pattern keeps re.I
    _p = None
    _EXTRA_CASES = {}

# ASCII letters with extra case pairs ("i": dotless i, "s": long s) are fine: those partners are among the four
# characters ``folded`` refuses
_ASCII_EXTRA_OK = frozenset(("i", "s"))


def _plain(code: int) -> bool:
    """A literal the lower-cased text meets as the text met it under re.I: its own lower case, no extra case pair
    beyond the four characters ``folded`` refuses."""
    ch = chr(code)
    if ch.lower() != ch:
        return False
    return code not in _EXTRA_CASES or ch in _ASCII_EXTRA_OK


def _class_ok(items) -> bool:
    for op, av in items:
        if op in (_c.LITERAL, _c.NOT_LITERAL):
            if not _plain(av):
                return False
        elif op is _c.RANGE:
            lo, hi = av
            if hi - lo > 0x3000 or not all(_plain(x) for x in range(lo, hi + 1)):
                return False
        elif op is _c.CATEGORY:
            if av not in (_c.CATEGORY_DIGIT, _c.CATEGORY_NOT_DIGIT, _c.CATEGORY_SPACE, _c.CATEGORY_NOT_SPACE,
                          _c.CATEGORY_WORD, _c.CATEGORY_NOT_WORD):
                return False
        elif op is not _c.NEGATE:
            return False
    return True


def _ok(items, behind: int | None) -> bool:
    """Every item of a parsed pattern matches the lower-cased text without re.I as the text with it (and no
    lookbehind reads more than ``behind`` characters back, when given)."""
    for op, av in items:
        if op in (_c.LITERAL, _c.NOT_LITERAL):
            if not _plain(av):
                return False
        elif op is _c.IN:
            if not _class_ok(av):
                return False
        elif op is _c.ANY or op is _c.AT:
            continue
        elif op is _c.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            if (add_flags | del_flags) & (re.I | re.A | re.L) or not _ok(sub, behind):
                return False
        elif op is _c.BRANCH:
            if not all(_ok(b, behind) for b in av[1]):
                return False
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            if not _ok(av[2], behind):
                return False
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            direction, sub = av
            back = sub.getwidth()[1] if direction < 0 else 0  # a lookbehind in it reads further back
            if (behind is not None and back > behind) or not _ok(sub, None if behind is None else behind - back):
                return False
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            if not _ok(av, behind):
                return False
        else:  # back references, conditionals, anything not read here
            return False
    return True


def lowered(pattern: re.Pattern[str], behind: int | None = None) -> re.Pattern[str] | None:
    """``pattern`` (compiled with re.I) without re.I, to run on ``lower_text``; None when it would not match alike.
    ``behind``: the pattern will run on a stretch that begins that many characters before the first place a match
    may start (``\\b`` reads one): None too when a lookbehind of it reads further back."""
    if _p is None or not pattern.flags & re.I or pattern.flags & (re.A | re.L) or not isinstance(pattern.pattern, str):
        return None
    try:
        ok = _ok(_p.parse(pattern.pattern, pattern.flags), behind) and (behind is None or behind >= 1)
    except (AttributeError, TypeError, ValueError, re.error):  # a parser of another shape
        return None
    if not ok:
        return None
    plain = re.compile(pattern.pattern, pattern.flags & ~re.I)
    return plain if not plain.flags & re.I else None  # an inline (?i) at its start keeps it


def lower_text(text: str) -> str | None:
    """The text to run a ``lowered`` pattern on (same length), or None when a character of it defeats that."""
    low = folded(text)
    return low if low is not None and len(low) == len(text) else None


@functools.lru_cache(maxsize=64)
def _plain_copy(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    return lowered(pattern)


def match_spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Where ``pattern.finditer(text)`` matches, each match's (start, end): for a ``re.I`` pattern found without
    re.I on the lower-cased text where that finds the same matches (``lowered``, ``lower_text``), else as before.
    The event lexicon's page words (events.toml [sport]) and weapon words on an LGL article: 2-2.5x faster."""
    plain = _plain_copy(pattern) if pattern.flags & re.I else None
    low = lower_text(text) if plain is not None else None
    if plain is None or low is None:
        return [m.span() for m in pattern.finditer(text)]
    return [m.span() for m in plain.finditer(low)]


def alternation(words, ignore_case: bool = False, space: str = r"\ ") -> str:
    """The regular expression (without a group around it) of ``words`` as one alternation tried longest first
    (``"|".join`` of the escaped words sorted by length, longest first), written as a tree of their letters: Python's
    ``re`` tries the branches of an alternation one by one at each place, where the tree tries a few first letters
    (the actors' 590 names on MUC-4 and LGL texts: 9x faster, the same matches).

    Why the same matches. Two branches of a node begin with different characters, so at most one of them can go on
    at a place of the text, and along that one path the longer words come before the shorter (a word's end is the
    node's last branch): the words tried are those that match there, longest first, as in the flat alternation
    (two words of one length that both match are the same word). Under ``ignore_case`` two different characters
    can still meet one character of the text (the extra case pairs of ``re._casefix``: "s" and the long s, two
    sigmas): where a word holds a character beyond ASCII with such a pair, or a capital, the flat alternation is
    given instead. ``space``: what a space of a word is written as (``\\s+``: any run of white space; a word then
    holds no other white space and none at its ends, so a branch of white space and one of a letter never meet the
    same character, and a run is taken whole, as the flat alternation takes it)."""
    words = sorted(dict.fromkeys(words), key=len, reverse=True)  # of one length in the order given
    if ignore_case and any(c.isupper() or ord(c) > 127 and ord(c) in _EXTRA_CASES for w in words for c in w) or any(
            w != w.strip() or any(c.isspace() and c != " " for c in w) for w in words):
        return "|".join(re.escape(w).replace(r"\ ", space) for w in words)
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # the word ends here

    def written(node: dict) -> str:
        if " " in node and any(ch != " " and re.fullmatch(space, ch) for ch in node if ch):
            # a space written as a pattern that also takes a sibling's character ("car bomb", "car-bomb" with
            # ``[\s-]+``): the words below this node as the flat alternation, longest first
            return "(?:" + "|".join(re.escape(w).replace(r"\ ", space) for w in suffixes(node)) + ")"
        branches = [(space if ch == " " else re.escape(ch)) + written(sub) for ch, sub in sorted(node.items()) if ch]
        if "" in node:
            branches.append("")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    def suffixes(node: dict) -> list[str]:
        """The ends of the words below ``node``, longest first (of one length in the order given)."""
        ends = []
        for w in words:
            n = tree
            for k, ch in enumerate(w):
                if n is node:
                    ends.append(w[k:])
                    break
                n = n[ch]
            else:
                if n is node:
                    ends.append("")
        return ends

    return written(tree) if tree else "(?!)"
