"""``sitrep ingest``: identity from the source, not the file name; a stored report is not extracted again."""
from __future__ import annotations

from sitrep.cli import main

A = ("Rocket hits base\nFILE: A rocket struck the Ain al-Asad air base in western Iraq on 5 December 2023, "
     "wounding two contractors, officials said.")
B = ("Car bomb in Kirkuk\nFILE: A car bomb exploded near a checkpoint in Kirkuk on 3 December 2023, killing "
     "three policemen, police said.")


def test_two_files_with_the_same_name_are_two_documents(tmp_path, capsys):
    for site, text in (("site-one", A), ("site-two", B)):
        (tmp_path / site).mkdir()
        (tmp_path / site / "report.txt").write_text(text)
    db = str(tmp_path / "s.sqlite")
    main(["ingest", "-q", str(tmp_path / "site-one"), str(tmp_path / "site-two"), "--db", db])
    assert "documents: 2 new, 0 updated" in capsys.readouterr().out
    (tmp_path / "site-two" / "report.txt").write_text(B.replace("three", "four"))  # a later version of one file
    main(["ingest", "-q", str(tmp_path / "site-one"), str(tmp_path / "site-two"), "--db", db])
    assert "documents: 0 new, 1 updated, 1 already stored" in capsys.readouterr().out
    from sitrep.store import open_store

    with open_store(db) as store:
        assert store.count_documents() == 2
        assert {d["id"] for d in store.documents()} == {"report", next(
            d["id"] for d in store.documents() if d["id"].startswith("report~"))}


def test_a_stored_report_is_not_extracted_again(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(A)
    db = str(tmp_path / "s.sqlite")
    main(["ingest", "-q", str(tmp_path / "a.txt"), "--db", db])
    capsys.readouterr()
    from sitrep.nlp.spacy_model import load_spacy

    load_spacy.cache_clear()
    main(["ingest", str(tmp_path / "a.txt"), "--db", db])
    out = capsys.readouterr().out
    assert "1 already stored" in out and out.startswith("duplicate a ->")
    assert load_spacy.cache_info().misses == 0  # the content hash answered: no model loaded, nothing parsed
