"""The toponym resolver's weights, read from ``knowledge/geo_scoring.toml`` (or ``SITREP_KNOWLEDGE``'s copy).

Public API:
    load_scoring(path=None) -> Scoring     cached; a missing key, an unknown key or a non-number is a
                                           KnowledgeError naming the file and the line
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path

from sitrep.errors import (
    E402_KNOWLEDGE_SYNTAX,
    E403_KNOWLEDGE_ENTRY,
    KnowledgeError,
)
from sitrep.knowledge import knowledge_cached, knowledge_path, read_toml

FILE_NAME = "geo_scoring.toml"


@dataclass(frozen=True, slots=True)
class Scoring:
    prior_country: float
    prior_continent: float
    prior_region: float
    prior_admin1: float
    prior_admin2: float
    prior_admin2_big: float
    prior_admin2_big_places: float
    prior_facility: float
    prior_capital_bonus: float
    name_main_name: float
    name_alternate_name: float
    name_dwarfed: float
    name_dwarfed_ratio: float
    name_own_name_elsewhere: float
    name_main_name_abroad: float
    name_dwarfed_main: float
    name_dwarfed_main_pop: float
    context_same_name_big: float
    context_foreign_penalty: float
    context_minor_country: float
    context_minor_country_share: float
    context_unnamed_division: float
    context_unnamed_division_pop_ratio: float
    context_qualifier: float
    context_qualifier_other_country: float
    context_country_named: float
    context_subdivision_named: float
    context_subdivision_votes: float
    context_soft_subdivision: float
    context_soft_subdivision_max: float
    context_subdivision_support_max: float
    context_no_home_support_max: float
    context_no_home_dwarfed_ratio: float
    context_hold_min: float
    context_hold_weight: float
    context_default_country: float
    context_near: float
    context_near_km: float
    context_near_min: float
    context_town_weight: float
    context_county_town: float
    context_county_town_km: float
    context_named_state_county_pop: float
    context_division_word: float
    context_coordinated: float
    context_cluster: float
    context_cluster_km: float
    context_cluster_max: float
    home_min_weight: float
    home_min_share: float
    home_cue_weight: float
    home_cue_max: float
    home_demonym: float
    abstain_margin: float
    abstain_km: float
    abstain_region_over_town_pop: float
    abstain_division_pop_ratio: float
    abstain_town_pop_ratio: float
    abstain_foreign_town_pop: float


def _line_of(raw: str, key: str) -> int:
    m = re.search(rf"^\s*{re.escape(key)}\s*=", raw, re.M)
    return raw.count("\n", 0, m.start()) + 1 if m else 1


@knowledge_cached
def load_scoring(path: str | None = None) -> Scoring:
    p = Path(path) if path else knowledge_path(FILE_NAME)
    raw, data = read_toml(p)
    values: dict[str, float] = {}
    for section, table in data.items():
        if not isinstance(table, dict):
            raise KnowledgeError(f"{p}:{_line_of(raw, section)}: {section} is not a [table]", code=E403_KNOWLEDGE_ENTRY)
        for key, v in table.items():
            if isinstance(v, bool) or not isinstance(v, int | float):
                raise KnowledgeError(f"{p}:{_line_of(raw, key)}: {section}.{key} = {v!r} is not a number",
                                     code=E403_KNOWLEDGE_ENTRY)
            values[f"{section}_{key}"] = float(v)
    names = [f.name for f in fields(Scoring)]
    unknown = sorted(set(values) - set(names))
    if unknown:
        key = unknown[0].split("_", 1)[1]
        raise KnowledgeError(f"{p}:{_line_of(raw, key)}: unknown weight {unknown[0].replace('_', '.', 1)}",
                             code=E403_KNOWLEDGE_ENTRY)
    missing = [n for n in names if n not in values]
    if missing:
        raise KnowledgeError(f"{p}:1: missing weight(s) {', '.join(m.replace('_', '.', 1) for m in missing)}",
                             code=E403_KNOWLEDGE_ENTRY)
    return Scoring(**values)


RANKER_FILE = "geo_ranker.json"
RANKER_ENABLED = True  # the trainer turns the shipped ranker off to extract features under the hand weights


@dataclass(frozen=True, slots=True)
class Ranker:
    """A linear ranker over the features of a reading (``place._score``): the best reading has the highest
    ``score``. Learned by ``sitrep.evaluation.train_geo_ranker``; the file says on what and how it was checked."""

    weights: dict[str, float]
    abstain_margin: float  # the hand abstention margin in the ranker's units

    def score(self, features: dict[str, float]) -> float:
        return sum(self.weights.get(k, 0.0) * v for k, v in features.items())


def load_ranker(path: str | None = None) -> Ranker | None:
    """The learned ranker (``knowledge/geo_ranker.json`` or ``SITREP_KNOWLEDGE``'s copy); None when there is
    none (the hand weights of geo_scoring.toml then decide). A malformed file is a KnowledgeError."""
    if not RANKER_ENABLED and path is None:
        return None
    return _load_ranker(path)


@knowledge_cached
def _load_ranker(path: str | None = None) -> Ranker | None:
    import json

    p = Path(path) if path else knowledge_path(RANKER_FILE)
    if not p.is_file():
        return None
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise KnowledgeError(f"{p}: {exc}", code=E402_KNOWLEDGE_SYNTAX) from exc
    weights = data.get("weights") if isinstance(data, dict) else None
    margin = data.get("abstain_margin") if isinstance(data, dict) else None
    if not isinstance(weights, dict) or not all(isinstance(v, int | float) and not isinstance(v, bool)
                                                 for v in weights.values()):
        raise KnowledgeError(f"{p}: 'weights' must map feature names to numbers", code=E403_KNOWLEDGE_ENTRY)
    if not isinstance(margin, int | float) or isinstance(margin, bool) or margin < 0:
        raise KnowledgeError(f"{p}: 'abstain_margin' must be a number >= 0", code=E403_KNOWLEDGE_ENTRY)
    unknown = sorted(set(weights) - set(FEATURES))
    if unknown:
        raise KnowledgeError(f"{p}: unknown feature(s) {', '.join(unknown)}", code=E403_KNOWLEDGE_ENTRY)
    return Ranker({k: float(v) for k, v in weights.items()}, float(margin))


# the features place._score gives each reading (absent = 0)
FEATURES = ("hand", "city", "country", "admin1", "region", "continent", "facility", "world_division", "logpop",
            "largest_town", "pop_share", "capital", "main_name", "alternate_name", "same_name_subdivision", "same_name_big",
            "foreign", "unnamed_division", "foreign_country_home_subdivision", "home_country", "qualifier", "qualifier_other_country",
            "country_named", "default_country", "subdivision_named", "subdivision_votes", "soft_subdivision",
            "holding", "near", "cluster", "admin2", "dwarfed", "own_name_elsewhere", "division_word", "coordinated",
            "vote_cc_share", "vote_a1_share", "cc_share", "log_nearest_km", "log_middle_km", "pop_rank",
            "dateline_town", "no_anchor", "dateline", "minor_country", "no_home_dwarfed",
            "foreign_country_home_town")


CUES_FILE = "geo_cues.toml"


@dataclass(frozen=True, slots=True)
class Cues:
    """Compiled ``geo_cues.toml``: words around a name that read as a place's or a person's."""

    place_before: re.Pattern
    place_after: re.Pattern
    town_before: re.Pattern
    person_before: re.Pattern
    person_after: re.Pattern
    local_heads: frozenset[str] = frozenset()
    town_after: re.Pattern = re.compile(r"(?!)")
    event_after: re.Pattern = re.compile(r"(?!)")
    # [place] title_part_after, any case: "Villages" of "Sack 17 Plateau Villages" (event_place._name_before_title_tail)
    title_part_after: re.Pattern = re.compile(r"(?!)")
    name_after: frozenset[str] = frozenset()
    street_after: re.Pattern = re.compile(r"(?!)")
    zone_before_compass: tuple[str, ...] = ()  # [zone] before_compass: "in the separatist east" (event_place)
    # [place] country_kind after a capitalised word (a country's adjective, checked by the caller) and before the name:
    # "the northern Mozambican town of ", "the Syrian coastal city of "
    country_kind_before: re.Pattern = re.compile(r"(?!)")
    natural_word: re.Pattern = re.compile(r"(?!)")  # [place] natural_words, as written: "Sambisa Forest", "Gulf of Aden"
    # [place] name_articles after the name, then a hyphen and a capital: " al-Abed" of "Bir al-Abed"
    name_continues: re.Pattern = re.compile(r"(?!)")
    vessel_before: re.Pattern = re.compile(r"(?!)")  # [vessel] before, as written: "INS " of "INS Tabar"
    vessel_after: re.Pattern = re.compile(r"(?!)")  # [vessel] after: "-class" of "a Delhi-class destroyer"
    metro_prefixes: frozenset[str] = frozenset()  # [place] metro_prefixes, as written: "Metro" of "Metro Nashville"
    part_prefixes: frozenset[str] = frozenset()  # [place] part_prefixes, as written: "Northeast" of "Northeast Georgia"
    war_words: frozenset[str] = frozenset()  # [place] war_words, as written: "War" of "Gulf War"
    style_after: re.Pattern = re.compile(r"(?!)")  # [place] style_after, after a demonym: "Italian food"
    game_before: re.Pattern = re.compile(r"(?!)")  # [team] game_nouns + against: "the second test against Pakistan"
    party_before: re.Pattern = re.compile(r"(?!)")  # [place] party_labels + hyphen right before: "D-" of "D-Calif"
    inside_heads: frozenset[str] = frozenset()  # [place] inside_heads, as written: "Street" of "Haldon Street"


def _words(p: Path, raw: str, data: dict, section: str, key: str) -> list[str]:
    v = data.get(section, {}).get(key) if isinstance(data.get(section), dict) else None
    if not isinstance(v, list) or not v or not all(isinstance(w, str) and w.strip() for w in v):
        raise KnowledgeError(f"{p}:{_line_of(raw, key)}: {section}.{key} must be a non-empty list of words",
                             code=E403_KNOWLEDGE_ENTRY)
    return sorted((w.strip() for w in v), key=len, reverse=True)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace("'", "['\u2019]").replace(r"\ ", r"\s+") for w in words)


@knowledge_cached
def load_cues(path: str | None = None) -> Cues:
    p = Path(path) if path else knowledge_path(CUES_FILE)
    raw, data = read_toml(p)
    compass = r"(?:(?:north|south|east|west|central|northern|southern|eastern|western)\s+)?"
    return Cues(
        place_before=re.compile(rf"\b(?:{_alternation(_words(p, raw, data, 'place', 'before'))})\s+{compass}$", re.I),
        place_after=re.compile(rf"^(?:,\s+[A-Z][a-z]+|\s+(?:{_alternation(_words(p, raw, data, 'place', 'after'))}))\b",
                               re.I),
        town_before=re.compile(rf"\b(?:{_alternation(_words(p, raw, data, 'place', 'town_before'))})\s+{compass}$", re.I),
        person_before=re.compile(rf"\b(?:{_alternation(_words(p, raw, data, 'person', 'before'))})\.?\s+$"),
        person_after=re.compile(rf"^(?:\s+)?(?:{_alternation(_words(p, raw, data, 'person', 'after'))})\b", re.I),
        local_heads=frozenset(_words(p, raw, data, "organisation", "local_heads")),
        town_after=re.compile(rf"\s+(?:{_alternation(_words(p, raw, data, 'place', 'town_after'))})\b"),
        event_after=re.compile(rf"\s+(?:{_alternation(_words(p, raw, data, 'place', 'event_after'))})$", re.I),
        title_part_after=re.compile(rf"\s+(?:{_alternation(_words(p, raw, data, 'place', 'title_part_after'))})",
                                    re.I),
        name_after=frozenset(_words(p, raw, data, "place", "name_after")),
        street_after=re.compile(rf"\s+(?:{_alternation(_words(p, raw, data, 'place', 'street_after'))})(?![\w'\u2019-])"),
        zone_before_compass=tuple(_words(p, raw, data, "zone", "before_compass")),
        country_kind_before=re.compile(
            rf"\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?:[a-z-]+\s+)?(?:{_alternation(_words(p, raw, data, 'place', 'country_kind'))})"
            r"(?:\s+of)?\s+$"),
        natural_word=re.compile(rf"\b(?:{_alternation(_words(p, raw, data, 'place', 'natural_words'))})\b"),
        name_continues=re.compile(rf"[ -](?:{_alternation(_words(p, raw, data, 'place', 'name_articles'))})-[A-Z]"),
        vessel_before=re.compile(rf"(?<![\w/])(?:{_alternation(_words(p, raw, data, 'vessel', 'before'))})\s+$"),
        vessel_after=re.compile(rf"(?:{_alternation(_words(p, raw, data, 'vessel', 'after'))})(?![\w-])"),
        metro_prefixes=frozenset(_words(p, raw, data, "place", "metro_prefixes")),
        part_prefixes=frozenset(_words(p, raw, data, "place", "part_prefixes")),
        war_words=frozenset(_words(p, raw, data, "place", "war_words")),
        style_after=re.compile(rf"\s+(?:{_alternation(_words(p, raw, data, 'place', 'style_after'))})\b", re.I),
        game_before=re.compile(rf"\b(?:{_alternation(_words(p, raw, data, 'team', 'game_nouns'))})\s+"
                               r"(?:against|versus|vs\.?)\s+(?:the\s+)?$"),
        party_before=re.compile(rf"(?<![A-Za-z])(?:{_alternation(_words(p, raw, data, 'place', 'party_labels'))})-$"),
        inside_heads=frozenset(_words(p, raw, data, "place", "inside_heads")),
    )
