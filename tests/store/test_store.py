"""The store on SQLite and PostgreSQL (the ``store`` fixture runs each test on both)."""
from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from conftest import AIN_AL_ASAD, BAGHDAD_EMBASSY, HARIR, TANF, VICTORY_BASE, make_doc, make_mention
from sitrep import errors
from sitrep.model import Place

EMB_A = ("Rockets hit US Embassy in Baghdad\nFILE: Several rockets hit the US Embassy in Baghdad on Friday, "
         "killing 2 guards. No group has claimed responsibility.")
EMB_B = ("Embassy attacked\nFILE: Three people died when rockets struck the American embassy compound in "
         "Baghdad early on Friday, officials said.")
EMB_C = ("Militia claims embassy attack\nFILE: The Islamic Resistance in Iraq claimed the rocket attack on the US "
         "Embassy in Baghdad on Friday, which killed five people.")


def embassy_reports():
    a = make_doc("emb-a", EMB_A, published=date(2023, 12, 8))
    b = make_doc("emb-b", EMB_B, published=date(2023, 12, 8))
    c = make_doc("emb-c", EMB_C, published=date(2023, 12, 10))
    ma = make_mention(a, "rockets hit", place=BAGHDAD_EMBASSY, target="US Embassy in Baghdad", fatalities=2,
                      claimed=False)
    mb = make_mention(b, "rockets struck", place=BAGHDAD_EMBASSY, target="US Embassy", fatalities=3)
    mc = make_mention(c, "rocket attack", place=BAGHDAD_EMBASSY, target="US Embassy in Baghdad", fatalities=5,
                      claimed=True, claimant="Islamic Resistance in Iraq", actor1="Islamic Resistance in Iraq")
    return (a, [ma]), (b, [mb]), (c, [mc])


def test_ingest_is_idempotent_by_content_hash(store):
    (a, ma), _, _ = embassy_reports()
    first = store.ingest(a, ma)
    assert first.status == "new" and len(first.incidents) == 1
    again = store.ingest(a, ma)
    assert again.status == "duplicate" and again.incidents == first.incidents
    # the same text under another id is the same document
    renamed = dataclasses.replace(a, id="emb-a-copy")
    assert store.ingest(renamed, [dataclasses.replace(ma[0], document_id="emb-a-copy")]).status == "duplicate"
    assert store.count_documents() == 1
    assert store.stats()["totals"]["mentions"] == 1
    assert store.count_incidents() == 1


def test_three_reports_one_incident_with_figures_sources_and_claims(store):
    reports = embassy_reports()
    ids = {tuple(store.ingest(d, ms).incidents) for d, ms in reports}
    assert len(ids) == 1
    (inc_id,) = ids.pop()
    assert inc_id.startswith("inc_") and len(inc_id) == 16
    inc = store.incident(inc_id)
    assert inc["n_sources"] == 3
    # conflicting figures: low / best (latest report) / high, each with its source
    assert inc["fatalities"]["low"] == 2 and inc["fatalities"]["high"] == 5 and inc["fatalities"]["best"] == 5
    assert {"value": 3, "documents": ["emb-b"]} in inc["fatalities"]["sources"]
    assert inc["claimed"] is True and inc["claimant"] == "Islamic Resistance in Iraq"
    statuses = {(c["document_id"], c["status"]) for c in inc["claims"]}
    assert statuses == {("emb-a", "unclaimed"), ("emb-c", "claimed")}
    assert [s["document_id"] for s in inc["sources"]] == ["emb-a", "emb-b", "emb-c"]
    # every source mention points at its words in the document
    for src in inc["sources"]:
        text = store.document(src["document_id"])["text"]
        for m in src["mentions"]:
            for ev in m["evidence"]:
                assert text[ev["start"]:ev["end"]] == ev["text"]
            assert m["sentence"]["text"] == text[m["sentence"]["start"]:m["sentence"]["end"]]
    reasons = [r for r in inc["merge_reasons"] if r["score"] is not None]
    assert len(reasons) == 2 and all(any("same day" in x for x in r["reasons"]) for r in reasons)
    # the late report's changes are logged, with the document that made them
    late = [ch for ch in inc["changes"] if ch["document_id"] == "emb-c" and ch["kind"] == "updated"]
    fields = {ch["field"]: (ch["old"], ch["new"]) for ch in late}
    assert fields["fatalities_best"] == (3, 5)
    assert fields["claimed"] == (0, 1)
    assert fields["actor1"] == (None, "Islamic Resistance in Iraq")


