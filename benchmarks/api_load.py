"""API load: a bounded load test of ``sitrep serve`` on 127.0.0.1 against a store of N synthetic incidents
(``sitrep.store.synthetic.fill``), at a fixed concurrency, in three phases of ``--seconds`` each:

1. reads only: ``--clients`` keep-alive clients loop over filtered ``/api/incidents?limit=50`` queries (one
   request in ten is ``/api/stats``);
2. the same reads while ``sitrep ingest`` (another process) extracts and stores reports into the same store;
3. the same reads while two clients POST new reports to ``/api/documents``.

Each phase prints req/s, p50/p95/p99 (ms) of the reads, and errors; at the end, whether every posted and
ingested report is in the store (nothing lost). The server is the real one (``python -m sitrep.cli serve``,
its defaults); the clients are one asyncio process with raw HTTP/1.1 keep-alive connections (light, so the
server gets the cores).

    python3 benchmarks/api_load.py                      # 100,000 incidents, 16 clients, 3 x 15 s
    python3 benchmarks/api_load.py --db /tmp/load.sqlite --seconds 10 --clients 16

Prints figures; asserts nothing about time."""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "load-test-token"
READS = [
    "/api/incidents?limit=50&country=Iraq",
    "/api/incidents?limit=50&date_from=2023-03-01&date_to=2023-03-31",
    "/api/incidents?limit=50&country=Syria&type=Explosions/Remote%20violence",
    "/api/incidents?limit=50&bbox=38,29,49,38&date_from=2022-06-01&date_to=2022-12-31",
    "/api/incidents?limit=50&claimed=true&actor=islamic",
    "/api/incidents?limit=50&q=base",
    "/api/incidents?limit=50&offset=500",
    "/api/incidents?limit=50&country=Yemen&claimed=false",
    "/api/incidents?limit=50&date_from=2023-01-01",
    "/api/stats",
]
REPORT = ("Rocket attack report {n}\nFILE: Two rockets struck the Ain al-Asad air base in western Iraq on "
          "{day} December 2023, officials said, wounding {k} contractors. Report number {n} of the load test.")


