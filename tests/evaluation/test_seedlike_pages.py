"""benchmarks/seedlike.py --pages: the events extracted from the reports whose gold holds none are counted per page."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _seedlike():
    spec = importlib.util.spec_from_file_location("seedlike", ROOT / "benchmarks" / "seedlike.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_page_false_counts_events_on_reports_with_no_gold_event(tmp_path):
    gold = tmp_path / "set_gold.json"
    gold.write_text(json.dumps({"documents": [
        {"id": "allotment_show", "events": []},
        {"id": "chess_club", "events": []},
        {"id": "market_bombing", "events": [{"event_date": "2025-03-02"}]}]}))
    records = [{"document": "allotment_show"}, {"document": "allotment_show"}, {"document": "market_bombing"}]
    pages, false = _seedlike().page_false(gold, records)
    assert pages == 2
    assert false == {"allotment_show": 2}
