"""Exports come back in: ``sitrep ingest`` recognises sitrep's own exports and ACLED / UCDP CSVs and
imports them as incidents with their sources; export -> ingest -> export is the identity for JSON Lines."""
from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date

import pytest

from conftest import BAGHDAD_EMBASSY, make_doc, make_mention
from sitrep.cli import main
from sitrep.export import to_string
from sitrep.ingest.tabular import sniff
from sitrep.store import open_store


@pytest.fixture
def source_store(store):
    a = make_doc("a", "Embassy hit\nFILE: Rockets hit the US Embassy in Baghdad, killing 2.", source="Reuters",
                 url="https://www.reuters.com/x")
    b = make_doc("b", "Embassy attack claimed\nFILE: The Islamic Resistance in Iraq claimed rockets that killed 4.",
                 published=date(2023, 12, 9))
    c = make_doc("c", "Unplaced\nFILE: =HYPERLINK(\"x\") Gunmen attacked a convoy somewhere.", published=date(2023, 12, 9))
    store.ingest(a, [make_mention(a, "Rockets hit", place=BAGHDAD_EMBASSY, target="US Embassy", fatalities=2,
                                  claimed=False)])
    store.ingest(b, [make_mention(b, "rockets", place=BAGHDAD_EMBASSY, target="US Embassy", fatalities=4,
                                  claimed=True, claimant="Islamic Resistance in Iraq",
                                  actor1="Islamic Resistance in Iraq")])
    store.ingest(c, [make_mention(c, "Gunmen attacked", target="=convoy", event_type="Battles",
                                  sub_event_type="Armed clash", when=date(2023, 12, 7), actor1="+Gunmen")])
    return store


def _ingest(path, db, capsys) -> tuple[int, str]:
    code = main(["ingest", str(path), "--db", str(db)])
    return code, capsys.readouterr().out


def test_jsonl_export_ingest_export_is_the_identity(source_store, tmp_path, capsys):
    first = to_string(source_store, "jsonl")
    path = tmp_path / "incidents.jsonl"
    path.write_text(first, encoding="utf-8")
    code, out = _ingest(path, tmp_path / "copy.sqlite", capsys)
    assert code == 0 and "2 incidents imported" in out
    with open_store(str(tmp_path / "copy.sqlite")) as copy:
        assert to_string(copy, "jsonl") == first
        assert to_string(copy, "acled") == to_string(source_store, "acled")
        again = _ingest(path, tmp_path / "copy.sqlite", capsys)
        assert again[0] == 0 and copy.count_incidents() == 2  # idempotent


def test_sitrep_csv_and_geojson_come_back(source_store, tmp_path, capsys):
    for fmt in ("csv", "geojson"):
        path = tmp_path / f"incidents.{fmt}"
        path.write_text(to_string(source_store, fmt), encoding="utf-8")
        code, out = _ingest(path, tmp_path / f"{fmt}.sqlite", capsys)
        assert code == 0 and "2 incidents imported" in out, fmt
        with open_store(str(tmp_path / f"{fmt}.sqlite")) as copy:
            back = {r["id"]: r for r in copy.incidents()}
            for r in source_store.incidents():
                got = back[r["id"]]
                for k in ("date", "event_type", "actor1", "target", "fatalities", "fatalities_low", "claimed"):
                    assert got[k] == r[k], (fmt, k)
                assert got["location"]["latitude"] == r["location"]["latitude"]


def test_acled_and_ucdp_csvs_are_imported_not_read_as_prose(source_store, tmp_path, capsys):
    for fmt in ("acled", "ucdp"):
        text = to_string(source_store, fmt)
        path = tmp_path / f"{fmt}.csv"
        path.write_text(text, encoding="utf-8")
        assert sniff(path.read_bytes()) == fmt
        code, out = _ingest(path, tmp_path / f"{fmt}.sqlite", capsys)
        assert code == 0 and "2 incidents imported" in out, out
        with open_store(str(tmp_path / f"{fmt}.sqlite")) as copy:
            rows = copy.incidents()
            assert len(rows) == 2 and copy.count_documents() == 2
            embassy = next(r for r in rows if r["location"]["name"] == "US Embassy in Baghdad")
            assert embassy["date"] == "2023-12-08" and embassy["fatalities"] == 4
            assert embassy["location"]["country_code"] == "IQ"
            unplaced = next(r for r in rows if r["location"]["name"] is None)
            assert unplaced["actor1"] == "+Gunmen"  # the formula guard is undone on the way in


def test_acled_unknown_fatalities_come_back_unknown(store, tmp_path, capsys):
    d = make_doc("k", "Blast\nFILE: A blast hit Baghdad.")
    store.ingest(d, [make_mention(d, "A blast", place=BAGHDAD_EMBASSY)])
    path = tmp_path / "acled.csv"
    path.write_text(to_string(store, "acled"), encoding="utf-8")
    assert _ingest(path, tmp_path / "k.sqlite", capsys)[0] == 0
    with open_store(str(tmp_path / "k.sqlite")) as copy:
        assert copy.incidents()[0]["fatalities"] is None


def test_an_export_inside_an_archive_is_refused_with_a_reason(source_store, tmp_path, capsys):
    path = tmp_path / "exports.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("acled.csv", to_string(source_store, "acled"))
    code = main(["ingest", str(path), "--db", str(tmp_path / "z.sqlite")])
    err = capsys.readouterr().err
    assert code == 1 and "E118" in err and "acled" in err


def test_a_report_is_not_mistaken_for_an_export():
    assert sniff(b"Rockets hit a base\nFILE: Rockets hit a base near Erbil, officials said.") is None
    assert sniff(b'{"id": "r1", "text": "Rockets hit a base.", "title": "t"}\n') is None
    assert sniff(b"date,place,what\n2023-12-08,Erbil,rockets\n") is None


def test_events_round_trip_keeps_the_fatality_range(tmp_path, capsys):
    doc = tmp_path / "r1.txt"
    doc.write_text("Base hit\nFILE: Rockets hit a base, killing between 3 and 5 soldiers.", encoding="utf-8")
    text = doc.read_text(encoding="utf-8")
    start = text.index("Rockets hit")
    rec = {"document": "r1", "date": "2023-12-08", "date_precision": "day",
           "event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
           "weapons": ["rocket"], "actor1": None, "target": "base", "location": None, "fatalities": 4,
           "fatalities_range": {"low": 3, "best": 4, "high": 5}, "claimed": None,
           "evidence": [{"start": start, "end": start + 11, "text": "Rockets hit"}]}
    events = tmp_path / "events.jsonl"
    events.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    assert main(["ingest", str(doc), "--events", str(events), "--db", str(tmp_path / "e.sqlite")]) == 0
    capsys.readouterr()
    with open_store(str(tmp_path / "e.sqlite")) as s:
        (inc,) = s.incidents()
        assert (inc["fatalities_low"], inc["fatalities"], inc["fatalities_high"]) == (3, 4, 5)
        rows = list(csv.DictReader(io.StringIO(to_string(s, "csv"))))
        assert rows[0]["fatalities_low"] == "3" and rows[0]["fatalities_high"] == "5"
