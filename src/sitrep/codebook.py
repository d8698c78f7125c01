"""Precision codes of the ACLED and UCDP GED codebooks, defined once for the resolvers, the event
records and the exports.

    ACLED_TIME_PRECISION[precision]     'day' -> 1, 'week' -> 2, 'month' / 'year' -> 3
    UCDP_DATE_PREC[precision]           'day' -> 1, 'week' -> 3, 'month' -> 4, 'year' -> 5 (2: a few days)
    ucdp_where_prec(geo_precision, feature, reason) -> 1..7

ACLED time_precision (codebook 2023, "Time precision"): 1 the day is known, 2 the week (or a few
days), 3 only the month or a longer period. UCDP GED date_prec (codebook 23.1): 1 exact day, 2 a
period of 2-6 days, 3 the week, 4 the month, 5 the year.
"""
from __future__ import annotations

ACLED_TIME_PRECISION: dict[str, int] = {"day": 1, "week": 2, "month": 3, "year": 3}
UCDP_DATE_PREC: dict[str, int] = {"day": 1, "week": 3, "month": 4, "year": 5}
UCDP_FEW_DAYS = 2  # a span of 2-6 days (a weekend, "last few days")

# GeoNames feature codes of water bodies: UCDP where_prec 7 (international waters or airspace).
WATER_FEATURES = frozenset({"SEA", "GULF", "OCN", "BAY", "STRT", "CHN", "SD"})
COUNTRY_FEATURES = frozenset({"PCLI", "PCLS", "PCLD", "PCLF", "PCL", "TERR"})


def ucdp_where_prec(geo_precision: int | None, feature: str | None = None, reason: str | None = None) -> int:
    """UCDP GED where_prec: 1 the exact place, 2 within ~25 km of a known place, 3 a second-order
    division, 4 a first-order division, 5 a part of a country ("northern Iraq"), 6 the country,
    7 international waters or airspace (a sea, a gulf, an ocean, a continent)."""
    feature = (feature or "").upper()
    if feature in WATER_FEATURES or feature == "CONT":
        return 7
    if geo_precision == 1:
        return 1
    if feature == "ADM2":
        return 3
    if feature == "ADM1":
        return 4
    if feature in COUNTRY_FEATURES:
        return 5 if reason and reason.startswith("region:") else 6
    if feature in ("RGN", "ZN"):
        return 5
    if geo_precision == 3:
        return 4  # only the province / region is known and the feature was not stored
    return 2
