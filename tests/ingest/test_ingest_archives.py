"""Archives: members read in memory, traversal refused, bombs refused, limits coded."""
from __future__ import annotations

import gzip
import io
import tarfile
import zipfile

from sitrep import errors
from sitrep.ingest import archives
from sitrep.ingest.archives import read_archive
from sitrep.ingest.sources import read_any
from sitrep.ingest.text import ReadFailure
from sitrep.model import Document

REPORT = b"Two rockets hit the Ain al-Asad air base in western Iraq on Tuesday, officials said."


def _tar(members: dict[str, bytes], *, symlink: str | None = None) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
        if symlink:
            info = tarfile.TarInfo(symlink)
            info.type = tarfile.SYMTYPE
            info.linkname = "/etc/passwd"
            tf.addfile(info)
    return buf.getvalue()


def _zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_tar_gz_members_dispatch_by_type(tmp_path):
    html = b"<html><head><title>Blast</title></head><body><article><p>" + REPORT * 2 + b"</p></article></body></html>"
    rss = (b'<rss version="2.0"><channel><title>T</title><item><title>Item</title><link>http://x/1</link>'
           b"<description>" + REPORT + b"</description></item></channel></rss>")
    jsonl = b'{"id": "j1", "text": "' + REPORT + b'"}\n'
    path = tmp_path / "corpus.tar.gz"
    path.write_bytes(_tar({"a/report.txt": REPORT, "a/page.html": html, "feeds/f.rss": rss, "rows.jsonl": jsonl}))
    results = list(read_any([str(path)]))
    assert all(isinstance(r, Document) for r in results), results
    assert {r.id for r in results} >= {"report", "page", "j1"}
    assert all(r.path.startswith(str(path) + "!") for r in results)


def test_zip_path_traversal_and_absolute_names_refused():
    data = _zip({"../../etc/evil.txt": REPORT, "/abs.txt": REPORT, "ok.txt": REPORT})
    results = list(read_archive(data, "x.zip"))
    refused = [r for r in results if isinstance(r, ReadFailure)]
    assert len(refused) == 2 and all(r.code == errors.E106_UNREADABLE and "refused" in r.message for r in refused)
    assert [r.id for r in results if isinstance(r, Document)] == ["ok"]


def test_tar_traversal_and_symlinks_refused():
    data = _tar({"../up.txt": REPORT, "fine.txt": REPORT}, symlink="link.txt")
    results = list(read_archive(data, "x.tgz"))
    msgs = [r.message for r in results if isinstance(r, ReadFailure)]
    assert any("climbs out" in m for m in msgs) and any("not a regular file" in m for m in msgs)
    assert [r.id for r in results if isinstance(r, Document)] == ["fine"]


def test_zip_bomb_member_refused_unread():
    data = _zip({"bomb.txt": b"\0" * (50 * 1024 * 1024)})
    assert len(data) < 200_000
    results = list(read_archive(data, "bomb.zip"))
    assert len(results) == 1 and results[0].code == errors.E104_TOO_LARGE


def test_gzip_bomb_archive_stops_at_the_budget(monkeypatch):
    monkeypatch.setattr(archives, "MIN_BOMB_BYTES", 1024 * 1024)
    big = {f"m{i}.txt": REPORT + b" " * (400 * 1024) for i in range(10)}  # 4 MB of nearly nothing
    data = _tar(big)
    results = list(read_archive(data, "b.tar.gz"))
    assert isinstance(results[-1], ReadFailure) and "bomb" in results[-1].message
    assert len(results) < 10


def test_member_count_limit(monkeypatch):
    monkeypatch.setattr(archives, "MAX_MEMBERS", 5)
    data = _zip({f"{i}.txt": REPORT for i in range(9)})
    results = list(read_archive(data, "many.zip"))
    assert sum(isinstance(r, Document) for r in results) == 5
    assert "more than 5 members" in results[-1].message


def test_nested_archive_not_read():
    inner = _zip({"a.txt": REPORT})
    results = list(read_archive(_zip({"inner.zip": inner}), "outer.zip"))
    assert len(results) == 1 and "inside an archive" in results[0].message


def test_truncated_and_garbage_archives_are_coded_failures(tmp_path):
    good = _tar({f"{i}.txt": REPORT + bytes(str(i), "ascii") for i in range(20)})
    for data in (good[: len(good) // 2], b"PK\x03\x04garbage", gzip.compress(b"not a tar") , b"\x1f\x8b\x08junk"):
        results = list(read_archive(data, "t.tar.gz"))
        assert results and isinstance(results[-1], ReadFailure), results
        assert results[-1].code in (errors.E106_UNREADABLE, errors.E102_BINARY)
