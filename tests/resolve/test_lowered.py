"""A re.I pattern run without re.I on the lower-cased text (resolve/lowered.py) finds what it found on the text."""
import re
import sys

from sitrep.resolve import actor
from sitrep.resolve.lowered import alternation, lower_text, lowered
from sitrep.resolve.timex import grammar as grammar_module

# sentences of our own, one behaviour each, written in several cases below
SENTENCES = [
    "Boko Haram fighters and Nigerian troops clashed on Good Friday, two days after the Easter Sunday raid.",
    "The Taliban said on Dec. 8, 2023 at 10:30 p.m. EST that three were killed; a year earlier, on 4 FEB 90, too.",
    "Séléka rebels and the Islamic State in Iraq and the Levant: talks resume next week, as soon as possible.",
    "ΟΔΟΣ Σ in Athens, the Straße, a café on the ﬆreet, Kelvin's 5 \u212a and \u0130stanbul on Monday night.",
    "In the late 1990s and the mid-'80s, during fiscal '99, al-Shabaab and ISIS-backed groups, the FMLN, the 12th.",
]
TEXTS = SENTENCES + [s.upper() for s in SENTENCES] + [s.title() for s in SENTENCES] + [" ".join(SENTENCES)]
EVERYTHING = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def test_lower_case_keeps_length_and_word_classes():
    """The facts the module rests on, over the whole of Unicode: only the dotted capital I lower-cases to more
    than one character, and \\w, \\d, \\s say the same of a character and of its lower case."""
    assert [c for c in EVERYTHING if len(c.lower()) != 1] == ["\u0130"]
    for cls in (r"\w", r"\d", r"\s"):
        p = re.compile(cls)
        assert not [c for c in EVERYTHING if c.lower() != c and bool(p.match(c)) != bool(p.match(c.lower()))]


def test_refused():
    assert lowered(re.compile("fmln")) is None  # no re.I to take away
    assert lowered(re.compile("FMLN", re.I)) is None  # an upper-case letter never meets the lower-cased text
    assert lowered(re.compile(r"(?-i:GMT)|noon", re.I)) is None
    assert lowered(re.compile(r"(a)\1", re.I)) is None
    assert lowered(re.compile(r"[A-Z]+", re.I)) is None
    assert lowered(re.compile("\u03c3", re.I)) is None  # sigma: re.I's extra case pairs
    assert lowered(re.compile(r"(?<=during\s)the\b", re.I), behind=4) is None  # reads 7 back
    assert lowered(re.compile(r"(?<=during\s)the\b", re.I), behind=16) is not None
    assert lowered(re.compile(r"\bcaf\u00e9s?\b|[a-z0-9\s-]+day", re.I)) is not None
    assert lower_text("\u212a") is None and lower_text("I\u0307") is not None


def _spans(pattern, text):
    return [m.span() for m in pattern.finditer(text)]


def test_same_matches_as_with_re_i():
    patterns = [actor.load_actors().pattern_ci] + [p for p, _, _ in grammar_module.grammar(None).rules]
    checked = 0
    for pattern in patterns:
        plain = lowered(pattern)
        if plain is None:
            continue
        for text in TEXTS:
            low = lower_text(text)
            if low is None:
                continue
            assert _spans(plain, low) == _spans(pattern, text), (pattern.pattern[:60], text)
            checked += 1
    assert checked > 100


def test_actors_and_timex_scan_unchanged():
    """find_actors and the timex scan, with their lowered patterns and without (the re.I ones on the text)."""
    table = actor.load_actors()
    g = grammar_module.grammar(None)
    plain, not_time = list(g.plain), g.not_time_plain
    fast_pattern = table.pattern_low
    windows = [(t, a, min(len(t), a + n)) for t in TEXTS for a in (0, 7, 33) for n in (40, 400)]
    fast = ([actor._find_actors(t) for t in TEXTS], [grammar_module.scan(t, a, b) for t, a, b in windows])
    try:
        table.pattern_low = None
        g.plain[:] = [(None, None)] * len(plain)
        g.not_time_plain = None
        slow = ([actor._find_actors(t) for t in TEXTS], [grammar_module.scan(t, a, b) for t, a, b in windows])
    finally:
        table.pattern_low = fast_pattern
        g.plain[:] = plain
        g.not_time_plain = not_time
    assert repr(fast) == repr(slow)
    assert any(fast[0]) and any(fast[1])


