"""A correspondent's byline says where the reporter sits, not where the event was: "By our Madrid correspondent"
over a report of a van attack in Barcelona, a wire's "[A. CHEREPANOV, MEXICO CITY CORRESPONDENT]" over a bus
bombing in Peru. Its forms are data (knowledge/bylines.txt, with their counts over ../shared and our own sets). As a
dateline's place (resolve/event_place.outside_dateline), a byline's place is no place of the events of its sentence
(the splitter joins a byline line to the headline above it); it stays among the report's places, so that the
report's fall-back (the place it names most) may still be it: a Moscow correspondent's report of Moscow's metro
bombings (merge7) names Moscow once more in its body.

Public:
    byline_spans(text) -> [(start, end)]         the bylines of a report's head
    outside_bylines(places, text) -> [Place]     ``places`` less those inside a byline of ``text``
"""
from __future__ import annotations

import re

from sitrep.knowledge import knowledge_cached, knowledge_path, read_kinded_rules
from sitrep.model import Place

_HEAD_LINES = 6  # a byline stands among the first lines of a report
_HEAD_CHARS = 600  # ... and a wire's bracketed one before its "[TEXT]", near the start
_BRACKET = re.compile(r"\[([^\]\[]{1,120})\]")


@knowledge_cached
def _byline_rules() -> tuple[tuple[re.Pattern, ...], tuple[re.Pattern, ...]]:
    """knowledge/bylines.txt: the line rules (a whole line) and the bracket rules (the words inside a [...]); a
    line that is no rule, or no regular expression, is an error naming the file and the line."""
    rules = read_kinded_rules(knowledge_path("bylines.txt"), ("line", "bracket"),
                              lambda _kind, rx: re.compile(rf"\s*(?:{rx})\s*", re.I))
    return rules["line"], rules["bracket"]


def byline_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of the bylines of a report's head: a whole line among its first lines that a line rule
    matches, and the words inside a [...] before "[TEXT]" that a bracket rule matches."""
    lines, brackets = _byline_rules()
    out: list[tuple[int, int]] = []
    pos = 0
    for _ in range(_HEAD_LINES):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if text[pos:end].strip() and any(rx.fullmatch(text, pos, end) for rx in lines):
            out.append((pos, end))
        if end >= len(text):
            break
        pos = end + 1
    body = text.find("[TEXT]", 0, _HEAD_CHARS)
    if body > 0:
        out += [(m.start(1), m.end(1)) for m in _BRACKET.finditer(text, 0, body)
                if any(rx.fullmatch(m.group(1)) for rx in brackets)]
    return sorted(out)


def outside_bylines(places: list[Place], text: str) -> list[Place]:
    """``places`` (found in ``text``, the report's text or its parsed copy: same offsets) less those that lie in a
    byline of the report's head."""
    spans = byline_spans(text) if places else []
    if not spans:
        return places
    return [p for p in places if not (p.span and any(a <= p.span.start and p.span.end <= b for a, b in spans))]