def pct(xs: list[float], p: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    k = (len(xs) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


async def request(reader, writer, method: str, path: str, body: bytes = b"", headers: str = "") -> tuple[int, bytes]:
    writer.write(f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {len(body)}\r\n{headers}\r\n"
                 .encode() + body)
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    return status, await reader.readexactly(length)


async def reader_client(port: int, until: float, times: list[float], errors: list[str], offset: int) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    i = offset
    try:
        while time.perf_counter() < until:
            path = READS[i % len(READS)]
            i += 1
            t0 = time.perf_counter()
            try:
                status, _ = await request(reader, writer, "GET", path)
            except (OSError, asyncio.IncompleteReadError) as exc:
                errors.append(f"{path}: {exc}")
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
                continue
            times.append((time.perf_counter() - t0) * 1000)
            if status != 200:
                errors.append(f"{path}: HTTP {status}")
    finally:
        writer.close()


async def poster(port: int, until: float, posted: list[str], errors: list[str], who: int) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    n = 0
    try:
        while time.perf_counter() < until:
            n += 1
            doc_id = f"load-post-{who}-{n}-{time.time_ns()}"
            body = json.dumps({"id": doc_id, "text": REPORT.format(n=doc_id, day=1 + n % 28, k=1 + n % 9),
                               "published": "2023-12-30"}).encode()
            status, out = await request(reader, writer, "POST", "/api/documents", body,
                                        f"Authorization: Bearer {TOKEN}\r\nContent-Type: application/json\r\n")
            if status == 201:
                posted.append(json.loads(out)["document_id"])
            else:
                errors.append(f"POST: HTTP {status}: {out[:200]!r}")
    finally:
        writer.close()


async def phase(port: int, clients: int, seconds: float, posters: int = 0) -> dict:
    until = time.perf_counter() + seconds
    times: list[float] = []
    errors: list[str] = []
    posted: list[str] = []
    t0 = time.perf_counter()
    await asyncio.gather(*[reader_client(port, until, times, errors, k) for k in range(clients)],
                         *[poster(port, until, posted, errors, k) for k in range(posters)])
    dt = time.perf_counter() - t0
    return {"n": len(times), "rps": len(times) / dt, "p50": pct(times, 50), "p95": pct(times, 95),
            "p99": pct(times, 99), "errors": errors, "posted": posted}


def report(name: str, r: dict) -> None:
    extra = f"  ({len(r['posted'])} posted)" if r["posted"] else ""
    print(f"{name:<28} {r['n']:>7} reads {r['rps']:>8.0f} req/s  p50 {r['p50']:6.1f}  p95 {r['p95']:6.1f}  "
          f"p99 {r['p99']:6.1f} ms  {len(r['errors'])} errors{extra}", flush=True)
    for e in r["errors"][:5]:
        print(f"    {e}")


def prepare_store(path: Path, n: int) -> None:
    from sitrep.store import open_store
    from sitrep.store.synthetic import fill

    store = open_store(str(path))
    try:
        have = store.count_incidents()
        if have < n:
            t0 = time.perf_counter()
            fill(store, n - have)
            print(f"filled {n - have:,} synthetic incidents in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    finally:
        store.close()


def reports_folder(folder: Path, count: int) -> Path:
    """``count`` distinct short reports (distinct content: each is extracted and stored)."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = time.time_ns()
    for k in range(count):
        (folder / f"r{k:04d}.txt").write_text(REPORT.format(n=f"ingest-{stamp}-{k}", day=1 + k % 28, k=1 + k % 9))
    return folder


def wait_up(port: int, proc: subprocess.Popen, limit: float = 60.0) -> None:
    t0 = time.monotonic()
    while time.monotonic() - t0 < limit:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited ({proc.returncode})")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not start")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000, help="synthetic incidents (default 100,000)")
    ap.add_argument("--db", help="SQLite file (filled when it holds fewer than --n incidents)")
    ap.add_argument("--clients", type=int, default=16, help="concurrent readers (default 16)")
    ap.add_argument("--seconds", type=float, default=15.0, help="length of each phase (default 15; 3 phases)")
    ap.add_argument("--server-args", default="", help="extra arguments for sitrep serve")
    args = ap.parse_args(argv)
    tmp = tempfile.TemporaryDirectory(prefix="sitrep-load-")
    db = Path(args.db) if args.db else Path(tmp.name) / "load.sqlite"
    prepare_store(db, args.n)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    server = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "serve", "--db", str(db), "--port", str(port),
                               "--token", TOKEN, *args.server_args.split()], env=env)
    try:
        wait_up(port, server)
        asyncio.run(phase(port, 4, 2.0))  # warm-up: model-free paths, caches, connections
        print(f"sitrep API load: SQLite {db.name}, {args.n:,} incidents, {args.clients} clients, "
              f"{args.seconds:g} s per phase, reads = filtered /api/incidents?limit=50 (+1 in 10 /api/stats)")
        report("reads only", asyncio.run(phase(port, args.clients, args.seconds)))
        folder = reports_folder(Path(tmp.name) / "reports", 400)
        ingest = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "ingest", "-q", str(folder), "--db", str(db)],
                                  env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        time.sleep(min(10.0, args.seconds / 2))  # let it load its models and start writing
        during = asyncio.run(phase(port, args.clients, args.seconds))
        report("reads during an ingest", during)
        ingest.terminate()
        ingest.wait(timeout=30)
        asyncio.run(phase(port, 0, 0.1, posters=1))  # one POST first: the extraction process loads its models
        posts = asyncio.run(phase(port, args.clients, args.seconds, posters=2))
        report("reads during 2 POST clients", posts)
        lost = _lost(db, posts["posted"])
        print(f"posted {len(posts['posted'])} reports: {lost} not in the store afterwards")
    finally:
        server.terminate()
        server.wait(timeout=30)
        tmp.cleanup()
    return 0


def _lost(db: Path, ids: list[str]) -> int:
    from sitrep.store import open_store

    store = open_store(str(db))
    try:
        return sum(1 for i in ids if store.document(i) is None)
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(main())
