"""UCDP GED rows (codebook 23.1+). The choices:

- ``type_of_violence``: 3 (one-sided) for violence against civilians and for attacks whose target is
  civilian (a bombing of a market); 1 (state-based) when a government is a side: the perpetrator is a
  state's forces, or the target is a state's forces (the state the target names, else the government of
  the country it happened in); 2 (non-state) otherwise.
- ``side_a`` / ``side_b`` are sides, never target text: in a state-based event side A is the government
  ("Government of Iraq") and side B the other party; one-sided violence has side B "Civilians"; an
  unknown side is empty. ``gwnoa`` / ``gwnob`` / ``country_id`` are Gleditsch-Ward numbers.
- ``where_prec`` from ``sitrep.codebook.ucdp_where_prec`` (6 a country, 7 a sea), ``date_prec`` from
  ``sitrep.codebook.UCDP_DATE_PREC``.
- ``id`` is the incident id's 48-bit number (unique), ``relid`` ``ISO3-YEAR-TYPE-ID`` (``XXXX`` when the
  year is unknown); ``active_year`` 1 when the perpetrator's incidents in that country and year reach 25
  deaths, the UCDP threshold.
- ``source_article`` in GED's ``"Outlet,YYYY-MM-DD,Headline"`` form, one per source, joined by ``;``.
"""
from __future__ import annotations

from datetime import date

from sitrep import codebook
from sitrep.export import codes
from sitrep.export.writers import ACTIVE_YEAR_DEATHS, _country, num_id, outlet


def _gw(iso2: str | None) -> int | None:
    return codes.regions().get(iso2 or "", ("", "", None))[2]


def government(iso2: str) -> str:
    return f"Government of {codes.country_info(iso2, None).get('name') or iso2}"


def sides(inc: dict, iso2: str | None) -> tuple[int, str, str, str | None, str | None]:
    """(type_of_violence, side_a, side_b, ISO2 of side A's government, ISO2 of side B's)."""
    inter1, state1 = codes.actor_code(inc["actor1"])
    kind = codes.target_kind(inc["target"])
    inter2, state2 = codes.actor_code(inc["actor2"]) if inc["actor2"] else (None, None)
    if inter2 is None and kind == "forces":
        state2 = codes.state_named(inc["target"]) or iso2
        inter2 = codes.STATE if state2 else None
    group2 = inc["actor2"] if inc["actor2"] and inter2 != codes.STATE else codes.named_group(inc["target"])
    civilian = inc["event_type"] == "Violence against civilians" or (kind == "civilian" and inter2 is None)
    side1 = government(state1) if inter1 == codes.STATE and state1 else (inc["actor1"] or "")
    if civilian:
        return 3, side1, "Civilians", state1 if inter1 == codes.STATE else None, None
    if inter1 == codes.STATE and state1:
        other = government(state2) if inter2 == codes.STATE and state2 else (group2 or "")
        return 1, side1, other, state1, state2 if inter2 == codes.STATE else None
    if inter2 == codes.STATE and state2:
        return 1, government(state2), inc["actor1"] or "", state2, None
    return 2, inc["actor1"] or "", group2 or "", None, None


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


def _articles(sources: list[dict]) -> str:
    return ";".join(f"{outlet(s) or ''},{(s.get('published') or '')[:10]},{s.get('title') or ''}" for s in sources)


def active_year(ctx, year: int | None, inc: dict, iso2: str | None) -> int | None:
    if year is None or ctx is None or ctx.yearly is None:
        return None
    deaths = ctx.yearly.get((str(year), inc["actor1"] or "", inc["location"]["country_code"] or ""), 0)
    return int(deaths >= ACTIVE_YEAR_DEATHS)


def ucdp_row(inc: dict, sources: list[dict], ctx=None) -> dict:
    loc = inc["location"]
    info, iso2 = _country(inc)
    violence, side_a, side_b, gwa, gwb = sides(inc, iso2)
    best, low, high = inc["fatalities"], inc["fatalities_low"], inc["fatalities_high"]
    best = best or 0
    d = inc["date"]
    year = int(d[:4]) if d else None
    num = num_id(inc["id"])
    lat, lon = loc["latitude"], loc["longitude"]
    gp = loc["geo_precision"] or 3
    return {
        "id": num, "relid": f"{info.get('alpha_3', 'XXX')}-{year or 'XXXX'}-{violence}-{num}", "year": year,
        "start_year": year, "end_year": _end_year(inc, year), "active_year": active_year(ctx, year, inc, iso2), "code_status": "Clear", "type_of_violence": violence,
        "conflict_dset_id": "", "conflict_new_id": "", "conflict_name": "", "dyad_dset_id": "", "dyad_new_id": "",
        "dyad_name": f"{side_a} - {side_b}" if side_a and side_b else side_a or side_b,
        "side_a_dset_id": "", "side_a_new_id": "", "side_a": side_a, "side_b_dset_id": "", "side_b_new_id": "",
        "side_b": side_b, "number_of_sources": inc["n_sources"], "source_article": _articles(sources),
        "source_office": ";".join(sorted({outlet(s) for s in sources if outlet(s)})),
        "source_date": ";".join(s["published"][:10] for s in sources if s.get("published")),
        "source_headline": ";".join(s["title"] for s in sources if s.get("title")), "source_original": "",
        "where_prec": codebook.ucdp_where_prec(loc["geo_precision"], inc.get("place_feature")),
        "where_coordinates": loc["name"] or "", "where_description": loc["name"] or "",
        "adm_1": loc["admin1"] or "", "adm_2": loc["name"] if inc.get("place_feature") == "ADM2" else "",
        "latitude": lat, "iso3": info.get("alpha_3", ""), "longitude": lon,
        "geom_wkt": f"POINT ({lon} {lat})" if lat is not None and lon is not None else "",
        "priogrid_gid": _priogrid(lat, lon), "country": loc["country"] or info.get("name"),
        "country_id": _gw(iso2), "region": codes.regions().get(iso2 or "", ("", "", None))[1],
        "event_clarity": 1 if (inc["date_precision"] == "day" and gp == 1) else 2,
        "date_prec": codebook.UCDP_DATE_PREC.get(inc["date_precision"] or "") if d else None,
        "date_start": d, "date_end": _date_end(inc),
        "deaths_a": 0, "deaths_b": 0, "deaths_civilians": best if violence == 3 else 0,
        "deaths_unknown": 0 if violence == 3 else best, "best": best,
        "high": high if high is not None else best, "low": low if low is not None else best,
        "gwnoa": _gw(gwa), "gwnob": _gw(gwb),
    }


def _end_year(inc: dict, year: int | None) -> int | None:
    """Year of ``date_end`` (an event dated to a week or month may end in the next year)."""
    end = _date_end(inc)
    return int(str(end)[:4]) if end else year
