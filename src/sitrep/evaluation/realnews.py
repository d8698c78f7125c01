"""Readers and scorers for the real-news benchmark (``benchmarks/realnews.py``) over ``../shared/data/realnews``
and the real negative sentences (``benchmarks/data/realnews_negatives.csv``).

The tune / check split is fixed here, once: Nigeria's UCDP headlines, RAMS dev and the WikiEvents documents in
``WIKIEVENTS_TUNE`` tune; Ukraine's headlines, RAMS test and the other WikiEvents documents check. Every threshold
and weight is chosen on tune only.

Public:
    ucdp_items(shared, country) -> list[UcdpItem]      one report per UCDP event: its first headline and date
    wikievents_docs(shared) -> list[dict]              WikiEvents dev documents (sentences with char offsets)
    rams_windows(shared, split) -> list[RamsWindow]    RAMS windows as text with the trigger's sentence span
    source_text(shared, source, doc) -> str            the text a negative sentence's offsets point into
    score_ucdp / score_wikievents / score_rams          figures as dicts
    read_rams_judged(path) -> dict                     our judgement of each RAMS dev window: specific / refuse
"""
from __future__ import annotations

import ast
import csv
import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from sitrep.model import haversine_km

WIKIEVENTS_TUNE = (
    "road_ied_8", "scenario_en_kairos_60", "64_VOA_EN_NW_2017.06.05.3887168", "scenario_en_8",
    "32_VOA_EN_NW_2014.06.04.1929720", "wiki_ied_bombings_1_news_4", "wiki_drone_strikes_2_news_8",
    "scenario_en_7", "65_VOA_EN_NW_2014.07.21.1962165", "scenario_en_113",
)
WIKIEVENTS_CHECK = (
    "scenario_en_62", "scenario_en_kairos_75", "suicide_ied_114", "scenario_en_85", "road_ied_12",
    "scenario_en_kairos_61", "suicide_ied_11", "wiki_ied_bombings_1_news_3", "wiki_ied_bombings_9",
    "scenario_en_kairos_73",
)
UCDP_SPLIT = {"tune": "nga", "check": "ukr"}
RAMS_SPLIT = {"tune": "dev", "check": "test"}
COUNTRY_CODES = {"nga": "NG", "ukr": "UA"}
VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
FAMILIES = ("conflict.attack", "life.die", "life.injure")
WIKI_FAMILIES = ("Conflict.Attack", "Life.Die", "Life.Injure")
WIKI_ROLES = ("Attacker", "Target", "Victim", "Instrument", "Place")
# KAIROS names the same roles otherwise in some event types: the killer / injurer is the attacker, the explosive
# device of Conflict.Attack.DetonateExplode is its instrument.
WIKI_ROLE_ALIASES = {"Killer": "Attacker", "Injurer": "Attacker", "ExplosiveDevice": "Instrument"}


# ---------------------------------------------------------------- UCDP GED headlines


@dataclass
class UcdpItem:
    id: str
    headline: str
    published: date
    country: str  # ISO2 of the event
    latitude: float
    longitude: float
    where_prec: int
    date_start: date
    date_end: date
    low: int
    high: int


def ucdp_items(shared: Path, country: str) -> list[UcdpItem]:
    """One report per UCDP event that names a source headline: its first headline with its first source date
    (the row's other sources are other reports of the same event)."""
    path = shared / "data" / "realnews" / "ucdp_ged" / f"conflict_data_{country}.csv"
    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if not (row.get("id") or "").strip() or row["id"].startswith("#"):
                continue
            heads = [h.strip() for h in (row.get("source_headline") or "").split(";")]
            dates = [d.strip() for d in (row.get("source_date") or "").split(";")]
            pairs = [(h, d) for h, d in zip(heads, dates, strict=False) if h and re.match(r"\d{4}-\d\d-\d\d$", d)]
            if not pairs:
                continue
            head, day = pairs[0]
            out.append(UcdpItem(
                id=f"{country}-{row['id'].split('.')[0]}", headline=" ".join(head.split()),
                published=date.fromisoformat(day), country=COUNTRY_CODES[country],
                latitude=float(row["latitude"]), longitude=float(row["longitude"]),
                where_prec=int(float(row["where_prec"])), date_start=date.fromisoformat(row["date_start"][:10]),
                date_end=date.fromisoformat(row["date_end"][:10]), low=int(float(row["low"] or 0)),
                high=int(float(row["high"] or 0))))
    return out


