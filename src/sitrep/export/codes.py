"""Country and actor codes for the ACLED / UCDP exports, from data files analysts can edit:
``knowledge/regions.csv`` (ACLED and UCDP region per country) and ``knowledge/actors.csv``
(actor type: ``state`` or ``armed group``)."""
from __future__ import annotations

import csv
from functools import lru_cache

from sitrep import errors


@lru_cache(maxsize=1)
def regions() -> dict[str, tuple[str, str]]:
    from sitrep.knowledge import knowledge_path

    path = knowledge_path("regions.csv")
    out: dict[str, tuple[str, str]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise errors.KnowledgeError(f"{path}: cannot read: {exc.strerror}", code="E401") from exc
    rows = [(i, line) for i, line in enumerate(lines, 1) if line.strip() and not line.lstrip().startswith("#")]
    header = next(csv.reader([rows[0][1]])) if rows else []
    if header != ["iso2", "acled_region", "ucdp_region"]:
        raise errors.KnowledgeError(f"{path}:1: header must be iso2,acled_region,ucdp_region", code="E402")
    for lineno, line in rows[1:]:
        cells = next(csv.reader([line]))
        if len(cells) != 3 or len(cells[0]) != 2 or not cells[1] or not cells[2]:
            raise errors.KnowledgeError(f"{path}:{lineno}: expected ISO2,ACLED region,UCDP region: {line!r}",
                                        code="E402")
        out[cells[0].upper()] = (cells[1], cells[2])
    return out


@lru_cache(maxsize=1)
def actor_types() -> dict[str, str]:
    """Lower-cased canonical name and aliases -> type from knowledge/actors.csv (when present)."""
    from sitrep.knowledge import knowledge_path

    path = knowledge_path("actors.csv")
    if not path.exists():
        return {}
    out: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            t = (row.get("type") or "").strip()
            for name in [row.get("canonical") or "", *(row.get("aliases") or "").split("|")]:
                if name.strip():
                    out[name.strip().lower()] = t
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
            c = pycountry.countries.lookup(name)
    except (LookupError, KeyError):
        c = None
    if c is None:
        return {}
    return {"alpha_2": c.alpha_2, "alpha_3": c.alpha_3, "numeric": int(c.numeric),
            "name": getattr(c, "common_name", None) or c.name}


# ACLED inter codes (actor types)
STATE, REBEL, MILITIA, IDENTITY_MILITIA, RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = range(1, 9)


def is_state(actor: str | None) -> bool:
    if not actor:
        return False
    t = actor_types().get(actor.lower())
    if t:
        return t == "state"
    low = actor.lower()
    return bool(country_info(None, actor)) or any(w in low for w in _STATE_WORDS)


_STATE_WORDS = ("military forces of", "police forces of", "armed forces", "army", "police", "national guard",
                "air force", "navy", "government forces", "security forces")


def inter_code(actor: str | None, country_code: str | None) -> int | None:
    """ACLED inter1 / inter2: 1 state forces (8 when a state acts outside its own country),
    3 political militia for other armed groups; None when there is no actor."""
    if not actor:
        return None
    if is_state(actor):
        own = country_info(None, actor)
        if own and country_code and own.get("alpha_2") != country_code.upper():
            return EXTERNAL
        return STATE
    return MILITIA


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED interaction: the two inter codes, smaller first (12, 37 ...); a sole actor -> 10, 20 ..."""
    if inter1 is None and inter2 is None:
        return None
    if inter1 is None or inter2 is None:
        return (inter1 or inter2) * 10
    a, b = sorted((inter1, inter2))
    return a * 10 + b
