"""Document -> EventMention[]: nlp -> extract -> resolve (time, place, actor) -> merge within the report.

Public API:
    extract_document(doc) -> list[EventMention]   merged within the document, generic statements dropped
    event_record(event) -> dict                   one event in the format of FORMAT.md, with evidence spans
"""
from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from functools import lru_cache

from sitrep.extract.mentions import Candidate, SentenceExtractor
from sitrep.merge.within import MergeInfo, merge_mentions
from sitrep.model import Count, Document, EventMention, Place, RoleFiller, Span, Timex, haversine_km
from sitrep.nlp import MAX_BATCH_CHARS, Analysis, analyze, analyze_many
from sitrep.resolve import place as rplace
from sitrep.resolve import time as rtime

PRECISION_CODES = {"day": 1, "week": 2, "month": 3, "year": 3}


def extract_document(doc: Document, *, nlp=None) -> list[EventMention]:
    return extract_analysis(analyze(doc, nlp=nlp))


def extract_documents(docs: Iterable[Document], *, nlp=None, batch_size: int = 64
                      ) -> Iterator[tuple[Document, list[EventMention], str | None]]:
    """(document, events, error) for many documents, in order; spaCy parses the screened sentences of
    ``batch_size`` documents as one stream (faster than one call each). A document whose extraction fails comes
    back with no events and the error, and the others go on."""
    group: list[Analysis] = []
    for analysis in analyze_many(docs, nlp=nlp, batch_size=batch_size):
        group.append(analysis)
        if len(group) >= batch_size or sum(len(a.text) for a in group) > MAX_BATCH_CHARS:
            yield from _extract_group(group, nlp)
            group = []
    if group:
        yield from _extract_group(group, nlp)


def _extract_group(group: list[Analysis], nlp) -> Iterator[tuple[Document, list[EventMention], str | None]]:
    """Events of several analysed reports; the sentences the role model reads are parsed as one stream."""
    from sitrep.nlp import parse_sentences

    done: list[tuple[Analysis, list[EventMention], str | None]] = []
    for analysis in group:
        if analysis.error:  # a stage of sitrep.nlp failed on this report (E202)
            done.append((analysis, [], analysis.error))
            continue
        try:
            done.append((analysis, extract_analysis(analysis, learned_roles=False), None))
        except Exception as exc:  # one bad document never stops the batch
            done.append((analysis, [], f"[E300] extraction failed: {type(exc).__name__}: {exc}"))
    parse_sentences([(a, i) for a, evs, err in done if evs for i in _role_sentences(a, evs)], nlp=nlp)
    for analysis, events, err in done:
        if events:
            try:
                _learned_roles(analysis, events)
            except Exception as exc:
                events, err = [], f"[E300] extraction failed: {type(exc).__name__}: {exc}"
        yield analysis.doc, [] if analysis.error else events, err or analysis.error


def extract_analysis(analysis: Analysis, *, learned_roles: bool = True) -> list[EventMention]:
    """Events of one analysed report. ``learned_roles=False`` keeps the grammar rules' role fillers
    (what the role model is trained over)."""
    doc = analysis.doc
    text = doc.text
    extractor = SentenceExtractor(text, doc.id)
    cands: list[Candidate] = []
    for s in analysis.sentences:
        parsed = analysis.parse(s.index)
        if parsed is not None:
            cands.extend(extractor.extract(parsed, s.index, s.start))
    if all(c.mention.generic for c in cands):
        return []  # most news: nothing to date or place
    report_date, date_reason = _report_date(doc, analysis)
    times = rtime.DocumentTimes(analysis.text, report_date)
    with_events = {c.sentence_index for c in cands}
    timexes = [t for s in analysis.sentences if s.index in with_events for t in times.find(s.start, s.end)]
    ents = _place_entities(analysis)  # may give capitals back to place names in the truecased copy: call first
    places = rplace.geocode_text(analysis.text, default_country=doc.meta.get("country"), ents=ents)
    places = _drop_foreign_namesakes(_outside_actor_names(places, analysis.text), analysis.text)
    dateline = _dateline(doc)
    if dateline is not None:  # the dateline says where and when it was filed, not where the event was
        d0, d1 = dateline.span.start, dateline.span.end
        timexes = [t for t in timexes if not (d0 <= t.start and t.end <= d1)]
        body_places = [p for p in places if not (p.span and d0 <= p.span.start and p.span.end <= d1)]
    else:
        body_places = places
    _attach_roles(cands, text)
    _drop_place_victims(cands, places)
    for c in cands:
        _attach_place(c, body_places, [o for o in cands if o.sentence_index == c.sentence_index], text)
    cands = _split_places(cands, body_places, text)
    _attach_dates(cands, timexes, text)
    mentions = []
    for c in cands:
        m = c.mention
        if "plural trigger" in m.notes and not (m.date_precision == "day" and m.timex is not None) and not _definite(c):
            m.generic = True  # "attacks on US bases", "airstrikes in Iraq": many events, none dated to a day
            m.notes.append("generic: plural trigger with no day")
        if m.generic:
            continue
        info = MergeInfo(definite=_definite(c), weak_weapon=_weak_weapon(m), relative_anchor=c.relative_anchor,
                         sentence_index=c.sentence_index, killing=c.kind == "killing" or m.denied)
        mentions.append((m, info))
    events = merge_mentions(mentions)
    _share_plural_claims(events)
    _share_split_claims(events)
    _apply_sentence_claims(events, analysis, {c.sentence_index for c in cands if c.mention.generic})
    _apply_victim_lists(events, analysis)
    out = []
    fallback = _fallback_place(places, analysis)
    for e in events:
        m = e.merged
        if not _specific(m):
            continue
        if m.place is None and fallback is not None:
            m.place = fallback
            m.notes.append(f"place: document's main place ({fallback.name}), no place in the event's sentences")
        if m.place is not None and not m.place.country:
            _nearest_country(m)
        if m.date is None and report_date is not None:
            m.date, m.date_precision = report_date, "day"
            m.notes.append(f"date: the report's date ({date_reason}), no date in the event's sentences")
        m.notes.extend(f"merged: {r}" for r in e.reasons)
        if _military_operation(m, battle=any(x.event_type == "Battles" for x in e.mentions)):
            m.notes.append(f"{MILITARY_NOTE}: armed forces against armed forces, no civilian target or named victim")
        out.append(m)
    if learned_roles:
        _learned_roles(analysis, out)
    return out


