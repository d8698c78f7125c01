"""The HTTP API over a real store, on SQLite and PostgreSQL (the shared ``store_url`` fixture)."""
from __future__ import annotations

import warnings
from datetime import date

import pytest

from conftest import AIN_AL_ASAD, BAGHDAD_EMBASSY, TANF, make_doc, make_mention
from sitrep.model import Place, Span
from sitrep.serve import create_app

with warnings.catch_warnings():  # starlette's notice about httpx versions, not ours
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOWER_22 = Place("Tower 22", 33.3240, 38.6940, country="Jordan", country_code="JO", admin1="Mafraq",
                 feature="base", geo_precision=1)

EMB = ("Rockets hit US Embassy in Baghdad\nFILE: Several rockets hit the US Embassy in Baghdad on Friday. "
       "No group has claimed responsibility.")
ASAD = ("Missiles fired at Ain al-Asad\nFILE: Ballistic missiles struck Ain al-Asad air base in western Iraq. "
        "The Islamic Resistance in Iraq claimed the attack.")
TOWER_A = ("Three US soldiers killed in Jordan\nFILE: A drone struck Tower 22 in northeastern Jordan, "
           "killing three US soldiers. The Islamic Resistance in Iraq claimed it.")
TOWER_B = ("Pentagon names soldiers\nFILE: The Pentagon named the three soldiers killed when a drone hit "
           "Tower 22, a base in Jordan, on Sunday.")
TANF_T = "Strike near al-Tanf\nFILE: A drone attack targeted the al-Tanf garrison in Syria. No casualties."


def fill(store):
    """Five reports, four incidents: two reports of the Tower 22 attack merge into one."""
    emb = make_doc("emb", EMB, published=date(2023, 12, 8))
    asad = make_doc("asad", ASAD, published=date(2024, 1, 21))
    ta = make_doc("tower-a", TOWER_A, published=date(2024, 1, 29))
    tb = make_doc("tower-b", TOWER_B, published=date(2024, 1, 29))
    tanf = make_doc("tanf", TANF_T, published=date(2023, 10, 19))
    m_emb = make_mention(emb, "rockets hit", place=BAGHDAD_EMBASSY, target="US Embassy in Baghdad",
                         claimed=False, when=date(2023, 12, 8))
    m_asad = make_mention(asad, "Ballistic missiles struck", place=AIN_AL_ASAD, target="Ain al-Asad Air Base",
                          claimed=True, claimant="Islamic Resistance in Iraq",
                          actor1="Islamic Resistance in Iraq", when=date(2024, 1, 20), weapons=("missile",))
    m_asad.evidence.append(_span(asad, "claimed the attack"))
    m_asad.add_span("claimed", _span(asad, "claimed the attack"))
    drone = {"sub_event_type": "Air/drone strike", "weapons": ("drone",)}
    m_ta = make_mention(ta, "drone struck", place=TOWER_22, target="Tower 22", fatalities=3, claimed=True,
                        claimant="Islamic Resistance in Iraq", actor1="Islamic Resistance in Iraq",
                        when=date(2024, 1, 28), **drone)
    m_ta.evidence.append(_span(ta, "killing three US soldiers"))
    m_ta.add_span("fatalities", _span(ta, "killing three US soldiers"))
    m_tb = make_mention(tb, "drone hit", place=TOWER_22, target="Tower 22", fatalities=3,
                        when=date(2024, 1, 28), **drone)
    m_tanf = make_mention(tanf, "drone attack", place=TANF, target="al-Tanf garrison", fatalities=0,
                          when=date(2023, 10, 18), **drone)
    for doc, ms in ((emb, [m_emb]), (asad, [m_asad]), (ta, [m_ta]), (tb, [m_tb]), (tanf, [m_tanf])):
        store.ingest(doc, ms)


def _span(doc, words: str) -> Span:
    i = doc.text.index(words)
    return Span(i, i + len(words), words)


