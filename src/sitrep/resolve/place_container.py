"""Places the gazetteer lacks, placed by the place the text says contains them (issue 12 / 11).

"the village of X in Y state", "X, a hamlet in the Y highlands", "in X, Y province", "X, 20 km north of Y": a name
the gazetteer does not hold (cities500 lacks most villages, camps and city quarters) is written beside the place that
holds it or a town it lies near. The name becomes a place at the container's point with the container's precision
(never a finer one it does not have: a village of a state is a precision-3 place at the state's point), its own
words kept as the place's name and span; beside a town it lies near ("near Y", "N km from Y") it is at Y's point
with precision 2. A name the gazetteer reads as a namesake in another country than the container's gives way to the
container in the same way; a reading in the container's country stays (its own point is finer). A town written
right after "near" or "N km north of" alone is the event's place at precision 2 (near that town, not in it).

The forms are data (``knowledge/place_containers.txt``, with their counts). Two more cases, no rule of that file:
a name the resolver abstains on because no reading lies in the country the words around it give ("the northern
Mozambican town of X", X only a Spanish town in the gazetteer) becomes a place of that country (its part, from the
compass word), and the same name written again later in the report takes that place too, not the namesake abroad.
Fires (s41, tune): seed-like tune 1 (fresh14 palma_2021: Palma, Spain -> Mozambique, then Cabo Delgado by the
group's theatre; its two sentences stay one event, dated as before), UCDP Nigeria 0, MUC-4 DEV 0.
s42 (issue 12): geoparsing given spans uses the same rules (``place._by_container``: a given span with no reading or an
abstention, any answer of the text as the container): LGL even (tune) 2 fires, 2 right (Akuressa in Matara, Kentford
near Newmarket), odd (check) 0; world1-8 4 fires, 3 right (Evros near Alexandroupoli, Kamituga in South Kivu x2), 1
wrong as before (Yambali, a PNG village: the country's point, over 161 km from it). With them, given spans only
(``place._in_after``: the caller says the name is a place, so no rule need tell a name from a word), a name with no
reading right before "in" and a place ("Kyaukphyu in Rakhine state", "Newlyn, in Cornwall"), not a river or a lake
(natural_words): LGL even 1 fire, wrong at 161 km though right by the text (Pictured Rocks National Lakeshore at
Michigan's point), odd 0; world1-8 6 fires, 6 right (Dolow, Ukhia, Newlyn, Maruthonkara, Kyaukphyu, Mai Mahiu).
Without the natural-word bar also the Neches River (even, wrong: Texas's point) and the Kanawha River (odd, right).

Public:
    contained(places, abstained, text) -> list[Place]   the places with names placed by their containers
    near_town(place, text) -> Place                      an event's own town after "near": precision 2
"""
from __future__ import annotations

import dataclasses
import re

from sitrep.knowledge import knowledge_cached
from sitrep.model import Place, Span

# the name: one to four capitalised words ("My Lai", "Vigario Geral", "Dogo Nahawa"), hyphens and apostrophes inside
_NAME = r"(?<![\w'\u2019-])(?P<name>[A-Z][\w'\u2019-]*(?:\s+(?:[A-Z][\w'\u2019-]*|al|el|de|da|do|du)){0,3})"
_KINDS = ("in", "division", "near", "nearby", "tail")
_WINDOW = 160
_COUNTRY_OR_DIVISION = ("PCLI", "PCLD", "PCLS", "PCLF", "PCL", "ADM1", "ADM2", "RGN")
CONTAINER_NOTE = "container"
NEAR_NOTE = "near the town"


@knowledge_cached
def _rules() -> dict[str, tuple[re.Pattern, ...]]:
    from sitrep.knowledge import knowledge_path, read_kinded_rules

    def compile_rule(kind: str, rx: str) -> re.Pattern:
        if (kind in ("nearby", "tail")) == ("NAME" in rx):
            raise ValueError("NAME is written in every rule but a 'nearby' or 'tail' one" if "NAME" in rx
                             else "a rule of this kind needs NAME")
        return re.compile(rx.replace("NAME", _NAME) + ("" if kind == "tail" else r"$"))

    return read_kinded_rules(knowledge_path("place_containers.txt"), _KINDS, compile_rule)


