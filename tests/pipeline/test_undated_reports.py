"""The whole pipeline with no publication date on reports written here about real 2023-24 events (no date line;
tests/data/undated_reports, gold in tests/data/undated_reports_gold.json; never tuned on): the report's date comes
from the text and every gold event is found on its day."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sitrep.ingest import read_paths
from sitrep.pipeline import event_record, extract_document
from sitrep.resolve.event_time import report_date

DATA = Path(__file__).resolve().parents[1] / "data"
GOLD = {d["id"]: d for d in json.loads((DATA / "undated_reports_gold.json").read_text(encoding="utf-8"))["documents"]}


@pytest.mark.parametrize("name", sorted(GOLD))
def test_undated_report_is_dated_from_its_text(name):
    doc = next(read_paths([str(DATA / "undated_reports" / f"{name}.txt")]))
    day, why = report_date(doc)
    assert day == date.fromisoformat(GOLD[name]["published"]) and why.startswith("inferred"), why
    got = {(e["date"], e["location"]["country"]) for e in map(event_record, extract_document(doc))}
    for gold in GOLD[name]["events"]:
        assert (gold["date"], gold["location"]["country"]) in got, (gold["key"], got)


def test_a_weekday_after_a_start_date_is_not_put_before_it(tmp_path):
    """ "since October 17" bounds the report's date from below: Friday's attack is not dated October 13."""
    text = "Rockets hit the US base at Ain al-Asad on Friday. Attacks on US forces have continued since October 17, 2023."
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    doc = next(read_paths([str(path)]))
    events = [event_record(e) for e in extract_document(doc)]
    assert events and all(e["date"] is None or e["date"] >= "2023-10-17" for e in events)