def test_never_merges_strikes_on_different_bases_the_same_day(store):
    texts = {
        "asad": ("Drone hits Ain al-Asad\nFILE: A drone attack targeted Ain al-Asad Air Base.", AIN_AL_ASAD),
        "harir": ("Drone hits Harir\nFILE: A drone attack targeted Harir Air Base.", HARIR),
        "victory": ("Rockets at Victory\nFILE: A drone attack targeted Victory Base Complex near the airport.",
                    VICTORY_BASE),
        "embassy": ("Rockets at embassy\nFILE: A drone attack targeted the US Embassy in Baghdad.", BAGHDAD_EMBASSY),
        "tanf": ("Drone hits Tanf\nFILE: A drone attack targeted the al-Tanf garrison.", TANF),
    }
    incs = set()
    for doc_id, (text, place) in texts.items():
        d = make_doc(doc_id, text)
        m = make_mention(d, "drone attack", sub_event_type="Air/drone strike", weapons=("drone",),
                         place=place, target=place.name, actor1="Islamic Resistance in Iraq")
        incs.update(store.ingest(d, [m]).incidents)
    assert len(incs) == 5
    assert store.count_incidents() == 5


def test_different_days_and_types_stay_apart(store):
    d1 = make_doc("d1", "Shelling\nFILE: Shelling hit Baghdad.")
    d2 = make_doc("d2", "Shelling again\nFILE: Shelling hit Baghdad again.")
    d3 = make_doc("d3", "Clash\nFILE: Fighters clashed in Baghdad.")
    baghdad = Place("Baghdad", 33.3152, 44.3661, country="Iraq", country_code="IQ", geo_precision=1)
    store.ingest(d1, [make_mention(d1, "Shelling", place=baghdad, when=date(2023, 12, 1))])
    store.ingest(d2, [make_mention(d2, "Shelling", place=baghdad, when=date(2023, 12, 5))])
    store.ingest(d3, [make_mention(d3, "clashed", place=baghdad, when=date(2023, 12, 1), event_type="Protests",
                                   sub_event_type="Peaceful protest")])
    assert store.count_incidents() == 3


def test_two_events_in_one_report_stay_two_incidents(store):
    d = make_doc("two", "Two attacks\nFILE: A rocket hit the embassy. Another rocket hit the embassy.")
    start = d.text.index("Another rocket")
    m1 = make_mention(d, "A rocket hit", place=BAGHDAD_EMBASSY, target="US Embassy")
    m2 = make_mention(d, "Another rocket", place=BAGHDAD_EMBASSY, target="US Embassy")
    assert m2.trigger.start == start
    res = store.ingest(d, [m1, m2])
    assert len(res.incidents) == 2


def test_incident_ids_are_stable(store_url, tmp_path):
    from sitrep.store import open_store

    reports = embassy_reports()
    s1 = open_store(store_url)
    first = s1.ingest(*reports[0]).incidents
    for d, ms in reports[1:]:
        assert s1.ingest(d, ms).incidents == first  # later reports join, the id never changes
    s1.close()
    s2 = open_store(str(tmp_path / "other.sqlite"))
    assert s2.ingest(*reports[0]).incidents == first  # same first report -> same id in another database
    s2.close()


