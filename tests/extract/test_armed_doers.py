"""Doers who are no force and no named group but whose violent verb is an armed deed (events.toml [actors]
armed_doer_heads: herdsmen, cultists) count as armed for the clause stage (clause_model.armed); other doers of the
same verbs do not. Sentences written for these tests."""
import pytest

from sitrep.extract import clause_model as cm
from sitrep.extract import document as report
from sitrep.model import Document
from sitrep.nlp import analyze_many


def armed_triggers(title: str) -> dict[str, bool]:
    doc = Document(id="t", text=title, title=title, published=None)
    analysis = next(iter(analyze_many([doc])))
    return {c.mention.trigger.text.lower(): cm.armed(c) for c in report.candidates(analysis)}


@pytest.mark.parametrize("title,trigger", [
    ("Herders raid farming hamlet near Makurdi", "raid"),
    ("Suspected herdsmen attack two villages in Plateau", "attack"),
    ("Three die as rival cultists clash in Warri", "clash"),
    ("Cult group strikes again in Calabar", "strikes"),
])
def test_herders_and_cultists_are_armed_doers(title, trigger):
    assert armed_triggers(title).get(trigger) is True


@pytest.mark.parametrize("title,trigger", [
    ("Shoppers raid the January sales in Makurdi", "raid"),
    ("Two councillors clash over the budget in Warri", "clash"),
])
def test_other_doers_of_the_same_verbs_are_not_armed(title, trigger):
    assert armed_triggers(title).get(trigger) is not True
