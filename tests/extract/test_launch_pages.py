"""A page about spaceflight or fireworks (events.toml [sport] launch_words): its rockets are launch vehicles or
fireworks, not weapons; a rocket attack told with one such word stays (fresh20's diagnosis). Sentences written for
these tests."""
from datetime import date

from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document

THURSDAY = date(2025, 10, 16)


def run(text: str):
    return extract_document(document_from_text(text, "t", published=THURSDAY))


def test_a_launch_page_holds_its_exploding_rocket():
    page = ("Test rocket blows up over the bay\n\nA test rocket built by a Cornish firm blew up shortly after "
            "lift-off from the spaceport at Penmarrow on Wednesday, scattering debris over the bay. The rocket was "
            "meant to put a cubesat into orbit, and the company said the payload was lost. Nobody was injured.")
    assert run(page) == [], [(m.trigger.text, m.notes) for m in run(page)]


def test_a_fireworks_page_holds_its_exploding_rocket():
    page = ("Bonfire night warning after boy is hurt\n\nA rocket exploded in a teenager's hand in a park in "
            "Elmbridge on Tuesday, days before bonfire night. Firefighters urged families to buy fireworks only from "
            "licensed shops, never to go back to a lit firework and to keep sparklers away from small children.")
    assert run(page) == [], [(m.trigger.text, m.notes) for m in run(page)]


def test_a_rocket_attack_with_a_satellite_word_stays():
    news = ("Rockets hit army base\n\nMilitants fired three rockets at an army base near Qalat on Wednesday, killing "
            "two soldiers, officials said, citing satellite images of the damage.")
    assert run(news) != []
