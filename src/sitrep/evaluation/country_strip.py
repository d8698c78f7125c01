"""A headline with its event's country taken out, for measuring how the country is found when a headline names it
not (``benchmarks/realnews_country.py``): real local-outlet headlines say "Gunmen kill seven in Kajuru", not "...
in Kajuru, Nigeria". Deterministic: the same headline and country give the same text.

Removed, where the rest stays grammatical (each an edit of the original text; edits never overlap):
    label       "Nigeria: gunmen kill 7" / "... - Nigeria"            -> "Gunmen kill 7" / "..."
    compass     "in northeastern Nigeria"                              -> "in the northeast"
    possessive  "in Nigeria's Borno state" / "Nigeria's army kills"    -> "in Borno state" / "The army kills"
    after name  "in Kaduna, Nigeria on Monday"                         -> "in Kaduna on Monday"
    phrase      "Bomb kills 20 in Nigeria as ..."                      -> "Bomb kills 20 as ..."
    modifier    "killed in Nigeria church attack" / "Nigerian troops"  -> "killed in church attack" / "Troops"
    people      "Gunmen kill 5 Nigerians"                              -> "Gunmen kill 5 people"
Left as written: the country as a subject or object ("Nigeria says ...", "Russia attacks Ukraine"), in a hyphened
pair ("Nigeria-Cameroon border"), and a singular demonym alone; such a headline still names its country.

Public:
    country_words(cc) -> (names, demonyms)     the names and demonyms the gazetteer knows for a country
    strip_country(text, ccs) -> str            the headline without the countries' names and demonyms
"""
from __future__ import annotations

import re
from functools import lru_cache

_COMPASS = r"(?:north|south)(?:[- ]?(?:east|west|central))?|east|west|central"
_FOLLOW = (r"(?=\s*(?:$|[,;:.!?(\u2013\u2014]|\s-\s|\s(?:as|after|amid|on|over|in|with|while|despite|near|at|by|"
           r"for|during|since|following|before|-)\b))")

_AFTER_NAME = r"(?=\s*(?:$|[,;:.!?(\u2013\u2014]|\s-\s|\s[a-z]))"


@lru_cache(maxsize=256)
def country_words(cc: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(names, demonyms) of a country, normalised (lower case), longest first: every name the gazetteer finds
    the country by (its own, pycountry's, ``geo_countries.csv`` aliases), and its demonyms with their plurals."""
    from sitrep.resolve.gazetteer import get_gazetteer

    gz = get_gazetteer()
    i = gz.country_entry.get(cc)
    names = {k for k, ids in gz.index.items() if i in ids and len(k) > 3 and not k.isdigit()} if i is not None else set()
    names |= {n.lower() for n in (gz.country_name.get(cc),) if n}
    dem = {d for d, c in gz.demonyms.items() if c == cc}
    dem |= {d + "s" for d in dem if not d.endswith(("s", "ese"))}  # "Nigerians"; not "Congoleses"
    order = lambda s: sorted(s, key=lambda w: (-len(w), w))  # noqa: E731
    return tuple(order(names)), tuple(order(dem))


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def strip_country(text: str, ccs) -> str:
    """The headline without the names and demonyms of the countries ``ccs`` (see the module's table)."""
    names: set[str] = set()
    dems: set[str] = set()
    for cc in ccs:
        cc_names, cc_dems = country_words(cc)
        names.update(cc_names)
        dems.update(cc_dems)
    if not names:
        return text
    n = rf"(?:the\s+)?(?:{_alt(sorted(names, key=len, reverse=True))})"
    edits: list[tuple[int, int, str]] = []
    tags = _tags(text)

    def add(a: int, b: int, new: str) -> None:
        if all(b <= x or a >= y for x, y, _ in edits):
            edits.append((a, b, new))

    for m in re.finditer(rf"^\s*{n}\s*(?::|\s[-\u2013\u2014|]\s)\s*", text, re.I):
        add(m.start(), m.end(), "")
    for m in re.finditer(rf"\s*(?:[-\u2013\u2014|:,])\s*{n}\s*$", text, re.I):
        add(m.start(), m.end(), "")
    for m in re.finditer(rf"\b(?P<pre>(?:in|across|of|from|into)\s+)?(?:the\s+)?(?:far\s+)?(?P<dir>{_COMPASS})"
                         rf"(?:ern)?\s+(?P<country>{n})\b(?![-'\u2019])", text, re.I):
        lead = m.group("pre") or ""
        said = text[m.start("dir"):m.start("country")].rstrip()
        add(m.start(), m.end(), f"{lead}the {m.group('dir')}" if lead else said)  # "in volatile central"
    for m in re.finditer(rf"\b{n}['\u2019]s\s+(?P<next>[\w-]+)", text, re.I):
        proper = m.group("next")[:1].isupper() and not (text.isupper() and _dictionary(m.group("next")))
        add(m.start(), m.start("next"), "" if proper else "THE " if text.isupper() else "the ")
    for m in re.finditer(rf"(?<=[A-Za-z]),\s*{n}\b(?![-'\u2019]){_AFTER_NAME}", text, re.I):
        add(m.start(), m.end(), "")
    for m in re.finditer(rf"\s*\b(?:in|across|inside|throughout)\s+{n}\b(?![-'\u2019]){_FOLLOW}", text, re.I):
        add(m.start(), m.end(), "")
    for m in re.finditer(rf"\b{n}\s+(?=[\w])(?![-'\u2019])(?!city\b)", text, re.I):  # not "Kuwait City"
        if tags.get(m.end()) in ("NOUN", "PROPN", "ADJ", "NUM") and text[m.end():m.end() + 1] != "-":
            add(m.start(), m.end(), "")  # "Nigeria army kills", "in Nigeria church attack"
    for m in re.finditer(rf"\b(?:{_alt(sorted(dems, key=len, reverse=True))})\b(?![-'\u2019])", text, re.I):
        after = text[m.end():]
        if re.search(r"(?:\band|\bor|,|-)\s*$", text[:m.start()]):
            continue  # "Pakistani and Afghan forces": the pair stays
        if re.match(r"\s+[\w]", after) and tags.get(m.end() + len(after) - len(after.lstrip())) in (
                "NOUN", "PROPN", "ADJ", "NUM"):
            add(m.start(), m.end() + len(after) - len(after.lstrip()), "")  # "Nigerian troops" -> "troops"
        elif m.group(0).lower().endswith("s") and m.group(0).lower() in dems:
            add(m.start(), m.end(), "PEOPLE" if text.isupper() else "people")  # "kill 5 Nigerians"
    return _apply(text, edits)


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    if not edits:
        return text
    out = text
    for a, b, new in sorted(edits, reverse=True):
        out = out[:a] + new + out[b:]
    out = re.sub(r"\s+([,;:.!?)])", r"\1", re.sub(r"\s{2,}", " ", out)).strip(" ,;:-\u2013\u2014|")
    out = re.sub(r"\b(the)\s+the\b", r"\1", out, flags=re.I)
    if out and text[:1].isupper() and out[:1].islower():
        out = out[0].upper() + out[1:]
    return out


def _tags(text: str) -> dict[int, str]:
    """The coarse part of speech of each word of the headline, by its start offset (the parser's tagger)."""
    from sitrep.nlp.spacy_model import load_spacy

    nlp = load_spacy()
    doc = nlp(text.lower().capitalize() if text.isupper() else text)
    return {t.idx: t.pos_ for t in doc}


def _dictionary(word: str) -> bool:
    from sitrep.nlp.truecase import is_unknown_word

    return not is_unknown_word(word.lower())
