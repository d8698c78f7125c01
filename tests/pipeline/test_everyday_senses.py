"""Pages and clauses that use attack words in another sense (fresh16's diagnosis): military exercises, animals,
accidental explosions, words called out by a crowd; and a group that claims "that attack" by no name of its own,
and a bombing that never tells the shooting before it. Sentences written for these tests."""
from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document

MONDAY = date(2025, 3, 17)


def run(text: str, published: date | None = MONDAY):
    return extract_document(document_from_text(text, "t", published=published))


def test_a_page_about_military_exercises_holds_the_exercises_attacks():
    """On a page with four words of training (events.toml [sport] drill_words) the missiles and assaults are the
    exercise's; a bombing told with one such word stays."""
    page = ("Marines finish live-fire drills on the coast\n\nMarines stormed a mock harbour at Kellby on Saturday in "
            "the last week of the exercise, while gunners fired 300 rounds at dummy targets on the ranges. A "
            "warship hit an old barge with two missiles.")
    assert run(page) == [], [(m.trigger.text, m.notes) for m in run(page)]
    news = ("A bomb exploded at an army training centre in Port Alder on Saturday, killing four recruits, police "
            "said.")
    assert run(news) != []


def test_an_animal_is_no_attacker():
    """An animal as the subject of a trigger verb (events.toml [figurative] subjects) does no armed violence; a
    group named by its cattle ("cattle herders") still does."""
    for text in ("A crocodile attacked a fisherman on the river near Port Alder on Saturday, killing him.",
                 "Killer whales attacked two yachts off Port Alder on Saturday, smashing their rudders."):
        assert run(text) == [], text
    assert run("Cattle herders attacked a village near Port Alder on Saturday, killing nine people.") != []


def test_an_explosion_of_another_sense_kills_no_one_by_violence():
    """A verb whose subject is an explosion named by its cause ("a gas explosion", "a dust explosion": events.toml
    [figurative] modifiers) tells the accident, as the noun does; a bomb's explosion stays."""
    for cause in ("gas", "dust"):
        text = f"A {cause} explosion wrecked a factory in Port Alder on Saturday, killing two workers."
        assert run(text) == [], text
    assert run("A bomb explosion wrecked a bus in Port Alder on Saturday, killing two passengers.") != []


def test_a_trigger_ruled_out_did_not_take_place():
    """ "sabotage ruled out", "an attack was called off": a trigger as the subject of a verb with its particle
    among events.toml [figurative] governors did not take place."""
    assert run("Police ruled out sabotage after a fire at a depot in Port Alder on Saturday.") == []
    assert run("Sabotage ruled out after fire at Port Alder depot") == []


def test_words_called_out_are_no_event():
    """A trigger inside the quotation a word of calling out opens (events.toml [figurative] chants)."""
    text = ('A car bomb killed 12 people in Port Alder on Saturday. Thousands marched through the city on Sunday '
            'shouting "Burn them all!"')
    events = run(text)
    assert [str(m.date) for m in events] == ["2025-03-15"], [(m.date, m.trigger.text) for m in events]


def test_the_group_that_claimed_that_attack():
    """ "The group claimed that attack": a claim by the group told before, by no name of its own."""
    text = ("The Harbour Front brought its campaign to the capital on March 2, 2024, when a bomb damaged the city "
            "hall in Port Alder. The group claimed that attack.")
    events = run(text)
    assert [m.claimed for m in events] == [True], [(m.claimed, m.notes) for m in events]


def test_the_bombing_is_not_the_shooting_before_it():
    """ "the bombing" (a trigger that is its own weapon word) never joins a shooting told last; it joins the bomb
    told before it (merge/within._gun_and_bomb)."""
    text = ("A suicide bomber blew himself up at a hospital in Port Alder on Saturday, killing 40 people. A lawyer "
            "was shot dead by two gunmen in the city earlier that morning. The bombing was the deadliest this year.")
    events = run(text)
    kinds = sorted(m.sub_event_type for m in events)
    assert kinds == ["Attack", "Suicide bomb"], [(m.sub_event_type, m.evidence) for m in events]
    shooting = next(m for m in events if m.sub_event_type == "Attack")
    assert all("bombing" not in s.text for s in shooting.evidence), shooting.evidence


def test_an_event_dated_generations_before_its_report_is_history():
    """An attack the page dates more than events.toml [page] history_years before the report's day is history told
    (a battle of 1702 on a festival page); one dated a few years before, told in passing, stays an event."""
    page = ("Dunmere festival remembers its siege\n\nOn 3 May 1702 French troops stormed the walls of Dunmere and "
            "killed 40 defenders, the town museum says. Actors will stage the siege on Saturday.")
    assert run(page) == [], [(m.date, m.trigger.text) for m in run(page)]
    news = ("On 3 May 2019 gunmen stormed a police station in Port Alder and killed four officers, a court heard on "
            "Monday.")
    assert [str(m.date) for m in run(news)] == ["2019-05-03"], [(m.date, m.trigger.text) for m in run(news)]
