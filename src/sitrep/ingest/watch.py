"""Watching feeds: poll each feed URL on a schedule, ingest each new item exactly once.

* Conditional GET: the ``ETag`` and ``Last-Modified`` a feed sent are sent back
  (``If-None-Match`` / ``If-Modified-Since``); a ``304`` costs nothing.
* Each feed is fetched on its own, under a hard deadline, a size limit on the *decompressed* body
  (gzip/deflate bombs are refused), and at most ``MAX_REDIRECTS`` redirects (loops are refused).
* A failing feed backs off exponentially (``interval x 2^(failures-1)``, capped at a day); its
  failure is recorded and never stops the other feeds.
* Seen items live in a small SQLite state file (``WatchState``): an item is marked seen only after
  the handler has stored it, so a crash between the two re-delivers rather than loses it, and the
  store's content-hash idempotence absorbs the repeat.

Only ``http``/``https`` URLs are fetched (never ``file:``): a feed list cannot make sitrep read local
files.
"""
from __future__ import annotations

import http.client
import socket
import sqlite3
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sitrep import errors
from sitrep.errors import E810_FETCH, E811_TOO_LARGE, E812_REDIRECTS, E813_TIMEOUT, E814_FEED_LIST  # noqa: F401 (re-exported)
from sitrep.ingest.feeds import item_document, parse_feed
from sitrep.ingest.language import screen_language
from sitrep.ingest.text import MAX_BYTES, ReadFailure
from sitrep.model import Document

MAX_FEED_BYTES = 4 * MAX_BYTES  # decompressed
MAX_REDIRECTS = 5
TIMEOUT_S = 20.0
MAX_BACKOFF_S = 24 * 3600
USER_AGENT = "sitrep-watch/0.1 (+https://github.com/; polite feed reader)"


class WatchError(errors.SitrepError):
    code = E810_FETCH


