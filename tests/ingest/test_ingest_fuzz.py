"""Every reader on arbitrary bytes: no exception escapes, no hang (hypothesis deadline), and whatever
is not a document is a ReadFailure with a code and a message."""
from __future__ import annotations

import io
import tarfile
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.ingest.archives import read_archive
from sitrep.ingest.feeds import read_feed
from sitrep.ingest.html import fragment_to_text, read_html_results
from sitrep.ingest.sources import read_data
from sitrep.ingest.text import ReadFailure, read_bytes
from sitrep.model import Document

FUZZ = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])

# arbitrary bytes, and bytes that start like each format so the parsers get past their sniffing
PREFIXES = [b"", b"<html><body>", b"<?xml version='1.0'?><rss version='2.0'><channel><item><title>",
            b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><content type='html'>",
            b'{"version": "https://jsonfeed.org/version/1", "items": [', b'{"id": "x", "text": ',
            b"PK\x03\x04", b"\x1f\x8b\x08\x00", b"\xef\xbb\xbf", b"\xff\xfe"]
fuzz_bytes = st.builds(lambda p, b: p + b, st.sampled_from(PREFIXES), st.binary(max_size=4000))
fuzz_text = st.builds(lambda p, t: p + t.encode("utf-8", "surrogatepass"), st.sampled_from(PREFIXES),
                      st.text(max_size=2000).map(lambda s: s.encode("utf-8", "replace").decode("utf-8")))


def _check(results):
    assert results, "a reader must say something about every input"
    for r in results:
        assert isinstance(r, Document | ReadFailure)
        if isinstance(r, ReadFailure):
            assert r.code.startswith("E1") and len(r.code) == 4 and r.message
        else:
            assert r.text.strip() and 0 <= r.body_start <= len(r.text)


@FUZZ
@given(st.one_of(fuzz_bytes, fuzz_text))
def test_html_reader_fuzz(data):
    _check(list(read_html_results(data, "fuzz.html")))


@FUZZ
@given(st.one_of(fuzz_bytes, fuzz_text))
def test_feed_reader_fuzz(data):
    results = list(read_feed(data, "fuzz.xml"))
    for r in results:  # an empty but valid feed yields nothing; anything yielded must be well formed
        _check([r])


@FUZZ
@given(st.one_of(fuzz_bytes, fuzz_text))
def test_text_reader_fuzz(data):
    _check(list(read_bytes(data, "fuzz.txt")))


@FUZZ
@given(st.one_of(fuzz_bytes, fuzz_text), st.sampled_from(["f.html", "f.xml", "f.jsonl", "f.txt", "f", "f.zip"]))
def test_dispatch_fuzz(data, name):
    results = list(read_data(data, name))
    for r in results:
        _check([r])


@FUZZ
@given(st.binary(max_size=4000))
def test_archive_reader_fuzz_raw(data):
    _check(list(read_archive(data, "fuzz.tar.gz")))


def _mutated(kind: str, payload: bytes, cut: int, flip: int) -> bytes:
    buf = io.BytesIO()
    if kind == "zip":
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("a.txt", payload)
            zf.writestr("b.html", b"<html><body><p>" + payload + b"</p></body></html>")
    else:
        with tarfile.open(fileobj=buf, mode="w:gz") as tf:
            for name in ("a.txt", "b.html"):
                info = tarfile.TarInfo(name)
                info.size = len(payload)
                tf.addfile(info, io.BytesIO(payload))
    data = bytearray(buf.getvalue())
    if data:
        data[flip % len(data)] ^= 0xFF
    return bytes(data[: max(1, len(data) - cut)])


@FUZZ
@given(st.sampled_from(["zip", "tgz"]), st.binary(min_size=1, max_size=2000), st.integers(0, 400),
       st.integers(0, 10_000))
def test_archive_reader_fuzz_damaged(kind, payload, cut, flip):
    _check(list(read_archive(_mutated(kind, payload, cut, flip), f"fuzz.{kind}")))


@FUZZ
@given(st.text(max_size=3000))
def test_fragment_to_text_fuzz(fragment):
    out = fragment_to_text(fragment)
    assert isinstance(out, str)
    assert "\x00" not in out or "\x00" in fragment


def test_fuzz_benchmark_small_count():
    """``benchmarks/fuzz_ingest.py`` (structured and damaged inputs of every format through ``read_data``,
    sections and the language screen) at a small, fixed count; the benchmark runs 100,000."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "benchmarks" / "fuzz_ingest.py"
    spec = importlib.util.spec_from_file_location("fuzz_ingest_bench", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    seen = bench.run(200, seed=1)
    assert seen["inputs"] == 200 and seen["document"] > 0
