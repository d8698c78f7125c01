"""Mentions read off hand-written sentences (no time/place resolution here)."""
import pytest

from sitrep.extract import SentenceExtractor
from sitrep.nlp.spacy_model import load_spacy


def mentions(text: str):
    nlp = load_spacy()
    ex = SentenceExtractor(text, "t")
    return [c.mention for c in ex.extract(nlp(text), 0, 0)]


def test_rocket_attack_on_embassy():
    (m,) = mentions("A rocket attack was launched against the US embassy in Baghdad on 8 December.")
    assert m.weapons == ["rocket"] and m.sub_event_type == "Shelling/artillery/missile attack"
    assert "embassy" in m.target and m.actor1 is None and not m.generic


def test_strike_killing_five():
    (m,) = mentions("Five Iraqi resistance fighters were killed in a US strike in Kirkuk on 3 December.")
    assert m.actor1 == "United States" and m.weapons == ["airstrike"]
    assert m.target == "Iraqi resistance fighters"
    assert (m.fatalities.low, m.fatalities.best, m.fatalities.high) == (5, 5, 5)
    assert m.field_spans["fatalities"][0].text.startswith("Five")


def test_at_least_gives_a_low_bound():
    (m,) = mentions("Gunmen killed at least 12 villagers in an attack on the village.")
    assert m.fatalities.best == 12 and m.fatalities.low == 12
    assert m.actor1 == "Unidentified Armed Group"  # ACLED's name for "gunmen"; the words stay in roles


@pytest.mark.parametrize("text", [
    "US bases in Iraq and Syria have come under near-daily attacks by Iraqi resistance factions since mid-October 2023.",
    "US warplanes have carried out several rounds of airstrikes in Iraq recently.",
    "Militias continue to strike US bases across the region.",
])
def test_generic_statements(text):
    assert all(m.generic for m in mentions(text))


def test_claim_by_announcement():
    ms = mentions("The Islamic Resistance in Iraq announced an attack on the US base at the Conoco field.")
    (m,) = [x for x in ms if not x.generic]
    assert m.claimed is True and m.claimant == "Islamic Resistance in Iraq" and m.actor1 == m.claimant


def test_denial_and_hedge():
    (m,) = mentions("The army denied that guerrillas attacked the farm.")
    assert m.denied
    (h,) = mentions("A drone reportedly struck the base.")
    assert h.hedged and h.weapons == ["drone"]


def test_kidnapping_and_arson_types():
    (k,) = mentions("Rebels kidnapped two engineers near the dam.")
    assert (k.event_type, k.sub_event_type) == ("Violence against civilians", "Abduction/forced disappearance")
    (a,) = mentions("Guerrillas burned a bus in the town square.")
    assert a.event_type == "Strategic developments"


def test_no_casualties_is_zero():
    (m,) = mentions("A mortar round hit the airport, causing no casualties.")
    assert m.fatalities.best == 0 and m.weapons == ["mortar"]


def test_clause_of_a_non_projective_parse_keeps_its_words():
    # spaCy-sm hangs the apposition "the Palm and the Horizon" on "men", past "were": the subtree of "were" comes
    # out of document order, and the clause must still hold "suicide bombings" (its weapon)
    text = ("A witness said the same men were behind Friday's suicide bombings at two hotels in the capital, "
            "the Palm and the Horizon, which killed 30 guests.")
    bombing = next(m for m in mentions(text) if m.trigger.text == "bombings")
    assert bombing.weapons == ["suicide bomb"] and bombing.sub_event_type == "Suicide bomb"


@pytest.mark.parametrize("text", [
    "A man was arrested in connection with the 2012 shooting death of his neighbour in Tulsa.",
    "She is charged with murder for the shooting deaths of two co-workers in September 2010.",
])
def test_a_year_is_no_toll(text):
    """Four digits with no separator inside discourse.toml's year_figures are a year, never the dead."""
    assert all(m.fatalities.best is None or m.fatalities.best < 1000 for m in mentions(text))


def test_a_toll_with_a_separator_stays():
    (m,) = mentions("Gunmen killed 1,200 villagers in an attack on the town.")
    assert m.fatalities.best == 1200


@pytest.mark.parametrize("text", [
    "Shopkeepers who might be shot by the gang were told to close early.",
    "Residents fear the militia might attack the market before the vote.",
    "Soldiers must kill the hijackers before they reach the city, the general ordered.",
    "The police can shoot armed robbers under the new law.",
])
def test_a_modal_on_the_trigger_verb_is_a_possibility(text):
    """A modal auxiliary of the trigger verb itself (discourse.toml [generic] modals) tells no deed."""
    ms = mentions(text)
    assert ms and all(m.generic for m in ms)
    assert any("a possibility" in n for m in ms for n in m.notes)


def test_a_modal_with_a_perfect_is_a_hedged_deed():
    """ "may have killed": the act is told done, only hedged; it stays an event."""
    ms = mentions("Gunmen may have killed two farmers near the dam on Sunday.")
    assert ms and not any(m.generic for m in ms)
    assert not any("a possibility" in n for m in ms for n in m.notes)
