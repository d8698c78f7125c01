"""Words in another sense (issue 11, session 39): "mine" as a pit is no landmine (weapons.toml [senses]); a convoy
the report calls military stays a military target. Sentences written for these tests."""
from datetime import date

from sitrep.extract.lexicon import load_lexicon, pit_mine
from sitrep.ingest.text import document_from_text
from sitrep.pipeline import extract_document

MONDAY = date(2025, 3, 10)


def run(body: str):
    return extract_document(document_from_text("Regional news\n\n" + body, "t", published=MONDAY))


def test_a_mineral_before_mine_is_a_pit_not_a_weapon():
    lex = load_lexicon()
    text = "Guards fired on protesters outside a copper mine near Kolwezi."
    found = [m.group(0) for m in lex.weapon_re.finditer(text)]
    assert found == ["copper mine"] and "copper mine" not in lex.weapons


def test_a_landmine_stays_a_weapon():
    lex = load_lexicon()
    text = "Two soldiers died when their truck hit a mine on the road to Kolwezi."
    assert [lex.weapons[m.group(0).lower()].category for m in lex.weapon_re.finditer(text)] == ["ied"]
    assert not pit_mine(lex, text, text.index("mine"), text.index("mine") + 4)


def test_a_mine_in_a_sentence_about_miners_is_a_pit():
    lex = load_lexicon()
    text = "A mine exploded. Police shot dead four striking miners at the Kanzenze mine on Friday."
    second = text.rindex("mine ")
    assert pit_mine(lex, text, second, second + 4)
    assert not pit_mine(lex, text, 2, 6)  # the first sentence names no miners


def test_shooting_miners_at_a_gold_mine_is_no_bomb():
    (event,) = run("Security guards shot dead five miners at a gold mine in Geita region on Saturday, police said.")
    assert "ied" not in event.weapons, (event.weapons, event.notes)
    assert event.event_type != "Explosions/Remote violence", event.notes


def test_a_convoy_the_report_calls_military_is_a_military_target():
    (event,) = run("Gunmen attacked a military convoy near Geita on Saturday, killing three soldiers, the army said. "
                   "The convoy was carrying supplies to a base in the north.")
    assert event.event_type == "Battles", (event.event_type, event.notes)