def _learned_roles(analysis: Analysis, events: list[EventMention]) -> None:
    """The role model (``extract/role_model.py``) decides the events' role fillers over every noun phrase
    near an event, the rule-made roles among its evidence. Sentences the screen skipped are parsed now,
    only for reports that hold an event and only near an event sentence. MUC-4, held-out DEV 0001-0100 /
    TST1+2 CEAF-REE F1 with the model of 7c94622: one sentence either side 0.456 / 0.443, two 0.456 / 0.441.
    Reports shorter than ``ROLE_MIN_SENTENCES`` keep the rules' roles: the model learned from full wire
    reports and under-rates what a one-line report names once."""
    if not events or len(analysis.sentences) < ROLE_MIN_SENTENCES:
        return
    from sitrep.extract.role_model import assign_roles, default_model
    from sitrep.nlp import parse_remaining

    model = default_model()
    if model is None:
        return
    parse_remaining(analysis, only=_role_sentences(analysis, events))
    assign_roles(analysis, events, model)


def _role_sentences(analysis: Analysis, events: list[EventMention]) -> list[int]:
    """Sentences the role model reads: ``ROLE_WINDOW`` either side of each event sentence, and the lede."""
    if len(analysis.sentences) < ROLE_MIN_SENTENCES:
        return []
    from sitrep.extract.role_model import event_sentences

    near = set(range(3))
    for ev in events:
        for i in event_sentences(analysis, ev):
            near.update(range(i - ROLE_WINDOW, i + ROLE_WINDOW + 1))
    return [s.index for s in analysis.sentences[:ROLE_SENTENCES]
            if s.index in near and (s.index in analysis.parses or _may_name(analysis.text[s.start:s.end]))]


_CAPITALISED = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]")


def _may_name(sentence: str) -> bool:
    """Cheap test before parsing a sentence for the role model: does it hold a name (a capitalised word inside
    the sentence of the truecased text) or a word of the role lexicons (guerrillas, bomb, bus, judge)?"""
    if _CAPITALISED.search(sentence):
        return True
    from sitrep.extract.roles import load_role_lexicon

    lex = load_role_lexicon()
    for w in re.findall(r"[a-z]+", sentence.lower()):
        for form in (w, w[:-1] if w.endswith("s") else w, w[:-2] if w.endswith("es") else w):
            if any(lex.is_(kind, form) for kind in ("perpetrator", "agent", "target", "weapon", "person")):
                return True
    return False


ROLE_MIN_SENTENCES = 5  # shorter reports keep the grammar rules' roles (see _learned_roles)
ROLE_SENTENCES = 60  # at most this many sentences from the top of a report
ROLE_WINDOW = 1  # sentences around each event sentence (and the first three) are read for roles


# ---- time ---------------------------------------------------------------------------------------------------
def _report_date(doc: Document, analysis: Analysis) -> tuple[date | None, str]:
    if doc.published:
        return doc.published, "given"
    inferred, reason = rtime.infer_report_date(doc.text[doc.body_start:])
    return inferred, f"inferred: {reason}"


_SINCE = re.compile(r"\b(?:since|until|till|starting|from)\s+(?:mid-?|early\s+|late\s+)?$", re.I)


