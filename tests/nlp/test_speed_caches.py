"""The remembered answers that save work (a report's whole text read for actors, an ALL-CAPS report's
truecasing) give what the work done anew gives."""
from __future__ import annotations

from sitrep.resolve import actor

# a report of our own, long enough (over 400 characters) to be remembered as a whole text
REPORT = ("Fighters of the Islamic State attacked an army post near the border on Tuesday, 4 March 2025, and "
          "the Nigerian troops who held it fired back for two hours, the army said. Boko Haram said on Wednesday "
          "that its men had taken the post. Residents said the attackers came on motorcycles at dawn and left "
          "before noon. Two days later, soldiers of the Nigerian Army returned and found the post burnt. "
          "The governor said the state would rebuild it by the end of the month.")


def test_whole_text_actors_remembered_equal_fresh():
    assert len(REPORT) > actor._MEMO_CHARS
    fresh = actor._find_actors(REPORT)
    first = actor.find_actors(REPORT)
    assert first == fresh and fresh
    first.clear()  # a caller's list is its own: the remembered answer stays whole
    assert actor.find_actors(REPORT) == fresh
    assert actor.find_actors(REPORT[:300]) == actor._find_actors(REPORT[:300])


def test_truecase_remembered_equals_fresh():
    import importlib

    tc = importlib.import_module("sitrep.nlp.truecase")

    caps = REPORT.upper()
    assert tc.truecase(caps) == tc._truecase(caps) == tc.truecase(caps)
    title = "Gunmen Kill Five In Attack On Plateau Village"
    assert tc.truecase(title, title=True) == tc._truecase(title, title=True)


def test_remembered_lemma_equals_the_tokens():
    import pytest

    pytest.importorskip("spacy")
    from sitrep.nlp.spacy_model import load_spacy
    from sitrep.nlp.tokens import lemma

    nlp = load_spacy()
    doc = nlp("Gunmen were shooting at the police; the Police said the gunmen had shot two officers.")
    words = [(t.lemma_ or t.text).lower() for t in doc]
    assert [lemma(t) for t in doc] == words == [lemma(t) for t in doc]
    blank = nlp.make_doc("Gunmen shot")  # no lemmas yet: the text
    assert [lemma(t) for t in blank] == ["gunmen", "shot"]


def test_mostly_caps_counts_ascii_letters_as_a_pattern_would():
    """is_mostly_caps counts A-Z and a-z as bytes of the UTF-8 text: the same counts as the patterns [A-Z], [a-z]
    on the text, with letters beyond ASCII, a lone surrogate and a text longer than the 20,000 read."""
    import re

    from sitrep.nlp.truecase import is_mostly_caps

    def by_pattern(text: str, least: int) -> bool:
        head = text[:20000]
        upper, lower = len(re.findall("[A-Z]", head)), len(re.findall("[a-z]", head))
        return upper + lower >= least and upper / (upper + lower) > 0.85

    texts = ["GUNMEN KILL FIVE IN PLATEAU VILLAGE", "Gunmen kill five", "ÉCOLE ÜNITED ſ K İ ı \ud800 ABC déf",
             "CULT CLASH, LAGOS", "x" * 30000 + "A" * 10, "A" * 19999 + "é" + "b" * 10, ""]
    for least in (1, 3, 20):
        assert [is_mostly_caps(t, least) for t in texts] == [by_pattern(t, least) for t in texts]


def test_truecase_word_memo_equals_a_fresh_memo(monkeypatch):
    """The words remembered from one report case another as when each is looked up anew (an empty memo), in
    both modes, also when the memo is full and starts over."""
    import importlib

    tc = importlib.import_module("sitrep.nlp.truecase")
    caps = REPORT.upper() + " OQUELI AND GWOZA WERE NAMED IN MAY. COLOMBIA'S ARMY AND SALVADORAN TROOPS FOUGHT."
    tc._truecase(caps), tc._truecase(caps, places=True)  # the memo filled by the same words
    filled = tc._truecase(caps), tc._truecase(caps, places=True)
    tc._word_cases(False).clear()
    tc._word_cases(True).clear()
    assert (tc._truecase(caps), tc._truecase(caps, places=True)) == filled
    tc._word_cases(False).clear()
    monkeypatch.setattr(tc, "_WORD_CASES", 3)  # starts over after three words
    assert (tc._truecase(caps), tc._truecase(caps, places=True)) == filled
    assert len(tc._word_cases(False)) <= 3
    assert "Oqueli" in filled[0] and "Colombia's" in filled[1]
