"""The headline model judges only reports that are a dated headline alone, and reads a headline's form."""
from datetime import date

from sitrep.extract.headline_model import headline_only
from sitrep.model import Document


def test_only_a_headline_alone_is_judged():
    head = "Gunmen kill four at a checkpoint outside the town"
    assert headline_only(Document(id="a", text=head, title=head, published=date(2024, 3, 1)))
    assert not headline_only(Document(id="b", text=head, title=head))  # no date: no headline of a feed
    body = head + "\n\nThe attackers fled on motorbikes, police said."
    assert not headline_only(Document(id="c", text=body, title=head, published=date(2024, 3, 1)))


def test_a_media_label_is_a_feature():
    from sitrep.extract.headline_model import headline_features
    from sitrep.nlp import analyze

    head = "Analysis: What the drone strikes on the depot mean for the truce"
    a = analyze(Document(id="d", text=head, title=head, published=date(2024, 3, 1)))
    assert "label=media" in headline_features(a, [], [])
