"""ACLED rows: ACLED's columns, codes and spellings (codebook 2023). The choices:

- ``inter1`` / ``inter2`` from ``knowledge/actor_codes.csv`` (1 state forces, 2 rebel group, 3 political
  militia, 8 a state's forces outside their country); an unnamed perpetrator is ACLED's "Unidentified
  Armed Group" (3); civilians are 7.
- ``actor2`` is the attacked side: the incident's actor2, civilians for violence against civilians or a
  civilian target ("Civilians (Iraq)"), or the forces of the state a target names ("US troops" ->
  "Military Forces of United States").
- ``civilian_targeting`` for violence against civilians and for attacks whose target is civilian.
- ``fatalities`` 0 when no report gives a number, as ACLED writes it, with the tag ``fatalities unknown``
  and a sentence in ``notes`` so the unknown is not lost.
- ``source`` the outlets (or the host of the report's URL), never a headline.
"""
from __future__ import annotations

from sitrep import codebook
from sitrep.export import codes
from sitrep.export.writers import (
    _DISORDER,
    UNKNOWN_FATALITIES_TAG,
    _country,
    _join,
    _timestamp,
    num_id,
    outlet,
)


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
    if inc["fatalities"] is None:
        s += " Fatalities unknown (written as 0)."
    elif inc["fatalities_low"] is not None and inc["fatalities_high"] != inc["fatalities_low"]:
        s += f" Reported fatalities range from {inc['fatalities_low']} to {inc['fatalities_high']}."
    if inc["claimed"] is True:
        s += f" Claimed by {inc['claimant'] or 'a group'}."
    elif inc["claimed"] is False:
        s += " No group claimed responsibility."
    return s


def acled_country(iso2: str | None, fallback: str | None) -> str | None:
    """The country as ACLED spells it ("Palestine", "Democratic Republic of Congo")."""
    return codes.acled_country_names().get(iso2 or "") or fallback


def attacked_side(inc: dict, iso2: str | None, country: str | None) -> tuple[str, int | None]:
    """(ACLED actor2, inter2): the attacked side when the reports name it."""
    kind = codes.target_kind(inc["target"])
    if inc["actor2"]:
        return inc["actor2"], codes.inter_code(inc["actor2"], iso2)
    if inc["event_type"] == "Violence against civilians" or kind == "civilian":
        return (f"Civilians ({country})" if country else "Civilians"), codes.CIVILIANS
    if kind == "forces":
        state = codes.state_named(inc["target"])
        if state:
            name = acled_country(state, codes.country_info(state, None).get("name"))
            return f"Military Forces of {name}", (codes.EXTERNAL if iso2 and state != iso2 else codes.STATE)
    named = codes.named_group(inc["target"])
    if named:
        return named, codes.inter_code(named, iso2)
    return "", None


def acled_row(inc: dict, sources: list[dict], ctx=None) -> dict:
    loc = inc["location"]
    info, iso2 = _country(inc)
    country = acled_country(iso2, loc["country"] or info.get("name"))
    inter1 = codes.inter_code(inc["actor1"], iso2) or codes.MILITIA
    actor2, inter2 = attacked_side(inc, iso2, country)
    civilian = inter2 == codes.CIVILIANS
    d = inc["date"]
    fatal = inc["fatalities"]
    assoc1 = inc["claimant"] if inc["claimed"] and inc["claimant"] and inc["claimant"] != inc["actor1"] else ""
    return {
        "event_id_cnty": f"{info.get('alpha_3', 'XXX')}{num_id(inc['id'])}",
        "event_date": d, "year": int(d[:4]) if d else None,
        "time_precision": codebook.ACLED_TIME_PRECISION.get(inc["date_precision"] or "", 3),
        "disorder_type": _DISORDER.get(inc["event_type"] or "", "Political violence"),
        "event_type": inc["event_type"], "sub_event_type": inc["sub_event_type"],
        # no doer named, or one of no known group (extraction's "Unidentified Armed Group"): ACLED's name with the country
        "actor1": (inc["actor1"] if inc["actor1"] not in (None, "", "Unidentified Armed Group") else
                   f"Unidentified Armed Group ({country})" if country else "Unidentified Armed Group"),
        "assoc_actor_1": assoc1, "inter1": inter1, "actor2": actor2, "assoc_actor_2": "",
        "inter2": inter2 if inter2 is not None else "", "interaction": codes.interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": info.get("numeric"), "region": codes.regions().get(iso2 or "", ("", "", None))[0],
        "country": country, "admin1": loc["admin1"] or "",
        "admin2": loc["name"] if (inc.get("place_feature") or "") == "ADM2" else "", "admin3": "",
        "location": loc["name"] or "", "latitude": loc["latitude"], "longitude": loc["longitude"],
        "geo_precision": loc["geo_precision"], "source": _join(outlet(s) for s in sources),
        "source_scale": "", "notes": _notes(inc), "fatalities": fatal if fatal is not None else 0,
        "tags": UNKNOWN_FATALITIES_TAG if fatal is None else "", "timestamp": _timestamp(inc["last_updated"]),
    }
