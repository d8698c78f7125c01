"""The API for data users: every export format by ``format=``, keyset paging for full pulls,
``updated_since`` with a deletions feed, a declared response schema, claimed true / false / unknown."""
from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from test_api import client, fill  # noqa: F401  (the same five reports, four incidents)

from conftest import make_doc, make_mention
from sitrep.export import FORMATS
from sitrep.export.writers import ACLED_COLUMNS, UCDP_COLUMNS


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_registered_format(client, fmt):  # noqa: F811
    r = client.get("/api/incidents", params={"format": fmt, "country": "Iraq"})
    assert r.status_code == 200, r.text
    spec = FORMATS[fmt]
    assert r.headers["content-type"].split(";")[0] == spec.media_type.split(";")[0]
    assert r.headers["x-total-count"] == "2"
    if fmt in ("acled", "ucdp", "csv"):
        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert len(rows) == 2
        if fmt != "csv":
            assert list(rows[0]) == (ACLED_COLUMNS if fmt == "acled" else UCDP_COLUMNS)
    elif fmt == "parquet":
        import pyarrow.parquet as pq

        assert pq.read_table(io.BytesIO(r.content)).num_rows == 2
    elif fmt == "geojson":
        fc = r.json()
        assert fc["total"] == 2 and len(fc["features"]) == 2
    else:
        assert len(r.text.splitlines()) == 2


def test_unknown_format_is_refused(client):  # noqa: F811
    assert client.get("/api/incidents", params={"format": "xls"}).status_code == 422


def test_geojson_keeps_incidents_without_coordinates(client):  # noqa: F811
    store = client.app.state.store
    d = make_doc("nowhere", "Unplaced\nFILE: Rockets hit a base, officials said.")
    store.ingest(d, [make_mention(d, "Rockets hit", when=date(2022, 1, 1))])
    fc = client.get("/api/incidents", params={"format": "geojson"}).json()
    assert fc["total"] == 5 and len(fc["features"]) == 5
    (unplaced,) = [f for f in fc["features"] if f["geometry"] is None]
    assert unplaced["properties"]["documents"] == ["nowhere"]


def test_cursor_paging_pulls_everything_once(client):  # noqa: F811
    seen, cursor, pages = [], "start", 0
    while cursor:
        body = client.get("/api/incidents", params={"cursor": cursor, "limit": 1}).json()
        assert body["total"] == 4
        seen += [i["id"] for i in body["items"]]
        cursor, pages = body["next_cursor"], pages + 1
    assert sorted(seen) == seen and len(set(seen)) == 4 and pages in (4, 5)
    r = client.get("/api/incidents", params={"cursor": "start", "limit": 3, "format": "csv"})
    assert r.headers["x-next-cursor"] and len(list(csv.DictReader(io.StringIO(r.text)))) == 3


def test_updated_since_and_deletions(client):  # noqa: F811
    store = client.app.state.store
    everything = client.get("/api/incidents").json()["items"]
    latest = max(i["last_updated"] for i in everything)
    assert client.get("/api/incidents", params={"updated_since": "2000-01-01T00:00:00"}).json()["total"] == 4
    assert client.get("/api/incidents", params={"updated_since": "2999-01-01T00:00:00Z"}).json()["total"] == 0
    assert client.get("/api/incidents", params={"updated_since": latest}).json()["total"] >= 1
    assert client.get("/api/deletions").json()["items"] == []
    # a corrected version of the embassy report no longer describes an event: its incident is deleted
    emb = client.get("/api/incidents", params={"q": "embassy"}).json()["items"][0]["id"]
    store.ingest(make_doc("emb", "Correction\nFILE: An earlier story about the embassy was wrong."), [])
    gone = client.get("/api/deletions", params={"since": "2000-01-01T00:00:00"}).json()["items"]
    assert [g["id"] for g in gone] == [emb] and gone[0]["deleted_at"]
    assert client.get("/api/deletions", params={"since": "2999-01-01T00:00:00"}).json()["items"] == []
    assert client.get("/api/incidents", params={"updated_since": "yesterday"}).status_code == 422


def test_claimed_is_true_false_or_unknown(client):  # noqa: F811
    def total(v):
        return client.get("/api/incidents", params={"claimed": v}).json()["total"]

    assert (total("true"), total("false"), total("unknown")) == (2, 1, 1)
    assert total("true") + total("false") + total("unknown") == client.get("/api/incidents").json()["total"]


def test_openapi_declares_the_incident_page(client):  # noqa: F811
    spec = client.get("/openapi.json").json()
    resp = spec["paths"]["/api/incidents"]["get"]["responses"]["200"]["content"]
    assert resp["application/json"]["schema"] == {"$ref": "#/components/schemas/IncidentPage"}
    assert {"text/csv", "application/geo+json", "application/vnd.apache.parquet"} <= set(resp)
    page = spec["components"]["schemas"]["IncidentPage"]["properties"]
    assert {"total", "items", "next_cursor"} <= set(page)
    incident = spec["components"]["schemas"]["Incident"]["properties"]
    assert "unknown" in incident["claimed"]["description"]
    params = {p["name"]: p for p in spec["paths"]["/api/incidents"]["get"]["parameters"]}
    assert set(params["format"]["schema"]["enum"]) == {"json", *FORMATS}
    assert set(params["claimed"]["schema"]["anyOf"][0]["enum"]) == {"true", "false", "unknown"}
    assert "DeletionPage" in spec["components"]["schemas"]


def test_data_dictionary_is_served(client):  # noqa: F811
    r = client.get("/docs/data")
    assert r.status_code == 200 and "event_id_cnty" in r.text and "type_of_violence" in r.text
