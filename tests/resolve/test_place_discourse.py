"""Toponyms read with the rest of the text (issue 12, s27): a name qualified once keeps its qualifier; a division's own
word; the Gulf; the learned ranker's file and trainer. Sentences written for these tests."""
from __future__ import annotations

import json

import pytest
from geo_spans import spans_of

from sitrep.errors import KnowledgeError
from sitrep.model import haversine_km
from sitrep.resolve import geocode_text, resolve_spans

NEW_HAVEN_CT = (41.31, -72.92)


def test_a_name_qualified_once_keeps_its_qualifier_at_its_bare_mentions():
    text = ("Three towns made the shortlist: Fort Wayne, Ind., Evansville, Ind., and New Haven, Conn. Judges who "
            "visited New Haven in the spring praised its buses, and the Indiana towns were praised for their parks.")
    first = text.index("New Haven")
    second = text.index("New Haven", first + 1)
    places = resolve_spans(text, [(first, first + 9), (second, second + 9)])
    for p in places:
        assert p is not None and p.admin1 == "Connecticut", p
        assert haversine_km(p.latitude, p.longitude, *NEW_HAVEN_CT) <= 161


def test_two_qualifiers_of_one_name_leave_its_bare_mention_alone():
    text = ("Portland, Ore., and Portland, Maine, both voted on Tuesday. In Portland the count ran late into the "
            "night.")
    bare = text.index("In Portland") + 3
    [p] = resolve_spans(text, [(bare, bare + 8)])
    assert p is not None  # no single qualifier decides; the resolver's own choice stands


@pytest.mark.parametrize("text", [
    "Kuwait, the Gulf state that hosted the talks, said the ceasefire would hold through the weekend.",
    "Bahrain and other Gulf states pledged two billion dollars to rebuild the port.",
    "A tanker was hit by a mine in the Gulf on Thursday, shipping officials in Dubai said.",
])
def test_the_gulf_in_world_news_is_the_persian_gulf(text):
    gulf = [p for p in geocode_text(text, include_abstentions=True) if p.span.text == "Gulf"]
    assert gulf and gulf[0].name == "Persian Gulf" and gulf[0].country_code != "PG"


def test_a_province_called_with_its_own_word_is_still_the_province():
    text = "Landslides buried a school in Gulf Province, officials in Port Moresby said."
    found = {p.span.text: p.country_code for p in geocode_text(text)}
    assert any(k.startswith("Gulf") and v == "PG" for k, v in found.items()), found


def test_a_division_word_that_is_not_the_divisions_own_gives_it_no_bonus():
    from sitrep.resolve.gazetteer import get_gazetteer, norm
    from sitrep.resolve.place import _division_word_fits, _Query

    gz = get_gazetteer()
    gulf = next(i for i in gz.lookup("Gulf") if gz[i].cc == "PG")
    q = _Query("gulf", None, None, set(), False, (), None, None, None, None)
    q.division_key = norm("Gulf state")
    assert not _division_word_fits(gz, gulf, q)
    q.division_key = norm("Gulf province")
    assert _division_word_fits(gz, gulf, q)


def test_the_trainer_writes_a_ranker_the_resolver_loads(tmp_path):
    """The ranker file the trainer writes (its _document) is what load_ranker validates and uses."""
    from sitrep.evaluation.train_geo_ranker import _document
    from sitrep.resolve.place_scoring import FEATURES, load_ranker

    weights = {"hand": 1.0, "cluster": 0.5, "logpop": 0.1}
    doc = _document(weights, 0.35, {"trained_on": "a test"})
    path = tmp_path / "geo_ranker.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    r = load_ranker(str(path))
    assert r is not None and r.weights == weights and set(weights) <= set(FEATURES)
    assert r.score({"hand": 2.0, "cluster": 2.0}) == pytest.approx(3.0)
    bad = tmp_path / "bad_ranker.json"
    bad.write_text(json.dumps({**doc, "weights": {"not_a_feature": 1.0}}), encoding="utf-8")
    with pytest.raises(KnowledgeError):
        load_ranker(str(bad))


def test_spans_helper_still_finds_names_in_order():
    assert spans_of("Gulf and Gulf", "Gulf", "Gulf") == [(0, 4), (9, 13)]


def test_a_first_name_before_a_surname_is_no_sign_of_a_town():
    """The scan for context takes no town from "George Harlan" (George, Washington), so "Washington" in a story
    about diplomacy stays the capital."""
    text = ("Special envoy George Harlan returned to Washington on Monday after three days of talks in Cairo and "
            "Amman, and George Harlan is expected to brief senators this week.")
    [p] = resolve_spans(text, spans_of(text, "Washington"))
    assert p is not None and p.feature == "PPLC", p


def test_a_street_named_after_a_town_is_still_context():
    from sitrep.resolve.place import scan_toponyms

    text = "Officers were called to a house on Clarksville Street near the square on Friday night."
    assert [m.text for m in scan_toponyms(text)] == ["Clarksville"]
    text = "Officers said Clarksville Harmon, 44, was charged on Friday night."
    assert [m.text for m in scan_toponyms(text)] == []


@pytest.mark.parametrize("text", [
    "Fans from Kokomo, Ind., drove to Atlanta for the game on Saturday.",
    "Students from Indiana flew to Atlanta for the debate.",
])
def test_a_great_city_beats_a_small_namesake_in_the_state_the_text_names(text):
    [p] = resolve_spans(text, spans_of(text, "Atlanta"))
    assert p is not None and p.admin1 == "Georgia", p  # not Atlanta, Indiana (735 people)
