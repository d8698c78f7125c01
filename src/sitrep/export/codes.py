"""Country, actor and target codes for the ACLED / UCDP exports, from data files analysts can edit:
``knowledge/regions.csv`` (ACLED and UCDP region and Gleditsch-Ward number per country),
``knowledge/country_names.csv`` (ACLED's spelling of a country), ``knowledge/actor_codes.csv`` (ACLED
inter code and state of each actor of ``actors.csv``) and ``knowledge/target_kinds.csv`` (words that
make a target civilian or a state's forces). Each file is validated at load (file:line errors)."""
from __future__ import annotations

import csv
import re
from functools import lru_cache

from sitrep import errors
from sitrep.knowledge import knowledge_cached

# ACLED inter codes (actor types), codebook 2023
STATE, REBEL, MILITIA, IDENTITY_MILITIA, RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = range(1, 9)


def _rows(name: str, header: list[str]) -> list[tuple[int, list[str]]]:
    """(line number, cells) of a knowledge CSV with this exact header; '#' lines are comments."""
    from sitrep.knowledge import knowledge_path

    path = knowledge_path(name)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise errors.KnowledgeError(f"{path}: cannot read: {exc.strerror}", code=errors.E401_KNOWLEDGE_UNREADABLE) from exc
    rows = [(i, next(csv.reader([line]))) for i, line in enumerate(lines, 1)
            if line.strip() and not line.lstrip().startswith("#")]
    if not rows or rows[0][1] != header:
        raise errors.KnowledgeError(f"{path}:1: header must be {','.join(header)}", code=errors.E402_KNOWLEDGE_SYNTAX)
    for lineno, cells in rows[1:]:
        if len(cells) != len(header):
            raise errors.KnowledgeError(f"{path}:{lineno}: expected {len(header)} cells ({','.join(header)}), "
                                        f"got {len(cells)}", code=errors.E406_KNOWLEDGE_ROW)
    return rows[1:]


def _bad(name: str, lineno: int, what: str) -> errors.KnowledgeError:
    from sitrep.knowledge import knowledge_path

    return errors.KnowledgeError(f"{knowledge_path(name)}:{lineno}: {what}", code=errors.E406_KNOWLEDGE_ROW)


@knowledge_cached
def regions() -> dict[str, tuple[str, str, int | None]]:
    """ISO2 -> (ACLED region, UCDP region, Gleditsch-Ward number or None)."""
    out: dict[str, tuple[str, str, int | None]] = {}
    for lineno, (iso2, acled, ucdp, gw) in _rows("regions.csv", ["iso2", "acled_region", "ucdp_region", "gwno"]):
        if len(iso2) != 2 or not acled or not ucdp or (gw and not gw.isdigit()):
            raise _bad("regions.csv", lineno, "expected ISO2,ACLED region,UCDP region,GW number (or empty)")
        out[iso2.upper()] = (acled, ucdp, int(gw) if gw else None)
    return out


def acled_country_names() -> dict[str, str]:
    """ISO2 -> the country name ACLED uses where GeoNames spells it otherwise (knowledge/country_names.csv,
    read once by ``sitrep.records``)."""
    from sitrep.records import _country_names

    return _country_names()


@knowledge_cached
def actor_codes() -> dict[str, tuple[int, str | None]]:
    """Lower-cased canonical actor name -> (ACLED inter code, ISO2 of a state or None)."""
    out: dict[str, tuple[int, str | None]] = {}
    for lineno, (actor, inter, iso2, _reason) in _rows("actor_codes.csv", ["actor", "acled_inter", "iso2", "reason"]):
        if not actor or inter not in {"1", "2", "3", "4", "8"} or (iso2 and len(iso2) != 2) or (inter == "1") != bool(iso2):
            raise _bad("actor_codes.csv", lineno, "expected actor, inter 1/2/3/4/8, ISO2 exactly for state forces (1)")
        out[actor.lower()] = (int(inter), iso2.upper() or None)
    return out


@knowledge_cached
def target_kinds() -> dict[str, str]:
    out = {}
    for lineno, (word, kind) in _rows("target_kinds.csv", ["word", "kind"]):
        if not word or kind not in ("civilian", "forces"):
            raise _bad("target_kinds.csv", lineno, "expected word,civilian|forces")
        out[word.lower()] = kind
    return out


