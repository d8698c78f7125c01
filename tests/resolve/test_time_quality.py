"""Quality gate: the temporal module on TimeBank must not fall below the floors recorded here (a little under
what benchmarks/timex.py measured when they were set). Raise a floor when the figures improve."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import timex_benchmark

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("SITREP_SHARED") or ROOT / ".." / "shared")
TIMEBANK = SHARED / "data" / "timeml" / "TimeBank"

# measured on TimeBank (183 documents, the tune corpus; no parse): value accuracy 0.909, strict F1 0.930, relaxed
# F1 0.952, end-to-end value accuracy 0.902 after issue 13's fourth round (0.909 / 0.930 / 0.952 / 0.896 before it;
# 0.909 / 0.926 / 0.952 / 0.897 before the third; 0.903 / 0.909 / 0.941 / 0.887 before the second; 0.901 / 0.895 /
# 0.935 / 0.883 before the first)
FLOORS = {"value_accuracy": 0.905, "strict_f1": 0.925, "relaxed_f1": 0.945, "e2e_value_accuracy": 0.895,
          # DATE-only strict detection (system DATE against gold DATE, the sealed wire figure's kind): 0.924 when set
          # (session 30, no parse as here)
          "date_strict_f1": 0.92}
# TE3-platinum (20 documents, the check corpus, never tuned on): 0.906 / 0.859 / 0.941 / 0.882 after the fourth
# round (0.906 / 0.859 / 0.941 / 0.858 before it; 0.906 / 0.833 / 0.937 / 0.857 before the third, 0.906 / 0.833 /
# 0.937 / 0.841 before the second, 0.885 / 0.809 / 0.914 / 0.836 before the first); floors only guard against
# regressions
CHECK_FLOORS = {"value_accuracy": 0.90, "strict_f1": 0.85, "relaxed_f1": 0.935, "e2e_value_accuracy": 0.87,
                "date_strict_f1": 0.885}  # DATE-only strict detection: 0.893 when set (session 30, no parse)
TE3 = SHARED / "data" / "timeml" / "te3-platinum"


def _benchmark():
    return timex_benchmark()


def _scores(directory: Path) -> dict:
    s = _benchmark().score_dir(directory)
    return {"value_accuracy": s["value_accuracy"], "strict_f1": s["strict"][2], "relaxed_f1": s["relaxed"][2],
            "e2e_value_accuracy": s["e2e_value_accuracy"], "date_strict_f1": s["date_strict"][2]}


@pytest.mark.shared
@pytest.mark.parametrize("corpus, floors", [(TIMEBANK, FLOORS), (TE3, CHECK_FLOORS)], ids=["timebank", "te3_check"])
def test_corpus_floors(corpus: Path, floors: dict):
    """TimeBank (rules chosen on it) and TE3-platinum (the check) stay above their recorded floors."""
    if not corpus.is_dir():
        pytest.skip(f"needs ../shared/data ({corpus.parent.name}/{corpus.name})")
    got = _scores(corpus)
    low = {k: round(v, 3) for k, v in got.items() if v < floors[k]}
    assert not low, f"below the recorded floors {floors}: {low}"


def test_benchmark_reads_timeml(tmp_path):
    """The reader on a hand-made document: creation time, offsets into the tag-free text, entities."""
    (tmp_path / "a.tml").write_text(
        '<?xml version="1.0" ?><TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13" '
        'functionInDocument="CREATION_TIME">02/13/1998</TIMEX3></DCT><TEXT>AT&amp;T said '
        '<TIMEX3 tid="t1" type="DATE" value="1998-02-12">yesterday</TIMEX3> that <EVENT eid="e1">sales</EVENT> '
        'rose <TIMEX3 tid="t2" type="DURATION" value="P2Y">two years</TIMEX3> running.</TEXT></TimeML>',
        encoding="utf-8")
    bench = _benchmark()
    doc = bench.read_tml(tmp_path / "a.tml")
    assert str(doc.dct) == "1998-02-13"
    assert [(doc.text[g.start:g.end], g.type, g.value) for g in doc.timexes] == [
        ("yesterday", "DATE", "1998-02-12"), ("two years", "DURATION", "P2Y")]
    s = bench.score_dir(tmp_path)
    assert s["value_accuracy"] == 1.0 and s["relaxed"][2] == 1.0 and s["strict"][2] == 1.0
    assert s["date_strict"][2] == 1.0 and s["date_relaxed"][2] == 1.0 and s["date_unread"] == 0


def test_benchmark_counts_date_detection():
    """DATE-only detection: a system DATE on a gold DURATION's span counts against DATE precision, a gold DATE
    found as another type against DATE recall; the span itself still counts for all-types detection."""
    from sitrep.model import Timex

    bench = _benchmark()
    golds = [bench.Gold(0, 6, "Friday", "DATE", "1998-02-13"), bench.Gold(10, 19, "two years", "DURATION", "P2Y"),
             bench.Gold(30, 39, "last week", "DATE", "1998-W06")]
    found = [Timex(start=0, end=6, text="Friday", type="DATE", value="1998-02-13", anchor="report"),
             Timex(start=10, end=19, text="two years", type="DATE", value="PAST_REF", anchor="report"),
             Timex(start=30, end=34, text="last", type="DATE", value="1998-W06", anchor="report")]
    c = bench.date_detection(found, golds)
    assert (c["date_sys"], c["date_gold"]) == (3, 2)
    assert (c["date_strict_sys"], c["date_strict_gold"]) == (1, 1)
    assert (c["date_relaxed_sys"], c["date_relaxed_gold"]) == (2, 2)


def test_wire_story_sets_read():
    """The two sets of whole 1998-2000 wire stories (check sets, benchmarks/data/timex_wire1 and timex_wire2) read
    as TimeML: every story has its creation time and the counts their READMEs give."""
    bench = _benchmark()
    for directory, stories, timexes, dates in ((bench.WIRE1_DIR, 14, 194, 137), (bench.WIRE2_DIR, 10, 141, 135)):
        docs = bench.read_dir(directory)
        assert len(docs) == stories and all(d.dct is not None for d in docs)
        assert sum(len(d.timexes) for d in docs) == timexes
        assert sum(g.type == "DATE" for d in docs for g in d.timexes) == dates
