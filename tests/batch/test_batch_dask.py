"""sitrep batch on a real Dask LocalCluster with 2 worker processes: Parquet partitions, resume after a
crash, per-document errors, merge into a real SQLite store. The extraction function is injected (a
small keyword extractor defined here, shipped to the workers by value) so the test exercises the Dask
machinery, not the NLP."""
from __future__ import annotations

import sys

import cloudpickle
import pyarrow.parquet as pq
import pytest

from sitrep.batch import BatchError, read_partition, run_batch
from sitrep.batch.core import done_fingerprint
from sitrep.model import Document, EventMention, Place, Span

cloudpickle.register_pickle_by_value(sys.modules[__name__])

REPORT = "Report {i}: a rocket hit the base near Baghdad on Monday, officials said. {extra}"


def keyword_extract(doc: Document) -> list[EventMention]:
    if "POISON" in doc.text:
        raise ValueError("cannot read this one")
    out = []
    start = doc.text.find("rocket")
    while start >= 0:
        span = Span(start, start + 6, "rocket")
        out.append(EventMention(document_id=doc.id, trigger=span, sentence_index=0,
                                event_type="Explosions/Remote violence",
                                sub_event_type="Shelling/artillery/missile attack", weapons=["rocket"],
                                place=Place("Baghdad", 33.34, 44.40, country="Iraq", span=span),
                                evidence=[span]))
        start = doc.text.find("rocket", start + 1)
    return out


def crash_on_report_7(doc: Document) -> list[EventMention]:
    if doc.id == "r007":
        import os

        os._exit(13)  # the worker process dies, as on an out-of-memory kill
    return keyword_extract(doc)


@pytest.fixture(scope="module")
def client():
    import dask
    from distributed import Client, LocalCluster

    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        cluster = LocalCluster(n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1",
                               dashboard_address=None)
        c = Client(cluster)
        yield c
        c.close()
        cluster.close()


def _corpus(tmp_path, n=20):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(n):
        extra = "Another rocket fell nearby." if i % 2 else ""
        if i == 5:
            extra = "POISON"
        (src / f"r{i:03d}.txt").write_text(REPORT.format(i=i, extra=extra))
    return src


def test_partitions_written_and_merged(client, tmp_path):
    from sitrep.store import open_store

    src = _corpus(tmp_path)
    out = tmp_path / "out"
    store = open_store(str(tmp_path / "db.sqlite"))
    stats = run_batch([str(src)], out, client=client, extract=keyword_extract, partition_size=6, store=store,
                      progress=False)
    assert stats.documents == 20 and stats.partitions == 4 and stats.partitions_skipped == 0
    assert stats.failures == 1  # the POISON document
    assert stats.events == sum(2 if i % 2 else 1 for i in range(20) if i != 5)
    assert sorted(p.name for p in (out / "mentions").glob("*.parquet")) == [f"part-0000{i}.parquet" for i in range(4)]
    assert not list(out.rglob("*.tmp"))
    table = pq.read_table(out / "mentions")
    assert table.num_rows == stats.events and set(table.column("event_type").to_pylist()) == {
        "Explosions/Remote violence"}
    # lossless: mentions read back equal what the extractor produced
    for doc, mentions, err in read_partition(out, 0):
        if err:
            assert doc.id == "r005" and "cannot read" in err
            continue
        assert mentions == keyword_extract(doc)
    assert len(stats.worker_maxrss_kb) >= 1
    assert stats.merged == 19 and store.count_documents() == 19
    # a second run does nothing new: every partition is done and merged
    again = run_batch([str(src)], out, client=client, extract=keyword_extract, partition_size=6, store=store,
                      progress=False)
    assert again.partitions_skipped == 4 and again.merged == 0 and store.count_documents() == 19
    store.close()


def test_resume_after_a_worker_crash(client, tmp_path):
    src = _corpus(tmp_path)
    out = tmp_path / "out"
    with pytest.raises(BatchError) as info:
        run_batch([str(src)], out, client=client, extract=crash_on_report_7, partition_size=5, progress=False)
    failed = info.value.failed
    # partition 1 (r005-r009) never completed; nothing half-written is visible
    assert 1 in failed and done_fingerprint(out, 1) is None
    assert "E802" in str(info.value) and "run the same command again" in str(info.value)
    assert not list((out / "mentions").glob(".*tmp"))
    # the crash did not throw away the partitions that were running elsewhere: each one not failed is written
    survivors = [p for p in range(4) if p not in failed]
    assert survivors and all(done_fingerprint(out, p) is not None for p in survivors)
    client.restart()
    stats = run_batch([str(src)], out, client=client, extract=keyword_extract, partition_size=5, progress=False)
    assert done_fingerprint(out, 1) is not None
    assert stats.partitions == 4 and stats.partitions_skipped == len(survivors)
    assert pq.read_table(out / "mentions").num_rows == sum(2 if i % 2 else 1 for i in range(20) if i != 5)


def test_changed_input_redoes_the_partition(client, tmp_path):
    src = _corpus(tmp_path, n=6)
    out = tmp_path / "out"
    run_batch([str(src)], out, client=client, extract=keyword_extract, partition_size=3, progress=False)
    (src / "r004.txt").write_text("Report 4 rewritten: two rocket strikes and one more rocket.")
    stats = run_batch([str(src)], out, client=client, extract=keyword_extract, partition_size=3, progress=False)
    assert stats.partitions_skipped == 1
    docs = {d.id: m for d, m, _ in read_partition(out, 1)}
    assert len(docs["r004"]) == 2


def test_read_failures_are_counted_and_listed(client, tmp_path):
    src = _corpus(tmp_path, n=3)
    (src / "empty.txt").write_text("")
    out = tmp_path / "out"
    stats = run_batch([str(src)], out, client=client, extract=keyword_extract, partition_size=10, progress=False)
    assert len(stats.read_failures) == 1 and stats.read_failures[0].code == "E101"
    assert "E101" in (out / "read_failures.jsonl").read_text()


def test_the_real_pipeline_on_the_workers(client, tmp_path):
    """No extractor injected: each worker runs sitrep's pipeline over its whole partition as one spaCy stream;
    what it writes equals what extract_document gives one report at a time."""
    from sitrep.pipeline import extract_document

    src = tmp_path / "in"
    src.mkdir()
    reports = [  # written for this test
        "Gunmen killed three farmers near Saravena, Colombia, on Monday 12 March 1990, police said.",
        "A car bomb exploded outside a police station in Medellin on Friday 9 March 1990, wounding four people.",
        "The city council approved a new budget for schools on Tuesday.",
    ]
    for i, text in enumerate(reports):
        (src / f"r{i}.txt").write_text(text)
    out = tmp_path / "out"
    stats = run_batch([str(src)], out, client=client, partition_size=2, progress=False)
    assert stats.documents == 3 and stats.failures == 0 and stats.events == 2
    for part in range(2):
        for doc, mentions, err in read_partition(out, part):
            assert err is None
            expected = extract_document(doc)
            assert [(m.event_type, m.date, m.fatalities.best, m.injured.best) for m in mentions] == \
                [(m.event_type, m.date, m.fatalities.best, m.injured.best) for m in expected]
