"""ACLED and UCDP coding of exported incidents: one test per defect the codebook review found.
Incidents are written by hand (one mention each) into real stores."""
from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from conftest import BAGHDAD_EMBASSY, make_doc, make_mention
from sitrep.export import to_string
from sitrep.export.writers import UCDP_COLUMNS, num_id, spreadsheet_safe
from sitrep.model import Place

KHARKIV = Place("Kharkiv", 49.9935, 36.2304, country="Ukraine", country_code="UA", admin1="Kharkiv", geo_precision=1)
MOSCOW = Place("Moscow", 55.7558, 37.6173, country="Russia", country_code="RU", admin1="Moscow", geo_precision=1)
QAMISHLI = Place("Qamishli", 37.0522, 41.2317, country="Syria", country_code="SY", admin1="Al-Hasakah", geo_precision=1)
MAIDUGURI = Place("Maiduguri", 11.8311, 13.1510, country="Nigeria", country_code="NG", admin1="Borno",
                  geo_precision=1)
KABUL = Place("Kabul", 34.5553, 69.2075, country="Afghanistan", country_code="AF", admin1="Kabul", geo_precision=1)
GAZA = Place("Gaza", 31.5017, 34.4668, country="Palestinian Territory", country_code="PS", admin1="Gaza Strip",
             geo_precision=1)
IRAQ = Place("Iraq", 33.0, 44.0, country="Iraq", country_code="IQ", feature="PCLI", geo_precision=3)
RED_SEA = Place("Red Sea", 20.0, 38.5, country=None, country_code=None, feature="SEA", geo_precision=3)


def _ingest(store, doc_id: str, text: str, trigger: str, **kw):
    d = make_doc(doc_id, text, published=kw.pop("published", date(2023, 12, 8)), source=kw.pop("source", None))
    store.ingest(d, [make_mention(d, trigger, **kw)])


def _rows(store, fmt: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(to_string(store, fmt))))


def _by_location(store, fmt: str, key: str) -> dict[str, dict]:
    return {r[key]: r for r in _rows(store, fmt)}


@pytest.fixture
def coded(store):
    _ingest(store, "ru", "Strike on Kharkiv\nFILE: Russian forces shelled Kharkiv overnight.", "shelled",
            place=KHARKIV, actor1="Russia", target="apartment block")
    _ingest(store, "ru2", "Moscow drill\nFILE: Russian troops fired at a range near Moscow.", "fired",
            place=MOSCOW, actor1="Russia", event_type="Battles", sub_event_type="Armed clash", when=date(2023, 12, 6))
    _ingest(store, "tr", "Drone strike\nFILE: A Turkish drone struck a car near Qamishli.", "struck",
            place=QAMISHLI, actor1="Turkey", sub_event_type="Air/drone strike", weapons=("drone",))
    _ingest(store, "bh", "Market bombing\nFILE: A bomb tore through a market in Maiduguri, killing 30 people.",
            "tore through", place=MAIDUGURI, actor1="Boko Haram", target="market", fatalities=30,
            sub_event_type="Suicide bomb", weapons=("suicide bomb",), source="Premium Times")
    _ingest(store, "iri", "Base attacked\nFILE: The Islamic Resistance in Iraq fired rockets at US troops.",
            "fired rockets", place=BAGHDAD_EMBASSY, actor1="Islamic Resistance in Iraq", target="US troops",
            when=date(2023, 12, 5))
    _ingest(store, "kb", "Kabul blast\nFILE: An explosion hit Kabul; casualties are not known.", "explosion",
            place=KABUL, when=date(2023, 12, 3), weapons=("ied",),
            sub_event_type="Remote explosive/landmine/IED")
    _ingest(store, "gz", "Gaza strike\nFILE: =HYPERLINK(\"http://x\") An airstrike hit Gaza.", "An airstrike",
            place=GAZA, actor1="Israel", target="=HYPERLINK(\"http://x\",\"click\")", when=date(2023, 12, 2))
    _ingest(store, "iq", "Iraq\nFILE: Rockets were fired somewhere in Iraq.", "Rockets", place=IRAQ,
            when=date(2023, 11, 30))
    _ingest(store, "rs", "Red Sea\nFILE: A missile was fired at a ship in the Red Sea.", "missile",
            place=RED_SEA, actor1="Houthis", target="ship", when=date(2023, 11, 28))
    return store


def test_acled_state_forces_abroad_and_at_home(coded):
    rows = _by_location(coded, "acled", "location")
    assert rows["Kharkiv"]["inter1"] == "8"  # Russia's forces outside Russia: external forces
    assert rows["Moscow"]["inter1"] == "1"  # at home: state forces
    assert rows["Qamishli"]["inter1"] == "8"  # Turkey in Syria


def test_acled_rebels_civilians_and_attacked_forces(coded):
    rows = _by_location(coded, "acled", "location")
    bomb = rows["Maiduguri"]
    assert bomb["inter1"] == "2" and bomb["civilian_targeting"] == "Civilian targeting"
    assert bomb["actor2"] == "Civilians (Nigeria)" and bomb["inter2"] == "7" and bomb["interaction"] == "27"
    assert bomb["source"] == "Premium Times"
    attack = rows["US Embassy in Baghdad"]
    assert attack["actor2"] == "Military Forces of United States" and attack["inter2"] == "8"
    assert attack["inter1"] == "3" and attack["interaction"] == "38"
    assert rows["Red Sea"]["inter1"] == "2"  # Houthis: rebel group