# ----------------------------------------------------------------------------------- feed list
def load_feed_list(path: str | Path) -> list[str]:
    """URLs from a text file (one a line, ``#`` comments) or an OPML file (``outline/@xmlUrl``)."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise WatchError(f"{p}: cannot read the feed list: {exc.strerror or exc}", code=E814_FEED_LIST) from exc
    head = raw[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    urls: list[str] = []
    if head.startswith(b"<?xml") or head.startswith(b"<opml"):
        import xml.etree.ElementTree as ET

        try:
            root = ET.fromstring(raw)  # expat: no external entities
        except ET.ParseError as exc:
            raise WatchError(f"{p}: not valid OPML: {exc}", code=E814_FEED_LIST) from exc
        for el in root.iter("outline"):
            url = el.get("xmlUrl") or el.get("xmlurl")
            if url:
                urls.append(url.strip())
        candidates = [(0, u) for u in urls]
    else:
        text = raw.decode("utf-8", "replace")
        candidates = []
        for lineno, line in enumerate(text.splitlines(), 1):
            line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("http") else line.strip()
            if line:
                candidates.append((lineno, line.split()[0]))
    out: list[str] = []
    for lineno, url in candidates:
        if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
            where = f"{p}:{lineno}" if lineno else str(p)
            raise WatchError(f"{where}: only http(s) feed URLs are watched, not {url!r}", code=E814_FEED_LIST)
        if url not in out:
            out.append(url)
    if not out:
        raise WatchError(f"{p}: no feed URLs in the file", code=E814_FEED_LIST)
    return out


# ----------------------------------------------------------------------------------- fetching
@dataclass
class Fetched:
    status: int  # 200 or 304
    data: bytes = b""
    etag: str | None = None
    modified: str | None = None
    url: str = ""


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 1

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urllib.parse.urlsplit(newurl).scheme not in ("http", "https"):
            raise WatchError(f"redirect to a non-http URL refused: {newurl}", code=E812_REDIRECTS)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _Deadline:
    """Closes every connection of one fetch when its deadline passes: the socket timeout bounds one read,
    and a server that trickles a byte at a time (headers included) would otherwise hold the fetch for ever."""

    def __init__(self, deadline: float):
        self.deadline = deadline
        self.timers: list[threading.Timer] = []

    def arm(self, sock) -> None:
        def cut() -> None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

        t = threading.Timer(max(0.0, self.deadline - time.monotonic()), cut)
        t.daemon = True
        t.start()
        self.timers.append(t)

    def cancel(self) -> None:
        for t in self.timers:
            t.cancel()

    def passed(self) -> bool:
        return time.monotonic() >= self.deadline

    def opener(self) -> urllib.request.OpenerDirector:
        guard = self

        class HTTPConnection(http.client.HTTPConnection):
            def connect(self):
                super().connect()
                guard.arm(self.sock)

        class HTTPSConnection(http.client.HTTPSConnection):
            def connect(self):
                super().connect()
                guard.arm(self.sock)

        class HTTPHandler(urllib.request.HTTPHandler):
            def http_open(self, req):
                return self.do_open(HTTPConnection, req)

        class HTTPSHandler(urllib.request.HTTPSHandler):
            def https_open(self, req):
                return self.do_open(HTTPSConnection, req, context=self._context)

        return urllib.request.build_opener(_Redirects(), HTTPHandler(), HTTPSHandler())


def fetch(url: str, *, etag: str | None = None, modified: str | None = None, timeout: float = TIMEOUT_S,
          max_bytes: int = MAX_FEED_BYTES) -> Fetched:
    """GET ``url`` conditionally; ``WatchError`` (E810-E813) on anything but 200/304."""
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise WatchError(f"{url}: only http(s) is fetched", code=E810_FETCH)
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate",
               "Accept": "application/atom+xml, application/rss+xml, application/feed+json, "
                         "application/xml;q=0.9, */*;q=0.8"}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    guard = _Deadline(time.monotonic() + timeout)
    try:
        got = _fetch(url, headers, guard, timeout, max_bytes, etag, modified)
        if guard.passed():  # cut at the deadline: what arrived may be a truncated body
            raise WatchError(f"{url}: no complete answer within {timeout:g}s", code=E813_TIMEOUT)
        return got
    except WatchError as exc:
        if guard.passed() and exc.code != E813_TIMEOUT:
            raise WatchError(f"{url}: no complete answer within {timeout:g}s", code=E813_TIMEOUT) from exc
        raise
    except Exception as exc:  # a connection cut at the deadline surfaces as many kinds of error
        if guard.passed():
            raise WatchError(f"{url}: no complete answer within {timeout:g}s", code=E813_TIMEOUT) from exc
        raise WatchError(f"{url}: {type(exc).__name__}: {exc}", code=E810_FETCH) from exc
    finally:
        guard.cancel()


def _fetch(url: str, headers: dict, guard: _Deadline, timeout: float, max_bytes: int, etag, modified) -> Fetched:
    deadline = guard.deadline
    req = urllib.request.Request(url, headers=headers)
    try:
        resp = guard.opener().open(req, timeout=timeout)
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Fetched(304, etag=etag, modified=modified, url=url)
        if exc.code in (301, 302, 303, 307, 308):
            raise WatchError(f"{url}: redirect loop or too many redirects ({exc.reason})",
                             code=E812_REDIRECTS) from exc
        raise WatchError(f"{url}: HTTP {exc.code} {exc.reason}", code=E810_FETCH) from exc
    except WatchError:
        raise
    except TimeoutError as exc:
        raise WatchError(f"{url}: timed out after {timeout:.0f}s", code=E813_TIMEOUT) from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        code = E813_TIMEOUT if isinstance(reason, TimeoutError) else E810_FETCH
        raise WatchError(f"{url}: {reason}", code=code) from exc
    with resp:
        encoding = (resp.headers.get("Content-Encoding") or "").strip().lower()
        if encoding not in ("", "identity", "gzip", "x-gzip", "deflate"):
            raise WatchError(f"{url}: unsupported Content-Encoding {encoding!r}", code=E810_FETCH)
        body = _read_limited(resp, encoding, url, deadline, max_bytes)
        return Fetched(200, body, resp.headers.get("ETag"), resp.headers.get("Last-Modified"), resp.geturl())


def _read_limited(resp, encoding: str, url: str, deadline: float, max_bytes: int) -> bytes:
    if encoding in ("gzip", "x-gzip"):
        dec = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        dec = zlib.decompressobj()
    else:
        dec = None
    out = bytearray()
    try:
        while True:
            if time.monotonic() > deadline:
                raise WatchError(f"{url}: the body took longer than the deadline", code=E813_TIMEOUT)
            chunk = resp.read1(65536)  # what has arrived: the deadline is checked between pieces
            if not chunk:
                break
            if dec is None:
                out += chunk
            else:
                # never inflate more than the room left: a bomb stops at max_bytes + 1
                out += dec.decompress(chunk, max_bytes + 1 - len(out))
                while dec.unconsumed_tail and len(out) <= max_bytes:
                    out += dec.decompress(dec.unconsumed_tail, max_bytes + 1 - len(out))
            if len(out) > max_bytes:
                raise WatchError(f"{url}: body over {max_bytes / 1e6:.0f} MB (decompressed); refused",
                                 code=E811_TOO_LARGE)
        if dec is not None:
            out += dec.flush(max_bytes + 1 - len(out)) if len(out) <= max_bytes else b""
    except TimeoutError as exc:
        raise WatchError(f"{url}: timed out reading the body", code=E813_TIMEOUT) from exc
    except zlib.error as exc:
        raise WatchError(f"{url}: corrupt {encoding} body: {exc}", code=E810_FETCH) from exc
    except OSError as exc:
        raise WatchError(f"{url}: connection failed while reading: {exc}", code=E810_FETCH) from exc
    return bytes(out)


# ----------------------------------------------------------------------------------- state
class WatchState:
    """Per-feed validators and backoff, and the items already ingested, in one SQLite file."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        self._lock = threading.Lock()
        self.db = sqlite3.connect(self.path, check_same_thread=False)
        self.db.executescript("""
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS feeds (url TEXT PRIMARY KEY, etag TEXT, modified TEXT,
                failures INTEGER NOT NULL DEFAULT 0, next_due REAL NOT NULL DEFAULT 0, last_error TEXT,
                last_ok REAL);
            CREATE TABLE IF NOT EXISTS items (feed TEXT NOT NULL, key TEXT NOT NULL, document_id TEXT,
                status TEXT NOT NULL, at REAL NOT NULL, PRIMARY KEY (feed, key));
            CREATE INDEX IF NOT EXISTS items_key ON items (key);
        """)

    def close(self) -> None:
        self.db.close()

    def feed(self, url: str) -> dict:
        with self._lock:
            row = self.db.execute("SELECT etag, modified, failures, next_due, last_error FROM feeds WHERE url = ?",
                                  (url,)).fetchone()
        if row is None:
            return {"etag": None, "modified": None, "failures": 0, "next_due": 0.0, "last_error": None}
        return dict(zip(("etag", "modified", "failures", "next_due", "last_error"), row, strict=True))

    def ok(self, url: str, etag: str | None, modified: str | None, next_due: float) -> None:
        with self._lock, self.db:
            self.db.execute(
                "INSERT INTO feeds (url, etag, modified, failures, next_due, last_error, last_ok) "
                "VALUES (?, ?, ?, 0, ?, NULL, ?) ON CONFLICT(url) DO UPDATE SET etag=excluded.etag, "
                "modified=excluded.modified, failures=0, next_due=excluded.next_due, last_error=NULL, "
                "last_ok=excluded.last_ok", (url, etag, modified, next_due, time.time()))

    def failed(self, url: str, error: str, interval: float, now: float) -> tuple[int, float]:
        failures = self.feed(url)["failures"] + 1
        delay = min(MAX_BACKOFF_S, interval * 2 ** (failures - 1))
        with self._lock, self.db:
            self.db.execute(
                "INSERT INTO feeds (url, failures, next_due, last_error) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(url) DO UPDATE SET failures=excluded.failures, next_due=excluded.next_due, "
                "last_error=excluded.last_error", (url, failures, now + delay, error[:1000]))
        return failures, delay

    def seen(self, key: str) -> bool:
        """An item (its link, else guid) already handled from any feed: the same article carried by two
        feeds is ingested once."""
        with self._lock:
            return self.db.execute("SELECT 1 FROM items WHERE key = ? LIMIT 1", (key,)).fetchone() is not None

    def mark(self, feed: str, key: str, document_id: str | None, status: str) -> None:
        with self._lock, self.db:
            self.db.execute("INSERT OR REPLACE INTO items (feed, key, document_id, status, at) VALUES (?, ?, ?, ?, ?)",
                            (feed, key, document_id, status, time.time()))

    def count_items(self, status: str | None = None) -> int:
        with self._lock:
            if status:
                return self.db.execute("SELECT COUNT(*) FROM items WHERE status = ?", (status,)).fetchone()[0]
            return self.db.execute("SELECT COUNT(*) FROM items").fetchone()[0]


