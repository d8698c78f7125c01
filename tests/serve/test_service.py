"""Service functions of the API without HTTP: evidence highlighting, filters, tokens."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.serve import service
from sitrep.serve.service import ServeError

TEXT = "Title\nFILE: Rockets hit the base on Friday. Two guards were killed! Nobody claimed it.\nNext line."


def test_segments_mark_exactly_the_supporting_words():
    sent = service.sentence_around(TEXT, TEXT.index("Two"), TEXT.index("Two") + 3)
    assert sent["text"] == "Two guards were killed!"
    i = TEXT.index("Two guards were killed")
    segs = service.highlight_segments(sent, [
        {"start": i, "end": i + len("Two guards were killed"), "field": "fatalities"},
        {"start": i + 4, "end": i + 10, "field": "target"},
        {"start": 0, "end": 5, "field": "title"},  # outside the sentence: ignored
    ])
    assert [(s["text"], s["highlight"], s["fields"]) for s in segs] == [
        ("Two ", True, ["fatalities"]),
        ("guards", True, ["fatalities", "target"]),
        (" were killed", True, ["fatalities"]),
        ("!", False, []),
    ]


def test_sentence_around_stops_at_lines_and_full_stops():
    i = TEXT.index("base")
    assert service.sentence_around(TEXT, i, i + 4)["text"] == "FILE: Rockets hit the base on Friday."
    body = TEXT.index("Rockets")
    assert service.sentence_around(TEXT, i, i + 4, body)["text"] == "Rockets hit the base on Friday."
    assert service.sentence_around(TEXT, 0, 3, body)["text"] == "Title"  # a title span keeps its line
    i = TEXT.index("Nobody")
    assert service.sentence_around(TEXT, i, i + 6)["text"] == "Nobody claimed it."
    i = TEXT.index("Next")
    assert service.sentence_around(TEXT, i, i + 4)["text"] == "Next line."


def test_passages_widen_evidence_and_add_sentences_of_outside_words():
    a, b = TEXT.index("Rockets"), TEXT.index("Nobody")
    mention = {"evidence": [{"start": a, "end": a + 7}],
               "field_spans": {"claimed": [{"start": b, "end": b + 6}], "sentence": [{"start": 0, "end": 3}]}}
    words = service.word_spans(mention)
    assert [w["field"] for w in words] == ["claimed"]  # the 'sentence' pseudo-field is not a word
    ps = service.passages(TEXT, mention, words)
    assert [p["text"] for p in ps] == ["FILE: Rockets hit the base on Friday.", "Nobody claimed it."]
    assert service.word_spans({"evidence": [{"start": 1, "end": 2}]}) == [{"start": 1, "end": 2, "field": None}]


@given(st.text(min_size=1, max_size=80),
       st.lists(st.tuples(st.integers(-5, 90), st.integers(-5, 90), st.sampled_from(["a", "b", None])),
                max_size=6),
       st.integers(0, 50))
def test_segments_always_rebuild_the_sentence(text, raw, offset):
    sent = {"start": offset, "end": offset + len(text), "text": text}
    spans = [{"start": a + offset, "end": b + offset, "field": f} for a, b, f in raw]
    segs = service.highlight_segments(sent, spans)
    assert "".join(s["text"] for s in segs) == text
    assert all(s["text"] for s in segs)
    pos = 0
    for s in segs:  # a character is highlighted exactly when some span covers it
        for k in range(len(s["text"])):
            covered = any(a <= pos + k < b for a, b, _ in raw)
            assert covered == s["highlight"]
        pos += len(s["text"])


def test_bbox_and_dates_are_checked():
    assert service.parse_bbox(" 38, 29,49 ,38 ") == (38.0, 29.0, 49.0, 38.0)
    assert service.parse_bbox(None) is None and service.parse_bbox("") is None
    for bad in ("1,2,3", "a,b,c,d", "10,0,5,1", "0,50,1,40", "0,0,200,1", "nan,0,1,1"):
        with pytest.raises(ServeError) as e:
            service.parse_bbox(bad)
        assert e.value.code == service.E701_BAD_FILTER
    from datetime import date

    with pytest.raises(ServeError):
        service.make_filters(date_from=date(2024, 2, 1), date_to=date(2024, 1, 1))
    f = service.make_filters(country="  ", actor=" Kataib ")
    assert f.country is None and f.actor == "Kataib"


def test_token_check(monkeypatch):
    monkeypatch.delenv("SITREP_TOKEN", raising=False)
    assert service.configured_token(None) is None
    assert service.configured_token("  ") is None
    monkeypatch.setenv("SITREP_TOKEN", "env-token")
    assert service.configured_token(None) == "env-token"
    assert service.configured_token("given") == "given"
    service.check_token("t0k", "Bearer t0k")
    service.check_token("t0k", "bearer  t0k ")
    for header, code in ((None, "E703"), ("t0k", "E703"), ("Bearer nope", "E703"), ("Basic t0k", "E703")):
        with pytest.raises(ServeError) as e:
            service.check_token("t0k", header)
        assert e.value.code == code
    with pytest.raises(ServeError) as e:
        service.check_token(None, "Bearer t0k")
    assert e.value.code == "E702"