def score_ucdp(items: list[UcdpItem], events: dict[str, list]) -> dict:
    """Share detected; of the detected: right country, date within date_start..date_end +/- 1 day, deaths
    inside low..high; place within 161 km of UCDP's point (where_prec <= 3) of the detected and of all."""
    n = len(items)
    det = [it for it in items if events.get(it.id)]
    country = sum(any(e.place is not None and e.place.country_code == it.country for e in events[it.id])
                  for it in det)
    one_day = timedelta(days=1)
    in_date = sum(any(e.date is not None and it.date_start - one_day <= e.date <= it.date_end + one_day
                      for e in events[it.id]) for it in det)
    deaths = sum(any(it.low <= (e.fatalities.best or 0) <= it.high for e in events[it.id]) for it in det)
    precise = [it for it in items if it.where_prec <= 3]

    def near(it: UcdpItem) -> bool:
        return any(e.place is not None and haversine_km(e.place.latitude, e.place.longitude, it.latitude,
                                                        it.longitude) <= 161 for e in events.get(it.id, []))

    near_n = sum(near(it) for it in precise)
    precise_det = [it for it in precise if events.get(it.id)]
    nd = max(len(det), 1)
    return {"n": n, "detected": len(det) / max(n, 1), "country": country / nd, "date": in_date / nd,
            "deaths": deaths / nd, "place": near_n / max(len(precise_det), 1),
            "place_all": near_n / max(len(precise), 1)}


# ---------------------------------------------------------------- WikiEvents


def _field(x):
    return ast.literal_eval(x) if isinstance(x, str) else x


def wikievents_docs(shared: Path) -> list[dict]:
    """WikiEvents dev documents; ``text`` rebuilt so that the sentences' and tokens' offsets point into it."""
    out = []
    with open(shared / "data" / "realnews" / "wikievents" / "dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            doc = {k: _field(v) if k in ("sentences", "entity_mentions", "event_mentions") else v
                   for k, v in d.items()}
            doc["text"] = _aligned_text(doc["sentences"])
            out.append(doc)
    return out


def _aligned_text(sentences: list) -> str:
    """The document's text with each sentence at the offset its tokens give, spaces between: the file's own
    ``text`` glues sentences together ("in SyriaThe desert") while the token offsets count a separator, so gold
    spans drifted by a character per sentence."""
    buf = [" "] * max((s[0][-1][2] for s in sentences if s[0]), default=0)
    for toks, sent in sentences:
        if toks:
            buf[toks[0][1]:toks[0][1] + len(sent)] = sent
    return "".join(buf)


def _wiki_span(doc: dict, start: int, end: int) -> tuple[int, int]:
    """Char span of document-level token indices [start, end)."""
    toks = [t for s in doc["sentences"] for t in s[0]]
    return toks[start][1], toks[end - 1][2]


def _family_events(doc: dict) -> list[dict]:
    return [e for e in doc["event_mentions"] if e["event_type"].startswith(WIKI_FAMILIES)]


def wikievents_arguments(doc: dict) -> list[tuple[dict, list[tuple[str, int, int, dict]]]]:
    """Each attack / die / injure event of the document with its arguments, in the file's order: (role with
    ``WIKI_ROLE_ALIASES`` applied, char start, char end, the entity mention), those whose entity the document
    lists."""
    ents = {m["id"]: m for m in doc["entity_mentions"]}
    out = []
    for e in _family_events(doc):
        args = []
        for a in e["arguments"]:
            if a["entity_id"] in ents:
                m = ents[a["entity_id"]]
                args.append((WIKI_ROLE_ALIASES.get(a["role"], a["role"]), *_wiki_span(doc, m["start"], m["end"]), m))
        out.append((e, args))
    return out


ROLE_FIELDS = {
    "Attacker": (("actor1",), ("perpetrator_individuals", "perpetrator_organizations")),
    "Target": (("target", "actor2"), ("targets", "victims")),
    "Victim": (("target", "actor2"), ("targets", "victims")),
    "Instrument": (("weapons",), ("weapons",)),
    "Place": (("location",), ("places",)),
}
_WORD = re.compile(r"\w+")