def _dateline(doc: Document):
    """The dateline at the start of the body (after a title / FILE: header), with offsets into the whole text."""
    dl = rtime.parse_dateline(doc.text[doc.body_start:])
    if dl is None or not doc.body_start:
        return dl
    b = doc.body_start

    def shift(span: Span | None) -> Span | None:
        return None if span is None else Span(span.start + b, span.end + b, span.text)

    return replace(dl, place=shift(dl.place), span=shift(dl.span))


def _attach_dates(cands: list[Candidate], timexes: list[Timex], text: str) -> None:
    by_sentence: dict[int, list[Candidate]] = {}
    for c in cands:
        by_sentence.setdefault(c.sentence_index, []).append(c)
    for c in cands:
        s = c.mention.evidence[0]
        siblings = by_sentence[c.sentence_index]
        in_sentence = [t for t in timexes if s.start <= t.start and t.end <= s.end and t.type in ("DATE", "TIME")
                       and not _SINCE.search(text[max(0, t.start - 12):t.start])]
        relative = [t for t in in_sentence if t.anchor == "event"]
        in_sentence = [t for t in in_sentence if not _reporting_time(c, t.start)]
        inside = [t for t in in_sentence if t.anchor != "event" and c.contains(t.start, t.end)]
        free = [t for t in in_sentence if t.anchor != "event"
                and not any(o is not c and o.contains(t.start, t.end) for o in siblings)]
        nearby = [t for t in free if not _side_clause(c, t.start)]
        m = c.mention
        near = m.trigger.start
        chosen = _best_timex(inside, near) or (None if relative and not c.relative_anchor
                                               else _best_timex(nearby, near))
        if chosen is None and not relative:
            chosen = _best_timex(free, near)  # a date the parser hung on a participle ("packed ... on 23 October")
        if chosen is None and relative and not c.relative_anchor:
            # "Hours after the rockets landed ..., X announced an attack": timed against the "after" clause's event
            m.timex = relative[0]
            c.relative_to = next((o for o in siblings if o is not c and o.relative_anchor), None)
            m.notes.append(f"date: '{relative[0].text}' the event it follows")
            continue
        if chosen is None or chosen.date is None or chosen.precision not in ("day", "week", "month"):
            continue
        m.timex, m.date, m.date_precision = chosen, chosen.date, chosen.precision
        m.add_span("date", Span(chosen.start, chosen.end, chosen.text))
    # event-relative expressions take the date of the anchor clause's event, or of the previous dated mention
    previous = None
    for c in cands:
        m = c.mention
        if m.timex is not None and m.timex.anchor == "event" and m.date is None:
            ref = c.relative_to
            base = ref.mention.date if ref is not None and ref.mention.date else None
            if base is None and ref is not None:
                base = _previous_date(cands, ref)
            if base is None and previous is not None:
                base = previous.date
            if base is not None:
                m.date = rtime.event_date(m.timex, base) or base
                m.date_precision = "day"
                m.add_span("date", Span(m.timex.start, m.timex.end, m.timex.text))
        if m.date is not None and not m.generic:
            previous = m


def _token_at(c: Candidate, pos: int):
    for tok in c.sent:
        a = c.offset + tok.idx
        if a <= pos < a + len(tok.text):
            return tok
    return None


def _reporting_time(c: Candidate, pos: int) -> bool:
    """ "Investigators said on Saturday that the blast ...", "the death toll rose to 100 on Tuesday": the day a
    source spoke or a toll was updated, not the day of the event."""
    from sitrep.extract.lexicon import load_lexicon

    lex = load_lexicon()
    report = lex.report_verbs | lex.toll_verbs
    tok = _token_at(c, pos)
    if tok is None:
        return False
    trigger_path = {t.i for t in c.trigger_token.ancestors} | {c.trigger_token.i}
    while tok.head.i != tok.i and tok.i not in trigger_path:
        tok = tok.head
        if tok.lemma_.lower() in report and tok.pos_ == "VERB":
            # "said on Saturday that ..." (the verb comes first), not "... on Tuesday, police said"
            return c.offset + tok.idx < pos and tok.i not in {t.i for t in c.trigger_token.subtree}
    return False


def _side_clause(c: Candidate, pos: int) -> bool:
    """True when the words at ``pos`` sit in a relative clause, apposition or participle phrase describing
    something else ("a coalition formed in October", "crimes committed ... in Gaza")."""
    tok = _token_at(c, pos)
    head = c.trigger_token
    while tok is not None and tok.head.i != tok.i:
        if tok.i == head.i:
            return False
        if tok.dep_ in ("acl", "relcl", "appos"):
            return not any(t.i == head.i for t in tok.subtree)
        tok = tok.head
    return False


def _previous_date(cands: list[Candidate], ref: Candidate) -> date | None:
    """The date of the nearest earlier non-generic mention sharing the reference clause's target or weapon."""
    for c in reversed(cands[: cands.index(ref)]):
        m = c.mention
        if m.date and not m.generic and (set(m.weapons) & set(ref.mention.weapons) or (
                m.target and ref.mention.target and m.target.split()[-1].lower() == ref.mention.target.split()[-1].lower())):
            return m.date
    return None


