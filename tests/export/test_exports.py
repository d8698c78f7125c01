"""Exports on a store with real merged incidents (SQLite and PostgreSQL)."""
from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from conftest import BAGHDAD_EMBASSY, make_doc, make_mention
from sitrep.export import FORMATS, to_string, write
from sitrep.export.ucdp import _priogrid
from sitrep.export.writers import ACLED_COLUMNS, UCDP_COLUMNS
from sitrep.model import Place

KHARTOUM = Place("Khartoum", 15.5007, 32.5599, country="Sudan", country_code="SD", admin1="Khartoum", geo_precision=2)


@pytest.fixture
def filled(store):
    a = make_doc("a", "Embassy hit\nFILE: Rockets hit the US Embassy in Baghdad, killing 2.")
    b = make_doc("b", "Embassy attack claimed\nFILE: The Islamic Resistance in Iraq claimed rockets that killed 4.",
                 published=date(2023, 12, 9))
    c = make_doc("c", "Villagers killed\nFILE: Gunmen killed 12 villagers near Khartoum, 'witnesses' said.",
                 published=date(2023, 12, 15))
    store.ingest(a, [make_mention(a, "Rockets hit", place=BAGHDAD_EMBASSY, target="US Embassy", fatalities=2,
                                  claimed=False)])
    store.ingest(b, [make_mention(b, "rockets", place=BAGHDAD_EMBASSY, target="US Embassy", fatalities=4,
                                  claimed=True, claimant="Islamic Resistance in Iraq",
                                  actor1="Islamic Resistance in Iraq")])
    store.ingest(c, [make_mention(c, "Gunmen killed", place=KHARTOUM, event_type="Violence against civilians",
                                  sub_event_type="Attack", when=date(2023, 12, 14), fatalities=12,
                                  actor1="Rapid Support Forces", weapons=("small arms",))])
    return store


def test_acled_columns_and_codes(filled):
    rows = list(csv.DictReader(io.StringIO(to_string(filled, "acled"))))
    assert list(rows[0].keys()) == ACLED_COLUMNS
    by_country = {r["country"]: r for r in rows}
    iraq, sudan = by_country["Iraq"], by_country["Sudan"]
    assert iraq["event_id_cnty"].startswith("IRQ") and iraq["iso"] == "368" and iraq["region"] == "Middle East"
    assert iraq["time_precision"] == "1" and iraq["disorder_type"] == "Political violence"
    assert iraq["fatalities"] == "4" and iraq["inter1"] == "3" and iraq["interaction"] == "30"
    assert "from 2 to 4" in iraq["notes"] and "Claimed by Islamic Resistance in Iraq" in iraq["notes"]
    assert sudan["civilian_targeting"] == "Civilian targeting" and sudan["inter2"] == "7"
    assert sudan["actor2"] == "Civilians (Sudan)" and sudan["interaction"] == "27"  # RSF: a rebel group (2)
    assert sudan["event_date"] == "2023-12-14" and sudan["year"] == "2023" and sudan["geo_precision"] == "2"
    assert int(iraq["timestamp"]) > 1_600_000_000


def test_ucdp_columns_and_codes(filled):
    rows = list(csv.DictReader(io.StringIO(to_string(filled, "ucdp"))))
    assert list(rows[0].keys()) == UCDP_COLUMNS
    by_country = {r["country"]: r for r in rows}
    iraq, sudan = by_country["Iraq"], by_country["Sudan"]
    assert (iraq["low"], iraq["best"], iraq["high"]) == ("2", "4", "4")
    assert iraq["type_of_violence"] == "2" and iraq["number_of_sources"] == "2"
    assert iraq["date_prec"] == "1" and iraq["where_prec"] == "1" and iraq["region"] == "Middle East"
    assert sudan["type_of_violence"] == "3" and sudan["deaths_civilians"] == "12" and sudan["side_b"] == "Civilians"
    assert sudan["date_start"] == sudan["date_end"] == "2023-12-14"
    assert sudan["geom_wkt"] == "POINT (32.5599 15.5007)"
    assert int(iraq["id"]) > 0 and iraq["relid"].startswith("IRQ-2023-2-")


def test_priogrid_cells():
    assert _priogrid(-89.9, -179.9) == 1
    assert _priogrid(-89.9, 179.9) == 720
    assert _priogrid(89.9, 179.9) == 259200
    assert _priogrid(None, 1.0) is None


