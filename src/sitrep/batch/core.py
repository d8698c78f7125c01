"""Extraction over a large corpus on Dask, written as Parquet partitions, then merged into the store.

How a run goes:

1. The client streams ``read_any(paths)`` and cuts the documents into partitions of
   ``partition_size`` (deterministic: same inputs, same partitions). Each partition has a fingerprint
   (a hash of its document ids and content hashes).
2. A partition whose ``mentions/part-NNNNN.parquet`` already exists with the same fingerprint is done
   and skipped: a crashed or interrupted run is resumed by running the same command again.
3. Other partitions go to Dask workers (``extract_partition``), at most ``2 x workers`` in flight so
   memory stays bounded however large the corpus. A worker returns Arrow tables; the client writes
   ``documents/part-NNNNN.parquet`` then ``mentions/part-NNNNN.parquet`` (the commit marker), each
   to a temporary name first and renamed, so a file that exists is complete. Workers therefore
   need no shared file system: an existing scheduler on other machines works the same way.
4. With a store, each finished partition is merged (``store.ingest(doc, mentions)``, idempotent by
   content hash) and marked in ``_merged/``.

One document's extraction error never fails its partition: the document row carries the error. A
partition that fails as a whole (its worker died, say of an out-of-memory kill) does not stop the
others: every partition still in flight is finished and written, then ``BatchError`` names the
failed partitions, and running the same command again redoes only those.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import resource
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sitrep import errors
from sitrep.batch.records import (
    document_from_row,
    document_row,
    document_schema,
    mention_from_json,
    mention_rows,
    mention_schema,
)
from sitrep.ingest.text import ReadFailure
from sitrep.model import Document, EventMention

Extract = Callable[[Document], list[EventMention]]
FINGERPRINT_KEY = b"sitrep.fingerprint"
DEFAULT_PARTITION_SIZE = 250


class BatchError(errors.SitrepError):
    """Some partitions failed as a whole; ``stats`` holds what the run did finish."""

    def __init__(self, failed: dict[int, str], stats: BatchStats):
        first = next(iter(failed.items()))
        super().__init__(f"{len(failed)} partition(s) failed ({', '.join(str(p) for p in sorted(failed))}); "
                         f"first: partition {first[0]}: {first[1]}. The others are written; run the same "
                         "command again to redo only the failed ones.", code=errors.E802_PARTITIONS_FAILED)
        self.failed = failed
        self.stats = stats


@dataclass
class PartitionResult:
    part: int
    fingerprint: str
    documents: object  # pyarrow.Table
    mentions: object  # pyarrow.Table
    n_documents: int
    n_mentions: int
    n_errors: int
    seconds: float
    worker_pid: int
    worker_maxrss_kb: int


@dataclass
class BatchStats:
    documents: int = 0  # documents read
    partitions: int = 0
    partitions_skipped: int = 0  # already done by an earlier run
    events: int = 0
    failures: int = 0  # read failures + extraction errors
    read_failures: list[ReadFailure] = field(default_factory=list)
    merged: int = 0  # documents merged into the store
    seconds: float = 0.0
    worker_maxrss_kb: dict[str, int] = field(default_factory=dict)
    failed_partitions: dict[int, str] = field(default_factory=dict)  # partition -> why it failed

    def summary(self) -> str:
        return (f"{self.documents} documents in {self.partitions} partitions "
                f"({self.partitions_skipped} already done), {self.events} events, {self.failures} failures"
                + (f", {self.merged} merged into the store" if self.merged else "")
                + f" in {self.seconds:.1f}s")


# ----------------------------------------------------------------------------- worker side
def _extract_each(docs: list[Document], extract: Extract | None
                  ) -> Iterator[tuple[Document, list[EventMention], str | None]]:
    """(document, events, error) for each document: the real pipeline parses the whole partition as one
    stream (``extract_documents``); an injected ``extract`` runs once per document."""
    if extract is None:
        from sitrep.pipeline import extract_documents

        for doc, found, err in extract_documents(docs):
            yield doc, found, err[:2000] if err else None
        return
    for doc in docs:
        try:
            yield doc, list(extract(doc)), None
        except Exception as exc:
            yield doc, [], f"{type(exc).__name__}: {exc}"[:2000]


def extract_partition(part: int, fingerprint: str, docs: list[Document],
                      extract: Extract | None = None) -> PartitionResult:
    """Run on a worker: extract every document of one partition, return Arrow tables."""
    import pyarrow as pa

    t0 = time.perf_counter()
    doc_rows: list[dict] = []
    mentions: list[EventMention] = []
    n_errors = 0
    for doc, found, err in _extract_each(docs, extract):
        if err is not None:  # one document's failure is recorded, never fatal for the partition
            n_errors += 1
        for m in found:
            m.document_id = doc.id
        mentions.extend(found)
        doc_rows.append(document_row(doc, len(found), err))
    dtable = pa.Table.from_pylist(doc_rows, schema=document_schema())
    mtable = pa.Table.from_pydict(mention_rows(mentions), schema=mention_schema())
    return PartitionResult(part, fingerprint, dtable, mtable, len(docs), len(mentions), n_errors,
                           time.perf_counter() - t0, os.getpid(),
                           resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


# ----------------------------------------------------------------------------- client side
def fingerprint(docs: list[Document]) -> str:
    h = hashlib.sha256()
    for d in docs:
        h.update(d.id.encode("utf-8", "replace") + b"\0" + str(d.meta.get("sha256") or
                 hashlib.sha256(d.text.encode("utf-8", "replace")).hexdigest()).encode() + b"\n")
    return h.hexdigest()[:32]


def partitions(results: Iterable[Document | ReadFailure], size: int, failures: list[ReadFailure]
               ) -> Iterator[tuple[int, list[Document]]]:
    """Documents in consecutive groups of ``size``; read failures go to ``failures``."""
    part, batch = 0, []
    for r in results:
        if isinstance(r, ReadFailure):
            failures.append(r)
            continue
        batch.append(r)
        if len(batch) >= size:
            yield part, batch
            part, batch = part + 1, []
    if batch:
        yield part, batch


def part_name(part: int) -> str:
    return f"part-{part:05d}.parquet"


def done_fingerprint(out: Path, part: int) -> str | None:
    """The fingerprint of a completed partition file, or None when it is absent or unreadable."""
    import pyarrow.parquet as pq

    path = out / "mentions" / part_name(part)
    if not path.exists():
        return None
    try:
        meta = pq.read_schema(path).metadata or {}
    except Exception:  # a damaged file is simply redone
        return None
    v = meta.get(FINGERPRINT_KEY)
    return v.decode() if v else None


def _write_atomic(table, path: Path, fp: str) -> None:
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    table = table.replace_schema_metadata({**(table.schema.metadata or {}), FINGERPRINT_KEY: fp.encode()})
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def write_partition(out: Path, res: PartitionResult) -> None:
    """Documents first, mentions last: a mentions file that exists means the partition is complete."""
    _write_atomic(res.documents, out / "documents" / part_name(res.part), res.fingerprint)
    _write_atomic(res.mentions, out / "mentions" / part_name(res.part), res.fingerprint)


def read_partition(out: Path, part: int) -> list[tuple[Document, list[EventMention], str | None]]:
    """(document, its mentions, extraction error) for each document of a written partition."""
    import pyarrow.parquet as pq

    docs = pq.read_table(out / "documents" / part_name(part)).to_pylist()
    by_doc: dict[str, list[EventMention]] = {}
    for row in pq.read_table(out / "mentions" / part_name(part), columns=["document_id", "mention_json"]).to_pylist():
        by_doc.setdefault(row["document_id"], []).append(mention_from_json(row["mention_json"]))
    return [(document_from_row(r), by_doc.get(r["id"], []), r["error"]) for r in docs]


def merge_partition(out: Path, part: int, store) -> int:
    """Merge one written partition into the store (once); returns the documents stored."""
    marker = out / "_merged" / f"part-{part:05d}.{done_fingerprint(out, part) or 'none'}"
    if marker.exists():
        return 0
    n = 0
    for doc, mentions, err in read_partition(out, part):
        if err is None:
            store.ingest(doc, mentions)
            n += 1
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text(json.dumps({"documents": n}))
    return n


def _progress(enabled: bool):
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
                    TextColumn("{task.completed} docs · {task.fields[events]} events · "
                               "{task.fields[failures]} failures · {task.fields[rate]}"),
                    TimeElapsedColumn(), console=Console(stderr=True), disable=not enabled, transient=False)


def run_batch(paths: Iterable[str], out_dir: str | os.PathLike, *, scheduler: str | None = None,
              workers: int | None = None, store=None, extract: Extract | None = None,
              partition_size: int = DEFAULT_PARTITION_SIZE, published: date | None = None,
              languages: tuple[str, ...] | None = ("en",), progress: bool = True, client=None) -> BatchStats:
    """Extract every document of ``paths`` on Dask into Parquet partitions under ``out_dir``, and
    merge them into ``store`` when one is given. ``scheduler`` is an address (``tcp://host:8786``);
    without one a ``LocalCluster`` of ``workers`` processes (one thread each) is started and stopped.
    ``client`` (an existing ``distributed.Client``) overrides both. Resumable: see the module doc."""
    from sitrep.ingest.sources import read_any

    if partition_size < 1:
        raise errors.SitrepError("partition size must be at least 1", code=errors.E801_BAD_PARTITION_SIZE)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    run = _Run(out, store, BatchStats(), time.perf_counter())
    with _dask_client(client, scheduler, workers) as dask, _progress(progress) as bar:
        run.bar, run.task = bar, bar.add_task("batch", total=None, events=0, failures=0, rate="")
        n_workers = max(1, len(dask.scheduler_info().get("workers", {})) or (workers or 1))
        parts = partitions(read_any(paths, published=published, languages=languages), partition_size,
                           run.stats.read_failures)
        run.submit_all(dask, parts, extract, max_inflight=2 * n_workers)
        bar.update(run.task, failures=run.stats.failures + len(run.stats.read_failures))
    stats = run.stats
    stats.failures += len(stats.read_failures)
    stats.seconds = time.perf_counter() - run.t0
    _write_failures(out, stats.read_failures)
    if stats.failed_partitions:
        raise BatchError(stats.failed_partitions, stats)
    return stats


@contextlib.contextmanager
def _dask_client(client, scheduler: str | None, workers: int | None):
    """The given client; else one on ``scheduler``; else a LocalCluster of ``workers`` processes, closed after."""
    if client is not None:
        yield client
        return
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        own = Client(scheduler)
    else:
        n = workers or max(1, (os.cpu_count() or 2) - 1)
        cluster = LocalCluster(n_workers=n, processes=True, threads_per_worker=1, host="127.0.0.1",
                               dashboard_address=None)
        own = Client(cluster)
    try:
        yield own
    finally:
        own.close()
        if cluster is not None:
            cluster.close()


@dataclass
class _Run:
    """One batch run: submits partitions (at most ``max_inflight`` at a time), writes and merges each result."""

    out: Path
    store: object
    stats: BatchStats
    t0: float
    bar: object = None
    task: object = None

    def submit_all(self, dask, parts, extract, *, max_inflight: int) -> None:
        from distributed import wait

        pending: dict = {}
        for part, docs in parts:
            self.stats.partitions += 1
            self.stats.documents += len(docs)
            fp = fingerprint(docs)
            if done_fingerprint(self.out, part) == fp:
                self.stats.partitions_skipped += 1
                if self.store is not None:
                    self.stats.merged += merge_partition(self.out, part, self.store)
                self.bar.update(self.task, advance=len(docs))
                continue
            fut = dask.submit(extract_partition, part, fp, docs, extract,
                              key=f"sitrep-part-{part:05d}-{fp[:12]}", pure=False)
            pending[fut] = part
            while len(pending) >= max_inflight:
                done, _ = wait(list(pending), return_when="FIRST_COMPLETED")
                for f in done:
                    self.handle(f, pending.pop(f))
        while pending:
            done, _ = wait(list(pending), return_when="FIRST_COMPLETED")
            for f in done:
                self.handle(f, pending.pop(f))

    def handle(self, fut, part: int) -> None:
        stats = self.stats
        try:
            res: PartitionResult = fut.result()
        except Exception as exc:  # the partition failed as a whole; finish the others first
            stats.failed_partitions[part] = f"{type(exc).__name__}: {exc}"[:500]
            return
        write_partition(self.out, res)
        stats.events += res.n_mentions
        stats.failures += res.n_errors
        stats.worker_maxrss_kb[str(res.worker_pid)] = max(
            res.worker_maxrss_kb, stats.worker_maxrss_kb.get(str(res.worker_pid), 0))
        if self.store is not None:
            stats.merged += merge_partition(self.out, res.part, self.store)
        elapsed = time.perf_counter() - self.t0
        self.bar.update(self.task, advance=res.n_documents, events=stats.events,
                        failures=stats.failures + len(stats.read_failures),
                        rate=f"{stats.documents / max(elapsed, 1e-9):.1f} docs/s")


def _write_failures(out: Path, failures: list[ReadFailure]) -> None:
    tmp = out / ".read_failures.jsonl.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        for f in failures:
            fh.write(json.dumps({"source": f.source, "code": f.code, "message": f.message}, ensure_ascii=False) + "\n")
    os.replace(tmp, out / "read_failures.jsonl")
