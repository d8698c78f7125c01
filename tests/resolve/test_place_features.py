"""Issue 12: rivers, lakes, peaks, parks and seas that news names (geo_regions.csv, s30), in sentences written for
these tests: a river at its mouth (where GeoNames places a stream), the feature over a state or town of a word of
its name, and a bare name that is also a division left to the division."""
from __future__ import annotations

from geo_spans import spans_of

from sitrep.model import haversine_km
from sitrep.resolve import resolve_spans


def _near(p, lat: float, lon: float) -> bool:
    return p is not None and haversine_km(p.latitude, p.longitude, lat, lon) <= 161


def test_a_river_is_placed_at_its_mouth_not_at_the_state_of_its_name():
    text = "Barges were stranded on the Ohio River after the lock failed, the Army Corps of Engineers in Ohio said."
    river, state = resolve_spans(text, spans_of(text, "Ohio River", "Ohio"))
    assert river.feature == "STM" and _near(river, 37.0, -89.1)
    assert state.feature == "ADM1"


def test_peaks_lakes_and_parks_resolve_to_the_feature():
    text = ("Climbers turned back below the summit of Mount Hood, while ferries on Lake Erie stayed in port and "
            "Yellowstone National Park closed two roads.")
    hood, erie, park = resolve_spans(text, spans_of(text, "Mount Hood", "Lake Erie", "Yellowstone National Park"))
    assert _near(hood, 45.37, -121.7) and _near(erie, 42.2, -81.2) and _near(park, 44.6, -110.5)


def test_a_bare_name_that_is_a_division_stays_the_division():
    # the Tanzanian region keeps "Kilimanjaro"; only "Mount Kilimanjaro" is the peak
    text = "Officials in Kilimanjaro said two climbers died on Mount Kilimanjaro last week."
    region, peak = resolve_spans(text, spans_of(text, "Kilimanjaro", "Mount Kilimanjaro"))
    assert region.feature.startswith("ADM") and peak.feature == "MT"
