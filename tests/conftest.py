"""Shared fixtures: ``store`` runs every store test on SQLite and on PostgreSQL (when
``DATABASE_URL`` is set), each test in a fresh database / schema; ``make_doc`` / ``make_mention``
build documents and mentions by hand."""
from __future__ import annotations

import os
import uuid
from datetime import date
from pathlib import Path

import pytest

from sitrep.model import Count, Document, EventMention, Place, Span

SHARED = Path(os.environ.get("SITREP_SHARED") or Path(__file__).resolve().parents[1] / ".." / "shared")


def _pg_url_with_schema(url: str, schema: str) -> str:
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """A URL for an empty database of each kind."""
    if request.param == "sqlite":
        yield str(tmp_path / "test.sqlite")
        return
    url = os.environ.get("DATABASE_URL")
    if not url:
        pytest.skip("postgres: DATABASE_URL is not set (CI's .ci/run starts a server and sets it)")
    import psycopg

    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield _pg_url_with_schema(url, schema)
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def store(store_url):
    from sitrep.store import open_store

    s = open_store(store_url)
    yield s
    s.close()


def make_doc(doc_id: str, text: str, published: date | None = date(2023, 12, 8), **kw) -> Document:
    from sitrep.ingest.text import document_from_text

    return document_from_text(text, doc_id, published=published, **kw)


def make_mention(doc: Document, trigger: str, *, event_type="Explosions/Remote violence",
                 sub_event_type="Shelling/artillery/missile attack", when: date | None = date(2023, 12, 8),
                 precision="day", place: Place | None = None, target: str | None = None,
                 actor1: str | None = None, fatalities: int | None = None, claimed: bool | None = None,
                 claimant: str | None = None, weapons=("rocket",)) -> EventMention:
    """A mention whose trigger and evidence point at the first occurrence of ``trigger``."""
    start = doc.text.index(trigger)
    span = Span(start, start + len(trigger), trigger)
    m = EventMention(
        document_id=doc.id, trigger=span, sentence_index=0, event_type=event_type,
        sub_event_type=sub_event_type, weapons=list(weapons), actor1=actor1, target=target, place=place,
        date=when, date_precision=precision if when else None,
        fatalities=Count(best=fatalities) if fatalities is not None else Count(),
        claimed=claimed, claimant=claimant, evidence=[span],
    )
    m.add_span("trigger", span)
    return m


BAGHDAD_EMBASSY = Place("US Embassy in Baghdad", 33.2986, 44.3953, country="Iraq", country_code="IQ",
                        admin1="Baghdad", feature="embassy", geo_precision=1)
AIN_AL_ASAD = Place("Ain al-Asad Air Base", 33.7856, 42.4412, country="Iraq", country_code="IQ",
                    admin1="Al Anbar", feature="base", geo_precision=1)
VICTORY_BASE = Place("Victory Base Complex", 33.2700, 44.2500, country="Iraq", country_code="IQ",
                     admin1="Baghdad", feature="base", geo_precision=1)
HARIR = Place("Harir Air Base", 36.5361, 44.3558, country="Iraq", country_code="IQ", admin1="Erbil",
              feature="base", geo_precision=1)
TANF = Place("Al-Tanf garrison", 33.4975, 38.6556, country="Syria", country_code="SY", admin1="Homs",
             feature="base", geo_precision=1)


@pytest.fixture(scope="session")
def nlp():
    """spaCy's English model as sitrep loads it (once per process: load_spacy is cached)."""
    from sitrep.nlp.spacy_model import load_spacy

    return load_spacy()


def timex_benchmark():
    """benchmarks/timex.py as a module (its readers and scorers), loaded once."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("timex_benchmark", Path(__file__).resolve().parents[1] / "benchmarks" / "timex.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("timex_benchmark", module)  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


def check_wire_floors(path, nlp, floors: dict, *, docs: int, dates: int) -> None:
    """A wire timex set, read once, holds at least ``docs`` passages and ``dates`` DATE timexes and stays above its
    ``floors`` as benchmarks/timex.py measures them: value accuracy (DATE, all types) and strict detection F1."""
    bench = timex_benchmark()
    read = bench.read_wire(path)
    assert len(read) >= docs and sum(g.type == "DATE" for d in read for g in d.timexes) >= dates
    s = bench.score_docs(read, nlp=nlp)
    got = {"value_accuracy": s["value_accuracy"], "value_accuracy_all_types": s["value_accuracy_all_types"],
           "strict_f1": s["strict"][2]}
    low = {k: round(v, 3) for k, v in got.items() if v < floors[k]}
    assert not low, f"below the recorded floors {floors}: {low}"


def timexes_found(text: str, anchor: date, *, signals: bool = False, nlp=None) -> list[tuple[str, str, str]]:
    """(text, type, value) of the time expressions found in ``text`` read on ``anchor`` (with the parse of ``nlp``
    when given): the wire sets' tests of one behaviour each."""
    from sitrep.resolve.time import DocumentTimes

    parses = [(0, nlp(text))] if nlp is not None else []
    return [(t.text, t.type, t.value) for t in DocumentTimes(text, anchor, parses=parses, signals=signals).find()]


@pytest.fixture(scope="module")
def plain():
    """spaCy-sm's pipeline as spaCy itself runs it, none of sitrep's decoders swapped in: the reference that
    tests/nlp's numpy decodings (fast_ner, fast_parser, fast_pipes) must match exactly."""
    import spacy

    from sitrep.nlp.spacy_model import MODEL_NAMES

    name = next((n for n in MODEL_NAMES if spacy.util.is_package(n)), None)
    if name is None:
        pytest.skip("no spaCy English model installed")
    return spacy.load(name)
