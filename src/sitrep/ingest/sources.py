"""One entry point for every kind of input: ``read_any(paths)``.

Each argument may be a file, a directory (read recursively), a glob (``news/**/*.html``), an archive
(``.tar.gz``, ``.tgz``, ``.tar``, ``.zip``) or ``-`` for stdin. Each file is dispatched on its name,
then on its first bytes:

==========================  =================================================
``.html`` ``.htm`` ``.xhtml``  web page (``ingest.html``)
``.xml`` ``.rss`` ``.atom``     feed (``ingest.feeds``); also any file that sniffs as RSS/Atom/JSON Feed
``.jsonl`` ``.ndjson``          JSON Lines, one report a line (``ingest.text``)
archives                        every member, dispatched the same way (``ingest.archives``)
anything else                   plain text / seed layout (``ingest.text``)
==========================  =================================================

Every document then passes the language screen (``ingest.language``): non-English reports become a
``ReadFailure`` E108 naming the language. Results stream: nothing is read before it is needed.
"""
from __future__ import annotations

import glob
import os
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from sitrep import errors
from sitrep.ingest import text as text_reader
from sitrep.ingest.archives import is_archive_name, read_archive, sniff_archive
from sitrep.ingest.feeds import looks_like_feed, read_feed
from sitrep.ingest.html import read_html_results
from sitrep.ingest.language import screen_language
from sitrep.ingest.tabular import sniff as sniff_export
from sitrep.ingest.text import MAX_BYTES, ReadFailure, ReadResult
from sitrep.model import Document

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
FEED_SUFFIXES = (".xml", ".rss", ".atom", ".rdf")
TEXT_SUFFIXES = (".txt", ".text", ".jsonl", ".ndjson", ".json")
READABLE_SUFFIXES = HTML_SUFFIXES + FEED_SUFFIXES + TEXT_SUFFIXES  # what a directory walk picks up
_GLOB_CHARS = set("*?[")


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or (head.startswith(b"<") and b"<body" in data[:65536].lower())


def read_data(data: bytes, source: str, *, published: date | None = None) -> Iterator[ReadResult]:
    """Bytes of one file (or archive member) -> results, by file name and then by content."""
    name = source.rsplit("!", 1)[-1].lower()
    doc_id = _doc_id(source)
    if name.endswith(HTML_SUFFIXES):
        yield from read_html_results(data, source, published=published, doc_id=doc_id)
    elif name.endswith(FEED_SUFFIXES) or (not name.endswith((".jsonl", ".ndjson")) and looks_like_feed(data)):
        yield from read_feed(data, source, published=published)
    elif sniff_archive(data[:512]) is not None:
        yield from read_archive(data, source, published=published, read_data=read_data)
    elif not name.endswith(TEXT_SUFFIXES) and _looks_like_html(data):
        yield from read_html_results(data, source, published=published, doc_id=doc_id)
    elif (kind := sniff_export(data)) is not None:  # an incident table, not a report (ingest.tabular)
        yield ReadFailure(source, errors.E118_INCIDENT_EXPORT, f"an incident export ({kind}), not a report: "
                          "give the file itself to `sitrep ingest` to import its incidents")
    else:
        yield from text_reader.read_bytes(data, source, published=published, doc_id=doc_id)


def _doc_id(source: str) -> str:
    """The file name without its extension (FORMAT.md's ``document``); for an archive member, the
    member's file name."""
    name = source.rsplit("!", 1)[-1].replace("\\", "/").rsplit("/", 1)[-1] or "stdin"
    return re.sub(r"\.(txt|text|json|jsonl|ndjson|html?|xhtml)$", "", name, flags=re.I) or name


def _expand(raw: str) -> Iterator[str | ReadFailure]:
    p = Path(raw)
    if raw != "-" and not p.exists() and _GLOB_CHARS & set(raw):
        matches = sorted(glob.glob(raw, recursive=True))
        if not matches:
            yield ReadFailure(raw, errors.E106_UNREADABLE, "no file matches this pattern")
        for m in matches:
            yield from _expand(m)
        return
    if p.is_dir():
        found = [os.path.join(root, f) for root, _dirs, files in os.walk(p) for f in files
                 if f.lower().endswith(READABLE_SUFFIXES) or is_archive_name(f)]
        yield from sorted(found)  # the same order as ``text.read_paths``: sorted full paths
        return
    yield raw


def _read_one(path: str, published: date | None) -> Iterator[ReadResult]:
    if path == "-":
        yield from read_data(sys.stdin.buffer.read(MAX_BYTES + 1), "stdin", published=published)
        return
    if is_archive_name(path):
        yield from read_archive(None, path, path=path, published=published, read_data=read_data)
        return
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            with open(path, "rb") as fh:
                head = fh.read(512)
            if sniff_archive(head) is not None:
                yield from read_archive(None, path, path=path, published=published, read_data=read_data)
            else:
                yield ReadFailure(path, errors.E104_TOO_LARGE,
                                  f"{size / 1e6:.1f} MB is over the {MAX_BYTES // (1024 * 1024)} MB limit for one report")
            return
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        yield ReadFailure(path, errors.E106_UNREADABLE, exc.strerror or str(exc))
        return
    yield from read_data(data, path, published=published)


def read_any(paths: Iterable[str], *, published: date | None = None,
             languages: tuple[str, ...] | None = ("en",)) -> Iterator[Document | ReadFailure]:
    """Documents and failures from files, directories, globs, archives and ``-`` (stdin), in order.
    ``published`` is the date for reports that carry none; ``languages=None`` turns the language
    screen off."""
    for raw in paths:
        for item in _expand(str(raw)):
            if isinstance(item, ReadFailure):
                yield item
                continue
            for res in _read_one(item, published):
                if languages is not None and isinstance(res, Document):
                    yield screen_language(res, accept=languages)
                else:
                    yield res
