"""The TimeML reader and the date check of benchmarks/event_dates.py, on a small document of our own."""
import importlib.util
import sys
from datetime import date
from pathlib import Path

_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "event_dates.py"


def _bench():
    """benchmarks/event_dates.py as a module, loaded when a test runs (not at collection)."""
    spec = importlib.util.spec_from_file_location("event_dates_benchmark", _PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["event_dates_benchmark"] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


TML = """<?xml version="1.0" ?>
<TimeML><DOCID>t1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2004-03-12" functionInDocument="CREATION_TIME">March 12, 2004</TIMEX3></DCT>
<TEXT>Gunmen <EVENT eid="e1" class="OCCURRENCE">attacked</EVENT> a depot near Tarn on
<TIMEX3 tid="t1" type="DATE" value="2004-03-10">Wednesday</TIMEX3>, and ministers
<EVENT eid="e2" class="OCCURRENCE">met</EVENT> <TIMEX3 tid="t2" type="DATE" value="2004-03-11">Thursday</TIMEX3>.
Police <EVENT eid="e3" class="OCCURRENCE">shot</EVENT> a man later.</TEXT>
<MAKEINSTANCE eiid="ei1" eventID="e1" tense="PAST" />
<MAKEINSTANCE eiid="ei2" eventID="e2" tense="PAST" />
<MAKEINSTANCE eiid="ei3" eventID="e3" tense="PAST" />
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1" />
<TLINK lid="l2" relType="INCLUDES" timeID="t2" relatedToEventInstance="ei2" />
<TLINK lid="l3" relType="AFTER" eventInstanceID="ei3" relatedToTime="t1" />
</TimeML>
"""


def test_the_reader_keeps_events_a_tlink_puts_inside_a_day_and_marks_the_violent_ones(tmp_path):
    path = tmp_path / "t1.tml"
    path.write_text(TML, encoding="utf-8")
    p = _bench().read_tml(path, frozenset({"attack", "shoot"}))
    assert p.dct == date(2004, 3, 12)
    got = {(g.word, g.value, g.violent) for g in p.events}
    assert got == {("attacked", "2004-03-10", True), ("met", "2004-03-11", False)}  # "shot ... AFTER": no day
    attacked = next(g for g in p.events if g.word == "attacked")
    assert p.text[attacked.start:attacked.end] == "attacked"


def test_the_date_check_by_precision():
    bench = _bench()
    assert bench.right("2004-03-10", date(2004, 3, 10), "day")
    assert bench.right("2004-03", date(2004, 3, 1), "month")
    assert bench.right("2004-W11", date(2004, 3, 10), "week")
    assert bench.right("1996", None, None)  # a year: no day
    assert not bench.right("1996", date(1996, 1, 1), "day")
    assert not bench.right("2004-03-10", None, None)