def test_filters_and_counts(store):
    for d, ms in embassy_reports():
        store.ingest(d, ms)
    other = make_doc("kyiv", "Strike on Kyiv\nFILE: A missile strike hit Kyiv on 3 January, killing 4.",
                     published=date(2024, 1, 3))
    kyiv = Place("Kyiv", 50.4501, 30.5234, country="Ukraine", country_code="UA", admin1="Kyiv City", geo_precision=1)
    store.ingest(other, [make_mention(other, "missile strike", place=kyiv, when=date(2024, 1, 3), fatalities=4,
                                      actor1="Russia", weapons=("missile",))])
    cases = [
        ({}, 2),
        ({"date_from": date(2024, 1, 1)}, 1),
        ({"date_to": date(2023, 12, 31)}, 1),
        ({"bbox": (20.0, 45.0, 40.0, 55.0)}, 1),
        ({"country": "IQ"}, 1),
        ({"country": "ukraine"}, 1),
        ({"event_type": "Explosions/Remote violence"}, 2),
        ({"event_type": "shelling/artillery/missile attack"}, 2),
        ({"event_type": "Battles"}, 0),
        ({"actor": "islamic resistance"}, 1),
        ({"actor": "100%"}, 0),
        ({"claimed": True}, 1),
        ({"claimed": False}, 0),  # false: a report says no group claimed it; none here
        ({"claimed": "unknown"}, 1),  # the reports are silent (Kyiv)
        ({"q": "embassy"}, 1),
        ({"q": "kyiv missile"}, 1),
        ({"q": "kyiv embassy"}, 0),
    ]
    for filters, n in cases:
        rows = store.incidents(**filters)
        assert len(rows) == n, filters
        assert store.count_incidents(**filters) == n, filters
    newest = store.incidents(limit=1)
    assert newest[0]["location"]["name"] == "Kyiv" and newest[0]["fatalities"] == 4
    assert store.incidents(limit=1, offset=1)[0]["location"]["country"] == "Iraq"
    assert store.incidents(limit=1, offset=2) == []


def test_list_records_carry_the_format_fields(store):
    for d, ms in embassy_reports():
        store.ingest(d, ms)
    (rec,) = store.incidents()
    for key in ("id", "document", "date", "date_precision", "event_type", "sub_event_type", "weapons", "actor1",
                "target", "location", "fatalities", "claimed", "claimant", "n_sources", "first_reported",
                "last_updated"):
        assert key in rec, key
    assert set(rec["location"]) >= {"name", "country", "admin1", "latitude", "longitude", "geo_precision"}
    assert rec["date"] == "2023-12-08" and rec["weapons"] == ["rocket"]


def test_stats_and_timeline(store):
    for d, ms in embassy_reports():
        store.ingest(d, ms)
    st = store.stats()
    assert st["totals"] == {"incidents": 1, "fatalities": 5, "claimed": 1, "documents": 3, "mentions": 3}
    assert st["by_country"][0]["country_code"] == "IQ"
    assert st["by_month"] == [{"month": "2023-12", "count": 1, "fatalities": 5}]
    assert store.timeline() == [{"day": "2023-12-08", "count": 1, "fatalities": 5}]
    assert store.timeline(country="UA") == []


def test_documents_listing_and_text(store):
    for d, ms in embassy_reports():
        store.ingest(d, ms)
    docs = store.documents()
    assert [d["id"] for d in docs] == ["emb-c", "emb-a", "emb-b"]
    assert all(len(d["incidents"]) == 1 for d in docs)
    full = store.document("emb-b")
    assert full["text"] == EMB_B and full["title"] == "Embassy attacked"
    assert full["mentions"][0]["evidence"][0]["text"] == "rockets struck"
    assert store.document("nope") is None and store.incident("inc_000000000000") is None


