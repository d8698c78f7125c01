"""The writers. Each takes incidents as ``Store.incidents`` returns them (plus their sources)."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from typing import IO

from sitrep.export import codes

FORMATS = ("csv", "acled", "ucdp", "geojson", "jsonl", "parquet")
BINARY_FORMATS = ("parquet",)

CSV_COLUMNS = [
    "id", "date", "date_precision", "event_type", "sub_event_type", "weapons", "actor1", "actor2", "target",
    "location", "country", "country_code", "admin1", "latitude", "longitude", "geo_precision", "fatalities",
    "fatalities_low", "fatalities_high", "claimed", "claimant", "n_sources", "documents", "first_reported",
    "last_updated",
]

# ACLED's export columns, in ACLED's order (codebook 2023+).
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]

# UCDP GED's columns, in GED's order (version 23.1+).
UCDP_COLUMNS = [
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
    "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id",
    "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources",
    "source_article", "source_office", "source_date", "source_headline", "source_original", "where_prec",
    "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt",
    "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec", "date_start", "date_end",
    "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low", "gwnoa", "gwnob",
]

_ACLED_TIME = {"day": 1, "week": 2, "month": 3}
_UCDP_DATE_PREC = {"day": 1, "week": 3, "month": 4, "year": 5}
_UCDP_WHERE_PREC = {1: 1, 2: 2, 3: 4}
_DISORDER = {
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence", "Protests": "Demonstrations", "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


def _num_id(inc_id: str) -> int:
    return int(inc_id.split("_", 1)[-1], 16)


def _source_names(sources: list[dict]) -> str:
    names: list[str] = []
    for s in sources:
        n = s.get("source") or s.get("title") or s.get("document_id")
        if n and n not in names:
            names.append(n)
    return "; ".join(names)


def csv_row(inc: dict, sources: list[dict]) -> dict:
    loc = inc["location"]
    return {
        "id": inc["id"], "date": inc["date"], "date_precision": inc["date_precision"],
        "event_type": inc["event_type"], "sub_event_type": inc["sub_event_type"],
        "weapons": "; ".join(inc["weapons"]), "actor1": inc["actor1"], "actor2": inc["actor2"],
        "target": inc["target"], "location": loc["name"], "country": loc["country"],
        "country_code": loc["country_code"], "admin1": loc["admin1"], "latitude": loc["latitude"],
        "longitude": loc["longitude"], "geo_precision": loc["geo_precision"], "fatalities": inc["fatalities"],
        "fatalities_low": inc["fatalities_low"], "fatalities_high": inc["fatalities_high"],
        "claimed": inc["claimed"], "claimant": inc["claimant"], "n_sources": inc["n_sources"],
        "documents": "; ".join(s["document_id"] for s in sources), "first_reported": inc["first_reported"],
        "last_updated": inc["last_updated"],
    }


def _notes(inc: dict) -> str:
    loc = inc["location"]
    who = inc["actor1"] or "Unidentified armed group"
    what = (inc["sub_event_type"] or inc["event_type"] or "attack").lower()
    where = ", ".join(x for x in (loc["name"], loc["admin1"], loc["country"]) if x)
    s = f"On {inc['date'] or 'an unknown date'}, {who}: {what}"
    if inc["target"]:
        s += f" on {inc['target']}"
    if where:
        s += f" in {where}"
    s += "."
    if inc["weapons"]:
        s += " Weapons: " + ", ".join(inc["weapons"]) + "."
    if inc["fatalities_low"] is not None and inc["fatalities_high"] != inc["fatalities_low"]:
        s += f" Reported fatalities range from {inc['fatalities_low']} to {inc['fatalities_high']}."
    if inc["claimed"] is True:
        s += f" Claimed by {inc['claimant'] or 'a group'}."
    elif inc["claimed"] is False:
        s += " No group claimed responsibility."
    return s


def _timestamp(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        dt = datetime.fromisoformat(iso)
    except ValueError:
        return None
    return int((dt if dt.tzinfo else dt.replace(tzinfo=UTC)).timestamp())


def acled_row(inc: dict, sources: list[dict]) -> dict:
    loc = inc["location"]
    info = codes.country_info(loc["country_code"], loc["country"])
    region = codes.regions().get(info.get("alpha_2", ""), ("", ""))[0]
    inter1 = codes.inter_code(inc["actor1"], loc["country_code"])
    civilian = inc["event_type"] == "Violence against civilians"
    inter2 = codes.CIVILIANS if civilian else codes.inter_code(inc["actor2"], loc["country_code"])
    d = inc["date"]
    return {
        "event_id_cnty": f"{info.get('alpha_3', 'XXX')}{_num_id(inc['id'])}",
        "event_date": d, "year": int(d[:4]) if d else None,
        "time_precision": _ACLED_TIME.get(inc["date_precision"] or "", 3),
        "disorder_type": _DISORDER.get(inc["event_type"] or "", "Political violence"),
        "event_type": inc["event_type"], "sub_event_type": inc["sub_event_type"],
        "actor1": inc["actor1"] or "Unidentified Armed Group", "assoc_actor_1": "",
        "inter1": inter1 if inter1 is not None else codes.MILITIA,
        "actor2": inc["actor2"] or (f"Civilians ({loc['country']})" if civilian and loc["country"] else ""),
        "assoc_actor_2": "", "inter2": inter2 if inter2 is not None else "",
        "interaction": codes.interaction(inter1 if inter1 is not None else codes.MILITIA, inter2),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": info.get("numeric"), "region": region, "country": loc["country"] or info.get("name"),
        "admin1": loc["admin1"] or "", "admin2": "", "admin3": "", "location": loc["name"] or "",
        "latitude": loc["latitude"], "longitude": loc["longitude"], "geo_precision": loc["geo_precision"],
        "source": _source_names(sources), "source_scale": "", "notes": _notes(inc),
        "fatalities": inc["fatalities"] if inc["fatalities"] is not None else 0,
        "tags": "", "timestamp": _timestamp(inc["last_updated"]),
    }


def _priogrid(lat: float | None, lon: float | None) -> int | None:
    if lat is None or lon is None:
        return None
    row = min(359, int((lat + 90) * 2))
    col = min(719, int((lon + 180) * 2))
    return row * 720 + col + 1


def _date_end(inc: dict) -> str | None:
    from sitrep.merge.across import date_interval

    if not inc["date"]:
        return None
    return date_interval(date.fromisoformat(inc["date"]), inc["date_precision"])[1].isoformat()


def ucdp_row(inc: dict, sources: list[dict]) -> dict:
    loc = inc["location"]
    info = codes.country_info(loc["country_code"], loc["country"])
    region = codes.regions().get(info.get("alpha_2", ""), ("", ""))[1]
    civilian = inc["event_type"] == "Violence against civilians"
    state = codes.is_state(inc["actor1"]) or codes.is_state(inc["actor2"])
    violence = 3 if civilian else (1 if state else 2)
    side_a = inc["actor1"] or "Unidentified armed group"
    side_b = "Civilians" if civilian else (inc["actor2"] or inc["target"] or "")
    best, low, high = inc["fatalities"], inc["fatalities_low"], inc["fatalities_high"]
    best = best or 0
    d = inc["date"]
    year = int(d[:4]) if d else None
    num = _num_id(inc["id"]) % (2 ** 31)
    lat, lon = loc["latitude"], loc["longitude"]
    return {
        "id": num, "relid": f"{info.get('alpha_3', 'XXX')}-{year}-{violence}-{num}", "year": year,
        "active_year": "", "code_status": "Clear", "type_of_violence": violence,
        "conflict_dset_id": "", "conflict_new_id": "", "conflict_name": "", "dyad_dset_id": "", "dyad_new_id": "",
        "dyad_name": f"{side_a} - {side_b}" if side_b else side_a, "side_a_dset_id": "", "side_a_new_id": "",
        "side_a": side_a, "side_b_dset_id": "", "side_b_new_id": "", "side_b": side_b,
        "number_of_sources": inc["n_sources"],
        "source_article": "; ".join(
            f"{s.get('source') or ''} {s.get('published') or ''} \"{s.get('title') or s['document_id']}\"".strip()
            for s in sources),
        "source_office": "; ".join(sorted({s["source"] for s in sources if s.get("source")})),
        "source_date": "; ".join(s["published"] for s in sources if s.get("published")),
        "source_headline": "; ".join(s["title"] for s in sources if s.get("title")),
        "source_original": "", "where_prec": _UCDP_WHERE_PREC.get(loc["geo_precision"] or 3, 4),
        "where_coordinates": loc["name"] or "", "where_description": loc["name"] or "",
        "adm_1": loc["admin1"] or "", "adm_2": "", "latitude": lat, "longitude": lon,
        "geom_wkt": f"POINT ({lon} {lat})" if lat is not None and lon is not None else "",
        "priogrid_gid": _priogrid(lat, lon), "country": loc["country"] or info.get("name"), "country_id": "",
        "region": region, "event_clarity": 1 if (inc["date_precision"] == "day" and (loc["geo_precision"] or 3) == 1)
        else 2, "date_prec": _UCDP_DATE_PREC.get(inc["date_precision"] or "", 5),
        "date_start": d, "date_end": _date_end(inc),
        "deaths_a": 0, "deaths_b": 0, "deaths_civilians": best if civilian else 0,
        "deaths_unknown": 0 if civilian else best, "best": best,
        "high": high if high is not None else best, "low": low if low is not None else best,
        "gwnoa": "", "gwnob": "",
    }


def geojson_feature(inc: dict, sources: list[dict]) -> dict | None:
    loc = inc["location"]
    if loc["latitude"] is None or loc["longitude"] is None:
        return None
    props = {k: v for k, v in inc.items() if k != "location"}
    props.update({"location": loc["name"], "country": loc["country"], "country_code": loc["country_code"],
                  "admin1": loc["admin1"], "geo_precision": loc["geo_precision"],
                  "documents": [s["document_id"] for s in sources]})
    return {"type": "Feature", "id": inc["id"],
            "geometry": {"type": "Point", "coordinates": [loc["longitude"], loc["latitude"]]},
            "properties": props}


def jsonl_record(inc: dict, sources: list[dict]) -> dict:
    """The FORMAT.md record of the incident (``document``: its first report) plus its sources."""
    return {**inc, "documents": [s["document_id"] for s in sources],
            "sources": [{k: s.get(k) for k in ("document_id", "title", "url", "published", "source")}
                        for s in sources]}


_ROW = {"csv": (csv_row, CSV_COLUMNS), "acled": (acled_row, ACLED_COLUMNS), "ucdp": (ucdp_row, UCDP_COLUMNS)}


def _with_sources(store, filters: dict, batch: int = 2000) -> Iterator[tuple[dict, list[dict]]]:
    offset = 0
    while True:
        page = store.incidents(limit=batch, offset=offset, **filters)
        if not page:
            return
        srcs = store.sources_of([i["id"] for i in page])
        for inc in page:
            yield inc, srcs.get(inc["id"], [])
        if len(page) < batch:
            return
        offset += batch


def rows_for(fmt: str, pairs: Iterable[tuple[dict, list[dict]]]) -> Iterator[dict]:
    """(incident, sources) pairs -> the rows of a tabular format (csv / acled / ucdp)."""
    fn, _ = _ROW[fmt]
    for inc, srcs in pairs:
        yield fn(inc, srcs)


def write(store, fmt: str, out: IO, **filters) -> int:
    """Write the incidents matching ``filters`` (as ``Store.incidents`` takes them) in ``fmt`` to
    ``out`` (a text stream; a binary one for parquet). Returns how many incidents were written."""
    from sitrep import errors

    if fmt not in FORMATS:
        raise errors.SitrepError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}", code="E711")
    pairs = _with_sources(store, filters)
    n = 0
    if fmt in _ROW:
        _, cols = _ROW[fmt]
        w = csv.DictWriter(out, fieldnames=cols, lineterminator="\n")
        w.writeheader()
        for row in rows_for(fmt, pairs):
            w.writerow({k: ("" if v is None else v) for k, v in row.items()})
            n += 1
    elif fmt == "jsonl":
        for inc, srcs in pairs:
            out.write(json.dumps(jsonl_record(inc, srcs), ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "geojson":
        out.write('{"type": "FeatureCollection", "features": [')
        for inc, srcs in pairs:
            feat = geojson_feature(inc, srcs)
            if feat is None:
                continue
            out.write(("," if n else "") + "\n" + json.dumps(feat, ensure_ascii=False))
            n += 1
        out.write("\n]}\n")
    else:
        n = _write_parquet(pairs, out)
    return n


def _write_parquet(pairs: Iterable[tuple[dict, list[dict]]], out: IO) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([
        ("id", pa.string()), ("date", pa.date32()), ("date_precision", pa.string()), ("event_type", pa.string()),
        ("sub_event_type", pa.string()), ("weapons", pa.list_(pa.string())), ("actor1", pa.string()),
        ("actor2", pa.string()), ("target", pa.string()), ("location", pa.string()), ("country", pa.string()),
        ("country_code", pa.string()), ("admin1", pa.string()), ("latitude", pa.float64()),
        ("longitude", pa.float64()), ("geo_precision", pa.int8()), ("fatalities", pa.int32()),
        ("fatalities_low", pa.int32()), ("fatalities_high", pa.int32()), ("claimed", pa.bool_()),
        ("claimant", pa.string()), ("n_sources", pa.int32()), ("documents", pa.list_(pa.string())),
        ("first_reported", pa.string()), ("last_updated", pa.string()),
    ])
    writer = pq.ParquetWriter(out, schema)
    n = 0
    buf: list[dict] = []

    def flush():
        if buf:
            writer.write_table(pa.Table.from_pylist(buf, schema=schema))
            buf.clear()

    for inc, srcs in pairs:
        row = csv_row(inc, srcs)
        row["weapons"] = inc["weapons"]
        row["documents"] = [s["document_id"] for s in srcs]
        row["date"] = date.fromisoformat(inc["date"]) if inc["date"] else None
        buf.append(row)
        n += 1
        if len(buf) >= 5000:
            flush()
    flush()
    writer.close()
    return n


def to_string(store, fmt: str, **filters) -> str:
    """Convenience for text formats."""
    s = io.StringIO()
    write(store, fmt, s, **filters)
    return s.getvalue()
