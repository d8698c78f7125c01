"""Long inputs: a text or a 'sentence' too long for the parser is cut, and a stage that fails on one report
never stops the others (issue: a 1.2 MB one-sentence report made spaCy raise E088 and aborted the batch)."""
from __future__ import annotations

import spacy

from sitrep import errors
from sitrep.cli import main
from sitrep.ingest.text import document_from_text
from sitrep.nlp import analyze_many
from sitrep.nlp.sentences import MAX_SENTENCE_CHARS, cap_length, split_sentences
from sitrep.pipeline import extract_documents

REPORT = ("Rocket hits base\nFILE: A rocket struck the Ain al-Asad air base in western Iraq on Tuesday, "
          "killing two soldiers, officials said.")


def run_on(n_chars: int) -> str:
    """One 'sentence' of ``n_chars``: an event at its start, then words with no full stop and no event."""
    filler = " and the long column of trucks kept moving along the river road"
    body = "A rocket struck the depot in Kirkuk on Monday" + filler * (n_chars // len(filler) + 1)
    return "Run-on report\nFILE: " + body[:n_chars] + "."


def test_long_sentences_are_cut_at_white_space_with_offsets_kept():
    text = run_on(50_000)
    sents = cap_length(split_sentences(text, 20), text)
    assert len(sents) > 20 and all(s.end - s.start <= MAX_SENTENCE_CHARS for s in sents)
    assert all(text[s.start:s.end] == s.text for s in sents)
    assert [s.index for s in sents] == list(range(len(sents)))
    assert all(text[s.start - 1] == " " for s in sents[1:])  # never inside a word


def test_a_report_over_the_parser_limit_is_analysed():
    doc = document_from_text(run_on(1_200_000), "long")
    (analysis,) = list(analyze_many([doc]))
    assert analysis.error is None and analysis.parses
    assert max(s.end - s.start for s in analysis.sentences) <= MAX_SENTENCE_CHARS


def test_a_parser_failure_on_one_report_is_coded_and_the_batch_goes_on():
    from sitrep.nlp.spacy_model import MODEL_NAMES

    nlp = spacy.load(next(n for n in MODEL_NAMES if spacy.util.is_package(n)))
    nlp.max_length = 150  # a real parser that refuses (E088) the long sentence of the second report only
    short = document_from_text("A rocket struck the base on Tuesday.", "short")
    long = document_from_text("A rocket struck the base on Tuesday, " + "and trucks moved on, " * 10 + "soon.",
                              "long")
    out = {doc.id: (events, error) for doc, events, error in extract_documents([short, long, short], nlp=nlp)}
    assert out["long"][0] == [] and out["long"][1].startswith(f"[{errors.E202_PARSE_FAILED}]")
    assert out["short"][1] is None


def test_ingest_stores_the_reports_after_a_long_one(tmp_path, capsys):
    (tmp_path / "a_long.txt").write_text(run_on(1_200_000))
    (tmp_path / "b_report.txt").write_text(REPORT)
    db = tmp_path / "s.sqlite"
    main(["ingest", "-q", str(tmp_path / "a_long.txt"), str(tmp_path / "b_report.txt"), "--db", str(db)])
    out = capsys.readouterr().out
    assert ", 0 failed;" in out  # the long one read in sections (some of its repeated sections are duplicates)
    from sitrep.store import open_store

    with open_store(str(db)) as store:
        ids = {d["id"] for d in store.documents(limit=1000)}
    assert "b_report" in ids and "a_long-part1" in ids
