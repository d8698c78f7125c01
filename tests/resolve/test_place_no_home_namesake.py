"""In a text of no home country, a town ten times smaller than a namesake abroad takes no more than
``no_home_support_max`` from its subdivision being named (s34): a world story that mentions Illinois once does not
make its "Paris" Paris, Illinois."""
from __future__ import annotations

import dataclasses

from sitrep.resolve import place as P
from sitrep.resolve.place_scoring import load_scoring

TEXT = ("Ministers from Japan, China and South Korea met in Tokyo on Monday, while Berlin and Paris urged calm and "
        "the Kremlin said Moscow would sell more gas to Beijing. Corn growers in Illinois said Chinese orders had "
        "fallen, and traders in London and Paris watched prices.")


def _paris(text: str):
    starts = [i for i in range(len(text)) if text.startswith("Paris", i)]
    return P.resolve_spans(text, [(s, s + 5) for s in starts])


def test_a_world_story_naming_a_state_keeps_paris_in_france():
    assert all(p is not None and p.country_code == "FR" for p in _paris(TEXT))


def test_without_the_cap_the_state_would_pull_paris(monkeypatch):
    off = dataclasses.replace(load_scoring(), context_no_home_support_max=99.0)
    monkeypatch.setattr(P, "load_scoring", lambda *a, **k: off)
    assert any(p is not None and p.country_code == "US" for p in _paris(TEXT))