def _best_timex(timexes: list[Timex], near: int = 0) -> Timex | None:
    """The most precise date, and of those the one nearest the trigger."""
    rank = {"day": 0, "week": 1, "month": 2}
    usable = [t for t in timexes if t.anchor == "event" or t.precision in rank]
    if not usable:
        return None
    return min(usable, key=lambda t: (rank.get(t.precision, 0 if t.anchor == "event" else 3), abs(t.start - near)))


# ---- place --------------------------------------------------------------------------------------------------
def _attach_place(c: Candidate, places: list[Place], siblings: list[Candidate], text: str) -> None:
    m = c.mention
    s = m.evidence[0]
    in_sentence = [p for p in places if p.span and s.start <= p.span.start and p.span.end <= s.end
                   and not _modifier(c, p, text)]
    inside = [p for p in in_sentence if c.contains(p.span.start, p.span.end) and not _side_clause(c, p.span.start)]
    pool = inside or ([] if c.relative_anchor else [
        p for p in in_sentence if not _side_clause(c, p.span.start)
        and not any(o is not c and o.contains(p.span.start, p.span.end) for o in siblings)])
    if not pool:
        return
    tgt = c.target_range

    def key(p: Place):
        in_target = 0 if tgt and tgt[0] <= p.span.start and p.span.end <= tgt[1] else 1
        facility = 0 if not p.geonameid else 1
        return (p.geo_precision, facility, in_target, abs(p.span.start - m.trigger.start))

    best = min(pool, key=key)
    m.place = best
    m.place_text = best.span
    m.add_span("location", best.span)


_SPONSORED = ("-backed", "-led", "-made")
_MODIFIED = re.compile(r"^(?:" + "|".join(map(re.escape, _SPONSORED)) + r"|\s+[a-z])")


def _country_modifier(text: str, p: Place) -> bool:
    """ "US soldiers", "Iraqi capital", "Iran-backed": a country name used as an adjective."""
    return p.geo_precision >= 3 and p.span is not None and bool(_MODIFIED.match(text[p.span.end:p.span.end + 8]))


SPLIT_MIN_KM = 50.0
SMALL_TOWN = 100000


def _country_in_text(gz, p: Place, normed_text: str) -> bool:
    """The place's country is named, or its people ("IRAQI WARPLANES"), somewhere in the (normalised) text."""
    from sitrep.resolve.gazetteer import norm

    cc = p.country_code or next((c for c, n in gz.country_name.items() if n == p.country), None)
    words = {cc and gz.country_name.get(cc, "")} | {d for d, c in gz.demonyms.items() if c == cc}
    return any(w and re.search(rf"\b{re.escape(norm(w))}\b", normed_text) for w in words)


def _outside_actor_names(places: list[Place], text: str) -> list[Place]:
    """ "the Islamic Resistance in Iraq claimed the attack": a place inside an actor's name places nothing."""
    from sitrep.resolve.actor import find_actors

    names = [(a.start, a.end) for a in find_actors(text) if " " in a.text]
    return [p for p in places if not (p.span and any(a <= p.span.start and p.span.end <= b for a, b in names))]


def _drop_foreign_namesakes(places: list[Place], text: str) -> list[Place]:
    """A small town in a country the report never names, while it names another ("Borno state" in a Nigerian
    report read as Borno, Italy): a namesake, not the place meant. Facilities and well-known cities stay."""
    from sitrep.resolve.gazetteer import get_gazetteer, norm

    named = {p.country for p in places if p.geo_precision >= 3 and p.country}
    if not named:
        return places
    gz = get_gazetteer()
    out = []
    normed = None  # the normalised text, made once and only when a small foreign town needs it
    for p in places:
        if p.geonameid and p.geo_precision == 1 and p.country not in named:
            pop = max((gz.entries_pop[i] for i in gz.lookup(p.name) if gz.entries_gid[i] == p.geonameid), default=0)
            if pop < SMALL_TOWN:
                if normed is None:
                    normed = norm(text)
                if not _country_in_text(gz, p, normed):
                    continue
        out.append(p)
    return out


