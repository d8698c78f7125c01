"""Loads and checks ``knowledge/time_lexicon.toml``: the words the temporal recogniser knows.

Every bad entry raises ``KnowledgeError`` (E403; E402 for bad TOML, E401 for an unreadable file) naming the
file and the line, so an analyst who edits the file sees what to fix. The lexicon is loaded once per process (``load_lexicon()`` is cached)."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.errors import (
    E401_KNOWLEDGE_UNREADABLE,
    E402_KNOWLEDGE_SYNTAX,
    E403_KNOWLEDGE_ENTRY,
    KnowledgeError,
)
from sitrep.knowledge import knowledge_cached
from sitrep.resolve.timex.calendars import valid_rule

FILE_NAME = "time_lexicon.toml"

_PARTS = {"MO", "AF", "EV", "NI"}
_SEASONS = {"SP", "SU", "FA", "WI"}
_UNIT_RE = re.compile(r"^(?:[0-9]*[YMWDQEC]|T[HMS])$")
_NAMED_VALUE_RE = re.compile(r"^[0-9]{1,4}$")
_DURATION_RE = re.compile(r"^-?P(?:T?[0-9]+[YMWDQEHS])+$")


@dataclass
class Lexicon:
    months: dict[str, int]
    ambiguous_months: set[str]
    weekdays: dict[str, int]
    weekday_abbreviations: dict[str, int]
    numbers: dict[str, int]
    vague_numbers: list[str]
    ordinals: dict[str, int]
    units: dict[str, str]
    parts_of_day: dict[str, str]
    seasons: dict[str, str]
    fuzzy: dict[str, str]
    report_days: dict[str, int]
    report_times: dict[str, tuple[int, str]]
    event_relative: dict[str, tuple[str, str]]
    sets: dict[str, str]
    future_cues: list[str]
    past_cues: list[str]
    present_cues: list[str]
    ahead_participles: list[str]
    aliases: dict[str, str]
    holidays: dict[str, str] = field(default_factory=dict)
    not_time: list[str] = field(default_factory=list)
    named_dates: dict[str, str] = field(default_factory=dict)
    deferring_verbs: list[str] = field(default_factory=list)
    committing_verbs: list[str] = field(default_factory=list)
    stative_verbs: list[str] = field(default_factory=list)
    past_forms: set[str] = field(default_factory=set)
    ordering_verbs: set[str] = field(default_factory=set)
    awaited_verbs: set[str] = field(default_factory=set)
    calling_verbs: set[str] = field(default_factory=set)
    called_gatherings: set[str] = field(default_factory=set)
    aged_things: set[str] = field(default_factory=set)
    play_words: list[str] = field(default_factory=list)
    comparison_words: list[str] = field(default_factory=list)
    span_order_words: list[str] = field(default_factory=list)  # "six months prior": a span counted from an event
    speech_words: list[str] = field(default_factory=list)
    source: str = field(default="")


def _line_of(raw: str, section: str, key: str | None = None) -> int:
    """The 1-based line of ``[section]`` (or of ``key`` inside it) in the raw TOML, 0 when not found."""
    lines = raw.splitlines()
    in_section = False
    for i, line in enumerate(lines, 1):
        s = line.strip()
        if s.startswith("["):
            in_section = s.strip("[] ") == section
            if in_section and key is None:
                return i
            continue
        if in_section and key is not None:
            m = re.match(r'^"?([^"=]+?)"?\s*=', s)
            if m and m.group(1).strip() == key:
                return i
    return 0


class _Checker:
    def __init__(self, path: str, raw: str, data: dict):
        self.path, self.raw, self.data = path, raw, data

    def fail(self, section: str, key: str | None, message: str) -> KnowledgeError:
        line = _line_of(self.raw, section, key)
        where = f"{self.path}:{line}" if line else self.path
        what = f"[{section}] {key!r}" if key is not None else f"[{section}]"
        return KnowledgeError(f"{where}: {what}: {message}", code=E403_KNOWLEDGE_ENTRY)

    def table(self, section: str) -> dict:
        value = self.data.get(section)
        if not isinstance(value, dict):
            raise self.fail(section, None, "missing section (a [table] is required)")
        return value

    def words(self, section: str, key: str) -> list[str]:
        value = self.table(section).get(key)
        if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
            raise self.fail(section, key, "must be a list of non-empty strings")
        return [w.lower() for w in value]

    def mapping(self, section: str, check, expected: str) -> dict:
        out = {}
        for key, value in self.table(section).items():
            if not key.strip():
                raise self.fail(section, key, "empty name")
            if not check(value):
                raise self.fail(section, key, f"{value!r} is not {expected}")
            out[key.lower()] = value
        return out


def parse_lexicon(raw: str, path: str = FILE_NAME) -> Lexicon:
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise KnowledgeError(f"{path}: not valid TOML: {exc}", code=E402_KNOWLEDGE_SYNTAX) from exc
    c = _Checker(path, raw, data)

    def is_int_in(lo: int, hi: int):
        return lambda v: isinstance(v, int) and not isinstance(v, bool) and lo <= v <= hi

    def is_str_in(allowed: set[str]):
        return lambda v: isinstance(v, str) and v in allowed

    report_times = c.mapping(
        "report_times",
        lambda v: isinstance(v, list) and len(v) == 2 and is_int_in(-7, 7)(v[0]) and v[1] in _PARTS,
        f"[offset in days (-7..7), one of {sorted(_PARTS)}]",
    )
    event_relative = c.mapping(
        "event_relative",
        lambda v: isinstance(v, list) and len(v) == 2 and v[0] in ("DATE", "TIME")
        and isinstance(v[1], str) and bool(_DURATION_RE.match(v[1])),
        '["DATE" or "TIME", an offset such as "P0D", "P1D", "-P1D"]',
    )
    lex = Lexicon(
        months=c.mapping("months", is_int_in(1, 12), "a month number 1-12"),
        ambiguous_months=set(c.words("ambiguous_months", "names")),
        weekdays=c.mapping("weekdays", is_int_in(1, 7), "an ISO weekday 1-7"),
        weekday_abbreviations=c.mapping("weekday_abbreviations", is_int_in(1, 7), "an ISO weekday 1-7"),
        numbers=c.mapping("numbers", is_int_in(1, 1000), "a whole number 1-1000"),
        vague_numbers=c.words("vague_numbers", "words"),
        ordinals=c.mapping("ordinals", is_int_in(1, 31), "a whole number 1-31"),
        units=c.mapping("units", lambda v: isinstance(v, str) and bool(_UNIT_RE.match(v)),
                        "a unit letter: Y M W D Q E C (optionally with a count, 2W) or TH TM TS"),
        parts_of_day=c.mapping("parts_of_day", is_str_in(_PARTS), f"one of {sorted(_PARTS)}"),
        seasons=c.mapping("seasons", is_str_in(_SEASONS), f"one of {sorted(_SEASONS)}"),
        fuzzy=c.mapping("fuzzy", is_str_in({"PRESENT_REF", "PAST_REF", "FUTURE_REF"}),
                        "PRESENT_REF, PAST_REF or FUTURE_REF"),
        report_days=c.mapping("report_days", is_int_in(-7, 7), "an offset in days (-7..7)"),
        report_times={k: (v[0], v[1]) for k, v in report_times.items()},
        event_relative={k: (v[0], v[1]) for k, v in event_relative.items()},
        sets=c.mapping("sets", lambda v: isinstance(v, str) and bool(_DURATION_RE.match(v)),
                       "a TimeML period such as P1D, P1W, PT1H"),
        future_cues=c.words("tense", "future"),
        past_cues=c.words("tense", "past"),
        present_cues=c.words("tense", "present"),
        ahead_participles=c.words("tense", "ahead_participles"),
        aliases=c.mapping("aliases", lambda v: isinstance(v, str) and bool(v.strip()), "a phrase"),
        holidays=c.mapping("holidays", valid_rule,
                           'a holiday rule: "MM-DD", "MM/N/WD[+K]", "easter+N", "hijri:MM-DD", "hebrew:MM-DD" or '
                           '"dates:YYYY-MM-DD,..."'),
        not_time=c.words("not_time", "phrases"),
        named_dates=c.mapping("named_dates", lambda v: isinstance(v, str) and bool(_NAMED_VALUE_RE.match(v)),
                              "a TimeML year, decade, century or millennium (2000, 199, 19, 2)")
        if "named_dates" in data else {},
        deferring_verbs=c.words("tense", "deferring_verbs"),
        committing_verbs=c.words("tense", "committing_verbs"),
        past_forms=set(c.words("tense", "past_forms")),
        ordering_verbs=set(c.words("tense", "ordering_verbs")),
        awaited_verbs=set(c.words("tense", "awaited_verbs")) if "awaited_verbs" in c.table("tense") else set(),
        calling_verbs=set(c.words("tense", "calling_verbs")) if "calling_verbs" in c.table("tense") else set(),
        called_gatherings=set(c.words("tense", "called_gatherings")) if "called_gatherings" in c.table("tense")
        else set(),
        speech_words=c.words("quoted", "speech_words") if "quoted" in data else [],
        stative_verbs=c.words("present_age", "stative_verbs") if "present_age" in data else [],
        aged_things=set(c.words("aged_things", "nouns")),
        play_words=c.words("play", "words") if "play" in data else [],
        comparison_words=c.words("comparison", "words") if "comparison" in data else [],
        span_order_words=c.words("span_order", "words") if "span_order" in data else [],
        source=path,
    )
    unknown = [m for m in lex.ambiguous_months if m not in lex.months]
    if unknown:
        raise c.fail("ambiguous_months", "names", f"{unknown[0]!r} is not a name in [months]")
    return lex


@knowledge_cached
def load_lexicon(path: str | None = None) -> Lexicon:
    """The packaged lexicon (or ``SITREP_KNOWLEDGE``'s copy), or the file at ``path``."""
    if path is None:
        from sitrep.knowledge import knowledge_path

        p = knowledge_path(FILE_NAME)
    else:
        p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise KnowledgeError(f"{p}: cannot read the time lexicon: {exc.strerror or exc}",
                             code=E401_KNOWLEDGE_UNREADABLE) from exc
    return parse_lexicon(raw, str(p))
