"""s33: second-order divisions known by their name less a generic word ("District Municipality of Muskoka",
"Thompson-Nicola Regional District", "Bajaur Agency", "Masisi Territory") are found under the short name news writes,
and a short name a town or an English word also bears is not given to the division. Sentences written for these tests."""
from __future__ import annotations

import pytest
from geo_spans import spans_of

from sitrep.resolve import resolve_spans
from sitrep.resolve.gazetteer import ADMIN2, get_gazetteer


@pytest.mark.parametrize(("text", "name", "cc"), [
    ("Cottage owners in Muskoka, Ontario, were told to boil their water.", "Muskoka", "CA"),
    ("Wildfires forced evacuations across Thompson-Nicola, the British Columbia agency said.", "Thompson-Nicola", "CA"),
    ("A drone strike in Bajaur, Pakistan, killed four men on Sunday.", "Bajaur", "PK"),
    ("Fighting between the army and rebels displaced thousands in Masisi, Congo.", "Masisi", "CD"),
])
def test_a_division_by_its_short_name(text, name, cc):
    [p] = resolve_spans(text, spans_of(text, name))
    assert p is not None and p.country_code == cc and p.feature == "ADM2"


@pytest.mark.parametrize("short", ["March", "Santiago", "Halifax", "Central Coast"])
def test_no_short_name_shared_with_a_town_or_a_word(short):
    gz = get_gazetteer()
    assert not [i for i in gz.lookup(short) if gz[i].kind == ADMIN2 and gz[i].source.startswith("geo_admin2.csv")
                and gz[i].name != short]