def _split_places(cands: list[Candidate], places: list[Place], text: str) -> list[Candidate]:
    """ "fired missiles at Ain al-Asad air base and at a base in Erbil": one clause, two places far apart joined
    by "and" -> one event per place, as ACLED codes them."""
    out: list[Candidate] = []
    for c in cands:
        out.append(c)
        m = c.mention
        if m.generic or m.place is None or m.place.geo_precision != 1:
            continue
        pool = sorted((p for p in places if p.span and p.geo_precision == 1 and c.contains(p.span.start, p.span.end)
                       and not _side_clause(c, p.span.start)), key=lambda p: p.span.start)
        extra = []
        for prev, p in zip(pool, pool[1:], strict=False):
            between = text[prev.span.end:p.span.start]
            if (re.search(r"\band\b", between) and not re.search(r"\bbetween\b", text[c.clause_start:pool[0].span.start])
                    and all(_km(p, q) > SPLIT_MIN_KM for q in [m.place, *extra])):
                extra.append(p)
        for p in extra:
            clone = copy.deepcopy(m)
            clone.place, clone.place_text = p, p.span
            clone.field_spans["location"] = [p.span]
            if c.target_range and c.target_range[0] <= m.place.span.start < c.target_range[1]:
                clone.target = p.name
                clone.field_spans["target"] = [p.span]
            origin = f"split: one clause names {m.place.name} and {p.name}"
            m.notes.append(origin) if origin not in m.notes else None
            clone.notes.append(origin)
            out.append(Candidate(clone, c.sentence_index, c.clause_start, c.clause_end, c.trigger_token, c.sent,
                                 c.offset, None, c.relative_anchor, c.kind, ranges=c.ranges))
    return out


def _nearest_country(m: EventMention) -> None:
    """A sea or a region across borders ("the Gulf of Aden"): ACLED codes the event to the nearest country."""
    from sitrep.resolve.gazetteer import get_gazetteer

    gz = get_gazetteer()
    p = m.place
    best = min(gz.country_entry.items(), default=None,
               key=lambda kv: haversine_km(p.latitude, p.longitude, gz.entries_lat[kv[1]], gz.entries_lon[kv[1]]))
    if best is not None:
        p.country = gz.country_name.get(best[0])
        p.country_code = best[0]
        m.notes.append(f"country: the nearest to {p.name} ({p.country})")


def _km(a: Place, b: Place) -> float:
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)


def _share_split_claims(events) -> None:
    """Events split from one clause share what later sentences say of either (claims, "no one was killed")."""
    groups: dict[str, list] = {}
    for e in events:
        for note in e.merged.notes:
            if note.startswith("split: "):
                groups.setdefault(note, []).append(e.merged)
    for members in groups.values():
        known = next((m for m in members if m.claimed is not None), None)
        none_dead = next((m for m in members if m.fatalities.best == 0), None)
        for m in members:
            if known is not None and m.claimed is None:
                m.claimed, m.claimant = known.claimed, known.claimant
                for span in known.field_spans.get("claimed", []):
                    m.add_span("claimed", span)
            if none_dead is not None and m.fatalities.best is None:  # "no US personnel were killed"
                m.fatalities = Count(0, 0, 0, list(none_dead.fatalities.spans))
                for span in none_dead.fatalities.spans:
                    m.add_span("fatalities", span)


def _modifier(c: Candidate, p: Place, text: str) -> bool:
    """A country or region used as an adjective ("US bases", "the Iraqi capital") does not place the event."""
    if p.geo_precision < 3 and p.feature not in ("PCLI", "PCLD", "PCLS", "PCLF", "PCL", "ADM1"):
        return False
    if text[p.span.end:p.span.end + 8].startswith(_SPONSORED):
        return True
    tok = _token_at(c, p.span.start)
    last = _token_at(c, p.span.end - 1)
    if tok is None or last is None:
        return False
    return last.dep_ in ("compound", "amod", "nmod", "poss") and last.head.i > last.i


def _fallback_place(places: list[Place], analysis: Analysis) -> Place | None:
    """For an event whose sentences name no place: the dateline's place, else the place the sentences that may
    hold events name most (towns and facilities before regions, countries used as adjectives left out)."""
    dl = _dateline(analysis.doc)
    if dl is not None and dl.place is not None:
        inside = [p for p in places if p.span and p.span.start >= dl.place.start and p.span.end <= dl.place.end]
        # "MAIDUGURI, Nigeria": the town (which NER may miss in capitals), not the country
        town_end = dl.place.start + len(dl.place.text.split(",")[0])
        town = rplace.resolve_spans(analysis.doc.text, [(dl.place.start, town_end)])[0]
        if town is not None and not (town.reason or "").startswith(("abstain", "unknown")):
            inside.append(town)
        if inside:
            return _coarsen(min(inside, key=lambda p: p.geo_precision), "the dateline's place")
    screened = [(s.start, s.end) for s in analysis.sentences if s.screened]
    counts: dict[str, list[Place]] = {}
    for p in places:
        if p.span is None or _country_modifier(analysis.text, p):
            continue
        if not any(a <= p.span.start < b for a, b in screened):
            continue
        counts.setdefault(p.name, []).append(p)
    if not counts:
        return None
    name, group = min(counts.items(), key=lambda kv: (min(kv[1][0].geo_precision, 2), -len(kv[1])))
    return _coarsen(group[0], "the place the report names most")