def _role_spans(e, role: str) -> list[tuple[int, int]]:
    fields, roles = ROLE_FIELDS[role]
    spans = [(s.start, s.end) for f in fields for s in e.field_spans.get(f, [])]
    spans += [(f.start, f.end) for r in roles for f in e.roles.get(r, [])]
    if role == "Place" and e.place is not None and e.place.span is not None:
        spans.append((e.place.span.start, e.place.span.end))
    return spans


def role_values(e, role: str) -> list[str]:
    """The values sitrep gives for a WikiEvents role of an event: the texts of the fields' evidence and of the
    role fillers, and the fields' values themselves (actor1, target, actor2, the weapon words, the place's name)."""
    fields, roles = ROLE_FIELDS[role]
    out = [s.text for f in fields for s in e.field_spans.get(f, [])]
    out += [f.text for r in roles for f in e.roles.get(r, [])]
    if role == "Attacker":
        out.append(e.actor1 or "")
    elif role in ("Target", "Victim"):
        out += [e.target or "", e.actor2 or ""]
    elif role == "Instrument":
        out += list(e.weapons)
    elif e.place is not None:
        out += [e.place.name, e.place.span.text if e.place.span is not None else ""]
    return [v for v in out if v]


def head_word(mention: str) -> str:
    """Head word of a gold argument (``muc4.head_noun``: the last word before ``of`` / a relative clause)."""
    from sitrep.evaluation.muc4 import head_noun, normalize_mention

    return head_noun(normalize_mention(mention))


def head_found(head: str, values: list[str]) -> bool:
    """The head word is one of the words of a value (case and punctuation ignored; the dots of an abbreviation
    too: the gold head of "Washington, D.C." is "dc", a value "D.C." reads as "dc", not as "d" and "c"; and the
    hyphens, which ``head_word`` drops: the gold head of "Badia al-Sukhnah" is "alsukhnah", a value "al-Sukhnah"
    reads as "al", "sukhnah" and "alsukhnah")."""
    words = _WORD.findall(head.lower().replace(".", ""))
    return bool(words) and any(all(w in vw for w in words) for vw in map(_value_words, values))


def _value_words(value: str) -> set[str]:
    """The words of a value for ``head_found``: as written, and with its hyphens dropped as the gold head's are."""
    v = value.lower().replace(".", "")
    return {*_WORD.findall(v), *_WORD.findall(v.replace("-", ""))}


PERP_ROLES = ("perpetrator_individuals", "perpetrator_organizations")


def attacker_items(e) -> list[tuple[str, ...]]:
    """The attackers an event gives, each once, as the wordings that name it: its actor1 with the texts of its
    evidence spans (an "Unidentified ..." actor1 names no one: its spans alone, "gunmen"), then each perpetrator
    filler whose text is not already one of them."""
    items: list[tuple[str, ...]] = []
    spans = tuple(s.text for s in e.field_spans.get("actor1", []))
    if e.actor1 and not e.actor1.startswith("Unidentified"):
        items.append((e.actor1, *spans))
    elif spans:
        items.append(spans)
    for r in PERP_ROLES:
        for f in e.roles.get(r, []):
            if not any(f.text.lower() == v.lower() for it in items for v in it):
                items.append((f.text,))
    return items


def attacker_precision(near: list, heads: list[str]) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """The attackers (``attacker_items``) the events ``near`` a gold sentence give, each wording set once, split into
    those that hold a gold Attacker's head word (``heads``) and those that hold none: (right, wrong)."""
    seen: set[frozenset[str]] = set()
    right: list[tuple[str, ...]] = []
    wrong: list[tuple[str, ...]] = []
    for e in near:
        for it in attacker_items(e):
            key = frozenset(v.lower() for v in it)
            if key in seen:
                continue
            seen.add(key)
            (right if any(head_found(h, list(it)) for h in heads) else wrong).append(it)
    return right, wrong


def trigger_starts(e) -> list[int]:
    """Where an event's triggers start: a merged event keeps every mention's trigger among its field spans."""
    return sorted({e.trigger.start, *(s.start for s in e.field_spans.get("trigger", []))})


