"""The toponym resolver's weights, read from ``knowledge/geo_scoring.toml`` (or ``SITREP_KNOWLEDGE``'s copy).

Public API:
    load_scoring(path=None) -> Scoring     cached; a missing key, an unknown key or a non-number is a
                                           KnowledgeError naming the file and the line
"""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from sitrep.errors import (
    E401_KNOWLEDGE_UNREADABLE,
    E402_KNOWLEDGE_SYNTAX,
    E403_KNOWLEDGE_ENTRY,
    KnowledgeError,
)

FILE_NAME = "geo_scoring.toml"


@dataclass(frozen=True, slots=True)
class Scoring:
    prior_country: float
    prior_continent: float
    prior_region: float
    prior_admin1: float
    prior_facility: float
    prior_capital_bonus: float
    name_main_name: float
    name_alternate_name: float
    context_same_name_big: float
    context_foreign_penalty: float
    context_qualifier: float
    context_qualifier_other_country: float
    context_country_named: float
    context_subdivision_named: float
    context_subdivision_votes: float
    context_soft_subdivision: float
    context_soft_subdivision_max: float
    context_subdivision_support_max: float
    context_hold_min: float
    context_hold_weight: float
    context_default_country: float
    context_near: float
    context_near_km: float
    context_near_min: float
    context_town_weight: float
    home_min_weight: float
    home_min_share: float
    home_cue_weight: float
    home_cue_max: float
    home_demonym: float
    abstain_margin: float
    abstain_km: float


def _line_of(raw: str, key: str) -> int:
    m = re.search(rf"^\s*{re.escape(key)}\s*=", raw, re.M)
    return raw.count("\n", 0, m.start()) + 1 if m else 1


@functools.lru_cache(maxsize=4)
def load_scoring(path: str | None = None) -> Scoring:
    from sitrep.knowledge import knowledge_path

    p = Path(path) if path else knowledge_path(FILE_NAME)
    try:
        raw = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise KnowledgeError(f"{p}: cannot read: {exc.strerror or exc}", code=E401_KNOWLEDGE_UNREADABLE) from exc
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise KnowledgeError(f"{p}: {exc}", code=E402_KNOWLEDGE_SYNTAX) from exc
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
