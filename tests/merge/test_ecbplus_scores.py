"""The ECB+ reader and the coreference scores of benchmarks/merge_ecb.py, on small inputs of our own."""
from __future__ import annotations

import pytest

from sitrep.evaluation import ecbplus as E

XML = """<?xml version="1.0" encoding="UTF-8"?>
<Document doc_name="99_1ecbplus.xml" doc_id="X">
<token t_id="1" sentence="0" number="0">http</token>
<token t_id="2" sentence="0" number="1">:</token>
<token t_id="3" sentence="0" number="2">/</token>
<token t_id="4" sentence="0" number="3">/</token>
<token t_id="5" sentence="0" number="4">example</token>
<token t_id="6" sentence="0" number="5">.</token>
<token t_id="7" sentence="0" number="6">org</token>
<token t_id="8" sentence="1" number="0">A</token>
<token t_id="9" sentence="1" number="1">gunman</token>
<token t_id="10" sentence="1" number="2">shot</token>
<token t_id="11" sentence="1" number="3">two</token>
<token t_id="12" sentence="1" number="4">clerks</token>
<token t_id="13" sentence="1" number="5">,</token>
<token t_id="14" sentence="1" number="6">police</token>
<token t_id="15" sentence="1" number="7">said</token>
<token t_id="16" sentence="1" number="8">.</token>
<token t_id="17" sentence="2" number="0">Nobody</token>
<token t_id="18" sentence="2" number="1">was</token>
<token t_id="19" sentence="2" number="2">arrested</token>
<Markables>
<ACTION_OCCURRENCE m_id="1"><token_anchor t_id="10"/></ACTION_OCCURRENCE>
<ACTION_REPORTING m_id="2"><token_anchor t_id="15"/></ACTION_REPORTING>
<ACTION_OCCURRENCE m_id="3"><token_anchor t_id="19"/></ACTION_OCCURRENCE>
<HUMAN_PART_PER m_id="4"><token_anchor t_id="9"/></HUMAN_PART_PER>
<ACTION_OCCURRENCE m_id="9" RELATED_TO="" TAG_DESCRIPTOR="t99_shooting" instance_id="ACT1" />
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="ACT1"><source m_id="1" /><target m_id="9" /></CROSS_DOC_COREF>
</Relations>
</Document>
"""


def test_reader_rebuilds_text_and_keeps_annotated_sentences(tmp_path):
    path = tmp_path / "99_1ecbplus.xml"
    path.write_text(XML, encoding="utf-8")
    art = E.read_article(path, 99, selected={1})
    assert art.text.splitlines() == ["http://example.org", "A gunman shot two clerks, police said.", "Nobody was arrested"]
    assert art.event == "ecbplus"
    assert [(g.text, g.chain) for g in art.mentions] == [("shot", "ACT1"), ("said", "99_1ecbplus:2")]
    assert all(art.text[g.start:g.end] == g.text for g in art.mentions)


def test_scores_on_a_known_clustering():
    key = [{"a", "b", "c"}, {"d", "e"}]
    perfect = E.conll(key, [set(c) for c in key])
    assert all(v[2] == pytest.approx(1.0) for v in perfect.values())
    response = [{"a", "b"}, {"c", "d", "e"}]
    p, r, _ = E.muc(key, response)
    assert (p, r) == (pytest.approx(2 / 3), pytest.approx(2 / 3))
    p, r, _ = E.b_cubed(key, response)
    assert r == pytest.approx((2 / 3 * 2 + 1 / 3 + 1 + 1) / 5) and p == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 * 2) / 5)
    _, _, f = E.ceaf_e(key, response)
    assert f == pytest.approx((0.8 + 0.8) / 2)


def test_split_is_fixed_and_disjoint():
    assert set(E.TUNE_TOPICS) | set(E.CHECK_TOPICS) == set(E.VIOLENT_TOPICS)
    assert not set(E.TUNE_TOPICS) & set(E.CHECK_TOPICS)


def test_scores_match_the_published_worked_example():
    # Vilain et al. 1995 / Bagga and Baldwin 1998 / Luo 2005: three key chains, the response joins the last two.
    # MUC P 9/10 R 1; B3 P 16/21 R 1; CEAF-e (phi4) P 11/12 R 11/18. Singletons count in B3 and CEAF-e, not MUC.
    key = [set("12345"), set("67"), set("89ABC")]
    response = [set("12345"), set("6789ABC")]
    assert E.muc(key, response)[:2] == (pytest.approx(0.9), pytest.approx(1.0))
    assert E.b_cubed(key, response)[:2] == (pytest.approx(16 / 21), pytest.approx(1.0))
    assert E.ceaf_e(key, response)[:2] == (pytest.approx(11 / 12), pytest.approx(11 / 18))
