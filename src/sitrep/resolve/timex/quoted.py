"""Where a quoted speaker's words were said: the stretches of text around a quotation that tell its attribution.

A "today" or "tomorrow" inside quotation marks counts from the day the speaker spoke, not from the report's date
(TimeML: the anchor of a relative expression in reported speech is the time of speaking). The day of speaking is
told in the attribution: the sentence that opens the quotation ('Zhu said on Tuesday: "Today ..."'), the words that
follow its close ('"Today ...," Griffey said Sunday night.'), or, when the quotation opens its sentence and its
attribution names no day, the sentence before in the same paragraph if that one tells a speech ("... in a
televised address Thursday evening. 'Today, we have settled the score,' he said.").

This module only finds the stretches; ``resolve.py`` reads the days in them.
"""
from __future__ import annotations

import re

# a stretch of text is searched back at most this far for the opening quotation mark (a quotation of one or two
# sentences; a longer one is left to the report's date)
QUOTE_REACH = 400
# a day this far (characters) from the quotation mark at most belongs to its attribution
ATTRIBUTION_REACH = 80

_SENTENCE_END = re.compile(r"[.!?](?:['\"\u201d\u2019)]|'')*\s+(?=(?:``|[\"\u201c'(])?[A-Z])")
# a clause about something else set off after the attribution ('said the mayor, who will attend the funeral on
# Friday'): the attribution's words end before it
_OTHER_CLAUSE = re.compile(r",\s+(?:who|whom|whose|which|where|when|while|as|after|before|but|and)\b", re.I)
_PARAGRAPH = re.compile(r"\n[ \t]*\n|\n(?=[ \t])")


def _paragraph_start(text: str, pos: int) -> int:
    lo = max(0, pos - QUOTE_REACH)
    starts = [m.end() for m in _PARAGRAPH.finditer(text, lo, pos)]
    return starts[-1] if starts else lo


def _paragraph_end(text: str, pos: int) -> int:
    m = _PARAGRAPH.search(text, pos, min(len(text), pos + QUOTE_REACH))
    return m.start() if m else min(len(text), pos + QUOTE_REACH)


def quotation(text: str, start: int) -> tuple[int, int] | None:
    """(offset of the opening mark, offset of the closing mark or the paragraph's end) of the quotation that
    ``text[start]`` stands inside, within its paragraph; None outside any."""
    lo = _paragraph_start(text, start)
    before = text[lo:start]
    hi = _paragraph_end(text, start)
    opened = before.rfind("``")
    if opened >= 0 and opened > before.rfind("''"):  # TimeBank's and the LDC's ``...'' quotes
        close = text.find("''", start, hi)
        return lo + opened, close if close >= 0 else hi
    curly = before.rfind("\u201c")
    if curly >= 0 and curly > before.rfind("\u201d"):
        close = text.find("\u201d", start, hi)
        return lo + curly, close if close >= 0 else hi
    if before.count('"') % 2 == 1:
        close = text.find('"', start, hi)
        return lo + before.rfind('"'), close if close >= 0 else hi
    return None


def _sentence_start(text: str, lo: int, pos: int) -> int:
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, min(len(text), pos + 4)) if m.end() <= pos]
    return ends[-1] if ends else lo


def attribution(text: str, start: int, speech: re.Pattern[str]) -> list[tuple[int, int, str]]:
    """The stretches that may tell when the quotation around ``text[start]`` was said, nearest first: (start, end,
    "last" or "first": which day of the stretch is the nearest to the quotation). Empty outside a quotation, and
    where no stretch holds a word of speech (``speech``)."""
    found = quotation(text, start)
    if found is None:
        return []
    opened, closed = found
    para = _paragraph_start(text, opened)
    lead = _sentence_start(text, para, opened)
    out: list[tuple[int, int, str]] = []
    intro = text[lead:opened]
    if intro.strip() and speech.search(intro):
        out.append((max(lead, opened - ATTRIBUTION_REACH), opened, "last"))
    mark = text[max(0, closed - 8):closed].rstrip()[-1:]  # the quotation's last mark ("today , " of joined tokens)
    if closed < len(text) and mark in (",", "?", "!", "-"):  # the sentence goes on after the quotation
        stop = _SENTENCE_END.search(text, closed, _paragraph_end(text, closed))
        tail_end = stop.start() + 1 if stop else _paragraph_end(text, closed)
        other = _OTHER_CLAUSE.search(text, closed + 2, tail_end)
        tail_end = other.start() if other else tail_end
        tail = text[closed:tail_end]
        if speech.search(tail):
            out.append((closed, min(tail_end, closed + ATTRIBUTION_REACH), "first"))
    if not intro.strip() and lead > para:
        before = _sentence_start(text, para, max(para, lead - 2))
        if speech.search(text, before, lead):
            out.append((before, lead, "last"))
    return out


def speech_pattern(words: list[str]) -> re.Pattern[str]:
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or r"(?!x)x"
    return re.compile(rf"\b(?:{alt})\b", re.I)