def test_a_month_with_a_long_s_is_read_not_an_error():
    """re.I matches "ſeptember" (U+017F folds to s): the month's name is looked up as re.I matched it."""
    text = "The convoy was ambushed on 12 ſeptember 1998, officials said."
    readings = grammar_module.scan(text, 0, len(text))
    assert any(r.data.get("m") == 9 for r in readings)


def test_match_spans_and_state_forces_as_with_re_i():
    """``match_spans`` (the event lexicon's page and weapon words) and the state forces' pattern of a report in
    capitals find, without re.I, what their re.I patterns find: on every text above (the long s, the Kelvin sign
    and the dotted I among them, where the text keeps re.I)."""
    from sitrep.extract.lexicon import load_lexicon
    from sitrep.resolve.lowered import match_spans

    lex = load_lexicon()
    texts = TEXTS + ["SALVADORAN TROOPS AND THE US-LED COALITION HIT A CAR BOMB FACTORY; ſALVADORAN ARMY UNITS.",
                     "The striker scored twice before Nigeria's army and Ukrainian forces shelled the grenade depot."]
    for rx in (lex.weapon_re, lex.sport_words, lex.trade_words):
        if rx is not None:
            for t in texts:
                assert match_spans(rx, t) == [m.span() for m in rx.finditer(t)]
    forces = actor.load_state_forces()
    assert forces.pattern_caps is not None and forces.pattern_caps_low is not None
    for t in texts:
        want = [(m.group("name"), m.start(), m.end()) for m in forces.pattern_caps.finditer(t)]
        assert actor._force_names(forces, t, True) == want
    assert actor._force_names(forces, texts[-2], True)  # the test means something: the capitals' forces are found


def test_alternation_as_a_tree_matches_as_the_flat_one():
    """The words as a tree of letters find what the flat alternation, longest first, finds: a shorter word where the
    longer one is cut off by what must follow it, a longer one before the shorter, case-free too."""
    words = ["Red Hand", "Red Hand Commando", "Red", "Redwood Militia", "Blue Guard", "Blu", "B", "Sun-Ray"]
    texts = ["the Red Hand Commandos and the Red Hand Commando struck; Red Handed, Redwood Militia, RED HAND",
             "Blue Guardians of the Blu front, B and Sun-Ray; sun-ray, the Red"]
    for ignore_case in (False, True):
        ws = [w.lower() for w in words] if ignore_case else words
        flat = "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))
        flags = re.I if ignore_case else 0
        for around in (r"(?<![\w-])(?:{})(?![\w])", r"(?P<name>{})(?:\s+Commandos?|-led)"):
            tree = re.compile(around.format(alternation(ws, ignore_case)), flags)
            plain = re.compile(around.format(flat), flags)
            for text in texts:
                assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)], text
    assert alternation(["ab", "ac", "a"]) == "a(?:b|c|)"
    assert alternation(["\u017fun", "sun"], ignore_case=True) == "\u017fun|sun"  # two letters re.I takes alike: flat


def test_alternation_with_a_space_that_takes_a_hyphen():
    """A space written as a run of white space and hyphens meets a hyphen of another word at the same place: below
    that place the words stay a flat alternation, so the longer word is still found first (the phrases of the
    event lexicon)."""
    words = ["mortar shell", "mortar-shell fragments", "mortar", "grenade launcher", "grenade"]
    space = r"[\s-]+"
    flat = "|".join(re.escape(w).replace(r"\ ", space) for w in sorted(words, key=len, reverse=True))
    texts = ["The mortar-shell fragments fell near a mortar shell, a mortar--shell and a grenade-launcher.",
             "MORTAR-SHELL FRAGMENTS, GRENADE LAUNCHERS and a grenade"]
    tree = re.compile(r"(?<![\w-])(?:" + alternation(words, True, space) + r")(?![\w])", re.I)
    plain = re.compile(r"(?<![\w-])(?:" + flat + r")(?![\w])", re.I)
    for text in texts:
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)], text
    assert tree.search(texts[0]).group(0) == "mortar-shell fragments"