@knowledge_cached
def _demonyms() -> dict[str, str]:
    """Demonym / alias (lower case) -> ISO2, from knowledge/geo_countries.csv."""
    from sitrep.knowledge import knowledge_path

    out: dict[str, str] = {}
    with knowledge_path("geo_countries.csv").open(encoding="utf-8", newline="") as fh:
        lines = (line for line in fh if not line.startswith("#"))
        for row in csv.DictReader(lines):
            for name in (row.get("demonyms") or "").split("|") + (row.get("aliases") or "").split("|"):
                if name.strip():
                    out[name.strip().lower()] = (row.get("iso2") or "").upper()
    return out


@lru_cache(maxsize=4096)
def country_info(code: str | None, name: str | None) -> dict:
    """ISO alpha-2 / alpha-3 / numeric and name for a country code or name; {} when unknown."""
    import pycountry

    c = None
    try:
        if code:
            c = pycountry.countries.get(alpha_2=code.upper()) or pycountry.countries.get(alpha_3=code.upper())
        if c is None and name:
            iso2 = _demonyms().get(name.lower())
            c = pycountry.countries.get(alpha_2=iso2) if iso2 else pycountry.countries.lookup(name)
    except (LookupError, KeyError):
        c = None
    if c is None:
        return {}
    return {"alpha_2": c.alpha_2, "alpha_3": c.alpha_3, "numeric": int(c.numeric),
            "name": getattr(c, "common_name", None) or c.name}


_STATE_WORDS = ("military forces of", "police forces of", "armed forces", "army", "police", "national guard",
                "air force", "navy", "government forces", "security forces")


@knowledge_cached
def actor_code(actor: str | None) -> tuple[int | None, str | None]:
    """(ACLED inter code, ISO2 of the state) of an actor name: from actor_codes.csv by its canonical
    name or an alias in actors.csv; an unlisted name with a state word ("Iraqi army") is state forces of
    the country its demonym names; any other named armed actor is a political militia (3)."""
    if not actor:
        return None, None
    from sitrep.resolve.actor import find_actors

    table = actor_codes()
    low = actor.strip().lower()
    if low in table:
        return table[low]
    for m in find_actors(actor):
        if m.canonical.lower() in table and len(m.text) >= len(actor.strip()) * 0.5:
            return table[m.canonical.lower()]
    if any(w in low for w in _STATE_WORDS):
        return STATE, state_named(actor)
    from sitrep.resolve.actor import state_code

    if (iso2 := state_code(actor.strip())) is not None:  # "Nigeria": the state named from "Nigerian troops"
        return STATE, iso2
    return MILITIA, None


@knowledge_cached
def state_named(text: str | None) -> str | None:
    """ISO2 of the state a phrase names ("US troops", "Iraqi soldiers", "Turkish drone"), or None."""
    if not text:
        return None
    from sitrep.resolve.actor import find_actors

    table = actor_codes()
    for m in find_actors(text):
        inter, iso2 = table.get(m.canonical.lower(), (None, None))
        if inter == STATE and iso2:
            return iso2
    demonyms = _demonyms()
    for word in re.findall(r"[A-Za-z][A-Za-z.]*", text):
        if word[0].isupper() and word.lower() in demonyms:
            return demonyms[word.lower()]
    return None


@knowledge_cached
def target_kind(target: str | None) -> str | None:
    """'civilian' / 'forces' / None for a target phrase, by its words (knowledge/target_kinds.csv)."""
    if not target:
        return None
    kinds = target_kinds()
    found = [kinds[w] for w in re.findall(r"[a-z]+", target.lower()) if w in kinds]
    if "forces" in found:
        return "forces"
    return "civilian" if found else None


def inter_code(actor: str | None, country_code: str | None) -> int | None:
    """ACLED inter1 / inter2 of an actor acting in ``country_code``: its code, 8 (external forces)
    for a state's forces outside their own country; None when there is no actor."""
    inter, iso2 = actor_code(actor)
    if inter == STATE and iso2 and country_code and iso2 != country_code.upper():
        return EXTERNAL
    return inter


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED interaction: the two inter codes, smaller first (12, 37 ...); a sole actor -> 10, 20 ..."""
    if inter1 is None and inter2 is None:
        return None
    if inter1 is None or inter2 is None:
        return (inter1 or inter2) * 10
    a, b = sorted((inter1, inter2))
    return a * 10 + b


@knowledge_cached
def named_group(text: str | None) -> str | None:
    """The canonical name of a non-state armed group a phrase names ("Kataib Hezbollah positions")."""
    if not text:
        return None
    from sitrep.resolve.actor import find_actors

    for m in find_actors(text):
        if actor_code(m.canonical)[0] not in (STATE, None):
            return m.canonical
    return None