def _events_by_sentence(doc: dict, evs: list) -> dict[int, list]:
    bounds = [(s[0][0][1], s[0][-1][2]) for s in doc["sentences"]]

    def sent_of(offset: int) -> int:
        return next((i for i, (a, b) in enumerate(bounds) if a <= offset < b + 1), -1)

    by_sent: dict[int, list] = {}
    for e in evs:
        for i in {sent_of(t) for t in trigger_starts(e)}:
            by_sent.setdefault(i, []).append(e)
    return by_sent


def score_wikievents(docs: list[dict], events: dict[str, list]) -> dict:
    """Sentence-level detection of attack / die / injure events (recall, and precision over sentences with a
    sitrep event), and recall of each role's arguments by head-word match: a gold argument counts as found when
    its head word is among the words of a value sitrep gives for that role (``role_values``) of an event found
    in the gold event's sentence. ``<role>_span`` is the stricter figure: a field's or filler's span overlaps
    the gold mention (an event merged from several sentences keeps the spans of the other sentences)."""
    gold_sent = found_sent = pred_sent = pred_right = 0
    role_n = dict.fromkeys(WIKI_ROLES, 0)
    role_hit = dict.fromkeys(WIKI_ROLES, 0)
    span_hit = dict.fromkeys(WIKI_ROLES, 0)
    p_right: list = []
    p_wrong: list = []
    for doc in docs:
        by_sent = _events_by_sentence(doc, events.get(doc["doc_id"], []))
        fam = _family_events(doc)
        gold = {e["trigger"]["sent_idx"] for e in fam}
        _wiki_attacker_precision(doc, by_sent, p_right, p_wrong)
        gold_sent += len(gold)
        found_sent += len(gold & set(by_sent))
        pred_sent += len(set(by_sent) - {-1})
        pred_right += len(set(by_sent) & gold)
        for g, args in wikievents_arguments(doc):
            near = by_sent.get(g["trigger"]["sent_idx"], [])
            for role, s, t, m in args:
                if role not in role_n:
                    continue
                role_n[role] += 1
                head = head_word(m["text"])
                role_hit[role] += any(head_found(head, role_values(e, role)) for e in near)
                span_hit[role] += any(x < t and s < y for e in near for x, y in _role_spans(e, role))
    out = {"sentences": gold_sent, "recall": found_sent / max(gold_sent, 1),
           "precision": pred_right / max(pred_sent, 1)}
    for r in WIKI_ROLES:
        out[r] = role_hit[r] / max(role_n[r], 1)
        out[f"{r}_span"] = span_hit[r] / max(role_n[r], 1)
        out[f"{r}_n"] = role_n[r]
    tv = role_n["Target"] + role_n["Victim"]
    out["Target+Victim"] = (role_hit["Target"] + role_hit["Victim"]) / max(tv, 1)
    out["Target+Victim_span"] = (span_hit["Target"] + span_hit["Victim"]) / max(tv, 1)
    out.update(_precision_figures(p_right, p_wrong))
    return out


def _wiki_attacker_precision(doc: dict, by_sent: dict[int, list], right: list, wrong: list) -> None:
    """Per gold-event sentence: the attackers the events found there give, right or wrong against the gold
    Attackers of that sentence's events (none annotated: every one given is wrong). Appends (doc id, sentence,
    wordings) to ``right`` / ``wrong``."""
    heads: dict[int, list[str]] = {}
    for g, args in wikievents_arguments(doc):
        heads.setdefault(g["trigger"]["sent_idx"], []).extend(head_word(m["text"]) for r, _, _, m in args
                                                              if r == "Attacker")
    for i, hs in heads.items():
        r, w = attacker_precision(by_sent.get(i, []), hs)
        right += [(doc["doc_id"], i, it) for it in r]
        wrong += [(doc["doc_id"], i, it) for it in w]


def _precision_figures(right: list, wrong: list) -> dict:
    """Attacker precision by head word: share right of the attackers given, their count, the wrong ones."""
    n = len(right) + len(wrong)
    return {"P_Attacker": len(right) / max(n, 1), "P_Attacker_n": n, "P_Attacker_wrong": len(wrong),
            "attacker_right": right, "attacker_wrong": wrong}


