"""A person shot is shot with a gun: the verb "shoot" gives small arms where its clause names no other weapon, and
decides no type (events.toml, the "shoot" / "gun" trigger; fresh22's diagnosis). Sentences written for these tests."""
from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document

MONDAY = date(2025, 3, 10)


def run(body: str):
    return extract_document(document_from_text("Tarlac court news\n\n" + body, "t", published=MONDAY))


def test_a_judge_shot_in_the_leg_is_shot_with_small_arms():
    (event,) = run("A judge was shot in the leg outside the courthouse in Tarlac on Saturday by a man who escaped on "
                   "foot, police said.")
    assert event.weapons == ["small arms"], (event.weapons, event.notes)
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")


def test_a_clause_that_names_its_weapon_keeps_it():
    (event,) = run("A judge was shot with a rocket-propelled grenade outside the courthouse in Tarlac on Saturday, "
                   "police said.")
    assert event.weapons == ["grenade"], (event.weapons, event.notes)
