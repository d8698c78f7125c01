"""Plain text, seed layout, JSON Lines, stdin and bad input: one bad input never stops the batch."""
import json
import subprocess
import sys
from datetime import date

from sitrep.ingest import ReadFailure, read_paths
from sitrep.ingest.text import MAX_BYTES, decode_bytes, document_from_text


def test_seed_layout_title_and_body_offsets():
    text = "US embassy baghdad attack\nFILE: A rocket hit the embassy."
    doc = document_from_text(text, "x")
    assert doc.title == "US embassy baghdad attack"
    assert text[doc.body_start:].startswith("A rocket")


def test_encodings():
    assert decode_bytes("Caf\u00e9 bomb".encode("utf-8")) == "Caf\u00e9 bomb"
    assert decode_bytes("\ufeffBOM text".encode("utf-8")) == "BOM text"
    assert decode_bytes("Caf\u00e9 bomb".encode("cp1252")) == "Caf\u00e9 bomb"
    assert decode_bytes("UTF-16 text".encode("utf-16")) == "UTF-16 text"


def test_bad_inputs_each_get_a_clear_error_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("A car bomb exploded in Kabul on Monday, killing three people.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "huge.txt").write_bytes(b"a" * (MAX_BYTES + 10))
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "r1", "text": "A drone hit a base.", "published": "2024-01-02"}) + "\n"
                    + "{not json\n" + json.dumps({"id": "r3"}) + "\n")
    names = ["empty.txt", "binary.txt", "huge.txt", "missing.txt", "good.txt", "rows.jsonl"]
    out = list(read_paths([str(tmp_path / n) for n in names]))
    failures = [o for o in out if isinstance(o, ReadFailure)]
    docs = [o for o in out if not isinstance(o, ReadFailure)]
    assert [f.code for f in failures] == ["E101", "E102", "E104", "E106", "E105", "E105"]
    assert [d.id for d in docs] == ["good", "r1"]
    assert docs[1].published == date(2024, 1, 2)
    assert "rows.jsonl:2" in str(failures[4])


def test_cli_exit_status_counts_failures(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Five soldiers were killed when a roadside bomb hit their convoy near Kandahar on 3 May 2021.")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    res = subprocess.run([sys.executable, "-m", "sitrep.cli", "extract", str(good), str(tmp_path / "bad.txt"),
                          str(tmp_path / "nope.txt")], capture_output=True, text=True)
    assert res.returncode == 2, res.stderr
    assert "E102" in res.stderr and "E106" in res.stderr
    recs = [json.loads(line) for line in res.stdout.splitlines()]
    assert recs and recs[0]["document"] == "good"


def test_stdin(tmp_path):
    res = subprocess.run([sys.executable, "-m", "sitrep.cli", "extract", "-", "--published", "2021-05-04"],
                         input="Gunmen killed four villagers in an attack on Kaduna on Sunday.",
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    rec = json.loads(res.stdout.splitlines()[0])
    assert rec["document"] == "stdin" and rec["fatalities"] == 4


def test_a_lone_surrogate_escape_in_json_lines_is_replaced_not_a_crash():
    """Found by benchmarks/fuzz_ingest.py: ``"\\udc00"`` alone is valid JSON but not encodable as UTF-8."""
    import json as _json

    from sitrep.ingest.text import read_bytes as _read_bytes
    from sitrep.model import Document as _Document

    row = '{"id": "x", "title": "T\\udc00", "text": "A rocket hit the base \\udc00 on Monday."}'
    (doc,) = list(_read_bytes(row.encode(), "rows.jsonl"))
    assert isinstance(doc, _Document) and "\ufffd" in doc.text and "\ufffd" in doc.title
    _json.dumps(doc.meta)
    doc.text.encode("utf-8")