# ---------------------------------------------------------------- RAMS

_NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", "%", ")", "]", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m",
                    "'", "''"}
_NO_SPACE_AFTER = {"(", "[", "$", "``"}


def detokenize(sentences: list[list[str]]) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]]:
    """Text of tokenised sentences (sentences joined by a space), each token's and each sentence's char span."""
    text, tok_spans, sent_spans = "", [], []
    for sent in sentences:
        if text:
            text += " "
        s0 = len(text)
        prev = None
        for tok in sent:
            if prev is not None and tok not in _NO_SPACE_BEFORE and prev not in _NO_SPACE_AFTER:
                text += " "
            tok_spans.append((len(text), len(text) + len(tok)))
            text += tok
            prev = tok
        sent_spans.append((s0, len(text)))
    return text, tok_spans, sent_spans


@dataclass
class RamsWindow:
    id: str
    text: str
    event_type: str  # AIDA type, e.g. conflict.attack.airstrikemissilestrike
    sentence: tuple[int, int]  # char span of the trigger's sentence
    trigger: tuple[int, int]
    # (role as WikiEvents names it: Attacker / Target / Victim / Instrument / Place, char start, char end)
    args: list[tuple[str, int, int]] = field(default_factory=list)
    source: str = ""  # the article's URL: windows of one article share it (folds by article)


RAMS_ROLES = {"attacker": "Attacker", "killer": "Attacker", "injurer": "Attacker", "target": "Target",
              "victim": "Victim", "instrument": "Instrument", "place": "Place"}