def contained(places: list[Place], abstained: list[Place], text: str) -> list[Place]:
    """``places`` (found and resolved, with spans) with each name a rule of ``place_containers.txt`` puts inside
    (or near) one of them placed at that container: added where the geocoder found nothing or abstained, in place of a
    reading in another country than the container's."""
    rules = _rules()
    out = list(places)
    for y in places:
        if y.span is None:
            continue
        window_start = max(0, y.span.start - _WINDOW)
        window = text[window_start:y.span.start]
        for kind in ("in", "division", "near"):
            if kind == "division" and y.feature not in _COUNTRY_OR_DIVISION:
                continue
            m = next((m for r in rules[kind] if (m := r.search(window)) is not None and _close(m)), None)
            if m is not None:
                _place_name(out, abstained, text, y, kind, window_start + m.start("name"), window_start + m.end("name"))
                break
    out += [c for p in abstained if (c := _country_put(p, text)) is not None]
    return _named_again(out, abstained)


def _named_again(out: list[Place], abstained: list[Place]) -> list[Place]:
    """The same name written again without its container ("the northern Mozambican town of X ... attacked X from
    three sides"): the place its container gave it, not the namesake abroad nor an abstention."""
    made = {p.span.text.casefold(): p for p in out if p.span is not None and p.geonameid is None
            and (p.reason or "").find(f"{CONTAINER_NOTE}: ") >= 0}
    if not made:
        return out
    def again(p: Place) -> Place | None:
        c = made.get(p.span.text.casefold()) if p.span is not None else None
        if c is None or p is c or p.country_code == c.country_code or p.feature in _COUNTRY_OR_DIVISION:
            return None
        return dataclasses.replace(c, span=p.span, reason=f"{c.reason}; the same name again")

    result = [again(p) or p for p in out]
    for a in abstained:
        if a.span is not None and not any(q.span is not None and q.span.start < a.span.end and a.span.start <
                                          q.span.end for q in out) and (c := again(a)) is not None:
            result.append(c)
    return result


_NO_READING = "abstain: no reading of "
_COMPASS_BEFORE = re.compile(r"\b(?P<dir>(?i:(?:north|south)(?:-?(?:east|west))?|east|west|central))(?:ern)?\s+"
                             r"[A-Z][\w'\u2019-]*\s+(?:[a-z]+\s+){1,2}$")


def _country_put(p: Place, text: str) -> Place | None:
    """A town the words around it put in a country where no reading of the name lies ("the northern Mozambican town
    of X" with X only a Spanish town in the gazetteer: the resolver abstains): the country (its part, from the compass
    word) with precision 3, the name kept."""
    from sitrep.resolve import place as rplace
    from sitrep.resolve.gazetteer import get_gazetteer

    if p.span is None or not (p.reason or "").startswith(_NO_READING):
        return None
    gz = get_gazetteer()
    a, b = p.span.start, p.span.end
    cc = rplace._demonym_country(gz, text, a, b) or rplace._possessive_country(gz, text, a)
    i = gz.country_entry.get(cc or "")
    if i is None:
        return None
    c = rplace.place_of(gz, i, p.span, "")
    compass = _COMPASS_BEFORE.search(text, max(0, a - 60), a)
    part = f"region: {compass.group('dir').lower()} part of {c.name}; " if compass else ""
    return dataclasses.replace(c, name=p.span.text, geonameid=None, reason=(
        f"{part}{CONTAINER_NOTE}: '{p.span.text}' in {c.name}, the gazetteer's readings abstained (no reading in "
        "that country)"))


