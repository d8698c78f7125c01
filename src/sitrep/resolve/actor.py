"""Actors: names in the text -> canonical actor names from ``knowledge/actors.csv`` (canonical, type, aliases,
source, and optionally countries: the ISO 3166 alpha-2 codes of the countries an armed group fights in, its main one
first, or a state's own code, as the row's source gives them). Aliases in capitals of up to 4 letters (US, IRI, FMLN) match case-sensitively; others ignore case."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass

from sitrep import errors
from sitrep.errors import KnowledgeError
from sitrep.knowledge import knowledge_cached, knowledge_path

REQUIRED = ("canonical", "type", "aliases", "source")
_SPONSORED = re.compile(r"-(?:backed|aligned|allied|supported|sponsored|affiliated|linked|funded|armed)\b", re.I)


@dataclass(frozen=True)
class ActorMatch:
    canonical: str
    type: str
    start: int  # offsets into the text given to ``find_actors``
    end: int
    text: str


@dataclass
class ActorTable:
    canonical_type: dict[str, str]
    pattern_cs: re.Pattern | None
    pattern_ci: re.Pattern | None
    alias_cs: dict[str, str]
    alias_ci: dict[str, str]
    countries: dict[str, tuple[str, ...]]


def _compile(aliases) -> re.Pattern | None:
    alts = sorted(aliases, key=len, reverse=True)
    if not alts:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w])")


@knowledge_cached
def load_actors() -> ActorTable:
    path = knowledge_path("actors.csv")
    try:
        fh = open(path, encoding="utf-8", newline="")
    except OSError as exc:
        raise KnowledgeError(f"{path}: cannot read actors file: {exc}", code=errors.E401_KNOWLEDGE_UNREADABLE) from exc
    types: dict[str, str] = {}
    cs: dict[str, str] = {}
    ci: dict[str, str] = {}
    countries: dict[str, tuple[str, ...]] = {}
    with fh:
        reader = csv.DictReader(fh)
        missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
        if missing:
            raise KnowledgeError(f"{path}:1: missing columns {missing}", code=errors.E405_KNOWLEDGE_COLUMNS)
        for row in reader:
            line = reader.line_num
            canonical = (row.get("canonical") or "").strip()
            if not canonical or not (row.get("aliases") or "").strip() or None in row:
                raise KnowledgeError(f"{path}:{line}: a row needs canonical, type, aliases, source", code=errors.E406_KNOWLEDGE_ROW)
            types[canonical] = (row.get("type") or "").strip()
            countries[canonical] = _countries(row.get("countries") or "", f"{path}:{line}")
            for alias in [canonical, *row["aliases"].split("|")]:
                alias = alias.strip()
                if not alias:
                    continue
                if len(alias) <= 4 and alias.replace(".", "").isupper():
                    cs[alias] = canonical
                else:
                    ci[alias.lower()] = canonical
    return ActorTable(types, _compile(cs), re.compile(_compile(ci).pattern, re.I) if ci else None, cs, ci, countries)


_ISO2 = re.compile(r"[A-Z]{2}")


def _countries(cell: str, where: str) -> tuple[str, ...]:
    codes = tuple(c.strip() for c in cell.split("|") if c.strip())
    bad = [c for c in codes if not _ISO2.fullmatch(c)]
    if bad:
        raise KnowledgeError(f"{where}: countries must be ISO 3166 alpha-2 codes split by '|', not {bad}",
                             code=errors.E406_KNOWLEDGE_ROW)
    return codes


def find_actors(text: str) -> list[ActorMatch]:
    """All actor names in ``text``, longest first at each position, without overlaps."""
    table = load_actors()
    found: list[ActorMatch] = []
    for pat, lookup, fold in ((table.pattern_ci, table.alias_ci, True), (table.pattern_cs, table.alias_cs, False)):
        if pat is None:
            continue
        for m in pat.finditer(text):
            key = m.group(0).lower() if fold else m.group(0)
            canonical = lookup.get(key)
            if canonical:
                found.append(ActorMatch(canonical, table.canonical_type.get(canonical, ""), m.start(), m.end(), m.group(0)))
    # "Iran-backed militants", "US-led coalition" name someone else: the sponsor is not the actor
    found = [a for a in found if not _SPONSORED.match(text, a.end)]
    found.sort(key=lambda a: (a.start, -(a.end - a.start)))
    out: list[ActorMatch] = []
    for a in found:
        if out and a.start < out[-1].end:
            continue
        out.append(a)
    return out


def resolve_actor(text: str) -> ActorMatch | None:
    """The best actor named in a phrase: armed groups before states (in "the Mjahideen of the Islamic
    Resistance in Iraq", the group, not Iraq), then the first."""
    matches = find_actors(text)
    if not matches:
        return None
    groups = [m for m in matches if m.type != "state"]
    return (groups or matches)[0]


def actor_type(canonical: str | None) -> str | None:
    return load_actors().canonical_type.get(canonical) if canonical else None


def actor_countries(canonical: str | None) -> tuple[str, ...]:
    """The countries (ISO2) an actor fights in, its main one first; () when the knowledge gives none."""
    return load_actors().countries.get(canonical, ()) if canonical else ()
