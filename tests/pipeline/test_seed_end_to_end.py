"""End to end on the seed report and on rewrites of it an editor might make. Each field is asserted."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from sitrep.ingest import read_paths
from sitrep.pipeline import event_record, extract_document

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SHARED = REPO.parent / "shared"
SEED_NAME = "000_ae200f296289012f.txt"
VARIANTS = REPO / "tests" / "data" / "seed_variants"


def _seed_path() -> Path:
    for p in (SHARED / "seed" / SEED_NAME, REPO / "src" / "sitrep" / "demo" / SEED_NAME):
        if p.exists():
            return p
    pytest.skip("the seed report is neither in ../shared/seed nor bundled in src/sitrep/demo")


def _events(path: Path, published: date | None = None) -> list[dict]:
    doc = next(read_paths([str(path)], published=published))
    return [event_record(e) for e in extract_document(doc)]


def _by_key(events: list[dict]) -> dict[str, dict]:
    """Identify the four events by place, the way a reader would."""
    out = {}
    for e in events:
        lat, lon = e["location"]["latitude"], e["location"]["longitude"]
        if abs(lat - 33.30) < 0.15 and abs(lon - 44.39) < 0.15:
            out["embassy"] = e
        elif abs(lat - 35.45) < 0.4 and abs(lon - 40.30) < 0.4:
            out["conoco"] = e
        elif abs(lat - 33.79) < 0.25 and abs(lon - 42.44) < 0.25:
            out["asad"] = e
        elif abs(lat - 35.47) < 0.4 and abs(lon - 44.39) < 0.4:
            out["kirkuk"] = e
    return out


def _check_four(events: list[dict], *, kirkuk_date: str = "2023-12-03", asad_date: str = "2023-12-06") -> None:
    assert len(events) == 4, [(e["date"], e["location"]["name"]) for e in events]
    ev = _by_key(events)
    assert set(ev) == {"embassy", "conoco", "asad", "kirkuk"}
    emb, con, asad, kir = ev["embassy"], ev["conoco"], ev["asad"], ev["kirkuk"]
    assert emb["date"] == "2023-12-08" and emb["date_precision"] == "day"
    assert (emb["event_type"], emb["sub_event_type"]) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert emb["weapons"] == ["rocket"]
    assert emb["actor1"] is None
    assert "embassy" in emb["target"].lower()
    assert emb["location"]["country"] == "Iraq"
    assert emb["fatalities"] is None
    assert emb["claimed"] is False

    assert con["date"] == "2023-12-08"
    assert con["sub_event_type"] == "Shelling/artillery/missile attack"
    assert con["weapons"] == ["rocket"]
    assert con["actor1"] == "Islamic Resistance in Iraq"
    assert con["location"]["country"] == "Syria"
    assert con["claimed"] is True and con["claimant"] == "Islamic Resistance in Iraq"
    assert con["fatalities"] is None

    assert asad["date"] == asad_date
    assert (asad["event_type"], asad["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert asad["weapons"] == ["drone"]
    assert asad["actor1"] is None
    assert "asad" in asad["target"].lower() or "assad" in asad["target"].lower()
    assert asad["location"]["country"] == "Iraq"
    assert asad["claimed"] is None and asad["fatalities"] is None

    assert kir["date"] == kirkuk_date
    assert kir["sub_event_type"] == "Air/drone strike" and kir["weapons"] == ["airstrike"]
    assert kir["actor1"] == "United States"
    assert "resistance fighters" in kir["target"].lower()
    assert kir["fatalities"] == 5
    assert kir["location"]["country"] == "Iraq" and kir["location"]["name"] == "Kirkuk"
    assert kir["claimed"] is None
    for e in events:  # every event is sourced: evidence spans point at the exact text
        assert e["evidence"]
        for field, spans in e["field_spans"].items():
            assert spans, field


@pytest.mark.parametrize("published", [None, date(2023, 12, 8)])
def test_seed_four_events_every_field(published):
    path = _seed_path()
    events = _events(path, published)
    _check_four(events)
    text = path.read_text(encoding="utf-8")
    for e in events:
        for span in e["evidence"] + [s for spans in e["field_spans"].values() for s in spans]:
            assert text[span["start"]:span["end"]] == span["text"]


def test_generic_statements_are_not_events():
    events = _events(_seed_path())
    quoted = " ".join(s["text"] for e in events for s in e["evidence"])
    assert "near-daily attacks since mid-October" not in quoted
    assert "several rounds of airstrikes" not in quoted


@pytest.mark.parametrize("published", [None, date(2023, 12, 8)])
def test_reordered_with_abbreviated_dates(published):
    _check_four(_events(VARIANTS / "reordered_dec8.txt", published))


def test_weekday_dates():
    _check_four(_events(VARIANTS / "on_friday.txt", date(2023, 12, 8)))


@pytest.mark.parametrize("published", [None, date(2023, 12, 8)])
def test_all_capitals(published):
    _check_four(_events(VARIANTS / "all_caps.txt", published))


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="needs ../shared/eval/score.py")
@pytest.mark.parametrize("extra", [[], ["--published", "2023-12-08"]])
def test_cli_scores_perfect_on_seed(tmp_path, extra):
    out = tmp_path / "out.json"
    with open(out, "w") as fh:
        subprocess.run([sys.executable, "-m", "sitrep.cli", "extract", str(SHARED / "seed" / SEED_NAME),
                        "--format", "json", *extra], stdout=fh, check=True)
    res = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold",
                          str(SHARED / "eval" / "seed-gold.json"), "--system", str(out)],
                         capture_output=True, text=True, check=True)
    last = res.stdout.strip().splitlines()[-1]
    assert "F1=1.000 fields=1.000" in last, res.stdout
    json.loads(out.read_text())
