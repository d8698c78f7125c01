"""RSS, Atom and JSON Feed -> one ``Document`` per item.

XML feeds are parsed by feedparser (always from an in-memory stream: feedparser treats a ``str`` or
``bytes`` argument as a URL or a file name, which must never happen with untrusted data). feedparser
sanitises item HTML; ``fragment_to_text`` then turns it into plain text with lxml_html_clean. JSON
Feed (https://jsonfeed.org, versions 1 and 1.1) is read directly.

An item's document text is ``title + "\\n\\n" + text`` (``body_start`` after the title); its id is
``item-`` + a hash of the item's link (else its guid, else its title), so the same article seen in
two feeds, or twice in one, gets the same id.
"""
from __future__ import annotations

import calendar
import hashlib
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sitrep import errors
from sitrep.ingest.failures import failure
from sitrep.ingest.html import fragment_to_text
from sitrep.ingest.text import MAX_BYTES, ReadFailure, ReadResult, decode_bytes, document_from_text
from sitrep.model import Document

MAX_ITEMS = 5000  # a feed is a window of recent items; more is a dump, not a feed
_XML_FEED = re.compile(rb"<(?:[A-Za-z0-9_]+:)?(rss|feed|RDF)[\s>]", re.I)
_JSON_FEED = re.compile(rb'"version"\s*:\s*"https?:\\?/\\?/jsonfeed\.org', re.I)


@dataclass
class FeedItem:
    key: str  # what identifies the item: link, else guid, else title
    title: str | None
    link: str | None
    published: date | None
    text: str  # plain text of the item's content (or summary)
    guid: str | None = None


@dataclass
class Feed:
    title: str | None
    link: str | None
    kind: str  # rss20, atom10, json1 ...
    items: list[FeedItem] = field(default_factory=list)
    warning: str | None = None  # feedparser's complaint when it had to recover from bad XML
    dropped: int = 0  # items beyond MAX_ITEMS, not read

    def warnings(self) -> list[str]:
        out = [self.warning] if self.warning else []
        if self.dropped:
            out.append(f"{self.dropped} items beyond the first {MAX_ITEMS} were not read")
        return out