def _coarsen(p: Place, why: str) -> Place:
    return Place(name=p.name, latitude=p.latitude, longitude=p.longitude, country=p.country,
                 country_code=p.country_code, admin1=p.admin1, geonameid=p.geonameid, feature=p.feature,
                 geo_precision=max(2, p.geo_precision), source=p.source, span=p.span, reason=why)


MIN_ORG_PLACE_POPULATION = 20000
_CAPS_PLACE_CUE = re.compile(r"\b(?:TOWN|CITY|VILLAGE|PROVINCE|DEPARTMENT|DISTRICT|REGION) OF "
                             r"(?P<name>[A-Z][A-Z'-]+(?: [A-Z][A-Z'-]+)?)\b")
_PLACE_CUE = re.compile(r"\b(?:in|at|near|outside|from|city of|town of|village of|capital)\s+"
                        r"(?:(?:north|south|east|west|central|northern|southern|eastern|western)\s+)?$", re.I)


def _place_entities(analysis: Analysis) -> list:
    """Named entities that may be places: the parser's GPE/LOC/FAC/NORP, ORG names that are towns of some size
    ("Abqaiq" tagged ORG) and are no actor, and, in ALL-CAPS text where NER is weak, country, region and big-city
    names the gazetteer finds in the screened sentences."""
    from sitrep.nlp import Entity
    from sitrep.resolve.actor import resolve_actor
    from sitrep.resolve.gazetteer import get_gazetteer

    gz = get_gazetteer()
    text = analysis.text
    out = []
    for e in analysis.entities():
        if e.label_ in ("ORG", "PERSON"):
            name = text[e.start_char:e.end_char]
            ids = gz.lookup(name)
            pop = max((gz.entries_pop[i] for i in ids), default=0)
            country_or_region = any(gz.entries_kind[i] in ("country", "admin1") for i in ids)
            # a country or province name ("central Mali" tagged PERSON); an ORG that is a town of some size; a
            # PERSON town only after a word that introduces a place ("the city of Kremenchuk", "in Kremenchuk")
            if resolve_actor(name) is None and (country_or_region or pop >= MIN_ORG_PLACE_POPULATION and (
                    e.label_ == "ORG" or _PLACE_CUE.search(text[max(0, e.start_char - 30):e.start_char]))):
                e = Entity("GPE", e.start_char, e.end_char)
        out.append(e)
    if analysis.all_caps:
        taken = [(e.start_char, e.end_char) for e in out if e.label_ in ("GPE", "LOC", "FAC", "NORP")]
        for m in _CAPS_PLACE_CUE.finditer(analysis.doc.text):  # "THE KURDISH TOWN OF HALABJA"
            a, b = m.span("name")
            if not gz.lookup(m.group("name")):  # "HALABJA ON": the first word alone
                b = a + len(m.group("name").split()[0])
            if gz.lookup(analysis.doc.text[a:b]) and all(b <= x or a >= y for x, y in taken):
                out.append(Entity("GPE", a, b))
                taken.append((a, b))
                # the truecased copy gets the name's capital back, as a name (same length, offsets unchanged)
                analysis.text = analysis.text[:a] + analysis.doc.text[a:b].title() + analysis.text[b:]
        screened = [(s.start, s.end) for s in analysis.sentences if s.screened]
        for m in rplace.scan_toponyms(text):
            if any(a <= m.start < b for a, b in screened) and all(m.end <= a or m.start >= b for a, b in taken):
                out.append(Entity("GPE", m.start, m.end))
    return out


# ---- roles, claims, specificity -------------------------------------------------------------------------------
def _attach_roles(cands: list[Candidate], text: str) -> None:
    try:
        from sitrep.extract.roles import extract_roles
    except ImportError:
        return
    for c in cands:
        if c.trigger_token is None:
            continue
        local = text[c.offset:c.offset + len(c.sent.doc.text)]  # the sentence's text, not the rest of the report
        roles = extract_roles(c.sent, c.trigger_token, local)
        for role, fillers in roles.items():
            c.mention.roles[role] = [RoleFiller(f.text, f.start + c.offset, f.end + c.offset) for f in fillers]


def _drop_place_victims(cands: list[Candidate], places: list[Place]) -> None:
    """A victim filler that the geocoder read as a place with the same span ("attacked San Ramon") is a place."""
    spans = {(p.span.start, p.span.end) for p in places if p.span is not None}
    for c in cands:
        victims = c.mention.roles.get("victims")
        if victims:
            c.mention.roles["victims"] = [f for f in victims if (f.start, f.end) not in spans]


