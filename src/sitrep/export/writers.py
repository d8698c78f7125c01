"""The rows of each export, built from one incident (as ``Store.incidents`` returns it, plus
``place_feature``) and its sources. The registry (``sitrep.export.registry``) streams them to a file.

Codebook choices (ACLED 2023, UCDP GED 23.1+) are explained in ``docs/data-dictionary.md``; the codes
themselves live in ``knowledge/`` (see ``sitrep.export.codes``)."""
from __future__ import annotations

import re
from datetime import UTC, datetime
from urllib.parse import urlsplit

from sitrep.export import codes

SCHEMA_VERSION = "2"  # the layout of sitrep's own exports (csv, jsonl, geojson, parquet); bump on change

CSV_COLUMNS = [
    "id", "date", "date_precision", "event_type", "sub_event_type", "weapons", "actor1", "actor2", "target",
    "location", "country", "country_code", "admin1", "latitude", "longitude", "geo_precision", "fatalities",
    "fatalities_low", "fatalities_high", "injured", "claimed", "claimant", "n_sources", "documents",
    "first_reported", "last_updated",
]

# ACLED's export columns, in ACLED's order (codebook 2023+).
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]

# UCDP GED's columns, in the order of the GED CSV as HDX publishes it (../shared/data/realnews/ucdp_ged: GED's
# columns plus start_year, end_year after year and iso3 between latitude and longitude).
UCDP_COLUMNS = [
    "id", "relid", "year", "start_year", "end_year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
    "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id",
    "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources",
    "source_article", "source_office", "source_date", "source_headline", "source_original", "where_prec",
    "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "iso3", "longitude", "geom_wkt",
    "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec", "date_start", "date_end",
    "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low", "gwnoa", "gwnob",
]

_DISORDER = {
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence", "Protests": "Demonstrations", "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
UNKNOWN_FATALITIES_TAG = "fatalities unknown"
ACTIVE_YEAR_DEATHS = 25  # UCDP: a dyad is active in a year with at least 25 battle-related deaths

# ---- spreadsheet safety ------------------------------------------------------------------------------
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def spreadsheet_safe(value):
    """OWASP CSV injection: a text cell a spreadsheet would read as a formula (it starts with = + - @,
    a tab or a carriage return) gets a leading apostrophe; numbers, negative ones included, stay."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def unescape_cell(value: str) -> str:
    """The inverse of ``spreadsheet_safe`` for reading a sitrep export back."""
    if value.startswith("'") and value[1:].startswith(_FORMULA_START) and not _NUMBER.fullmatch(value[1:]):
        return value[1:]
    return value


# ---- helpers ----------------------------------------------------------------------------------------
def num_id(inc_id: str) -> int:
    """A stable integer for an incident id: its hexadecimal part (48 bits for ``inc_`` + 12 hex
    digits, exact in a double), else the first 13 hex digits of its SHA-1."""
    tail = inc_id.split("_", 1)[-1]
    if re.fullmatch(r"[0-9a-f]{1,13}", tail):
        return int(tail, 16)
    import hashlib

    return int(hashlib.sha1(inc_id.encode("utf-8")).hexdigest()[:13], 16)


def outlet(source: dict) -> str | None:
    """The outlet of a source: its ``source`` name, else the host of its URL (never the headline)."""
    if source.get("source"):
        return source["source"]
    host = urlsplit(source.get("url") or "").hostname
    return host[4:] if host and host.startswith("www.") else host


def _join(values, sep: str = "; ") -> str:
    out: list[str] = []
    for v in values:
        if v and v not in out:
            out.append(v)
    return sep.join(out)


def _timestamp(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        dt = datetime.fromisoformat(iso)
    except ValueError:
        return None
    return int((dt if dt.tzinfo else dt.replace(tzinfo=UTC)).timestamp())


def _country(inc: dict) -> tuple[dict, str | None]:
    loc = inc["location"]
    info = codes.country_info(loc["country_code"], loc["country"])
    return info, info.get("alpha_2") or (loc["country_code"] or "").upper() or None


# ---- sitrep's own layout ----------------------------------------------------------------------------
def flat_record(inc: dict, sources: list[dict]) -> dict:
    """The incident as one flat record (csv, geojson properties, parquet); lists stay lists."""
    loc = inc["location"]
    return {
        "id": inc["id"], "date": inc["date"], "date_precision": inc["date_precision"],
        "event_type": inc["event_type"], "sub_event_type": inc["sub_event_type"], "weapons": list(inc["weapons"]),
        "actor1": inc["actor1"], "actor2": inc["actor2"], "target": inc["target"], "location": loc["name"],
        "country": loc["country"], "country_code": loc["country_code"], "admin1": loc["admin1"],
        "latitude": loc["latitude"], "longitude": loc["longitude"], "geo_precision": loc["geo_precision"],
        "fatalities": inc["fatalities"], "fatalities_low": inc["fatalities_low"],
        "fatalities_high": inc["fatalities_high"], "injured": inc.get("injured"), "claimed": inc["claimed"],
        "claimant": inc["claimant"], "n_sources": inc["n_sources"],
        "documents": [s["document_id"] for s in sources], "first_reported": inc["first_reported"],
        "last_updated": inc["last_updated"],
    }


def csv_row(inc: dict, sources: list[dict], ctx=None) -> dict:
    row = flat_record(inc, sources)
    row["weapons"] = "; ".join(row["weapons"])
    row["documents"] = "; ".join(row["documents"])
    row["claimed"] = {True: "true", False: "false", None: ""}[row["claimed"]]
    return row


def geojson_feature(inc: dict, sources: list[dict]) -> dict:
    """RFC 7946 Feature ([lon, lat]); an incident without coordinates has ``geometry: null``."""
    props = flat_record(inc, sources)
    lat, lon = props.pop("latitude"), props.pop("longitude")
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    return {"type": "Feature", "id": inc["id"], "geometry": geometry, "properties": props}


def jsonl_record(inc: dict, sources: list[dict]) -> dict:
    """The FORMAT.md record of the incident (``document``: its first report) plus its sources."""
    rec = {k: v for k, v in inc.items() if k != "place_feature"}
    return {**rec, "documents": [s["document_id"] for s in sources],
            "sources": [{k: s.get(k) for k in ("document_id", "title", "url", "published", "source")}
                        for s in sources], "schema_version": SCHEMA_VERSION}