@pytest.fixture
def client(store_url, monkeypatch):
    monkeypatch.delenv("SITREP_TOKEN", raising=False)
    app = create_app(store_url, token="s3cret")
    fill(app.state.store)
    with TestClient(app) as c:
        yield c


def ids(resp) -> list[str]:
    assert resp.status_code == 200, resp.text
    return [i["id"] for i in resp.json()["items"]]


def test_list_and_pagination(client):
    r = client.get("/api/incidents")
    body = r.json()
    assert body["total"] == 4 and len(body["items"]) == 4
    dates = [i["date"] for i in body["items"]]
    assert dates == sorted(dates, reverse=True)  # newest first
    tower = body["items"][0]
    assert tower["n_sources"] == 2 and tower["location"]["country"] == "Jordan"
    page1 = ids(client.get("/api/incidents", params={"limit": 2, "offset": 0}))
    page2 = ids(client.get("/api/incidents", params={"limit": 2, "offset": 2}))
    assert len(page1) == 2 and len(page2) == 2 and not set(page1) & set(page2)
    assert client.get("/api/incidents", params={"limit": 2}).json()["total"] == 4
    assert client.get("/api/incidents", params={"limit": 0}).status_code == 422
    assert client.get("/api/incidents", params={"limit": 5000}).status_code == 422


def test_filters(client):
    def count(**params):
        r = client.get("/api/incidents", params=params)
        assert r.status_code == 200, r.text
        return r.json()["total"]

    assert count(date_from="2024-01-01") == 2
    assert count(date_from="2023-12-01", date_to="2023-12-31") == 1
    assert count(country="Iraq") == 2
    assert count(country="Jordan") == 1
    assert count(bbox="38,32,40,34") == 2  # Tower 22 and al-Tanf, near the Jordan-Syria border
    assert count(bbox="44,33,45,34") == 1  # Baghdad
    assert count(type="Air/drone strike") == 2
    assert count(type="Explosions/Remote violence") == 4
    assert count(actor="islamic resistance") == 2
    assert count(claimed="true") == 2
    assert count(claimed="false") == 1  # a report says no group claimed it (the embassy)
    assert count(claimed="unknown") == 1  # the reports are silent
    assert count(q="embassy") == 1
    assert count(country="Iraq", claimed="true") == 1


def test_bad_filters_say_what_is_wrong(client):
    r = client.get("/api/incidents", params={"bbox": "1,2,3"})
    assert r.status_code == 422 and r.json()["code"] == "E701" and "4 numbers" in r.json()["detail"]
    r = client.get("/api/incidents", params={"bbox": "a,b,c,d"})
    assert r.status_code == 422 and r.json()["code"] == "E701"
    r = client.get("/api/incidents", params={"date_from": "2024-02-01", "date_to": "2024-01-01"})
    assert r.status_code == 422 and "after" in r.json()["detail"]
    assert client.get("/api/incidents", params={"date_from": "yesterday"}).status_code == 422
    assert client.get("/api/incidents", params={"claimed": "perhaps"}).status_code == 422