def _apply_sentence_claims(events, analysis: Analysis, generic_sentences: set[int]) -> None:
    """"No group has claimed responsibility." / "X claimed responsibility for the attack." in a sentence of its own
    speaks of the event told just before it."""
    from sitrep.extract.lexicon import load_lexicon
    from sitrep.resolve.actor import actor_type, resolve_actor

    lex = load_lexicon()
    used = {s.start for e in events for m in e.mentions for s in m.evidence}
    generic_starts = {s.start for s in analysis.sentences if s.index in generic_sentences}
    for s in analysis.sentences:
        if s.start in used:
            continue
        before = [e for e in events if e.merged.evidence and e.merged.evidence[0].start < s.start]
        if not before:
            continue
        event = max(before, key=lambda e: (max(x.start for x in e.merged.evidence if x.start < s.start),
                                           e.merged.evidence[0].start))
        m = event.merged
        zero = lex.phrases["zero_casualties"].search(s.text)
        if zero and m.fatalities.best is None:  # "No casualties were reported."
            span = Span(s.start + zero.start(), s.start + zero.end(), zero.group(0))
            m.fatalities = Count(0, 0, 0, [span])
            m.add_span("fatalities", span)
            m.evidence.append(Span(s.start, s.end, s.text))
        none = lex.phrases["no_claim"].search(s.text)
        if none and m.claimed is None:
            m.claimed = False
            m.add_span("claimed", Span(s.start + none.start(), s.start + none.end(), none.group(0)))
            m.evidence.append(Span(s.start, s.end, s.text))
            continue
        if s.start in generic_starts:  # "... which frequently carries out bombings": no claim of this event
            continue
        hit = lex.phrases["claim"].search(s.text)
        if hit and not none:
            actor = resolve_actor(s.text[: hit.start()])
            if actor and actor_type(actor.canonical) != "state":
                m.claimed = True
                m.claimant = actor.canonical
                m.actor1 = m.actor1 or actor.canonical
                m.add_span("claimed", Span(s.start + hit.start(), s.start + hit.end(), hit.group(0)))
                m.add_span("actor1", Span(s.start + actor.start, s.start + actor.end, actor.text))
                m.evidence.append(Span(s.start, s.end, s.text))


_VICTIM_LIST = re.compile(
    r"^(?:the\s+|their\s+)?(?:(?:other\s+)?(?:victims?|dead|deceased|hostages|wounded|injured|kidnapped|"
    r"kidnap\s+victims|people\s+killed|those\s+killed|slain|persons?|names)|they)\s+"
    r"(?:(?:were|was|are|is|have\s+been|has\s+been)\s+(?:identified|named)\s+as|were|was|are|is|include|included)"
    r"\s*:?\s+", re.I)
_LIST_SPLIT = re.compile(r"\s*(?:[,;]\s*(?:and\s+)?|\s+and\s+)", re.I)
_LIST_ITEM = re.compile(r"[A-Za-z][A-Za-z'.-]*(?:\s+[A-Za-z][A-Za-z'.-]*){0,5}")
MAX_SENTENCES_BACK = 3


def _apply_victim_lists(events, analysis: Analysis) -> None:
    """"The victims were identified as A, B and C." / "They are A, B and C." in a sentence of its own names the
    people of the event told just before it (within three sentences), if that event harmed people."""
    from sitrep.extract.roles import is_person_name, load_role_lexicon

    titles = load_role_lexicon().words["person"]
    used = {s.start for e in events for m in e.mentions for s in m.evidence}
    for s in analysis.sentences:
        hit = _VICTIM_LIST.match(s.text)
        if s.start in used or not hit:
            continue
        before = [(max(x.start for x in e.merged.evidence if x.start < s.start), e) for e in events
                  if e.merged.evidence and e.merged.evidence[0].start < s.start]
        if not before:
            continue
        last, event = max(before, key=lambda p: (p[0], p[1].merged.evidence[0].start))
        gap = sum(1 for o in analysis.sentences if last < o.start < s.start)
        m = event.merged
        if gap >= MAX_SENTENCES_BACK or not m.hurt_people():
            continue
        body_start = s.start + hit.end()
        body = s.text[hit.end():].rstrip(" .")
        added = False
        pos = 0
        for piece in _LIST_SPLIT.split(body):
            k = body.find(piece, pos)
            pos = k + len(piece)
            item = _LIST_ITEM.fullmatch(piece.strip())
            if item is None or k < 0:
                continue
            words = piece.split()
            lead = 0
            while lead < len(words) - 2 and words[lead].lower().strip(".") in titles:
                lead += 1  # "policeman Leon Gomez Vigia": the name
            name = " ".join(words[lead:])
            if len(words) - lead < 2 or not is_person_name(name):
                continue
            a = body_start + k + piece.index(words[lead])
            b = a + len(name)
            m.roles.setdefault("victims", []).append(RoleFiller(analysis.doc.text[a:b], a, b))
            added = True
        if added:
            m.evidence.append(Span(s.start, s.end, s.text))
            m.notes.append("victims: named in a following sentence")


MILITARY_NOTE = "military operation"