def looks_like_feed(data: bytes) -> bool:
    """Cheap sniff of the first kilobytes: an RSS/Atom/RDF root element or a JSON Feed version."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        return bool(_JSON_FEED.search(data[:65536]))
    return bool(_XML_FEED.search(head))


def item_id(key: str) -> str:
    return "item-" + hashlib.sha1(key.encode("utf-8", "replace")).hexdigest()[:16]


def _struct_date(value) -> date | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC).date()
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def _iso_date(value) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _clean_title(value) -> str | None:
    if not isinstance(value, str):
        return None
    t = " ".join(fragment_to_text(value).split()) if ("<" in value or "&" in value) else " ".join(value.split())
    return t[:300] or None


def _xml_feed(data: bytes, source: str) -> Feed:
    import feedparser

    try:
        parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    except Exception as exc:  # feedparser's loose parser should not raise; if it does, the input is hostile
        raise errors.IngestError(f"{source}: not a readable feed ({type(exc).__name__}: {exc})",
                                 code=errors.E109_BAD_FEED) from exc
    version = parsed.get("version") or ""
    entries = parsed.get("entries") or []
    warning = None
    if parsed.get("bozo"):
        warning = f"recovered from malformed feed: {parsed.get('bozo_exception')}"
    if not entries and not version:
        why = f" ({parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
        raise errors.IngestError(f"{source}: not an RSS/Atom feed{why}", code=errors.E109_BAD_FEED)
    meta = parsed.get("feed") or {}
    feed = Feed(title=_clean_title(meta.get("title")), link=meta.get("link"), kind=version or "unknown",
                warning=warning)
    feed.dropped = max(0, len(entries) - MAX_ITEMS)
    for e in entries[:MAX_ITEMS]:
        bodies = [c.get("value") or "" for c in (e.get("content") or []) if isinstance(c, dict)]
        html = max(bodies, key=len) if bodies else ""
        summary = e.get("summary") or ""
        if len(summary) > len(html):
            html = summary
        link = e.get("link") if isinstance(e.get("link"), str) else None
        guid = e.get("id") if isinstance(e.get("id"), str) else None
        title = _clean_title(e.get("title"))
        key = link or guid or title or ""
        if not key:
            continue
        feed.items.append(FeedItem(
            key=key, title=title, link=link, guid=guid,
            published=_struct_date(e.get("published_parsed") or e.get("updated_parsed")),
            text=fragment_to_text(html) if html else "",
        ))
    return feed


def _json_feed(data: bytes, source: str) -> Feed:
    try:
        obj = json.loads(decode_bytes(data, source))
    except errors.IngestError:
        raise
    except (ValueError, RecursionError) as exc:
        raise errors.IngestError(f"{source}: not valid JSON: {exc}", code=errors.E109_BAD_FEED) from exc
    if not isinstance(obj, dict) or "jsonfeed.org" not in str(obj.get("version", "")):
        raise errors.IngestError(f"{source}: not a JSON Feed (no jsonfeed.org version)", code=errors.E109_BAD_FEED)
    items = obj.get("items")
    if not isinstance(items, list):
        raise errors.IngestError(f"{source}: JSON Feed without an items list", code=errors.E109_BAD_FEED)
    version = str(obj.get("version")).rstrip("/").rsplit("/", 1)[-1]
    feed = Feed(title=_clean_title(obj.get("title")), link=obj.get("home_page_url")
                if isinstance(obj.get("home_page_url"), str) else None, kind=f"json{version}")
    feed.dropped = max(0, len(items) - MAX_ITEMS)
    for it in items[:MAX_ITEMS]:
        if not isinstance(it, dict):
            continue
        html, plain = it.get("content_html"), it.get("content_text")
        text = ""
        if isinstance(html, str) and html.strip():
            text = fragment_to_text(html)
        if isinstance(plain, str) and len(plain) > len(text):
            text = plain.strip()
        if not text and isinstance(it.get("summary"), str):
            text = fragment_to_text(it["summary"])
        link = it.get("url") if isinstance(it.get("url"), str) else None
        guid = str(it["id"]) if isinstance(it.get("id"), str | int) else None
        title = _clean_title(it.get("title"))
        key = link or guid or title or ""
        if not key:
            continue
        feed.items.append(FeedItem(key=key, title=title, link=link, guid=guid, text=text,
                                   published=_iso_date(it.get("date_published") or it.get("date_modified"))))
    return feed


def parse_feed(data: bytes, source: str = "<feed>") -> Feed:
    """Bytes of an RSS/Atom/RDF or JSON feed -> ``Feed``; ``IngestError`` (E101, E104, E109) otherwise."""
    if not data or not data.strip():
        raise errors.IngestError(f"{source}: empty feed", code=errors.E101_EMPTY)
    if len(data) > MAX_BYTES * 4:
        raise errors.IngestError(f"{source}: {len(data) / 1e6:.1f} MB is too large for a feed",
                                 code=errors.E104_TOO_LARGE)
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"[")):
        return _json_feed(data, source)
    return _xml_feed(data, source)


def item_document(item: FeedItem, source: str, *, published: date | None = None,
                  feed_title: str | None = None) -> Document:
    """One feed item -> ``Document`` (``IngestError`` E101 when it has no text at all)."""
    title = item.title
    body = item.text.strip()
    if title and body.startswith(title):
        body = body[len(title):].lstrip()
    if not body and not title:
        raise errors.IngestError(f"{source}: item {item.key!r} has neither title nor text", code=errors.E101_EMPTY)
    text = f"{title}\n\n{body}" if title and body else (title or body)
    doc = document_from_text(text, item_id(item.key), title=title, published=item.published or published,
                             url=item.link, source=feed_title, path=source)
    doc.body_start = len(title) + 2 if title and body else 0
    doc.meta.update({"format": "feed-item", "item_key": item.key})
    if item.guid:
        doc.meta["guid"] = item.guid
    return doc


def read_feed(data: bytes, source: str, *, published: date | None = None) -> Iterator[ReadResult]:
    """Every item of a feed as a ``Document``, or one ``ReadFailure`` for an unreadable feed."""
    try:
        feed = parse_feed(data, source)
    except errors.IngestError as exc:
        yield failure(source, exc)
        return
    for n, item in enumerate(feed.items, 1):
        try:
            yield item_document(item, source, published=published, feed_title=feed.title)
        except errors.IngestError as exc:
            yield failure(f"{source}#{n}", exc)
    if feed.dropped:  # said, never silent
        yield ReadFailure(source, errors.E109_BAD_FEED, feed.warnings()[-1])


__all__ = ["Feed", "FeedItem", "item_document", "item_id", "looks_like_feed", "parse_feed", "read_feed"]
