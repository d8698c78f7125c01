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
