"""The timex rules' word prefilter (resolve/timex/prefilter.py) skips a rule only where it cannot match."""
import re
import sys

from sitrep.resolve.timex import grammar as grammar_module
from sitrep.resolve.timex import prefilter
from sitrep.resolve.timex.prefilter import folded, may_match, required

# sentences of our own, one behaviour each, written in several cases
SENTENCES = [
    "Gunmen attacked the village on Good Friday, two days after the Easter Sunday raid.",
    "The bombing on Dec. 8, 2023 at 10:30 p.m. EST killed three; a year earlier, on 4 FEB 90, another hit.",
    "Talks resume next week, the third quarter of 1990 ended, and every Tuesday night the market closes early.",
    "Shortly after midnight on New Year's Eve the militia fired at the base; hours later the army replied.",
    "In the late 1990s and the mid-'80s, during the fiscal '99 year, FY1999 and the twenties, prices rose.",
    "Nowadays the ceasefire holds; formerly, in the summer of 1994, it broke twice a week, three times a day.",
    "Eid al-Fitr and Rosh Hashanah fell within the month, the same quarter a year ago, the 12th century church.",
    "On the 15th, at 0600 GMT, three o'clock in the afternoon, a 2009-10 season, 4/9/2007 and 2007-04-09.",
]
TEXTS = SENTENCES + [s.upper() for s in SENTENCES] + [s.title() for s in SENTENCES] + [" ".join(SENTENCES)]


def test_characters_that_fold_to_ascii_letters_are_all_known():
    """re.I matches an ASCII letter to exactly these characters beyond ASCII; any other one lower-cases to no
    ASCII letter, so the substring test on the lower-cased text is exact."""
    everything = "".join(chr(c) for c in range(128, sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    folding = {m.group(0) for m in re.finditer("[a-z]", everything, re.I)}
    assert folding == set("\u0130\u0131\u017f\u212a")
    assert all(prefilter._FOLDS_TO_ASCII.match(c) for c in folding)
    lowered = "".join(c.lower() for c in everything if c not in folding)
    assert not re.search("[A-Za-z]", lowered)


def test_required_words():
    need = required(r"\b(?:the\s+)?(?:good\s+friday|easter)\b")
    assert need is not None and need.alternatives == {frozenset({"good", "friday"}), frozenset({"easter"})}
    assert required(r"\b(?:a|b)\d+") is None  # a class of letters: nothing required
    assert required(r"(?:fiscal\s+)?\d{4}") is None  # an optional word is not required
    need = required(r"(?-i:GMT)|(?<=on\s)noon")  # the lookbehind is not inside the match
    assert need is not None and need.alternatives == {frozenset({"gmt"}), frozenset({"noon"})}


def test_may_match():
    need = required(r"good\s+friday|easter")
    assert need is not None
    assert may_match(need, folded("On GOOD FRIDAY"))
    assert not may_match(need, folded("On good day, Friday"[:8]))
    assert may_match(need, folded("on \u0131aster"))  # a dotless i: never skipped
    assert not may_match(need, folded("a friday"))
    seen: dict[str, bool] = {}  # the words' answers kept for the next rule asked about the same text
    assert may_match(need, folded("On GOOD FRIDAY"), seen) and seen["friday"]
    assert not may_match(required(r"easter|christmas") or need, folded("On GOOD FRIDAY"), seen)


def test_may_match_with_the_words_seen_answers_as_without():
    """A long text's rules share what was found of their words; each rule's answer is what it was alone."""
    g = grammar_module.grammar(None)
    for text in [*TEXTS, " ".join(TEXTS)]:
        low = folded(text)
        seen: dict[str, bool] = {}
        assert [w is None or may_match(w, low, seen) for w in g.needs] == [w is None or may_match(w, low)
                                                                            for w in g.needs]
        assert seen


def test_every_rule_that_matches_passes_its_prefilter():
    g = grammar_module.grammar(None)
    for text in TEXTS:
        low = folded(text)
        for (pattern, _, _), words in zip(g.rules, g.needs, strict=True):
            if words is not None and pattern.search(text):
                assert may_match(words, low), (pattern.pattern[:60], text)


def test_scan_is_the_same_without_the_prefilter(monkeypatch):
    g = grammar_module.grammar(None)
    spans = [[(r.start, r.end, r.kind, r.type, repr(r.data)) for r in grammar_module.scan(t)] for t in TEXTS]
    monkeypatch.setattr(g, "needs", [None] * len(g.rules))
    assert spans == [[(r.start, r.end, r.kind, r.type, repr(r.data)) for r in grammar_module.scan(t)] for t in TEXTS]
    assert any(spans)
