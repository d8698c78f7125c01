"""Toponym resolution: ambiguous names, facility aliases, abstention, broken knowledge rows, span mode."""
from __future__ import annotations

import io
import json
import math
from pathlib import Path

import pytest

from sitrep.errors import KnowledgeError
from sitrep.resolve import geocode_text, resolve_spans, ucdp_where_prec
from sitrep.resolve.gazetteer import build_gazetteer, get_gazetteer, load_facilities, norm

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seed" / "000_ae200f296289012f.txt"


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def place_of(text: str, name: str):
    start = text.index(name)
    return resolve_spans(text, [(start, start + len(name))])[0]


def test_norm_folds_spellings():
    assert norm("Ain al-Asad") == norm("AIN AL ASAD") == "ain al asad"
    assert norm("U.S.") == "us"
    assert norm("Al Fallūjah") == "al fallujah"


@pytest.mark.parametrize(("text", "cc", "admin1"), [
    ("Chiquita Henry, 19, of Alexandria, La., was charged with arson after a fire in Rapides Parish.", "US", "Louisiana"),
    ("Protesters gathered in Alexandria, Egypt's second city, on the Mediterranean coast north of Cairo.", "EG", None),
])
def test_alexandria(text, cc, admin1):
    p = place_of(text, "Alexandria")
    assert p.country_code == cc
    if admin1:
        assert p.admin1 == admin1


def test_paris_texas_and_france():
    tx = place_of("The council of Paris, Texas, met on Monday near Dallas.", "Paris")
    assert (tx.country_code, tx.admin1) == ("US", "Texas")
    fr = place_of("President Macron spoke in Paris before flying to Lyon and Marseille.", "Paris")
    assert fr.country_code == "FR" and km(fr.latitude, fr.longitude, 48.85, 2.35) < 20


def test_tripoli_lebanon_and_libya():
    lb = place_of("Clashes broke out in Tripoli in northern Lebanon, near Beirut's northern approaches.", "Tripoli")
    assert lb.country_code == "LB"
    ly = place_of("Militias in Libya fought for control of Tripoli and Misrata.", "Tripoli")
    assert ly.country_code == "LY"


def test_georgia_state_and_country():
    us = place_of("Storms hit Atlanta and Savannah as Georgia braced for more rain.", "Georgia")
    assert us.feature == "ADM1" and us.country_code == "US"
    ge = place_of("Russian tanks rolled from South Ossetia towards Tbilisi as Georgia appealed to Moscow.", "Georgia")
    assert ge.feature == "PCLI" and ge.country_code == "GE"


@pytest.mark.parametrize(("phrase", "lat", "lon"), [
    ("Ain al-Assad base", 33.79, 42.44),
    ("Al Asad Airbase", 33.79, 42.44),
    ("al-Tanf garrison", 33.50, 38.64),
    ("Union III", 33.30, 44.39),
    ("Conoco oilfield", 35.45, 40.30),
    ("Harir air base", 36.54, 44.35),
])
def test_facility_aliases(phrase, lat, lon):
    text = f"A drone struck the {phrase} used by US forces in Iraq and Syria, officials said."
    hits = [p for p in geocode_text(text) if p.span.text == phrase]
    assert hits, f"{phrase} not found"
    p = hits[0]
    assert p.geonameid is None and p.geo_precision == 1 and p.reason.startswith("facility")
    assert km(p.latitude, p.longitude, lat, lon) < 15


def test_facility_needs_its_country_in_the_text():
    text = "Conoco reported higher quarterly profits in Houston on Tuesday."
    assert not [p for p in geocode_text(text) if p.feature in ("gasfield", "base")]


def test_us_embassy_follows_the_city_named():
    baghdad = [p for p in geocode_text("Rockets fell near the US embassy in Baghdad's Green Zone.") if p.feature == "embassy"]
    beirut = [p for p in geocode_text("Protesters gathered outside the US embassy north of Beirut, Lebanon.")
              if p.feature == "embassy"]
    assert baghdad and baghdad[0].country == "Iraq"
    assert beirut and beirut[0].country == "Lebanon"


def test_abstains_when_readings_are_too_close():
    text = "The two men met in Springfield last week."
    assert not [p for p in geocode_text(text) if p.span.text == "Springfield"]
    with_abstentions = [p for p in geocode_text(text, include_abstentions=True) if p.span.text == "Springfield"]
    assert with_abstentions and with_abstentions[0].reason.startswith("abstain: ")
    settled = place_of("The two men met in Springfield, Ill., last week.", "Springfield")
    assert settled.admin1 == "Illinois" and not settled.reason.startswith("abstain")


def test_region_and_capital_phrases():
    text = "Two days ago the base in western Iraq was hit, and rockets fell in the Iraqi capital overnight."
    places = geocode_text(text)
    region = [p for p in places if p.span.text == "Iraq"]
    assert region and region[0].geo_precision == 3 and region[0].reason.startswith("region: western")
    assert ucdp_where_prec(region[0]) == 5
    capital = [p for p in places if p.span.text == "Iraqi capital"]
    assert capital and capital[0].name == "Baghdad"


def test_resolve_spans_keeps_input_order_and_bad_spans():
    text = "Kirkuk and Mosul are in Iraq."
    out = resolve_spans(text, [(11, 16), (0, 6), (5, 3), (24, 28)])
    assert [p.name if p else None for p in out] == ["Mosul", "Kirkuk", None, "Iraq"]
    assert out[0].span.start == 11 and out[3].geo_precision == 3


