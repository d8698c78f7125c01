"""Reported totals ("more than 9,000 soldiers have been killed since 2014") are stored as records of their own,
beside the report's incidents and never as one; on SQLite and PostgreSQL (the ``store`` fixture)."""
from __future__ import annotations

import warnings
from datetime import date

from conftest import make_doc
from sitrep.pipeline import extract_document

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOLL = ("Ministry updates war toll\nMore than 9,000 soldiers have been killed in the war since 2014, the "
        "defence ministry said on Monday. A roadside bomb killed two soldiers near Kramatorsk on Sunday.")


URL = "https://news.example.org/war-toll"


def _ingest(store, text: str, doc_id: str = "toll", published=date(2019, 3, 4)):
    doc = make_doc(doc_id, text, published=published, url=URL if doc_id == "toll" else None)
    mentions = extract_document(doc)
    return doc, mentions, store.ingest(doc, mentions)


def test_a_reported_total_is_stored_apart_from_the_incident(store):
    doc, mentions, result = _ingest(store, TOLL)
    assert len(mentions) == 1 and len(result.incidents) == 1  # the roadside bomb only
    totals = store.reported_totals()
    assert len(totals) == 1 and store.count_reported_totals() == 1
    t = totals[0]
    assert t["document_id"] == "toll" and t["casualty"] == "killed" and t["count"]["best"] == 9000
    assert t["published"] == "2019-03-04" and t["span"] == "in the war"
    assert "the defence ministry" in t["reported_by"]
    quoted = [doc.text[e["start"]:e["end"]] for e in t["evidence"]]
    assert any("9,000 soldiers have been killed" in q for q in quoted)
    assert store.document("toll")["reported_totals"] == totals
    assert store.stats()["totals"]["incidents"] == 1  # the total is no incident


def test_a_new_version_of_a_report_replaces_its_totals_and_a_duplicate_adds_none(store):
    _ingest(store, TOLL)
    _ingest(store, TOLL)  # the same content again: a duplicate
    assert store.count_reported_totals() == 1
    newer = TOLL.replace("9,000", "9,500")
    doc = make_doc("toll", newer, published=date(2019, 3, 4), url=URL)
    assert store.ingest(doc, extract_document(doc)).status == "updated"
    totals = store.reported_totals()
    assert [t["count"]["best"] for t in totals] == [9500]


def test_a_report_without_totals_stores_none_and_the_api_lists_them(store_url):
    from sitrep.serve import create_app
    from sitrep.store import open_store

    s = open_store(store_url)
    try:
        _ingest(s, "Bomb hits market\nA car bomb killed four people at a market in Kano on Friday.", "kano",
                date(2019, 5, 4))
        assert s.count_reported_totals() == 0
        _ingest(s, TOLL)
    finally:
        s.close()
    with TestClient(create_app(store_url)) as client:
        body = client.get("/api/reported-totals").json()
        assert body["total"] == 1 and body["items"][0]["count"]["best"] == 9000
        kano = client.get("/api/reported-totals", params={"document": "kano"}).json()
        assert kano["items"] == [] and kano["total"] == 0  # the total counts what the filter keeps
        assert client.get("/api/reported-totals", params={"limit": 0}).status_code == 422
