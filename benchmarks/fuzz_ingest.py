"""Fuzz the ingest readers with hypothesis: ``--count`` generated inputs (plain text, JSON Lines, HTML, RSS/Atom
and JSON feeds, zip/tar.gz archives, each as well-formed structure filled with generated values, or cut, or
with a flipped byte, or raw bytes) go through ``read_data`` (the dispatch ``sitrep ingest`` runs on every
file), the sectioning of long texts and the language screen. Every input must give Documents and coded
ReadFailures: an unhandled exception, or a result of another kind, is a failure (printed with the input
that caused it, shrunk by hypothesis). Prints inputs/s and the kinds of results; asserts nothing about time.

    python3 benchmarks/fuzz_ingest.py --count 100000
    python3 benchmarks/fuzz_ingest.py --count 200      # what the test suite runs
"""
from __future__ import annotations

import argparse
import io
import json
import sys
import tarfile
import time
import warnings
import zipfile
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)
ascii_words = st.lists(st.sampled_from(["rocket", "struck", "the", "base", "Kirkuk", "on", "Monday", "killing",
                                        "two", "<b>", "&amp;", "&bogus;", "]]>", "\u202e", "\x00", "\n\n", "FILE:",
                                        '"', "{", "}"]), max_size=80).map(" ".join)
any_text = st.one_of(words, ascii_words)


def _jsonl(rows: list) -> bytes:
    return "\n".join(json.dumps(r) if not isinstance(r, str) else r for r in rows).encode("utf-8", "replace")


def _html(title: str, body: str, ld: bool) -> bytes:
    extra = (f'<script type="application/ld+json">{json.dumps({"@type": "NewsArticle", "articleBody": body})}'
             "</script>") if ld else ""
    return (f"<!doctype html><html><head><title>{title}</title>{extra}</head><body><article><h1>{title}</h1>"
            f"<p>{body}</p></article></body></html>").encode("utf-8", "replace")


def _rss(items: list[tuple[str, str]]) -> bytes:
    body = "".join(f"<item><title>{t}</title><link>http://x.example/{i}</link><description>{d}</description></item>"
                   for i, (t, d) in enumerate(items))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{body}</channel></rss>'.encode(
        "utf-8", "replace")


def _json_feed(items: list[tuple[str, str]]) -> bytes:
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "F", "items": [
        {"id": str(i), "url": f"http://x.example/{i}", "title": t, "content_text": d}
        for i, (t, d) in enumerate(items)]}).encode()


def _archive(kind: str, members: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    if kind == "zip":
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf, warnings.catch_warnings():
            warnings.simplefilter("ignore")  # duplicate member names are part of the fuzz
            for name, data in members:
                zf.writestr(name, data)
    else:
        with tarfile.open(fileobj=buf, mode="w:gz") as tf:
            for name, data in members:
                info = tarfile.TarInfo(name)
                info.size = len(data)
                tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def _damage(data: bytes, how: int, where: int) -> bytes:
    if not data or how == 0:
        return data
    if how == 1:
        return data[: where % len(data)]
    b = bytearray(data)
    b[where % len(b)] ^= 0xFF
    return bytes(b)


items = st.lists(st.tuples(any_text, any_text), max_size=6)
member_names = st.sampled_from(["a.txt", "b.html", "c.jsonl", "d.xml", "../e.txt", "/abs.txt", "f", "n.zip"])
structured = st.one_of(
    st.tuples(st.just("t.txt"), any_text.map(lambda t: t.encode("utf-8", "replace"))),
    st.tuples(st.just("s.txt"), st.tuples(any_text, any_text).map(
        lambda p: f"{p[0]}\nFILE: {p[1]}".encode("utf-8", "replace"))),
    st.tuples(st.just("r.jsonl"), st.lists(st.one_of(
        st.fixed_dictionaries({"id": any_text, "text": any_text}, optional={
            "title": any_text, "published": any_text, "url": any_text}),
        any_text, st.integers(), st.none()), max_size=5).map(_jsonl)),
    st.tuples(st.just("p.html"), st.builds(_html, any_text, any_text, st.booleans())),
    st.tuples(st.just("f.xml"), items.map(_rss)),
    st.tuples(st.just("f.json"), items.map(_json_feed)),
    st.tuples(st.sampled_from(["a.zip", "a.tar.gz"]), st.builds(
        lambda kind, ms: _archive(kind, ms), st.sampled_from(["zip", "tgz"]),
        st.lists(st.tuples(member_names, any_text.map(lambda t: t.encode("utf-8", "replace"))), max_size=4))),
)
inputs = st.one_of(
    st.builds(lambda nd, how, where: (nd[0], _damage(nd[1], how, where)), structured,
              st.integers(0, 2), st.integers(0, 10**6)),
    st.tuples(st.sampled_from(["x.txt", "x.html", "x.xml", "x.jsonl", "x.zip", "x"]), st.binary(max_size=3000)),
)


def read_all(name: str, data: bytes) -> list:
    from sitrep.ingest.language import screen_language
    from sitrep.ingest.sources import read_data
    from sitrep.ingest.text import ReadFailure, sections
    from sitrep.model import Document

    out = []
    for res in read_data(data, name):
        if isinstance(res, Document):
            for part in sections(res):
                out.append(screen_language(part))
        else:
            out.append(res)
    for r in out:
        if isinstance(r, ReadFailure):
            assert r.code.startswith("E1") and len(r.code) == 4 and r.message, r
        else:
            assert isinstance(r, Document) and r.text.strip() and 0 <= r.body_start <= len(r.text), r
    return out


def run(count: int, seed: int | None = None) -> Counter:
    seen: Counter = Counter()

    @settings(max_examples=count, deadline=None, database=None, derandomize=seed is not None,
              suppress_health_check=list(HealthCheck))
    @given(inputs)
    def fuzz(case):
        name, data = case
        results = read_all(name, data)
        seen["inputs"] += 1
        for r in results:
            seen[getattr(r, "code", "document")] += 1

    fuzz()
    return seen


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=100_000, help="generated inputs (default 100,000)")
    ap.add_argument("--seed", type=int, default=None, help="a fixed, repeatable run")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    seen = run(args.count, args.seed)
    dt = time.perf_counter() - t0
    n = seen.pop("inputs", 0)
    print(f"fuzzed the ingest readers with {n:,} generated inputs in {dt:.1f} s ({n / dt:.0f} inputs/s): "
          f"no unhandled exception")
    print("results: " + ", ".join(f"{k} {v:,}" for k, v in sorted(seen.items(), key=lambda kv: -kv[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
