"""The years a report can have been written in, from the heads of state and government it names with their title
("President Alfredo Cristiani said", "Prime Minister Tony Blair"): ``knowledge/office_terms.csv``. A yearless
dateline's day ("ATHENS, June 12 (Reuters) -") takes a year of the terms only (``dateline._dateline_year``)."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date

from sitrep import errors
from sitrep.errors import KnowledgeError
from sitrep.knowledge import knowledge_cached, knowledge_path
from sitrep.resolve.lowered import alternation

# a title after one of these words names someone out of office, or another office ("former President Carter",
# "the late President Sadat", "Vice President Bush", "then-Prime Minister Rabin")
_OUT_OF_OFFICE = re.compile(r"\b(?:former|late|ex|then|vice|past|deputy|acting)[\s-]*$", re.I)


@dataclass(frozen=True)
class _Offices:
    pattern: re.Pattern[str]  # a title and a name written after it
    terms: dict[tuple[str, str], tuple[tuple[int, int | None], ...]]  # (title, name), lower case -> terms


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


@knowledge_cached
def _offices() -> _Offices:
    path = knowledge_path("office_terms.csv")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise KnowledgeError(f"{path}: cannot read: {exc}", code=errors.E401_KNOWLEDGE_UNREADABLE) from exc
    terms: dict[tuple[str, str], list[tuple[int, int | None]]] = {}
    rows = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(line for _, line in rows)
    for (n, _), row in zip(rows[1:], reader, strict=True):
        try:
            start, end = int(row["start"]), int(row["end"]) if (row.get("end") or "").strip() else None
            titles, names = row["office"].split("|"), row["names"].split("|")
        except (KeyError, ValueError, AttributeError) as exc:
            raise KnowledgeError(f"{path}:{n}: a row needs office, names, country, start[, end]: {exc}",
                                 code=errors.E406_KNOWLEDGE_ROW) from exc
        for t in titles:
            for name in names:
                terms.setdefault((_norm(t), _norm(name)), []).append((start, end))
    titles = alternation({t for t, _ in terms}, ignore_case=True, space=r"\s+")
    names = alternation({n for _, n in terms}, ignore_case=True, space=r"\s+")
    return _Offices(re.compile(rf"\b(?P<title>{titles})\s+(?P<name>{names})\b(?![\w-])", re.I),
                    {k: tuple(v) for k, v in terms.items()})


def office_years(text: str, today: date) -> frozenset[int] | None:
    """The years in which every head of state or government the text names with the title was in office (each
    name the union of its terms), or None when it names none or no year fits them all."""
    offices = _offices()
    found: frozenset[int] | None = None
    for m in offices.pattern.finditer(text):
        terms = offices.terms.get((_norm(m.group("title")), _norm(m.group("name"))))
        if not terms or _OUT_OF_OFFICE.search(text, max(0, m.start() - 12), m.start()):
            continue
        years = frozenset(y for start, end in terms for y in range(start, (end or today.year) + 1))
        found = years if found is None else found & years
    return found or None
