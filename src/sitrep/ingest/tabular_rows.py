"""One row of an incident export -> (incident record, sources), per layout (see ``ingest.tabular``)."""
from __future__ import annotations

import hashlib
from datetime import date

from sitrep.export.writers import UNKNOWN_FATALITIES_TAG, unescape_cell

ACLED_PRECISION = {"1": "day", "2": "week", "3": "month"}
UCDP_PRECISION = {"1": "day", "2": "week", "3": "week", "4": "month", "5": "year"}
UCDP_WHERE_TO_GEO = {"1": 1, "2": 2}  # everything coarser: ACLED geo_precision 3


def _s(v) -> str | None:
    if v is None:
        return None
    v = unescape_cell(str(v)).strip()
    return v or None


def _i(v) -> int | None:
    v = _s(v)
    try:
        return int(float(v)) if v is not None else None
    except ValueError:
        return None


def _f(v) -> float | None:
    v = _s(v)
    try:
        return float(v) if v is not None else None
    except ValueError:
        return None


def _claimed(v) -> bool | None:
    return {"true": True, "false": False}.get((_s(v) or "").lower())


def _record(**kw) -> dict:
    rec = {"id": None, "document": None, "date": None, "date_precision": None, "event_type": None,
           "sub_event_type": None, "weapons": [], "actor1": None, "actor2": None, "target": None,
           "location": {"name": None, "country": None, "country_code": None, "admin1": None, "latitude": None,
                        "longitude": None, "geo_precision": None},
           "fatalities": None, "fatalities_low": None, "fatalities_best": None, "fatalities_high": None,
           "injured": None, "claimed": None, "claimant": None, "n_sources": 1, "first_reported": None,
           "last_updated": None}
    loc = kw.pop("location", {})
    rec.update(kw)
    rec["location"].update(loc)
    rec["fatalities_best"] = rec["fatalities"]
    return rec


def from_jsonl(rec: dict) -> tuple[dict, list[dict]]:
    sources = list(rec.get("sources") or [])
    keep = {k: v for k, v in rec.items() if k not in ("sources", "documents", "schema_version")}
    out = _record(**{k: v for k, v in keep.items() if k != "location"}, location=rec.get("location") or {})
    out["fatalities_best"] = rec.get("fatalities_best", rec.get("fatalities"))
    return out, sources


def _flat(p: dict, weapons: list[str], documents: list[str]) -> tuple[dict, list[dict]]:
    rec = _record(
        id=_s(p.get("id")), date=_s(p.get("date")), date_precision=_s(p.get("date_precision")),
        event_type=_s(p.get("event_type")), sub_event_type=_s(p.get("sub_event_type")), weapons=weapons,
        actor1=_s(p.get("actor1")), actor2=_s(p.get("actor2")), target=_s(p.get("target")),
        location={"name": _s(p.get("location")), "country": _s(p.get("country")),
                  "country_code": _s(p.get("country_code")), "admin1": _s(p.get("admin1")),
                  "latitude": _f(p.get("latitude")), "longitude": _f(p.get("longitude")),
                  "geo_precision": _i(p.get("geo_precision"))},
        fatalities=_i(p.get("fatalities")), fatalities_low=_i(p.get("fatalities_low")),
        fatalities_high=_i(p.get("fatalities_high")), injured=_i(p.get("injured")),
        claimed=p["claimed"] if isinstance(p.get("claimed"), bool) else _claimed(p.get("claimed")),
        claimant=_s(p.get("claimant")), n_sources=_i(p.get("n_sources")) or max(1, len(documents)),
        first_reported=_s(p.get("first_reported")), last_updated=_s(p.get("last_updated")))
    rec["document"] = documents[0] if documents else None
    return rec, [{"document_id": d} for d in documents]


def from_csv(row: dict) -> tuple[dict, list[dict]]:
    split = lambda v: [x.strip() for x in (_s(v) or "").split(";") if x.strip()]  # noqa: E731
    return _flat(row, split(row.get("weapons")), split(row.get("documents")))