def near_town(p: Place, text: str | None) -> Place:
    """An event's own town written right after "near" or "N km north of" (a rule of kind ``nearby``, N at most
    ``NEAR_KM``): the same point at precision 2, near the town, not in it."""
    if text is None or p.span is None or p.geo_precision != 1 or not _town(p) or \
            text[p.span.start:p.span.end] != p.span.text:
        return p
    window = text[max(0, p.span.start - _WINDOW):p.span.start]
    if not any((m := r.search(window)) is not None and _close(m) for r in _rules()["nearby"]):
        return p
    return dataclasses.replace(p, geo_precision=2, reason=f"{NEAR_NOTE}: {p.name}; {p.reason}")


# "near" as UCDP GED codes it (where_prec 2: within about 25 km of a known point): a distance written beyond it
# leaves the place as it was ("X, 250 km north of Y" is not near Y)
NEAR_KM = 25.0


def _close(m: re.Match) -> bool:
    """A rule's match says no distance, or one within ``NEAR_KM``."""
    got = m.groupdict()
    if got.get("n") is None:
        return True
    return float(got["n"]) * (1.609 if (got.get("unit") or "").startswith("mile") else 1.0) <= NEAR_KM


def _place_name(out: list[Place], abstained: list[Place], text: str, y: Place, kind: str, a: int, b: int) -> None:
    """Put the name at ``text[a:b]`` at its container ``y`` in ``out``, unless a reading of it in ``y``'s country is
    there already (or the name is no place name: dictionary words only, the container's own name)."""
    lead = re.match(r"(?:The|A|An|In|At|Near)\s+", text[a:b])
    a += lead.end() if lead else 0
    tail = next((m for r in _rules()["tail"] if (m := r.search(text, a, b)) is not None), None)
    b = tail.start() if tail is not None and tail.start() > a else b
    said = text[a:b]
    if a >= b:
        return
    known = [p for p in out if p.span is not None and p.span.start < b and a < p.span.end]
    if any(p is y or _inside(p, y) for p in known) or (known and kind == "division"):
        return  # a comma alone also joins a list ("in Kano, Adamawa"): a name read there stays
    if not known and not _name_like(said):
        return
    why = (f"{CONTAINER_NOTE}: '{said}' {'near' if kind == 'near' else 'in'} {y.name}"
           + (f", not the namesake {known[0].name} ({known[0].country_code})" if known else ", not in the gazetteer"
              if not any(p.span is not None and p.span.start < b and a < p.span.end for p in abstained)
              else ", the gazetteer's readings abstained"))
    precision = max(y.geo_precision, 2) if kind == "near" else y.geo_precision
    new = Place(name=said, latitude=y.latitude, longitude=y.longitude, country=y.country, country_code=y.country_code,
                admin1=y.admin1, geonameid=None, feature=y.feature, geo_precision=precision, source=y.source,
                span=Span(a, b, said), reason=why)
    for p in known:
        out.remove(p)
    at = out.index(y) if y in out else len(out)
    out.insert(at, new)
    if kind == "near" and at < len(out) - 1 and y.geo_precision == 1:
        # the town it is measured from is no place of its own event: not finer than the name placed near it
        out[at + 1] = dataclasses.replace(y, geo_precision=2, reason=f"{NEAR_NOTE}: {y.name}; {y.reason}")


def _inside(p: Place, y: Place) -> bool:
    """``p`` may lie in (or near) ``y``: a reading in the same country (its own point is finer than the container's;
    "X, 250 km from Y" is far from Y); a country or a division read for the name (a list: "in Borno, Yobe") is not
    replaced either."""
    return p.feature in _COUNTRY_OR_DIVISION or p.geo_precision >= 3 or p.country_code == y.country_code


def _town(p: Place) -> bool:
    return p.feature is not None and p.feature.startswith("PPL")


def _name_like(said: str) -> bool:
    """A name holds a word no dictionary has ("Vigario Geral", "Mairari"); a run of dictionary words in title case
    ("Joint Army", "During Attack" of a headline) is no place name."""
    from sitrep.nlp.truecase import is_unknown_word

    return any(is_unknown_word(w) for w in re.findall(r"[a-z]+", said.lower()))
