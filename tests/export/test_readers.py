"""Every export opened with the tools its users use: GDAL (pyogrio), geopandas, DuckDB, pyarrow,
pandas. Skipped with the reason when a reader is not installed (``pip install -e '.[dev]'`` has them)."""
from __future__ import annotations

from datetime import date

import pytest

from conftest import BAGHDAD_EMBASSY, make_doc, make_mention
from sitrep.export import FORMATS, write
from sitrep.export.writers import ACLED_COLUMNS, CSV_COLUMNS, SCHEMA_VERSION, UCDP_COLUMNS


@pytest.fixture
def exported(store, tmp_path):
    """Three incidents (one without coordinates, one with Arabic text) written in every format."""
    a = make_doc("a", "Embassy hit\nFILE: Rockets hit the US Embassy in Baghdad, killing 2.", source="Reuters")
    b = make_doc("b", "هجوم\nFILE: Rockets hit a base, unknown place.", published=date(2023, 12, 9))
    c = make_doc("c", "Drone\nFILE: A drone hit the embassy again.", published=date(2023, 12, 10))
    store.ingest(a, [make_mention(a, "Rockets hit", place=BAGHDAD_EMBASSY, target="US Embassy", fatalities=2,
                                  claimed=False, weapons=("rocket", "mortar"))])
    store.ingest(b, [make_mention(b, "Rockets hit", target="قاعدة", when=date(2023, 11, 1), actor1="-Unknown")])
    store.ingest(c, [make_mention(c, "A drone hit", place=BAGHDAD_EMBASSY, when=date(2023, 12, 10),
                                  sub_event_type="Air/drone strike", weapons=("drone",))])
    paths = {}
    for name, spec in FORMATS.items():
        path = tmp_path / f"incidents-{name}.{spec.extension}"
        with open(path, "wb" if spec.binary else "w", **({} if spec.binary else {"encoding": "utf-8", "newline": ""})) as fh:
            assert write(store, name, fh) == 3
        paths[name] = path
    return paths


@pytest.mark.filterwarnings("ignore")  # the Shapefile driver warns that it shortens column names
def test_gdal_reads_geojson_with_null_geometry_and_lists(exported, tmp_path):
    pyogrio = pytest.importorskip("pyogrio")
    df = pyogrio.read_dataframe(exported["geojson"])
    assert len(df) == 3 and int(df.geometry.isna().sum()) == 1
    row = df[df["id"].notna() & df.geometry.notna()].sort_values("date").iloc[0]
    assert list(row["weapons"]) == ["rocket", "mortar"]
    assert "قاعدة" in set(df["target"].dropna())
    shp = tmp_path / "out.shp"  # a Shapefile keeps the lists, as text
    pyogrio.write_dataframe(df[df.geometry.notna()], shp)
    back = pyogrio.read_dataframe(shp)
    assert any("mortar" in str(v) for v in back["weapons"])


def test_geopandas_and_duckdb_read_geoparquet_geometry(exported):
    gpd = pytest.importorskip("geopandas")
    g = gpd.read_parquet(exported["parquet"])
    assert len(g) == 3 and g.crs.to_string() == "OGC:CRS84" and int(g.geometry.isna().sum()) == 1
    pt = g[g.geometry.notna()].geometry.iloc[0]
    assert (pt.x, pt.y) == pytest.approx((BAGHDAD_EMBASSY.longitude, BAGHDAD_EMBASSY.latitude))
    assert str(g["last_updated"].dtype).startswith("datetime64") and "UTC" in str(g["last_updated"].dtype)
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    n, geom, stamp, day = con.sql(
        f"SELECT count(*), any_value(typeof(geometry)), any_value(typeof(last_updated)), any_value(typeof(date)) "
        f"FROM read_parquet('{exported['parquet']}')").fetchall()[0]
    assert n == 3 and day == "DATE" and stamp == "TIMESTAMP WITH TIME ZONE"
    assert geom.startswith(("GEOMETRY", "BLOB"))  # GEOMETRY on DuckDB >= 1.4 (with or without spatial)


def test_pyarrow_reads_geoparquet_metadata(exported):
    import json

    import pyarrow.parquet as pq

    meta = pq.read_schema(exported["parquet"]).metadata
    geo = json.loads(meta[b"geo"])
    assert geo["primary_column"] == "geometry" and geo["columns"]["geometry"]["encoding"] == "WKB"
    assert meta[b"sitrep:schema_version"].decode() == SCHEMA_VERSION
    table = pq.read_table(exported["parquet"])
    assert str(table.schema.field("date").type) == "date32[day]"
    assert str(table.schema.field("last_updated").type) == "timestamp[ms, tz=UTC]"


def test_pandas_reads_the_csv_family(exported):
    pd = pytest.importorskip("pandas")
    for fmt, cols in (("csv", CSV_COLUMNS), ("acled", ACLED_COLUMNS), ("ucdp", UCDP_COLUMNS)):
        df = pd.read_csv(exported[fmt])
        assert list(df.columns) == cols and len(df) == 3, fmt
    acled = pd.read_csv(exported["acled"], parse_dates=["event_date"])
    assert str(acled["event_date"].dtype).startswith("datetime64") and acled["fatalities"].dtype.kind == "i"
    assert (acled["actor1"] == "'-Unknown").sum() == 1  # a leading '-' is neutralised, read back with a quote
    ucdp = pd.read_csv(exported["ucdp"])
    assert ucdp["id"].is_unique and ucdp["id"].dtype.kind == "i"


def test_duckdb_reads_csv_and_jsonl(exported):
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    assert con.sql(f"SELECT count(*) FROM read_csv('{exported['acled']}')").fetchall()[0][0] == 3
    kinds = con.sql(f"SELECT any_value(typeof(weapons)), any_value(typeof(claimed)), count(*) "
                    f"FROM read_json('{exported['jsonl']}')").fetchall()[0]
    assert kinds == ("VARCHAR[]", "BOOLEAN", 3)
    assert con.sql(f"SELECT count(*) FROM read_csv('{exported['ucdp']}') WHERE type_of_violence IN (1, 2, 3)"
                   ).fetchall()[0][0] == 3