def test_a_corrected_document_replaces_the_old_version(store):
    (a, ma), (b, mb), _ = embassy_reports()
    b = dataclasses.replace(b, url="https://news.example/emb-b")
    store.ingest(a, ma)
    inc = store.ingest(b, mb).incidents[0]
    # the outlet corrects its report (same URL): the attack was on Harir, not the embassy
    fixed = make_doc("emb-b", EMB_B.replace("American embassy compound in Baghdad", "Harir Air Base"),
                     url="https://news.example/emb-b")
    m = make_mention(fixed, "rockets struck", place=HARIR, target="Harir Air Base", fatalities=3)
    res = store.ingest(fixed, [m])
    assert res.status == "updated" and res.incidents != [inc]
    assert store.count_documents() == 2 and store.count_incidents() == 2
    old = store.incident(inc)
    assert old["n_sources"] == 1 and old["fatalities"]["best"] == 2
    assert any(ch["kind"] == "unlinked" and ch["document_id"] == "emb-b" for ch in old["changes"])


def test_a_failing_document_leaves_nothing_behind(store):
    (a, ma), (b, mb), _ = embassy_reports()
    store.ingest(a, ma)
    bad = make_mention(b, "Baghdad", place=BAGHDAD_EMBASSY)
    bad.weapons = [object()]  # cannot be stored: the whole document must roll back
    with pytest.raises(TypeError):
        store.ingest(b, [mb[0], bad])
    assert store.count_documents() == 1
    assert store.stats()["totals"]["mentions"] == 1
    assert store.incident(store.incidents()[0]["id"])["n_sources"] == 1
    assert store.ingest(b, mb).status == "new"  # and the store is still usable


def test_mentions_of_another_document_are_refused(store):
    (a, _), (_, mb), _ = embassy_reports()
    with pytest.raises(errors.StoreError) as exc:
        store.ingest(a, mb)
    assert exc.value.code == "E604"
    assert store.count_documents() == 0


def test_untrusted_text_is_stored_verbatim(store):
    text = "Title <b>x</b>\nFILE: <script>alert('x')</script> A rocket hit Baghdad; 'quotes' \"too\" -- 100% \\ done."
    d = make_doc("xss", text)
    store.ingest(d, [make_mention(d, "A rocket hit", place=BAGHDAD_EMBASSY)])
    assert store.document("xss")["text"] == text
    assert store.incidents(q="<b>x</b>")[0]["document"] == "xss"


def test_mention_without_date_or_place_gets_its_own_incident(store):
    d1 = make_doc("nd1", "Attack\nFILE: An attack happened somewhere.")
    d2 = make_doc("nd2", "Attack\nFILE: An attack happened somewhere else.")
    store.ingest(d1, [make_mention(d1, "An attack", when=None)])
    store.ingest(d2, [make_mention(d2, "An attack", when=None)])
    assert store.count_incidents() == 2
    assert store.incidents()[0]["date"] is None


def test_reopening_runs_no_migration_twice(store_url):
    from sitrep.store import open_store
    from sitrep.store.schema import LATEST

    for _ in range(2):
        s = open_store(store_url)
        assert s.version == LATEST
        assert s.conn.scalar("SELECT count(*) FROM schema_version") == LATEST
        s.close()


def test_synthetic_fill(store):
    from sitrep.store.synthetic import fill

    assert fill(store, 250, batch=100) == 250
    assert store.count_incidents() == 250 and store.count_documents() == 250
    some = store.incidents(country="IQ", limit=5)
    assert some and all(r["location"]["country_code"] == "IQ" for r in some)
    inc = store.incident(some[0]["id"])
    src = inc["sources"][0]["mentions"][0]
    text = store.document(inc["sources"][0]["document_id"])["text"]
    assert text[src["evidence"][0]["start"]:src["evidence"][0]["end"]] == "attack"
    fill(store, 10, seed=1)
    assert store.count_incidents() == 260