def test_geojson(client):
    r = client.get("/api/incidents", params={"format": "geojson", "country": "Jordan"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    fc = r.json()
    assert fc["type"] == "FeatureCollection" and fc["total"] == 1
    (f,) = fc["features"]
    assert f["geometry"]["type"] == "Point"
    assert f["geometry"]["coordinates"] == pytest.approx([TOWER_22.longitude, TOWER_22.latitude])  # lon, lat
    assert f["id"] == f["properties"]["id"]


def test_incident_has_sources_and_highlighted_evidence(client):
    tower_id = client.get("/api/incidents", params={"country": "Jordan"}).json()["items"][0]["id"]
    r = client.get(f"/api/incidents/{tower_id}")
    assert r.status_code == 200
    inc = r.json()
    assert {s["document_id"] for s in inc["sources"]} == {"tower-a", "tower-b"}
    a = next(s for s in inc["sources"] if s["document_id"] == "tower-a")
    (m,) = a["mentions"]
    marked = [seg["text"] for h in m["highlighted"] for seg in h["segments"] if seg["highlight"]]
    assert "drone struck" in marked and "killing three US soldiers" in marked
    for h in m["highlighted"]:  # the segments put back together are the sentence, unchanged
        assert "".join(seg["text"] for seg in h["segments"]) == h["sentence"]["text"]
        s = h["sentence"]
        assert TOWER_A[s["start"]:s["end"]] == s["text"]
    assert client.get("/api/incidents/inc_000000000000").status_code == 404


def test_documents(client):
    r = client.get("/api/documents")
    assert r.status_code == 200
    docs = r.json()["items"]
    assert {d["id"] for d in docs} == {"emb", "asad", "tower-a", "tower-b", "tanf"}
    assert len(client.get("/api/documents", params={"limit": 2}).json()["items"]) == 2
    one = client.get("/api/documents/asad").json()
    assert one["text"] == ASAD and one["title"] == "Missiles fired at Ain al-Asad"
    assert client.get("/api/documents/nope").status_code == 404


def test_stats_and_timeline(client):
    st = client.get("/api/stats").json()
    assert st["totals"]["incidents"] == 4 and st["totals"]["documents"] == 5
    assert {c["country"]: c["count"] for c in st["by_country"]}["Iraq"] == 2
    tl = client.get("/api/timeline").json()
    assert [d["day"] for d in tl] == ["2023-10-18", "2023-12-08", "2024-01-20", "2024-01-28"]
    assert {d["day"]: d["fatalities"] for d in tl}["2024-01-28"] == 3
    tl = client.get("/api/timeline", params={"country": "Iraq"}).json()
    assert [d["day"] for d in tl] == ["2023-12-08", "2024-01-20"]


def test_writing_needs_the_token(client):
    body = {"text": "Blast\nFILE: A bomb exploded in Kirkuk on Monday, killing two people."}
    r = client.post("/api/documents", json=body)
    assert r.status_code == 401 and r.json()["code"] == "E703"
    r = client.post("/api/documents", json=body, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401
    r = client.post("/api/documents", json=body, headers={"Authorization": "Basic s3cret"})
    assert r.status_code == 401
    r = client.post("/api/documents", json={"text": "   "}, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 422
    assert client.get("/api/stats").json()["totals"]["documents"] == 5  # nothing was written


def test_writing_is_off_without_a_token(store_url, monkeypatch):
    monkeypatch.delenv("SITREP_TOKEN", raising=False)
    with TestClient(create_app(store_url, token=None)) as c:
        r = c.post("/api/documents", json={"text": "x"}, headers={"Authorization": "Bearer anything"})
        assert r.status_code == 403 and r.json()["code"] == "E702"
        assert c.get("/api/config").json()["write_enabled"] is False
    monkeypatch.setenv("SITREP_TOKEN", "from-env")
    with TestClient(create_app(store_url)) as c:
        assert c.get("/api/config").json()["write_enabled"] is True
        r = c.post("/api/documents", json={"text": ""}, headers={"Authorization": "Bearer from-env"})
        assert r.status_code == 422  # past the token check; an empty text is refused


def test_post_document_extracts_and_stores(client):
    pytest.importorskip("sitrep.resolve.place", reason="needs the place resolver of the extraction pipeline")
    from sitrep.serve.service import pipeline_extract

    try:
        pipeline_extract()
    except Exception as exc:  # pragma: no cover - only while the pipeline is incomplete
        pytest.skip(f"extraction pipeline not available: {exc}")
    text = ("Rocket attack on Baghdad embassy\nFILE: Three rockets struck near the US embassy in Baghdad "
            "on 8 December 2023. No group has claimed responsibility.")
    auth = {"Authorization": "Bearer s3cret"}
    r = client.post("/api/documents", json={"text": text, "id": "posted-1", "published": "2023-12-09"},
                    headers=auth)
    assert r.status_code == 201, r.text
    out = r.json()
    assert out["document_id"] == "posted-1" and out["status"] == "new"
    assert client.get("/api/documents/posted-1").json()["text"] == text
    again = client.post("/api/documents", json={"text": text, "id": "posted-1"}, headers=auth)
    assert again.status_code == 201 and again.json()["status"] == "duplicate"


def test_security_headers_and_offline_docs(client):
    r = client.get("/")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'self'" in csp
    docs = client.get("/docs").text
    assert "/openapi.json" in docs and "cdn" not in docs.lower()
    spec = client.get("/openapi.json").json()
    assert {"/api/incidents", "/api/incidents/{incident_id}", "/api/documents", "/api/documents/{doc_id}",
            "/api/stats", "/api/timeline"} <= set(spec["paths"])
    assert "post" in spec["paths"]["/api/documents"]
    assert client.get("/static/countries.geojson").json()["type"] == "FeatureCollection"


def test_the_token_is_checked_before_the_body_is_read(client):
    """Memory before authentication: no token -> 401 whatever the body; a body over the cap -> 413 unread;
    a bad body -> 422 that never echoes what was sent."""
    secret = "UNTRUSTED-" + "x" * 5000
    r = client.post("/api/documents", content=b"{not json" + secret.encode(),
                    headers={"Content-Type": "application/json"})
    assert r.status_code == 401 and secret not in r.text
    r = client.post("/api/documents", json={"title": secret}, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 422 and "UNTRUSTED" not in r.text and r.json()["code"] == "E704"
    from sitrep.serve.app import MAX_REQUEST_BYTES

    big = b'{"text": "' + b"a" * (MAX_REQUEST_BYTES + 10) + b'"}'
    r = client.post("/api/documents", content=big, headers={"Authorization": "Bearer s3cret",
                                                            "Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["code"] == "E706" and len(r.content) < 1000
    r = client.post("/api/documents", content=big, headers={"Content-Type": "application/json"})
    assert r.status_code == 401


def test_huge_offsets_and_nul_characters_are_refused_not_500(client):
    r = client.get("/api/incidents", params={"offset": 2 ** 63})
    assert r.status_code == 422
    r = client.get("/api/incidents", params={"offset": 2 ** 63 - 1})
    assert r.status_code in (200, 422)
    for name in ("q", "actor", "country", "type"):
        r = client.get("/api/incidents", params={name: "abc\x00"})
        assert r.status_code == 422 and r.json()["code"] == "E701", name


def test_an_unidentified_doer_is_shown_as_the_report_names_it(store_url, monkeypatch):
    monkeypatch.delenv("SITREP_TOKEN", raising=False)
    app = create_app(store_url, token="s3cret")
    doc = make_doc("raid", "Raid\nFILE: Some twenty gunmen stormed a checkpoint near Ain al-Asad at dawn.",
                   published=date(2024, 2, 3))
    m = make_mention(doc, "stormed", place=AIN_AL_ASAD, actor1="Unidentified Armed Group", when=date(2024, 2, 3))
    m.add_span("actor1", _span(doc, "Some twenty gunmen"))
    app.state.store.ingest(doc, [m])
    fill(app.state.store)
    with TestClient(app) as c:
        items = c.get("/api/incidents").json()["items"]
        raid = next(i for i in items if i["actor1"] == "Unidentified Armed Group")
        inc = c.get(f"/api/incidents/{raid['id']}").json()
        named = c.get(f"/api/incidents/{next(i for i in items if i['actor1'] != raid['actor1'])['id']}").json()
    assert inc["actor1"] == "Unidentified Armed Group" and inc["actor1_written"] == "twenty gunmen"
    assert named["actor1_written"] is None
