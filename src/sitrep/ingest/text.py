"""Plain text, the seed layout (title line, then ``FILE:`` before the body), JSON Lines, stdin.

Every input yields either a ``Document`` or a ``ReadFailure`` with a coded, human message; one bad
input never stops the others.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from sitrep import errors
from sitrep.model import Document

MAX_BYTES = 5 * 1024 * 1024  # a news report is < 100 kB; 5 MB is a book, not an article


@dataclass
class ReadFailure:
    source: str  # path, or path:line for JSON Lines
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: [{self.code}] {self.message}"


ReadResult = Document | ReadFailure


def decode_bytes(data: bytes, source: str = "<input>") -> str:
    """Bytes -> text, or IngestError. Accepts UTF-8 (with or without BOM), UTF-16 with BOM, and
    falls back to cp1252 only when the bytes look like single-byte Western text."""
    if not data or not data.strip():
        raise errors.IngestError(f"{source}: empty input", code=errors.E101_EMPTY)
    if len(data) > MAX_BYTES:
        raise errors.IngestError(
            f"{source}: {len(data) / 1e6:.1f} MB is over the {MAX_BYTES // (1024 * 1024)} MB limit for one report; "
            "split it or pass it as JSON Lines",
            code=errors.E104_TOO_LARGE,
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise errors.IngestError(f"{source}: bad UTF-16: {exc}", code=errors.E103_ENCODING) from exc
    head = data[:8192]
    if b"\x00" in head or _control_ratio(head) > 0.05:
        raise errors.IngestError(f"{source}: looks binary, not text", code=errors.E102_BINARY)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise errors.IngestError(
                f"{source}: not UTF-8 and not cp1252 text ({exc.reason} at byte {exc.start})",
                code=errors.E103_ENCODING,
            ) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _control_ratio(chunk: bytes) -> float:
    bad = sum(1 for b in chunk if b < 32 and b not in (9, 10, 12, 13))
    return bad / max(1, len(chunk))


_FILE_HEADER = re.compile(r"\A(?P<title>[^\n]{1,300})\n(?P<tag>FILE:[ \t]*)", re.S)
# a first line short enough for a headline, not ending as a sentence does, then the body (after blank lines)
_HEADLINE = re.compile(r"\A[ \t]*(?P<title>[^\n]{3,200}?)[ \t]*\n(?:[ \t]*\n)*[ \t]*(?=\S)")


def _dateline(text: str, at: int):
    """The dateline that opens ``text[at:]`` ("KRAMATORSK, Ukraine, 3 March 2024 (AP) —"), or None."""
    from sitrep.resolve.timex.dateline import parse_dateline  # the one dateline grammar (resolve/timex)

    dl = parse_dateline(text[at:at + 2000])
    return dl if dl is not None and not text[at:at + dl.span.start].strip() else None


def _plain_header(text: str) -> tuple[str | None, int]:
    """(headline, body start) of a plain-text report: the seed layout (``title\\nFILE: body``), or a first line
    that reads as a headline followed by a body that opens with a dateline; else (None, 0)."""
    m = _FILE_HEADER.match(text)
    if m:
        return m.group("title").strip(), m.end("tag")
    m = _HEADLINE.match(text)
    if m and m.group("title")[-1] not in ".,;:" and _dateline(text, m.end()) is not None:
        return m.group("title").strip(), m.end()
    return None, 0


def document_from_text(
    text: str,
    doc_id: str,
    *,
    title: str | None = None,
    published: date | None = None,
    url: str | None = None,
    source: str | None = None,
    path: str | None = None,
) -> Document:
    """Build a Document; recognises a headline (the seed layout ``title\\nFILE: body``, or a first line before
    a body that opens with a dateline) and keeps offsets relative to the full text so evidence spans point
    into what the user gave. Without a given date, a dated dateline at the start of the body is the
    publication date."""
    headline, body_start = _plain_header(text)
    title = title or headline
    if not text[body_start:].strip():
        raise errors.IngestError(f"{doc_id}: no text after the header", code=errors.E101_EMPTY)
    meta = {"sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}
    if published is None:
        dl = _dateline(text, body_start + len(text[body_start:]) - len(text[body_start:].lstrip()))
        published = dl.date if dl is not None else None
        if published is not None:
            meta["published_from"] = "dateline"
    return Document(
        id=doc_id, text=text, title=title, published=published, url=url, source=source, path=path,
        body_start=body_start, meta=meta,
    )


def parse_date_arg(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _jsonl_documents(text: str, source: str, published: date | None) -> Iterator[ReadResult]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadFailure(where, errors.E105_BAD_JSON, f"not JSON: {exc.msg} (column {exc.colno})")
            continue
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            yield ReadFailure(where, errors.E105_BAD_JSON, 'each line needs an object with a "text" string')
            continue
        doc_id = str(row.get("id") or f"{Path(source).stem}-{lineno}")
        try:
            yield document_from_text(
                row["text"], doc_id, title=row.get("title"),
                published=parse_date_arg(row.get("published")) or published,
                url=row.get("url"), source=row.get("source"), path=source,
            )
        except errors.IngestError as exc:
            yield ReadFailure(where, exc.code, str(exc))


def read_bytes(data: bytes, source: str, *, published: date | None = None, doc_id: str | None = None) -> Iterator[ReadResult]:
    try:
        text = decode_bytes(data, source)
    except errors.IngestError as exc:
        yield ReadFailure(source, exc.code, str(exc).split("] ", 1)[-1])
        return
    stripped = text.lstrip()
    if source.endswith((".jsonl", ".ndjson")) or (stripped.startswith("{") and '"text"' in stripped[:2000]):
        yield from _jsonl_documents(text, source, published)
        return
    try:
        yield document_from_text(text, doc_id or _doc_id(source), published=published, path=source)
    except errors.IngestError as exc:
        yield ReadFailure(source, exc.code, str(exc).split("] ", 1)[-1])


def _doc_id(source: str) -> str:
    name = os.path.basename(source) or "stdin"
    return re.sub(r"\.(txt|text|json|jsonl|html?)$", "", name)


def read_stream(stream: BinaryIO, source: str = "stdin", *, published: date | None = None) -> Iterator[ReadResult]:
    data = stream.read(MAX_BYTES + 1)
    yield from read_bytes(data, source, published=published)


def read_paths(paths: Iterable[str], *, published: date | None = None) -> Iterator[ReadResult]:
    """Files, directories (recursively, *.txt / *.jsonl) and ``-`` for stdin."""
    for raw in paths:
        if raw == "-":
            yield from read_stream(sys.stdin.buffer, "stdin", published=published)
            continue
        p = Path(raw)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in (".txt", ".jsonl", ".ndjson", ".text"))
            yield from read_paths([str(f) for f in files], published=published)
            continue
        try:
            size = p.stat().st_size
            if size > MAX_BYTES:
                yield ReadFailure(str(p), errors.E104_TOO_LARGE,
                                  f"{size / 1e6:.1f} MB is over the {MAX_BYTES // (1024 * 1024)} MB limit for one report")
                continue
            data = p.read_bytes()
        except OSError as exc:
            yield ReadFailure(str(p), errors.E106_UNREADABLE, exc.strerror or str(exc))
            continue
        yield from read_bytes(data, str(p), published=published)
