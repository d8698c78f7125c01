"""Incident filters that the CLI (``sitrep incidents`` / ``sitrep export``) and the HTTP API share,
parsed in one place."""
from __future__ import annotations

import math

from sitrep import errors

CLAIM_STATES = ("true", "false", "unknown")  # claimed / a report says unclaimed / the reports are silent


def parse_bbox(value: str | None, *, error: type[errors.SitrepError] = errors.SitrepError,
               code: str = errors.E712_BAD_FILTER) -> tuple[float, float, float, float] | None:
    """``"min_lon,min_lat,max_lon,max_lat"`` -> a tuple; ``error(code)`` saying what is wrong."""
    if value is None or not value.strip():
        return None
    parts = [p.strip() for p in value.split(",")]
    if len(parts) != 4:
        raise error(f"bbox needs 4 numbers min_lon,min_lat,max_lon,max_lat, got {len(parts)}", code=code)
    try:
        min_lon, min_lat, max_lon, max_lat = (float(p) for p in parts)
    except ValueError as exc:
        raise error(f"bbox: not a number: {exc}", code=code) from exc
    if not all(math.isfinite(v) for v in (min_lon, min_lat, max_lon, max_lat)):
        raise error("bbox: numbers must be finite", code=code)
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise error("bbox: longitudes in [-180, 180], latitudes in [-90, 90], min_lat <= max_lat", code=code)
    if min_lon > max_lon:
        raise error("bbox: min_lon > max_lon (boxes across the antimeridian are not supported)", code=code)
    return (min_lon, min_lat, max_lon, max_lat)


def parse_claimed(value: str | bool | None) -> bool | str | None:
    """``true`` -> True, ``false`` -> False (a report says no group claimed it), ``unknown`` -> "unknown"
    (no report says either way); None: no filter."""
    if value is None or isinstance(value, bool):
        return value
    v = value.strip().lower()
    return {"true": True, "false": False, "unknown": "unknown", "": None}[v]
