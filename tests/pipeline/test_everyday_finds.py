"""Clauses of everyday pages that use attack words for no violence (fresh17's diagnosis): a controlled explosion, a
bomb that was found or did not go off, a death told with its age, a road accident, a raid told by its season of
another year; and a bomb dated by the clause that tells it rather than by the verb of its admission. Sentences
written for these tests."""
from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document

MONDAY = date(2025, 3, 17)


def run(text: str, published: date | None = MONDAY):
    return extract_document(document_from_text(text, "t", published=published))


def notes(events) -> list:
    return [(m.trigger.text, str(m.date), m.notes) for m in events]


def test_a_controlled_explosion_is_no_attack():
    """ "controlled explosion" / "controlled detonation" (events.toml [figurative] modifiers, a pair matched on the
    word as written: the parser's lemma of the participle is "control"); a remote-controlled bomb stays a bomb."""
    for text in ("The old grain silo at Port Alder was brought down in a controlled explosion on Saturday.",
                 "Experts took the shell to a field near Port Alder, where it was destroyed in a controlled "
                 "detonation on Saturday."):
        assert run(text) == [], notes(run(text))
    assert run("A remote-controlled bomb exploded beside a bus in Port Alder on Saturday, killing six people.") != []


def test_a_bomb_that_was_found_or_did_not_go_off_is_no_explosion():
    """The object or passive subject of a finding verb, a headline's "bomb found", an unexploded bomb (events.toml
    [figurative] found, modifiers); a bomb that exploded after it was found stays."""
    for text in ("Workers found an old bomb at a building site in Port Alder on Saturday.",
                 "A second bomb had been found near the market in Port Alder on Saturday, police said.",
                 "Wartime bomb found on Port Alder building site",
                 "Builders struck an unexploded bomb at a site in Port Alder on Saturday."):
        assert run(text) == [], (text, notes(run(text)))
    assert run("A bomb exploded in a cafe in Port Alder on Saturday, killing four people, an hour after a second "
               "bomb was found nearby.") != []


def test_a_death_told_with_its_age_is_an_obituary():
    """ "who has died aged 97" (events.toml [figurative] ages): on a page of wartime raids (whose clauses of violence
    lower the clause model's bar for the others) the death is no attack; the raids, told by a season of 1944, have
    no day; a killing stays."""
    text = ("Mary Holt, who has died aged 97, flew 40 missions as a navigator with a bomber squadron, survived being "
            "shot down over France and spent the rest of a long life caring for the animals of Port Alder. By the "
            "spring of 1944 she was flying with 103 Squadron, attacking railway yards and factories. Two of the crew "
            "were killed.")
    events = run(text)
    assert all(m.trigger.text != "died" and m.date is None for m in events), notes(events)
    assert run("The painter Tom Reed died at the age of 88 on Saturday at his home in Port Alder.") == []
    assert run("Gunmen killed a 97-year-old farmer at his home in Port Alder on Saturday.") != []


def test_a_person_hit_by_a_car_is_a_road_accident():
    """A passive whose "by" agent is a vehicle (events.toml [figurative] vehicles); a car bomb stays."""
    for text in ("A cyclist was killed on Saturday when he was struck by a car on the coast road near Port Alder.",
                 "A woman was hit by a van and killed in Port Alder on Saturday.",
                 "The driver lost control after a tyre blew out on the Port Alder bypass on Saturday, and two "
                 "passengers were hurt."):
        assert run(text) == [], (text, notes(run(text)))
    assert run("Six soldiers were killed by a car bomb at a checkpoint in Port Alder on Saturday.") != []


def test_a_raid_told_by_a_season_of_another_year_has_no_day():
    """ "By the spring of 1944 ... attacking railway yards": the season of another year dates it (no day), and it
    does not take the report's day."""
    events = run("By the spring of 1944 he was flying bombers with a squadron from Lincolnshire, attacking railway "
                 "yards and factories near Rouen. Two of the crew were killed.")
    assert all(m.date is None for m in events), notes(events)


def test_a_bomb_takes_the_day_of_the_clause_that_tells_it():
    """ "admitted yesterday planting the bomb that killed 11 people as they gathered ... on Sunday": the Sunday of
    the "as" clause under the bomb's relative clause dates the bomb, not the "yesterday" of the admission."""
    text = ("The Red Brigades yesterday admitted planting the bomb that killed 11 people as they gathered at the "
            "war memorial in Port Alder for a parade on Sunday.")
    events = run(text, published=date(2025, 3, 18))
    assert [str(m.date) for m in events] == ["2025-03-16"], notes(events)


def test_an_earlier_event_a_comparison_tells_with_its_day_is_an_event():
    """ "the worst attack since the bombing of the Grand Hotel in Kessel Bay on 12 October 1984, which killed five":
    a "since" reference with an absolute day of its own is an event of its own."""
    text = ("A bomb killed 11 people at the war memorial in Port Alder on Sunday. It was the worst attack since the "
            "bombing of the Grand Hotel in Kessel Bay on 12 October 1984, which killed five people.")
    days = sorted(str(m.date) for m in run(text))
    assert days == ["1984-10-12", "2025-03-16"], notes(run(text))


def test_a_time_counted_from_a_clause_that_tells_no_event_is_not_counted_from_the_event_before():
    """ "The attack came less than a week after voters approved ...": the definite reference joins the event told
    before it instead of taking a day a week after that event."""
    text = ("Two bombs killed 20 people at a church in Port Alder on Sunday. The attack came less than a week after "
            "voters approved a new charter for the region.")
    events = run(text)
    assert [str(m.date) for m in events] == ["2025-03-16"], notes(events)


def test_a_bombing_being_planned_is_no_event():
    """An indefinite trigger noun as the object of plan / plot / prepare (events.toml [figurative] plans) is not done
    yet; a definite one ("planned the attack for months") is the told attack."""
    text = ("A car bomb killed 12 people at a hotel in Port Alder on Friday. Police arrested three men on Saturday "
            "suspected of planning a second car bombing in the city.")
    assert [str(m.date) for m in run(text)] == ["2025-03-14"], notes(run(text))