def rams_windows(shared: Path, split: str) -> list[RamsWindow]:
    out = []
    with open(shared / "data" / "realnews" / "rams" / f"{split}.jsonlines", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            text, toks, sents = detokenize(d["sentences"])
            t0, t1, ((etype, _),) = d["evt_triggers"][0][0], d["evt_triggers"][0][1], d["evt_triggers"][0][2][:1]
            sent = next(s for s in sents if s[0] <= toks[t0][0] <= s[1])
            args = []
            for _, (a, b), name in d.get("gold_evt_links", []):
                role = RAMS_ROLES.get(re.sub(r"^evt\d+arg\d+", "", name))
                if role:
                    args.append((role, toks[a][0], toks[b][1]))
            out.append(RamsWindow(d["doc_key"], text, etype, sent, (toks[t0][0], toks[t1][1]), args,
                                  d.get("source_url") or d["doc_key"]))
    return out


def rams_family(w: RamsWindow) -> str | None:
    return next((f for f in FAMILIES if w.event_type.startswith(f)), None)


def right_family(e, etype: str) -> bool:
    """A sitrep event of the AIDA type's family: any violent ACLED type; arson also as property destruction."""
    if e.event_type in VIOLENT_TYPES:
        return True
    return "setfire" in etype and e.sub_event_type == "Looting/property destruction"


def score_rams(windows: list[RamsWindow], events: dict[str, list],
               judged: dict[tuple[str, int], str] | None = None) -> dict:
    """Of the attack / die / injure windows: the share with a sitrep event in the trigger's sentence of the
    right family (and any event there at all). With ``judged`` (``read_rams_judged``): the same share over the
    windows a reader judged to report one specific violent event (``specific``) and over those sitrep rightly
    refuses (``refused_found``: there a found event is another event of the sentence, or a false one)."""
    fam = [w for w in windows if rams_family(w)]
    out: dict = {"n": len(fam)}

    def found(w: RamsWindow) -> bool:
        return any(any(w.sentence[0] <= t < w.sentence[1] for t in trigger_starts(e))
                   and right_family(e, w.event_type) for e in events.get(w.id, []))

    for f in (*FAMILIES, "all"):
        ws = [w for w in fam if f == "all" or rams_family(w) == f]
        out[f] = sum(found(w) for w in ws) / max(len(ws), 1)
        out[f"{f}_n"] = len(ws)
    if judged:
        for name, label in (("specific", "specific"), ("refused_found", "refuse")):
            ws = [w for w in fam if judged.get((w.id, w.trigger[0])) == label]
            out[name], out[f"{name}_n"] = sum(found(w) for w in ws) / max(len(ws), 1), len(ws)
        # the roles of the windows of one specific event alone: most other windows' events are rightly not
        # reported, and their arguments count as missed in the figure over all windows
        specific = [w for w in fam if judged.get((w.id, w.trigger[0])) == "specific"]
        out.update({f"specific_{k}": v for k, v in _rams_roles(specific, events).items()})
    out.update(_rams_roles(fam, events))
    return out


def read_rams_judged(path: Path) -> dict[tuple[str, int], str]:
    """Our judgement of each RAMS dev window (``benchmarks/data/rams_dev_judged.csv``): (doc_key, trigger start) ->
    "specific" (one specific violent event) or "refuse" (a rate, an illness, a plan, a figure, a war ...)."""
    with open(path, encoding="utf-8", newline="") as fh:
        return {(row["doc_key"], int(row["trigger_start"])): row["judgement"]
                for row in csv.DictReader(line for line in fh if not line.startswith("#"))}


def _rams_roles(windows: list[RamsWindow], events: dict[str, list]) -> dict:
    """Recall of each role's arguments by head-word match, as for WikiEvents: the head word of the gold
    argument among the words of a value sitrep gives for that role of an event found in the trigger's sentence
    (arguments in other sentences of the window count too)."""
    n = dict.fromkeys(WIKI_ROLES, 0)
    hit = dict.fromkeys(WIKI_ROLES, 0)
    for w in windows:
        near = [e for e in events.get(w.id, []) if any(w.sentence[0] <= t < w.sentence[1] for t in trigger_starts(e))]
        for role, a, b in w.args:
            n[role] += 1
            head = head_word(w.text[a:b])
            hit[role] += any(head_found(head, role_values(e, role)) for e in near)
    out = {f"role_{r}": hit[r] / max(n[r], 1) for r in WIKI_ROLES}
    out.update({f"role_{r}_n": n[r] for r in WIKI_ROLES})
    out["role_Target+Victim"] = (hit["Target"] + hit["Victim"]) / max(n["Target"] + n["Victim"], 1)
    out.update(_rams_attacker_precision(windows, events))
    return out


def _rams_attacker_precision(windows: list[RamsWindow], events: dict[str, list]) -> dict:
    """Attacker precision over the windows whose event is an attack (conflict.attack: the role is the attacker; a
    death's killer is often not named where the sentence tells of no act): the attackers the events of the trigger's
    sentence give, right when they hold the head word of the window's attacker argument (none annotated: wrong).
    ``P_Attacker_all``: the same over attack, die and injure windows (killer, injurer)."""
    right: list = []
    wrong: list = []
    for w in windows:
        near = [e for e in events.get(w.id, []) if any(w.sentence[0] <= t < w.sentence[1] for t in trigger_starts(e))]
        r, x = attacker_precision(near, [head_word(w.text[a:b]) for role, a, b in w.args if role == "Attacker"])
        attack = rams_family(w) == "conflict.attack"
        right += [(w.id, w.sentence, it, attack) for it in r]
        wrong += [(w.id, w.sentence, it, attack) for it in x]
    out = _precision_figures([k for k in right if k[3]], [k for k in wrong if k[3]])
    every = _precision_figures(right, wrong)
    out.update({"P_Attacker_all": every["P_Attacker"], "P_Attacker_all_n": every["P_Attacker_n"],
                "P_Attacker_all_wrong": every["P_Attacker_wrong"], "attacker_wrong_all": wrong})
    return out


# ---------------------------------------------------------------- texts the negative sentences point into


@lru_cache(maxsize=4)
def _lgl(shared: Path) -> dict[str, str]:
    import xml.etree.ElementTree as ET

    root = ET.parse(shared / "data" / "geoparsing" / "lgl.xml").getroot()
    return {a.get("docid") or "": a.findtext("text") or "" for a in root.iter("article")}


def _tml_text(path: Path) -> str:
    """The TimeML document's TEXT element with its tags removed (entities unescaped)."""
    import html

    raw = path.read_text(encoding="utf-8")
    m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", m.group(1) if m else raw))


def _ecb_text(path: Path) -> str:
    """An ECB+ document's tokens, joined as detokenised sentences, one sentence a line."""
    import xml.etree.ElementTree as ET

    sents: dict[int, list[str]] = {}
    for t in ET.parse(path).getroot().iter("token"):
        sents.setdefault(int(t.get("sentence") or 0), []).append(t.text or "")
    return "\n".join(detokenize([s])[0] for _, s in sorted(sents.items()))


def source_text(shared: Path, source: str, doc: str) -> str:
    """The text a negative sentence's offsets point into. ``source`` is a path under ``shared``; ``doc`` names a
    document inside it where the file holds several (LGL docid, RAMS doc_key)."""
    path = shared / source
    if source.endswith("lgl.xml"):
        return _lgl(shared)[doc]
    if source.endswith(".tml"):
        return _tml_text(path)
    if "ecbplus" in source:
        return _ecb_text(path)
    if source.endswith(".jsonlines"):
        return _rams_texts(shared, source)[doc]
    return path.read_text(encoding="utf-8")


@lru_cache(maxsize=4)
def _rams_texts(shared: Path, source: str) -> dict[str, str]:
    out = {}
    with open(shared / source, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            out[d["doc_key"]] = detokenize(d["sentences"])[0]
    return out


@dataclass
class Negative:
    source: str
    doc: str
    start: int
    end: int
    label: str
    split: str
    text: str = ""


def read_negatives(path: Path, shared: Path) -> list[Negative]:
    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            n = Negative(row["source"], row["doc"], int(row["start"]), int(row["end"]), row["label"], row["split"])
            n.text = source_text(shared, n.source, n.doc)[n.start:n.end]
            out.append(n)
    return out


def read_headlines2(path: Path) -> tuple[list[UcdpItem], list[UcdpItem]]:
    """Our own headline set (``benchmarks/data/realnews_headlines2.csv``): the event headlines as UCDP-like items
    (where_prec 1 where the headline names a place with a point, else 9; date: the publication day or the two
    days before it; deaths as given) and the non-event headlines (scored only on whether they yield an event)."""
    events: list[UcdpItem] = []
    others: list[UcdpItem] = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            day = date.fromisoformat(row["published"])
            has_point = bool(row["latitude"])
            deaths = int(row["deaths"]) if row["deaths"] else None
            item = UcdpItem(
                id=row["id"], headline=row["headline"], published=day, country=row["country"],
                latitude=float(row["latitude"]) if has_point else 0.0,
                longitude=float(row["longitude"]) if has_point else 0.0, where_prec=1 if has_point else 9,
                date_start=day - timedelta(days=2), date_end=day,
                low=deaths if deaths is not None else 0, high=deaths if deaths is not None else 10**6)
            (events if row["kind"] == "event" else others).append(item)
    return events, others


# ---------------------------------------------------------------- our Middle East headlines


@dataclass
class MideastItem:
    id: str
    headline: str
    published: date
    attack: bool  # hand-judged: the headline clearly reports one specific attack
    countries: tuple[str, ...]  # ISO2 of the event, alternatives (Jerusalem IL/PS); empty: at sea, not scored
    place: str  # the most precise place the headline names ("" none)
    point: tuple[float, float] | None  # scored only where the headline names a place
    tags: str
    split: str  # publication month odd = tune, even = check (fixed before any run)


def read_mideast(path: Path) -> list[MideastItem]:
    """Our own 2023-24 Middle East headlines (``benchmarks/data/realnews_mideast.csv``)."""
    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            day = date.fromisoformat(row["published"])
            point = (float(row["latitude"]), float(row["longitude"])) if row["place"] and row["latitude"] else None
            out.append(MideastItem(
                id=row["id"], headline=row["headline"], published=day, attack=row["judgement"] == "attack",
                countries=tuple(c for c in row["country"].split("/") if c), place=row["place"], point=point,
                tags=row["tags"], split="tune" if day.month % 2 else "check"))
    return out


def score_mideast(items: list[MideastItem], events: dict[str, list]) -> dict:
    """yield: share of all headlines with any event; recall: share of the attack headlines with an event;
    precision: share of the events given that come from attack headlines and are of a violent type; of the
    found attacks: right country (where one is judged) and place within 161 km (where the headline names a
    place with a point); ``place_all``: the same over all attack headlines that name a place."""
    attacks = [it for it in items if it.attack]
    found = [it for it in attacks if events.get(it.id)]
    given = [(it, e) for it in items for e in events.get(it.id, [])]
    right = sum(it.attack and e.event_type in VIOLENT_TYPES for it, e in given)
    judged = [it for it in found if it.countries]
    country = sum(any(e.place is not None and e.place.country_code in it.countries for e in events[it.id])
                  for it in judged)

    def near(it: MideastItem) -> bool:
        assert it.point is not None
        return any(e.place is not None and haversine_km(e.place.latitude, e.place.longitude, *it.point) <= 161
                   for e in events.get(it.id, []))

    placed = [it for it in attacks if it.point is not None]
    near_n = sum(near(it) for it in placed)
    return {"n": len(items), "attacks": len(attacks), "yield": sum(bool(events.get(it.id)) for it in items)
            / max(len(items), 1), "recall": len(found) / max(len(attacks), 1),
            "precision": right / max(len(given), 1), "events": len(given),
            "country": country / max(len(judged), 1),
            "place": near_n / max(sum(1 for it in placed if events.get(it.id)), 1),
            "place_all": near_n / max(len(placed), 1)}


# ---------------------------------------------------------------- headlines as outlets write them

# How real outlets dress a headline that our sets write in clean sentence case: what the sealed headlines look like
# and our sets do not. Each form is deterministic; the random ones are seeded by the headline's id.
OUTLET_SUFFIXES = (" - Reuters", " | Al Jazeera", " - The New York Times", " | AP News", " - BBC News",
                   " | The Times of Israel", " - Al Arabiya English", " : Premium Times Nigeria")
OUTLET_PREFIXES = ("UPDATE 2-", "BREAKING: ", "WATCH: ", "Live updates: ", "UPDATE 1-", "EXCLUSIVE-")
_SMALL_WORDS = frozenset("a an and as at but by for from in into nor of off on or over per the to up via with".split())


def _title_word(word: str) -> str:
    """A word with its first letter in capitals, the rest as written ("US", "al-Qaeda" -> "Al-Qaeda")."""
    return next((word[:i] + word[i].upper() + word[i + 1:] for i, ch in enumerate(word) if ch.isalpha()), word)


def title_case(headline: str, *, small_words: bool = False) -> str:
    """Every word capitalised ("Rockets Hit US Base In Eastern Syria"); with ``small_words`` (AP / Chicago style)
    articles, conjunctions and short prepositions stay lower-case unless first."""
    words = headline.split(" ")
    return " ".join(w if small_words and k and w.lower() in _SMALL_WORDS else _title_word(w)
                    for k, w in enumerate(words))


def _seeded(key: str, form: str):
    import random

    return random.Random(f"{form}:{key}")  # a str seed is hashed with SHA-512: the same draw in every run


def _mixed(headline: str, key: str) -> str:
    """A draw of what outlets do, per headline: Title Case (half), ALL CAPS (one in ten), an outlet's name after it
    (two in five), a prefix before it (one in five)."""
    rnd = _seeded(key, "mixed")
    case, suffix, prefix = rnd.random(), rnd.random(), rnd.random()
    out = headline.upper() if case < 0.1 else title_case(headline) if case < 0.6 else headline
    if suffix < 0.4:
        out += rnd.choice(OUTLET_SUFFIXES)
    if prefix < 0.2:
        out = rnd.choice(OUTLET_PREFIXES) + out
    return out


HEADLINE_FORMS = {
    "plain": lambda h, key: h,
    "title": lambda h, key: title_case(h),
    "title_ap": lambda h, key: title_case(h, small_words=True),
    "caps": lambda h, key: h.upper(),
    "suffix": lambda h, key: h + _seeded(key, "suffix").choice(OUTLET_SUFFIXES),
    "prefix": lambda h, key: _seeded(key, "prefix").choice(OUTLET_PREFIXES) + h,
    "quotes": lambda h, key: f"\u201c{h}\u201d",
    "ellipsis": lambda h, key: h.rstrip(".") + "...",
    "video": lambda h, key: h + " (VIDEO)",
    "mixed": _mixed,
}


def headline_form(form: str, headline: str, key: str) -> str:
    """The headline as an outlet of kind ``form`` (``HEADLINE_FORMS``) writes it; ``key`` seeds the random ones."""
    return HEADLINE_FORMS[form](headline, key)