def from_feature(feat: dict) -> tuple[dict, list[dict]]:
    p = dict(feat.get("properties") or {})
    coords = (feat.get("geometry") or {}).get("coordinates") or [None, None]
    p["longitude"], p["latitude"] = coords[0], coords[1]
    return _flat(p, list(p.get("weapons") or []), list(p.get("documents") or []))


def _row_document(prefix: str, key: str, title: str | None, source: str | None, day: str | None) -> dict:
    return {"document_id": f"{prefix}-{key}", "title": title, "url": None, "published": day, "source": source}


def _import_id(prefix: str, key: str) -> str:
    return "inc_" + hashlib.sha1(f"{prefix}:{key}".encode()).hexdigest()[:12]


def from_acled(row: dict) -> tuple[dict, list[dict]]:
    key = _s(row.get("event_id_cnty")) or hashlib.sha1(repr(sorted(row.items())).encode()).hexdigest()[:12]
    actor1 = _s(row.get("actor1"))
    if actor1 and actor1.lower().startswith("unidentified armed group"):
        actor1 = None
    tags = (_s(row.get("tags")) or "").lower()
    fatal = None if UNKNOWN_FATALITIES_TAG in tags else _i(row.get("fatalities"))
    day = _s(row.get("event_date"))
    rec = _record(
        id=_import_id("acled", key), date=_iso_day(day),
        date_precision=ACLED_PRECISION.get(_s(row.get("time_precision")) or "", "day" if day else None),
        event_type=_s(row.get("event_type")), sub_event_type=_s(row.get("sub_event_type")), actor1=actor1,
        actor2=_s(row.get("actor2")),
        location={"name": _s(row.get("location")), "country": _s(row.get("country")),
                  "country_code": _cc(_s(row.get("country"))), "admin1": _s(row.get("admin1")), "latitude": _f(row.get("latitude")),
                  "longitude": _f(row.get("longitude")), "geo_precision": _i(row.get("geo_precision"))},
        fatalities=fatal, fatalities_low=fatal, fatalities_high=fatal, first_reported=_iso_day(day))
    doc = _row_document("acled", key, _s(row.get("notes")), _s(row.get("source")), _iso_day(day))
    rec["document"] = doc["document_id"]
    return rec, [doc]


def from_ucdp(row: dict) -> tuple[dict, list[dict]]:
    key = _s(row.get("id")) or _s(row.get("relid")) or "row"
    tov = _s(row.get("type_of_violence"))
    side_a, side_b = _s(row.get("side_a")), _s(row.get("side_b"))
    day = _iso_day(_s(row.get("date_start")))
    where = _s(row.get("where_prec")) or ""
    rec = _record(
        id=_import_id("ucdp", key), date=day,
        date_precision=UCDP_PRECISION.get(_s(row.get("date_prec")) or "", "day" if day else None),
        event_type="Violence against civilians" if tov == "3" else "Battles",
        actor1=side_a, actor2=None if side_b == "Civilians" else side_b,
        target="civilians" if side_b == "Civilians" else None,
        location={"name": _s(row.get("where_coordinates")), "country": _s(row.get("country")),
                  "country_code": _cc(_s(row.get("country"))), "admin1": _s(row.get("adm_1")), "latitude": _f(row.get("latitude")),
                  "longitude": _f(row.get("longitude")), "geo_precision": UCDP_WHERE_TO_GEO.get(where, 3)},
        fatalities=_i(row.get("best")), fatalities_low=_i(row.get("low")), fatalities_high=_i(row.get("high")),
        first_reported=day)
    doc = _row_document("ucdp", key, _s(row.get("source_headline")), _s(row.get("source_office")), day)
    rec["document"] = doc["document_id"]
    return rec, [doc]


def _cc(country: str | None) -> str | None:
    """ISO2 of a country name as ACLED / UCDP write it."""
    from sitrep.export import codes

    if not country:
        return None
    by_name = {v.lower(): k for k, v in codes.acled_country_names().items()}
    return by_name.get(country.lower()) or codes.country_info(None, country.split(" (")[0]).get("alpha_2")


def _iso_day(v: str | None) -> str | None:
    try:
        return date.fromisoformat(v[:10]).isoformat() if v else None
    except ValueError:
        return None