def test_seed_places_within_gold_tolerance():
    if not SEED.is_file():
        pytest.skip("needs ../shared/seed (the seed report)")
    text = SEED.read_text(encoding="utf-8")
    places = geocode_text(text)
    by_text = {}
    for p in places:
        by_text.setdefault(p.span.text, p)
    checks = [("US embassy", 33.30, 44.39, 15, "Iraq"), ("Conoco oilfield", 35.45, 40.30, 40, "Syria"),
              ("Ain al-Assad base", 33.79, 42.44, 25, "Iraq"), ("Kirkuk", 35.47, 44.39, 40, "Iraq"),
              ("Union III base", 33.30, 44.39, 15, "Iraq")]
    for name, lat, lon, tol, country in checks:
        p = by_text[name]
        assert km(p.latitude, p.longitude, lat, lon) <= tol, name
        assert p.country == country


def _facilities_file(tmp_path: Path, row: str) -> Path:
    path = tmp_path / "facilities.csv"
    path.write_text("# test file\nname,aliases,type,latitude,longitude,country,admin1,city,source\n"
                    "Good Base,Good|Good base,base,33.1,44.2,Iraq,,,test\n" + row + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("row", "message"), [
    ("Bad Base,Bad,base,133.1,44.2,Iraq,,,test", "latitude 133.1 is outside"),
    ("Bad Base,Bad,base,north,44.2,Iraq,,,test", "latitude 'north' is not a number"),
    ("Bad Base,Bad,base,33.1,44.2,Iraq", "expected 9 fields"),
    ("Bad Base,Bad,base,33.1,44.2,Iraq,,,", "empty source"),
])
def test_broken_facility_row_names_file_and_line(tmp_path, row, message):
    path = _facilities_file(tmp_path, row)
    with pytest.raises(KnowledgeError) as err:
        load_facilities(path)
    assert f"{path}:4:" in str(err.value) and message in str(err.value)
    assert err.value.code == "E402"


def test_unknown_country_in_facilities_fails_the_build(tmp_path):
    path = _facilities_file(tmp_path, "Odd Base,Odd,base,33.1,44.2,Atlantis,,,test")
    with pytest.raises(KnowledgeError, match=r"facilities.csv:4: unknown country 'Atlantis'"):
        build_gazetteer(path)


def test_packaged_facilities_have_sources_and_coordinates():
    rows = load_facilities()
    assert len(rows) >= 30
    names = {norm(a) for f in rows for a in [f.name, *f.aliases]}
    for needed in ("ain al asad", "harir", "erbil air base", "union iii", "victory base", "baghdad airport", "al tanf",
                   "conoco", "al omar", "green village", "rumalin", "shaddadi", "tower 22", "mission support site euphrates",
                   "qasrak", "kharab al jir", "muwaffaq salti", "camp arifjan", "al udeid", "ali al salem",
                   "camp buehring", "us embassy in beirut", "us embassy in damascus", "us embassy in amman",
                   "us consulate in erbil", "green zone"):
        assert needed in names, needed
    assert all(f.source for f in rows)


def test_gazetteer_is_cached_and_indexed():
    gz = get_gazetteer()
    assert gz is get_gazetteer()
    assert len(gz) > 200_000
    kinds = {gz[i].kind for i in gz.lookup("Georgia")}
    assert kinds == {"country", "admin1"}


def test_cli_span_mode(monkeypatch, capsys):
    from sitrep.cli import main

    lines = [json.dumps({"id": "a", "text": "Rockets hit Tripoli in northern Lebanon.", "spans": [[12, 19], [40, 50]],
                         "extra": 1}),
             "not json",
             json.dumps({"id": "b", "text": "Kirkuk", "spans": []})]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    rc = main(["geocode", "--spans"])
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert rc == 1
    assert out[0]["id"] == "a" and out[0]["spans"][0]["name"] == "Tripoli" and out[0]["spans"][1] is None
    assert set(out[0]["spans"][0]) >= {"start", "end", "name", "latitude", "longitude", "geonameid", "feature", "precision"}
    assert "error" in out[1]
    assert out[2] == {"id": "b", "spans": []}


def test_cli_plain_mode(tmp_path, capsys):
    from sitrep.cli import main

    f = tmp_path / "r.txt"
    f.write_text("A drone hit the Ain al-Asad air base in western Iraq.", encoding="utf-8")
    assert main(["geocode", str(f)]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert rows[0]["document"] == "r" and rows[0]["feature"] == "base" and rows[0]["precision"] == 1


def test_letters_nfkd_leaves_whole_match_their_plain_spelling():
    # GeoNames spells main names "Reyhanlı", "Łódź", "Tromsø"; news writes them plain
    from sitrep.resolve.gazetteer import norm

    assert norm("Reyhanlı") == norm("Reyhanli") == "reyhanli"
    assert norm("Łódź") == "lodz" and norm("Tromsø") == "tromso" and norm("Straße") == "strasse"


def test_a_country_in_the_possessive_qualifies_the_name_after_it():
    # "Ecuador's Palmira" as "Palmira, Ecuador": not the bigger Palmira of Colombia
    from sitrep.resolve import geocode_text

    text = "Gunmen attacked a police post in Ecuador's Palmira on Monday."
    (p,) = [p for p in geocode_text(text) if p.span and p.span.text == "Palmira"]
    assert p.country_code == "EC"
