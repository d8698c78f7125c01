"""``.tar.gz`` / ``.tgz`` / ``.tar`` / ``.zip`` archives of reports, read in memory member by member.

Nothing is extracted to disk. Limits, each refused with a coded ``ReadFailure`` rather than an
exception, so one bad archive never stops a batch:

* member names that are absolute or climb out with ``..`` (path traversal) are refused (E106);
* links, devices and other non-regular members are skipped (E106); archives inside archives too;
* a member over ``MAX_BYTES`` is refused (E104) without keeping it in memory;
* more than ``MAX_MEMBERS`` members, or more decompressed bytes than ``MAX_RATIO`` times the
  archive's own size (and at least ``MIN_BOMB_BYTES``), stops the archive (E104: a zip/gzip bomb);
* zip members whose declared size is ``MAX_RATIO`` times their compressed size are refused unread.

Members are dispatched like files (``sources.read_data``), their source written ``archive!member``.
"""
from __future__ import annotations

import io
import os
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import PurePosixPath

from sitrep import errors
from sitrep.ingest.text import MAX_BYTES, ReadFailure, ReadResult

MAX_MEMBERS = 100_000
MAX_RATIO = 100  # news text compresses 3-10x; 100x is a bomb
MIN_BOMB_BYTES = 64 * 1024 * 1024  # small archives may compress well: never call < 64 MB a bomb

ARCHIVE_SUFFIXES = (".tar.gz", ".tgz", ".tar", ".zip")


def is_archive_name(name: str) -> bool:
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def sniff_archive(head: bytes) -> str | None:
    """``zip`` / ``gzip`` / ``tar`` from the first bytes, else None."""
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if len(head) >= 262 and head[257:262] == b"ustar":
        return "tar"
    return None


def _unsafe_name(name: str) -> str | None:
    if not name or "\x00" in name:
        return "an empty or NUL name"
    p = PurePosixPath(name.replace("\\", "/"))
    if p.is_absolute() or name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return "an absolute path"
    if ".." in p.parts:
        return "a path that climbs out of the archive (..)"
    return None


class _Budget:
    def __init__(self, source: str, packed_size: int):
        self.source = source
        self.limit = max(MIN_BOMB_BYTES, MAX_RATIO * max(1, packed_size))
        self.used = 0
        self.members = 0

    def take(self, n: int) -> ReadFailure | None:
        self.used += n
        if self.used > self.limit:
            return ReadFailure(self.source, errors.E104_TOO_LARGE,
                               f"refused: decompresses to more than {self.limit / 1e6:.0f} MB "
                               f"({MAX_RATIO}x the archive's size): a compression bomb?")
        return None

    def count(self) -> ReadFailure | None:
        self.members += 1
        if self.members > MAX_MEMBERS:
            return ReadFailure(self.source, errors.E104_TOO_LARGE,
                               f"stopped: more than {MAX_MEMBERS} members in one archive")
        return None


ReadData = Callable[..., Iterator[ReadResult]]


def read_archive(data: bytes | None, source: str, *, path: str | None = None, published: date | None = None,
                 read_data: ReadData | None = None) -> Iterator[ReadResult]:
    """Every readable member of an archive (given as bytes, or as ``path`` on disk)."""
    if read_data is None:
        from sitrep.ingest.sources import read_data
    try:
        if path is not None:
            packed = os.path.getsize(path)
            with open(path, "rb") as fh:
                head = fh.read(512)
        else:
            packed = len(data or b"")
            head = (data or b"")[:512]
    except OSError as exc:
        yield ReadFailure(source, errors.E106_UNREADABLE, exc.strerror or str(exc))
        return
    kind = sniff_archive(head)
    budget = _Budget(source, packed)
    opener = (lambda: open(path, "rb")) if path is not None else (lambda: io.BytesIO(data or b""))
    try:
        if kind == "zip":
            yield from _zip_members(opener, source, budget, published, read_data)
        elif kind in ("gzip", "tar"):
            yield from _tar_members(opener, source, budget, published, read_data)
        else:
            yield ReadFailure(source, errors.E102_BINARY, "not a zip, tar or tar.gz archive")
    except (tarfile.TarError, zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError,
            NotImplementedError, RuntimeError, zlib.error) as exc:
        # a damaged or truncated archive: what was read so far stays read
        yield ReadFailure(source, errors.E106_UNREADABLE, f"damaged archive: {type(exc).__name__}: {exc}")


def _member(name: str, data: bytes, source: str, published, read_data) -> Iterator[ReadResult]:
    where = f"{source}!{name}"
    if is_archive_name(name) or sniff_archive(data[:512]) in ("zip", "gzip"):
        yield ReadFailure(where, errors.E106_UNREADABLE, "an archive inside an archive is not read; extract it")
        return
    yield from read_data(data, where, published=published)


def _zip_members(opener, source, budget: _Budget, published, read_data) -> Iterator[ReadResult]:
    with opener() as fh, zipfile.ZipFile(fh) as zf:
        for info in zf.infolist():
            if (over := budget.count()) is not None:
                yield over
                return
            if info.is_dir():
                continue
            where = f"{source}!{info.filename}"
            if (why := _unsafe_name(info.filename)) is not None:
                yield ReadFailure(where, errors.E106_UNREADABLE, f"refused: {why}")
                continue
            if (info.external_attr >> 16) & 0o170000 == 0o120000:
                yield ReadFailure(where, errors.E106_UNREADABLE, "skipped: a symbolic link")
                continue
            if info.file_size > MAX_BYTES:
                yield ReadFailure(where, errors.E104_TOO_LARGE,
                                  f"{info.file_size / 1e6:.1f} MB is over the {MAX_BYTES // (1024 * 1024)} MB limit")
                continue
            if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(1, info.compress_size):
                yield ReadFailure(where, errors.E104_TOO_LARGE,
                                  f"refused: {info.file_size / 1e6:.1f} MB packed into {info.compress_size} bytes")
                continue
            with zf.open(info) as member:
                blob = member.read(MAX_BYTES + 1)
            if (over := budget.take(len(blob))) is not None:
                yield over
                return
            if len(blob) > MAX_BYTES:  # the header lied about the size
                yield ReadFailure(where, errors.E104_TOO_LARGE, "over the size limit (the header understated it)")
                continue
            yield from _member(info.filename, blob, source, published, read_data)


def _tar_members(opener, source, budget: _Budget, published, read_data) -> Iterator[ReadResult]:
    with opener() as fh, tarfile.open(fileobj=fh, mode="r:*") as tf:
        for info in tf:
            if (over := budget.count()) is not None:
                yield over
                return
            if info.isdir():
                continue
            where = f"{source}!{info.name}"
            # skipping a member still decompresses it: count what it skips against the budget
            if (over := budget.take(info.size if info.isreg() else 0)) is not None:
                yield over
                return
            if (why := _unsafe_name(info.name)) is not None:
                yield ReadFailure(where, errors.E106_UNREADABLE, f"refused: {why}")
                continue
            if not info.isreg():
                yield ReadFailure(where, errors.E106_UNREADABLE, "skipped: not a regular file (link or device)")
                continue
            if info.size > MAX_BYTES:
                yield ReadFailure(where, errors.E104_TOO_LARGE,
                                  f"{info.size / 1e6:.1f} MB is over the {MAX_BYTES // (1024 * 1024)} MB limit")
                continue
            member = tf.extractfile(info)
            if member is None:
                continue
            blob = member.read(MAX_BYTES + 1)
            yield from _member(info.name, blob, source, published, read_data)