def _military_operation(m: EventMention, *, battle: bool = False) -> bool:
    """Combat between armed forces ("killed in a clash with troops", "ambushed an army convoy"): a Battle, or an
    attack whose targets are all military (events.toml [actors] military_targets), that names no victim."""
    from sitrep.extract.lexicon import load_lexicon
    from sitrep.extract.roles import is_person_name

    military = load_lexicon().military_targets
    if any(is_person_name(f.text) for f in m.roles.get("victims", [])):
        return False
    fillers = [re.findall(r"[a-z][a-z'-]*", f.text.lower()) for k in ("targets", "victims") for f in m.roles.get(k, [])]
    fillers = [f for f in fillers if f]
    if m.event_type != "Battles" and not battle and not fillers:
        return False  # a bombing with no target named: not known to be combat
    return all(any(w in military for w in f) for f in fillers)  # "an army convoy", "military installations"


def _share_plural_claims(events) -> None:
    """ "No group has claimed responsibility for the bombings" / "claimed both attacks": a claim about a plural
    reference speaks of every event told before it that has no claim status yet."""
    for i, e in enumerate(events):
        for m in e.mentions:
            if m.claimed is None or "plural trigger" not in m.notes:
                continue
            for other in events[:i] + events[i + 1:]:
                o = other.merged
                if o.claimed is None and o.evidence and o.evidence[0].start < m.trigger.start:
                    o.claimed, o.claimant = m.claimed, m.claimant
                    for span in m.field_spans.get("claimed", []):
                        o.add_span("claimed", span)
                    o.notes.append(f"claim: from '{m.trigger.text}', which speaks of several events")


def _definite(c: Candidate) -> bool:
    """ "the attack", "the rocket attack", "The drone hit ...", "the rockets landed": refers to an event told."""
    tok = c.trigger_token
    heads = [tok]
    if tok.pos_ in ("VERB", "AUX"):
        heads += [ch for ch in tok.children if ch.dep_ in ("nsubj", "nsubjpass")]
    return any(ch.dep_ == "det" and ch.lower_ in ("the", "this", "that", "these", "those")
               for h in heads for ch in h.children)


def _weak_weapon(m: EventMention) -> bool:
    spans = m.field_spans.get("weapons", [])
    return bool(spans) and all(s == m.trigger for s in spans)


def _specific(m: EventMention) -> bool:
    """An event needs something that pins it down: a place, a day, a target, casualties, a named actor or a
    named victim ("condemns the assassination of minister Antonio Rodriguez Porth")."""
    from sitrep.extract.roles import is_person_name

    return any([m.place is not None, m.date is not None and m.date_precision == "day", m.target,
                m.fatalities.best is not None, m.actor1]) or any(
        len(f.text.split()) > 1 and is_person_name(f.text) for f in m.roles.get("victims", []))


# ---- output -------------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """ISO2 -> the country name ACLED uses where GeoNames spells it otherwise (knowledge/country_names.csv)."""
    import csv

    from sitrep.errors import KnowledgeError
    from sitrep.knowledge import knowledge_path

    path = knowledge_path("country_names.csv")
    out = {}
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        for row in reader:
            code, name = (row.get("iso2") or "").strip(), (row.get("name") or "").strip()
            if len(code) != 2 or not name:
                raise KnowledgeError(f"{path}:{reader.line_num}: a row needs iso2 (2 letters) and name", code="E406")
            out[code.upper()] = name
    return out


def event_record(m: EventMention) -> dict:
    p = m.place
    rec = {
        "document": m.document_id,
        "date": m.date.isoformat() if m.date else None,
        "date_precision": m.date_precision,
        "time_precision": PRECISION_CODES.get(m.date_precision or "", None),
        "event_type": m.event_type,
        "sub_event_type": m.sub_event_type,
        "weapons": list(m.weapons),
        "actor1": m.actor1,
        "actor2": m.actor2,
        "target": m.target,
        "location": None if p is None else {
            "name": p.name, "country": _country_names().get(p.country_code or "", p.country), "admin1": p.admin1, "latitude": round(p.latitude, 5),
            "longitude": round(p.longitude, 5), "geo_precision": p.geo_precision, "geonameid": p.geonameid,
            "feature": p.feature, "source": p.source,
        },
        "fatalities": m.fatalities.best,
        "fatalities_range": {"low": m.fatalities.low, "best": m.fatalities.best, "high": m.fatalities.high},
        "injured": m.injured.best,
        "claimed": m.claimed,
        "claimant": m.claimant,
        "denied": m.denied,
        "attempted": m.attempted,
        "hedged": m.hedged,
        "reported_by": list(m.reported_by),
        "evidence": [s.to_dict() for s in m.evidence],
        "field_spans": {k: [s.to_dict() for s in v] for k, v in m.field_spans.items()},
        "roles": {k: [{"text": f.text, "start": f.start, "end": f.end} for f in v] for k, v in m.roles.items()},
        "notes": list(m.notes),
    }
    return rec