def test_two_sources_with_the_same_file_name_are_two_documents(store):
    """Identity comes from the source (URL, else path), never from the file name alone."""
    (a, ma), (b, mb), _ = embassy_reports()
    a = dataclasses.replace(a, id="report", path="site-one/report.txt")
    b = dataclasses.replace(b, id="report", path="site-two/report.txt")
    first = store.ingest(a, [dataclasses.replace(ma[0], document_id="report")])
    second = store.ingest(b, [dataclasses.replace(mb[0], document_id="report")])
    assert (first.status, second.status) == ("new", "new")
    assert first.document_id == "report" and second.document_id.startswith("report~")
    assert store.count_documents() == 2 and store.stats()["totals"]["mentions"] == 2
    assert store.document("report")["text"] == a.text
    # two pages both called index.html, with their own URLs
    c = make_doc("index", EMB_C, url="https://one.example/index.html")
    d = make_doc("index", EMB_C + " More later.", url="https://two.example/index.html")
    assert store.ingest(c, []).status == "new" and store.ingest(d, []).status == "new"
    assert store.count_documents() == 4
    # a later version of the same file replaces it, under the id it was stored with
    b2 = dataclasses.replace(b, text=b.text + " Two more died in hospital.", meta={})
    res = store.ingest(b2, [dataclasses.replace(mb[0], document_id="report")])
    assert res.status == "updated" and res.document_id == second.document_id
    assert store.count_documents() == 4 and store.document("report")["text"] == a.text


def test_reads_do_not_wait_for_a_write_transaction(store):
    import threading

    (a, ma), _, _ = embassy_reports()
    store.ingest(a, ma)
    got = []
    with store.conn.transaction():  # a writer holds the write connection (an ingest in progress)
        reader = threading.Thread(target=lambda: got.append((store.count_documents(), store.stats())))
        reader.start()
        reader.join(timeout=20)
        assert got and got[0][0] == 1  # served from the reader's own connection, not queued behind the writer


def test_cached_answers_follow_writes_of_other_connections(store_url):
    from sitrep.store import open_store

    (a, ma), (b, mb), _ = embassy_reports()
    with open_store(store_url) as reader, open_store(store_url) as writer:
        writer.ingest(a, ma)
        assert reader.incidents(limit=10) and reader.stats()["totals"]["documents"] == 1
        b = dataclasses.replace(b, url="https://news.example/b")
        writer.ingest(b, mb)
        import time

        deadline = time.monotonic() + 5  # PostgreSQL: answers live 1 s; SQLite: data_version sees the commit
        while reader.stats()["totals"]["documents"] != 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert reader.stats()["totals"]["documents"] == 2
        assert reader.count_documents() == 2


def test_an_incident_gives_its_sub_events_by_action(store):
    """ECB+ keeps the shooting and the killing of one attack as two chains; the incident gives its trigger words
    grouped by the action they name, from every report (sentences of our own, extracted by the pipeline)."""
    from sitrep.model import Document
    from sitrep.pipeline import extract_document

    first = Document(id="ridgeton-a", text="Gunmen kill two on bus in Ridgeton\nGunmen opened fire on a bus in "
                     "Ridgeton, Ohio, on Monday, killing two passengers and wounding five others, police said.\n",
                     published=date(2022, 3, 8))
    second = Document(id="ridgeton-b", text="Bus shooting in Ridgeton\nAttackers shot dead two passengers on a bus in "
                      "Ridgeton, Ohio, on Monday, the sheriff said.\n",
                      published=date(2022, 3, 8))
    for doc in (first, second):
        store.ingest(doc, extract_document(doc))
    (inc,) = store.incidents()
    subs = store.incident(inc["id"])["subevents"]
    kinds = {s["kind"]: {t["document_id"] for t in s["triggers"]} for s in subs}
    assert kinds.get("shooting") == {"ridgeton-a", "ridgeton-b"}, subs
    assert "ridgeton-a" in kinds.get("killing", set()), subs
    assert all(t["text"] for s in subs for t in s["triggers"])