def test_acled_unknown_fatalities_country_region_and_source(coded):
    rows = _by_location(coded, "acled", "location")
    kabul = rows["Kabul"]
    assert kabul["fatalities"] == "0" and kabul["tags"] == "fatalities unknown"
    assert "Fatalities unknown" in kabul["notes"]
    assert kabul["region"] == "South Asia" and kabul["country"] == "Afghanistan"
    assert kabul["actor1"] == "Unidentified Armed Group (Afghanistan)"
    assert kabul["source"] == ""  # no outlet known: never the headline
    gaza = rows["Gaza"]
    assert gaza["country"] == "Palestine" and gaza["region"] == "Middle East"


def test_acled_a_doer_of_no_known_group_takes_the_country(store):
    _ingest(store, "kb2", "Kabul raid\nFILE: Gunmen stormed a guest house in Kabul overnight.", "stormed",
            place=KABUL, actor1="Unidentified Armed Group", target="guest house")
    assert _rows(store, "acled")[0]["actor1"] == "Unidentified Armed Group (Afghanistan)"


def test_ucdp_sides_and_type_of_violence(coded):
    rows = _by_location(coded, "ucdp", "where_coordinates")
    attack = rows["US Embassy in Baghdad"]  # a militia on a state's forces: state-based
    assert attack["type_of_violence"] == "1"
    assert attack["side_a"] == "Government of United States" and attack["side_b"] == "Islamic Resistance in Iraq"
    assert attack["gwnoa"] == "2" and attack["gwnob"] == ""
    bomb = rows["Maiduguri"]  # a bombing of a market: one-sided
    assert bomb["type_of_violence"] == "3" and bomb["side_a"] == "Boko Haram" and bomb["side_b"] == "Civilians"
    assert bomb["deaths_civilians"] == "30" and bomb["country_id"] == "475" and bomb["active_year"] == "1"
    kharkiv = rows["Kharkiv"]
    assert kharkiv["type_of_violence"] == "3" and kharkiv["side_a"] == "Government of Russian Federation"
    assert kharkiv["gwnoa"] == "365"
    for r in rows.values():
        assert r["side_b"] in ("", "Civilians") or r["side_b"].startswith("Government of") or r["side_b"][0].isupper()
        assert "None" not in r["relid"] and r["active_year"] in ("0", "1")


def test_ucdp_where_prec_ids_and_sources(coded):
    rows = _by_location(coded, "ucdp", "where_coordinates")
    assert rows["Iraq"]["where_prec"] == "6"  # the country
    assert rows["Red Sea"]["where_prec"] == "7"  # a sea
    assert rows["Kharkiv"]["where_prec"] == "1"
    assert rows["Maiduguri"]["source_article"] == "Premium Times,2023-12-08,Market bombing"
    assert list(_rows(coded, "ucdp")[0]) == UCDP_COLUMNS


def test_ucdp_ids_are_unique_on_100000_incidents():
    from sitrep.merge import incident_id

    ids = {num_id(incident_id(f"syn-{i:07d}#0")) for i in range(100_000)}
    assert len(ids) == 100_000 and max(ids) < 2 ** 53  # exact in a double (JavaScript, spreadsheets)


def test_formula_cells_are_neutralised(coded):
    for fmt in ("csv", "acled", "ucdp"):
        text = to_string(coded, fmt)
        for row in csv.reader(io.StringIO(text)):
            for cell in row:
                assert not cell.startswith(("=", "+", "@")), (fmt, cell)
                assert not cell.startswith("-") or cell[1:2].isdigit(), (fmt, cell)
    assert spreadsheet_safe("-12.5") == "-12.5" and spreadsheet_safe("-1e3") == "-1e3"
    assert spreadsheet_safe("=1+2") == "'=1+2" and spreadsheet_safe("@SUM(A1)") == "'@SUM(A1)"
    assert spreadsheet_safe("+cmd") == "'+cmd" and spreadsheet_safe("-x") == "'-x" and spreadsheet_safe(-3) == -3


def test_no_cell_is_a_formula_in_a_spreadsheet(coded, tmp_path):
    """Each CSV loaded the way a spreadsheet imports it (openpyxl takes a text starting with '=' as a
    formula), saved and reopened: no cell is a formula."""
    openpyxl = pytest.importorskip("openpyxl")
    for fmt in ("csv", "acled", "ucdp"):
        wb = openpyxl.Workbook()
        ws = wb.active
        for row in csv.reader(io.StringIO(to_string(coded, fmt))):
            ws.append(row)
        path = tmp_path / f"{fmt}.xlsx"
        wb.save(path)
        cells = [c for r in openpyxl.load_workbook(path).active.iter_rows() for c in r]
        assert cells and not [c.value for c in cells if c.data_type == "f"], fmt


def test_bom_for_spreadsheets(coded, tmp_path):
    from sitrep.cli import main

    out = tmp_path / "x.csv"
    db = coded.conn.path if coded.dialect == "sqlite" else None
    if db is None:
        pytest.skip("the command test runs on the SQLite store")
    assert main(["export", "--format", "acled", "--bom", "--db", db, "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfevent_id_cnty,")
