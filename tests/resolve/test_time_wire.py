"""The wire-style sentences of ``data/wire_timex.txt`` (written for sitrep, issue 13's third round): every tagged
expression found with its TimeML extent and value, nothing else found. Sentences that name a weekday are read with
their spaCy parse, as the pipeline reads event sentences; an expression relative to another event ("the previous
day") is applied to the day the sentence named before it."""
from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

import pytest

from sitrep.resolve.time import DocumentTimes, event_date

WIRE = Path(__file__).parent / "data" / "wire_timex.txt"
_TAG = re.compile(r'<TIMEX3 type="(?P<type>[A-Z]+)" value="(?P<value>[^"]+)">(?P<text>[^<]+)</TIMEX3>')


def _cases() -> list[tuple[str, date, str, list[tuple[str, str, str]]]]:
    cases = []
    for n, line in enumerate(WIRE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        dct, _, tagged = line.partition("\t")
        gold = [(html.unescape(m.group("text")), m.group("type"), m.group("value")) for m in _TAG.finditer(tagged)]
        cases.append((f"line {n}", date.fromisoformat(dct), html.unescape(_TAG.sub(r"\g<text>", tagged)), gold))
    return cases


CASES = _cases()


def test_the_set_is_large_enough_and_well_formed():
    assert len(CASES) >= 60
    assert all("<" not in text for _, _, text, _ in CASES)


@pytest.mark.parametrize("where, dct, text, gold", CASES, ids=[c[0] for c in CASES])
def test_wire_sentence(where, dct, text, gold, nlp):
    times = DocumentTimes(text, dct, signals=False)
    got = []
    for t in times.find(0, len(text), parse=nlp(text)):
        value = t.value
        if t.anchor == "event":
            day = times._resolver.ctx.last_day or dct
            value = (event_date(t, day) or day).isoformat()
        got.append((t.text, t.type, value))
    assert got == gold