def test_geojson_jsonl_csv(filled):
    gj = json.loads(to_string(filled, "geojson"))
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == 2
    feat = next(x for x in gj["features"] if x["properties"]["country"] == "Iraq")
    assert feat["geometry"]["coordinates"] == [BAGHDAD_EMBASSY.longitude, BAGHDAD_EMBASSY.latitude]
    assert feat["properties"]["documents"] == ["a", "b"]
    recs = [json.loads(line) for line in to_string(filled, "jsonl").splitlines()]
    for key in ("document", "date", "date_precision", "event_type", "sub_event_type", "weapons", "actor1", "target",
                "location", "fatalities", "claimed"):
        assert all(key in r for r in recs), key
    rows = list(csv.DictReader(io.StringIO(to_string(filled, "csv"))))
    assert {r["documents"] for r in rows} == {"a; b", "c"}
    # filters apply to exports
    assert len(list(csv.DictReader(io.StringIO(to_string(filled, "csv", country="SD"))))) == 1


def test_parquet_roundtrip(filled, tmp_path):
    import pyarrow.parquet as pq

    path = tmp_path / "out.parquet"
    with open(path, "wb") as fh:
        assert write(filled, "parquet", fh) == 2
    table = pq.read_table(path)
    assert table.num_rows == 2
    rows = {r["country"]: r for r in table.to_pylist()}
    assert rows["Iraq"]["documents"] == ["a", "b"] and rows["Iraq"]["date"] == date(2023, 12, 8)
    assert rows["Sudan"]["weapons"] == ["small arms"]


def test_untrusted_text_survives_csv_quoting(store):
    d = make_doc("q", 'Title, "quoted"\nFILE: A rocket hit Baghdad, "they said"; 100%.', source='Outlet, "The"')
    store.ingest(d, [make_mention(d, "A rocket hit", place=BAGHDAD_EMBASSY, target='Base "X", north')])
    rows = list(csv.DictReader(io.StringIO(to_string(store, "acled"))))
    assert rows[0]["source"] == 'Outlet, "The"'
    assert len(rows) == 1 and rows[0]["latitude"] == str(BAGHDAD_EMBASSY.latitude)


def test_export_command_writes_every_format(filled, store_url, tmp_path, capsys):
    from sitrep.cli import main

    for fmt in FORMATS:
        out = tmp_path / f"x.{fmt}"
        assert main(["export", "--format", fmt, "--db", store_url, "-o", str(out)]) == 0
        assert out.stat().st_size > 0
    assert main(["export", "--format", "parquet", "--db", store_url]) == 2
    capsys.readouterr()
    assert main(["incidents", "--db", store_url, "--country", "IQ", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 1 and data["items"][0]["n_sources"] == 2
    assert main(["incidents", "--db", store_url, "--from", "2023-12-10"]) == 0
    table = capsys.readouterr().out
    assert "Khartoum" in table and "Baghdad" not in table and "1 of 1 incidents" in table
    assert main(["incidents", "--db", store_url, "--from", "yesterday"]) == 2


def test_data_dictionary_lists_every_column_of_every_export():
    """docs/data-dictionary.md (served at /docs/data) names each column and each format, as datasette's
    test_docs fails on an undocumented setting."""
    from pathlib import Path

    from sitrep.export import FORMATS
    from sitrep.export.writers import CSV_COLUMNS

    text = (Path(__file__).resolve().parents[2] / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    missing = [c for c in CSV_COLUMNS + ACLED_COLUMNS + UCDP_COLUMNS if f"`{c}`" not in text]
    assert not missing, f"columns not in docs/data-dictionary.md: {missing}"
    assert not [f for f in FORMATS if f"| `{f}` |" not in text]
    assert (Path(__file__).resolve().parents[2] / "FORMAT.md").exists()  # the README cites it


def test_cli_and_api_take_their_formats_from_the_registry():
    from sitrep.cli import build_parser
    from sitrep.export import FORMATS
    from sitrep.serve.app import EXPORT_FORMATS

    sub = build_parser(load="export")._subparsers._group_actions[0].choices["export"]
    fmt = next(a for a in sub._actions if a.dest == "format")
    assert list(fmt.choices) == list(FORMATS) and EXPORT_FORMATS == tuple(FORMATS)


def test_exports_page_through_every_incident(filled, store):
    """Pages of the store are read by keyset (id order): a small page size still yields each incident once."""
    from sitrep.export.registry import pairs_from_store

    d = make_doc("d", "Later\nFILE: Rockets hit Baghdad again.", published=date(2024, 1, 2))
    store.ingest(d, [make_mention(d, "Rockets hit", place=BAGHDAD_EMBASSY, when=date(2024, 1, 1))])
    ids = [inc["id"] for inc, _ in pairs_from_store(store, {}, batch=1)]
    assert len(ids) == len(set(ids)) == 3 == store.count_incidents() and ids == sorted(ids)
    assert [i for i, _ in pairs_from_store(store, {"country": "SD"}, batch=1)][0]["location"]["country"] == "Sudan"
