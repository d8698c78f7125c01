"""read_any: files, directories, globs, JSON Lines, stdin, language screen."""
from __future__ import annotations

import io
import json
import sys

from sitrep import errors
from sitrep.ingest.language import detect_language, screen_language
from sitrep.ingest.sources import read_any
from sitrep.ingest.text import ReadFailure, document_from_text
from sitrep.model import Document

EN = "Two rockets hit the Ain al-Asad air base in western Iraq on Tuesday, officials said. No one was hurt."
ES = "Dos cohetes impactaron la base aérea en el oeste de Irak el martes, dijeron funcionarios. Nadie resultó herido."


def test_directory_glob_and_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(EN)
    (tmp_path / "b" / "c.txt").write_text(EN + " Again.")
    (tmp_path / "b" / "ignored.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "rows.jsonl").write_text(json.dumps({"id": "r1", "text": EN}) + "\nnot json\n")
    results = list(read_any([str(tmp_path)]))
    assert [getattr(r, "id", None) for r in results if isinstance(r, Document)] == ["a", "c", "r1"]
    bad = [r for r in results if isinstance(r, ReadFailure)]
    assert len(bad) == 1 and bad[0].code == errors.E105_BAD_JSON and bad[0].source.endswith("rows.jsonl:2")
    globbed = list(read_any([str(tmp_path / "**" / "*.txt")]))
    assert [r.id for r in globbed] == ["a", "c"]
    missing = list(read_any([str(tmp_path / "nothing*.txt"), str(tmp_path / "gone.txt")]))
    assert [r.code for r in missing] == [errors.E106_UNREADABLE, errors.E106_UNREADABLE]


def test_non_english_skipped_with_language(tmp_path):
    (tmp_path / "es.txt").write_text(ES)
    (tmp_path / "en.txt").write_text(EN)
    results = list(read_any([str(tmp_path / "es.txt"), str(tmp_path / "en.txt")]))
    assert isinstance(results[0], ReadFailure) and results[0].code == errors.E108_NOT_ENGLISH
    assert "'es'" in results[0].message
    assert isinstance(results[1], Document) and results[1].meta["language"] == "en"
    assert isinstance(list(read_any([str(tmp_path / "es.txt")], languages=None))[0], Document)


def test_language_detection_is_deterministic_and_abstains_on_short_text():
    assert {detect_language(ES) for _ in range(5)} == {detect_language(ES)}
    assert detect_language("Blast.") == (None, 0.0)
    doc = document_from_text("Blast in Kabul.", "short")
    assert screen_language(doc) is doc


def test_stdin_html_sniffed(monkeypatch):
    page = ("<!DOCTYPE html><html><head><title>Attack</title></head><body><article><p>"
            + EN + " " + EN + "</p></article></body></html>").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page)))
    (doc,) = list(read_any(["-"]))
    assert doc.title == "Attack" and doc.meta["format"] == "html"


def test_oversized_file_refused(tmp_path):
    from sitrep.ingest.text import MAX_BYTES

    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (MAX_BYTES + 10))
    (r,) = list(read_any([str(big)]))
    assert r.code == errors.E104_TOO_LARGE