# ----------------------------------------------------------------------------------- polling
@dataclass
class PollResult:
    url: str
    status: str  # "new" | "unchanged" | "failed" | "waiting"
    new: int = 0  # items handed to the handler and stored
    skipped: list[ReadFailure] = field(default_factory=list)  # items refused (language, empty)
    error: str | None = None  # the feed's own failure (fetch, parse): it backs off
    retry_in: float | None = None
    item_errors: list[str] = field(default_factory=list)  # items whose handler failed: retried next poll
    warnings: list[str] = field(default_factory=list)  # recovered from bad XML, items beyond the limit


Handler = Callable[[Document], object]
MAX_PARALLEL_FETCHES = 8


def _fetch_due(url: str, state: WatchState, *, interval: float, now: float, timeout: float, force: bool):
    """(Fetched or None, PollResult or None): what one feed's request gave, or why there is nothing to do."""
    info = state.feed(url)
    if not force and info["next_due"] > now:
        return None, PollResult(url, "waiting", retry_in=info["next_due"] - now)
    try:
        return fetch(url, etag=info["etag"], modified=info["modified"], timeout=timeout), None
    except Exception as exc:  # one feed's failure is recorded and never stops the others
        return None, _failed(url, state, exc, interval, now)


def _failed(url: str, state: WatchState, exc: Exception, interval: float, now: float) -> PollResult:
    msg = str(exc) if isinstance(exc, errors.SitrepError) else f"{type(exc).__name__}: {exc}"
    _failures, delay = state.failed(url, msg, interval, now)
    return PollResult(url, "failed", error=msg, retry_in=delay)


