"""sitrep watch against a local HTTP server on 127.0.0.1 that serves the feed fixtures and misbehaves
on purpose: timeouts, 500s, truncated XML, a gzip bomb, a redirect loop."""
from __future__ import annotations

import gzip
import hashlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import SHARED
from sitrep.ingest import watch as w
from sitrep.ingest.watch import WatchState, fetch, load_feed_list, poll_once

FIXTURES = SHARED / "data" / "ingestion" / "trafilatura"
EN_RSS = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Local News</title>'
          + b"".join(b"<item><title>Rocket attack %d</title><link>http://local/news/%d</link><description>"
                     b"Two rockets hit the air base near the town on Monday, officials said, and no one was hurt "
                     b"in the attack, which no group has claimed.</description></item>" % (i, i) for i in range(3))
          + b"</channel></rss>")


class Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}

    def log_message(self, *args):  # quiet
        pass

    def _send(self, body: bytes, *, status=200, headers=None):
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up, as it should
            pass

    def do_GET(self):  # noqa: N802 - http.server's name
        Handler.hits[self.path] = Handler.hits.get(self.path, 0) + 1
        if self.path == "/atom":
            body = (FIXTURES / "feed1.atom").read_bytes()
            tag = '"' + hashlib.md5(body).hexdigest() + '"'
            if self.headers.get("If-None-Match") == tag:
                return self._send(b"", status=304, headers={"ETag": tag})
            return self._send(body, headers={"ETag": tag, "Content-Type": "application/atom+xml"})
        if self.path == "/rss":
            lm = "Mon, 06 Sep 2010 00:01:00 GMT"
            if self.headers.get("If-Modified-Since") == lm:
                return self._send(b"", status=304)
            return self._send(EN_RSS, headers={"Last-Modified": lm})
        if self.path == "/json":
            return self._send((FIXTURES / "feed_npr.json").read_bytes(), headers={"Content-Type": "application/json"})
        if self.path == "/gzip":
            return self._send(gzip.compress(EN_RSS), headers={"Content-Encoding": "gzip"})
        if self.path == "/slow":
            time.sleep(3)
            return self._send(EN_RSS)
        if self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Length", str(len(EN_RSS)))
            self.end_headers()
            try:
                for i in range(0, len(EN_RSS), 20):
                    self.wfile.write(EN_RSS[i:i + 20])
                    self.wfile.flush()
                    time.sleep(0.3)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return None
        if self.path == "/trickle-headers":  # a header byte every 0.2 s: no single read waits past a timeout
            try:
                for b in b"HTTP/1.1 200 OK\r\nX-Padding: " + b"a" * 200:
                    self.wfile.write(bytes([b]))
                    self.wfile.flush()
                    time.sleep(0.2)
            except (BrokenPipeError, ConnectionResetError, OSError):
                pass
            self.close_connection = True
            return None
        if self.path == "/malformed":  # an undeclared entity: feedparser recovers and complains
            body = EN_RSS.replace(b"http://local/news/", b"http://local/bad/").replace(b"Local News", b"Local &bad; News")
            return self._send(body)
        if self.path == "/500":
            return self._send(b"oops", status=500)
        if self.path == "/truncated":
            other = EN_RSS.replace(b"http://local/news/", b"http://local/other/")
            return self._send(other[: len(other) // 2])
        if self.path == "/garbage":
            return self._send(b"\x00\x01binary\xff" * 100)
        if self.path == "/bomb":
            return self._send(BOMB, headers={"Content-Encoding": "gzip"})
        if self.path.startswith("/loop"):
            return self._send(b"", status=302, headers={"Location": "/loop"})
        if self.path == "/to-file":
            return self._send(b"", status=302, headers={"Location": "file:///etc/passwd"})
        return self._send(b"not found", status=404)


BOMB = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)  # 64 MB in ~64 kB


@pytest.fixture(scope="module")
def server():
    if not FIXTURES.exists():
        pytest.skip("needs ../shared/data (ingestion/trafilatura feeds)")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_fetch_conditional_get_and_gzip(server):
    first = fetch(server + "/atom")
    assert first.status == 200 and first.etag
    assert fetch(server + "/atom", etag=first.etag).status == 304
    rss = fetch(server + "/rss")
    assert fetch(server + "/rss", modified=rss.modified).status == 304
    assert fetch(server + "/gzip").data == EN_RSS


@pytest.mark.parametrize("path, code", [
    ("/500", w.E810_FETCH), ("/loop", w.E812_REDIRECTS), ("/to-file", w.E812_REDIRECTS),
    ("/slow", w.E813_TIMEOUT), ("/drip", w.E813_TIMEOUT), ("/bomb", w.E811_TOO_LARGE), ("/nothing", w.E810_FETCH),
    ("/trickle-headers", w.E813_TIMEOUT),
])
def test_fetch_misbehaviour_is_a_coded_error(server, path, code):
    # /drip sends a byte every few ms, so no single read times out: only the whole-fetch deadline stops it
    t0 = time.monotonic()
    with pytest.raises(w.WatchError) as info:
        fetch(server + path, timeout=1.0, max_bytes=8 * 1024 * 1024)
    assert info.value.code == code, info.value
    assert time.monotonic() - t0 < 5.0  # the deadline holds for the whole request, headers included


def test_poll_ingests_new_items_once_and_isolates_failures(server, tmp_path):
    urls = [server + p for p in ("/500", "/atom", "/slow", "/rss", "/bomb", "/loop", "/truncated", "/json",
                                 "/garbage")]
    state = WatchState(tmp_path / "state.sqlite")
    handled = []
    results = poll_once(urls, state, handled.append, interval=60, timeout=1.0, now=1000.0)
    by = {r.url.rsplit("/", 1)[-1]: r for r in results}
    for bad in ("500", "slow", "bomb", "loop", "garbage"):
        assert by[bad].status == "failed" and by[bad].error and by[bad].retry_in == 60
    assert by["atom"].new == 2 and by["rss"].new == 3 and by["json"].new >= 5
    assert by["truncated"].status in ("new", "failed")  # the loose parser may keep the items it saw
    ids = [d.id for d in handled]
    assert len(ids) == len(set(ids))
    n_first = len(handled)
    # second round later: validators give 304s, seen items are not handed over again
    results = poll_once(urls, state, handled.append, interval=60, timeout=1.0, now=1100.0)
    assert len(handled) == n_first
    by = {r.url.rsplit("/", 1)[-1]: r for r in results}
    assert by["atom"].status == "unchanged" and by["rss"].status == "unchanged"
    # failing feeds back off exponentially: 60 then 120
    assert by["500"].status == "failed" and by["500"].retry_in == 120
    # and are not polled while waiting
    hits = Handler.hits.get("/500", 0)
    results = poll_once(urls, state, handled.append, interval=60, timeout=1.0, now=1150.0)
    assert {r.url.rsplit("/", 1)[-1]: r for r in results}["500"].status == "waiting"
    assert Handler.hits.get("/500", 0) == hits
    state.close()


def test_handler_failure_leaves_items_for_the_next_poll(server, tmp_path):
    state = WatchState(tmp_path / "s.sqlite")
    calls = []

    def flaky(doc):
        calls.append(doc.id)
        if len(calls) == 2:
            raise RuntimeError("store unavailable")

    (r,) = poll_once([server + "/rss"], state, flaky, interval=10, now=0.0)
    # items are independent: the one that failed is reported and left for the next poll, the others are stored,
    # and the feed itself is fine (no backoff)
    assert r.status == "new" and r.new == 2 and len(r.item_errors) == 1 and "store unavailable" in r.item_errors[0]
    assert state.feed(server + "/rss")["failures"] == 0
    (r,) = poll_once([server + "/rss"], state, lambda d: calls.append(d.id), interval=10, now=100.0, force=True)
    assert r.new == 1  # only the one that failed
    assert len(set(calls)) == 3
    state.close()


def test_feed_lists(tmp_path):
    txt = tmp_path / "feeds.txt"
    txt.write_text("# my feeds\nhttps://a.example/rss\n\nhttps://b.example/atom  # comment\nhttps://a.example/rss\n")
    assert load_feed_list(txt) == ["https://a.example/rss", "https://b.example/atom"]
    opml = tmp_path / "feeds.opml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><body><outline text="News">'
                    '<outline type="rss" xmlUrl="https://c.example/feed"/></outline></body></opml>')
    assert load_feed_list(opml) == ["https://c.example/feed"]
    bad = tmp_path / "bad.txt"
    bad.write_text("https://ok.example/\nfile:///etc/passwd\n")
    with pytest.raises(w.WatchError, match=r"bad\.txt:2"):
        load_feed_list(bad)


def test_fetch_deadline_covers_headers_and_feeds_are_fetched_concurrently(server, tmp_path):
    """A server that trickles its headers holds one fetch for --timeout at most, and not the other feeds."""
    state = WatchState(tmp_path / "state.sqlite")
    got = []
    t0 = time.monotonic()
    results = poll_once([server + "/trickle-headers", server + "/slow", server + "/json"], state, got.append,
                        interval=10, now=0.0, timeout=1.5, languages=None)
    took = time.monotonic() - t0
    assert [r.status for r in results] == ["failed", "failed", "new"]
    assert all("E813" in r.error for r in results[:2])
    assert took < 3.0, took  # 1.5 s deadlines in parallel, not one after the other
    state.close()


def test_watch_once_reports_what_was_stored_warns_and_fails_on_a_failed_feed(server, tmp_path, capsys):
    from sitrep.cli import main

    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{server}/malformed\n{server}/500\n")
    rc = main(["watch", str(feeds), "--once", "--db", str(tmp_path / "s.sqlite"), "--timeout", "5"])
    out = capsys.readouterr()
    assert rc == 1  # a feed failed: cron must see it
    assert "3 new items stored, 1 feed failures" in out.out
    assert "warning: recovered from malformed feed" in out.err
