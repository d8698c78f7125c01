"""The headlines of benchmarks/realnews_country.py: the event's country taken out where the rest stays grammatical."""
from __future__ import annotations

import pytest

from sitrep.evaluation.country_strip import strip_country


@pytest.mark.parametrize(("headline", "cc", "want"), [
    ("Kenya: raiders kill 9 in Mandera", "KE", "Raiders kill 9 in Mandera"),
    ("Raiders kill 9 in Mandera, Kenya", "KE", "Raiders kill 9 in Mandera"),
    ("Raiders kill 9 in northeastern Kenya", "KE", "Raiders kill 9 in the northeast"),
    ("Raiders kill 9 in Kenya's Mandera county", "KE", "Raiders kill 9 in Mandera county"),
    ("Kenya's police kill 3 raiders", "KE", "The police kill 3 raiders"),
    ("Mine kills 4 in Kenya as rains cut roads", "KE", "Mine kills 4 as rains cut roads"),
    ("Kenyan troops kill 3 raiders", "KE", "Troops kill 3 raiders"),
    ("Raiders kill 5 Kenyans at a well", "KE", "Raiders kill 5 people at a well"),
])
def test_the_country_goes_and_the_sentence_stays(headline, cc, want):
    assert strip_country(headline, [cc]) == want


def test_a_country_that_is_the_subject_or_one_of_a_pair_stays():
    assert strip_country("Kenya says raiders killed 9", ["KE"]) == "Kenya says raiders killed 9"
    assert strip_country("Clash on Kenya-Somalia border kills 4", ["KE"]) == "Clash on Kenya-Somalia border kills 4"
    assert strip_country("Kenyan and Somali forces clash", ["SO"]) == "Kenyan and Somali forces clash"


def test_the_same_headline_gives_the_same_text():
    h = "Gunmen kill 12 in Kenya's north-east: police"
    assert strip_country(h, ["KE"]) == strip_country(h, ["KE"])