def _store_items(url: str, got: Fetched, state: WatchState, handle: Handler, *, interval: float, now: float,
                 languages: tuple[str, ...] | None) -> PollResult:
    """Each new item of a fetched feed, independently: one that fails is reported and left unseen for the next
    poll; the others are stored. Only a feed that cannot be read at all fails (and backs off)."""
    if got.status == 304:
        info = state.feed(url)
        state.ok(url, info["etag"], info["modified"], now + interval)
        return PollResult(url, "unchanged")
    try:
        feed = parse_feed(got.data, url)
    except Exception as exc:
        return _failed(url, state, exc, interval, now)
    res = PollResult(url, "new", warnings=feed.warnings())
    for item in feed.items:
        try:
            _store_item(url, item, feed, state, handle, languages, res)
        except Exception as exc:  # this item only: the next ones go on
            msg = str(exc) if isinstance(exc, errors.SitrepError) else f"{type(exc).__name__}: {exc}"
            res.item_errors.append(f"{item.key}: {msg}"[:500])
    if res.item_errors:  # no validators kept: the next poll gets the whole feed and retries those items
        state.ok(url, None, None, now + interval)
    else:
        state.ok(url, got.etag, got.modified, now + interval)
    if res.new == 0 and not res.item_errors:
        res.status = "unchanged"
    return res


def _store_item(url: str, item, feed, state: WatchState, handle: Handler, languages, res: PollResult) -> None:
    if state.seen(item.key):
        return
    try:
        doc = item_document(item, url, feed_title=feed.title)
    except errors.IngestError as exc:
        res.skipped.append(ReadFailure(f"{url}#{item.key}", exc.code, str(exc).split("] ", 1)[-1]))
        state.mark(url, item.key, None, "skipped")
        return
    screened = screen_language(doc, accept=languages) if languages else doc
    if isinstance(screened, ReadFailure):
        res.skipped.append(screened)
        state.mark(url, item.key, doc.id, "skipped")
        return
    handle(screened)  # an exception here leaves the item unseen: retried on the next poll
    state.mark(url, item.key, doc.id, "ingested")
    res.new += 1


def poll_feed(url: str, state: WatchState, handle: Handler, *, interval: float, now: float | None = None,
              timeout: float = TIMEOUT_S, languages: tuple[str, ...] | None = ("en",), force: bool = False
              ) -> PollResult:
    """Poll one feed if it is due; never raises for a feed's own failure."""
    return poll_once([url], state, handle, interval=interval, now=now, timeout=timeout, languages=languages,
                     force=force)[0]


def poll_once(urls: list[str], state: WatchState, handle: Handler, *, interval: float, now: float | None = None,
              timeout: float = TIMEOUT_S, languages: tuple[str, ...] | None = ("en",), force: bool = False
              ) -> list[PollResult]:
    """One round over every feed that is due: the feeds are fetched concurrently (at most
    ``MAX_PARALLEL_FETCHES`` at once, each under its own deadline), so a slow server holds only its own feed;
    their items are then stored one after another, in feed order."""
    from concurrent.futures import ThreadPoolExecutor

    now = time.time() if now is None else now
    with ThreadPoolExecutor(max_workers=max(1, min(MAX_PARALLEL_FETCHES, len(urls)))) as pool:
        fetched = list(pool.map(lambda u: _fetch_due(u, state, interval=interval, now=now, timeout=timeout,
                                                     force=force), urls))
    out = []
    for url, (got, res) in zip(urls, fetched, strict=True):
        out.append(res if res is not None else _store_items(url, got, state, handle, interval=interval, now=now,
                                                            languages=languages))
    return out


def watch(urls: list[str], state: WatchState, handle: Handler, *, interval: float, once: bool = False,
          timeout: float = TIMEOUT_S, languages: tuple[str, ...] | None = ("en",),
          report: Callable[[list[PollResult]], None] | None = None, sleep: Callable[[float], None] = time.sleep
          ) -> None:
    """Poll until interrupted (or one round with ``once``), sleeping until the next feed is due."""
    while True:
        results = poll_once(urls, state, handle, interval=interval, timeout=timeout, languages=languages)
        if report:
            report(results)
        if once:
            return
        now = time.time()
        due = min((state.feed(u)["next_due"] for u in urls), default=now + interval)
        sleep(max(1.0, min(interval, due - now)))
