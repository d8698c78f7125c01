"""One event as a record in the format of FORMAT.md (ACLED field names), with its evidence spans.

Public:
    event_record(event) -> dict
    total_record(total) -> dict     a reported total ("28,000 killed since 2015"): record_kind "reported_total"
    undated_record(event) -> dict   an event with no knowable day: record_kind "undated_event"
    day_known(event) -> bool        whether an event is dated to its day (or week), i.e. an incident record
    doer_noun(event) -> str | None  the output's actor1 ("gunmen", "Maoist rebels" where no group is known)
    written_doer(phrase) -> str | None  that noun from the words of an actor1 span ("About a dozen gunmen" -> "gunmen")
    acled_category(event) -> dict   {"actor1_acled": "Unidentified Armed Group (Country)"} for a doer of no known group
    PRECISION_CODES                 day/week/month/year -> ACLED time_precision 1/2/3
"""
from __future__ import annotations

import re

from sitrep.codebook import ACLED_TIME_PRECISION
from sitrep.knowledge import knowledge_cached
from sitrep.model import EventMention, ReportedTotal

PRECISION_CODES = ACLED_TIME_PRECISION  # one definition: sitrep.codebook


@knowledge_cached
def _country_names() -> dict[str, str]:
    """ISO2 -> the country name ACLED uses where GeoNames spells it otherwise (knowledge/country_names.csv)."""
    import csv

    from sitrep.errors import E406_KNOWLEDGE_ROW, KnowledgeError
    from sitrep.knowledge import knowledge_path

    path = knowledge_path("country_names.csv")
    out = {}
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        for row in reader:
            code, name = (row.get("iso2") or "").strip(), (row.get("name") or "").strip()
            if len(code) != 2 or not name:
                raise KnowledgeError(f"{path}:{reader.line_num}: a row needs iso2 (2 letters) and name", code=E406_KNOWLEDGE_ROW)
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
        "actor1": doer_noun(m),
        **acled_category(m),
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


def doer_noun(m: EventMention) -> str | None:
    """The actor1 written out: an event whose doer is a perpetrator noun of no known group (``UNIDENTIFIED``) whose
    head is one of events.toml ``doer_noun_heads`` (a kind of armed group: "the Maoist rebels", "two suspected urban
    guerrillas"; or the doers of the act: "About a dozen gunmen", "the attackers") has the noun as the text gives
    it, without articles, counts and the words of ``doer_noun_drop`` ("alleged", "unidentified"), lower-case in
    ALL-CAPS text; other heads ("the bomber", "a suicide bomber") stay the Unidentified Armed Group, as the event does
    internally (merge, coreference, the store and the ACLED export read that; the record keeps it beside the noun as
    ``actor1_acled``: ``acled_category``). Counts behind it in events.toml beside ``doer_noun_heads``."""
    from sitrep.extract import UNIDENTIFIED

    spans = m.field_spans.get("actor1") or []
    if m.actor1 != UNIDENTIFIED or not spans:
        return m.actor1
    return written_doer(spans[0].text) or m.actor1


def written_doer(phrase: str) -> str | None:
    """The doer noun as ``doer_noun`` writes it ("About a dozen gunmen" -> "gunmen"); None when its head is not one
    of ``doer_noun_heads`` ("a suicide bomber"). The incident page (serve.service.incident_detail) reads it too."""
    from sitrep.extract import load_lexicon

    text = re.sub(r"(\w)-\s+", r"\1-", " ".join(phrase.split()))  # "SELF- STYLED" (a line break)
    text = re.sub(r"[\"\u201c\u201d]", "", text)
    lex = load_lexicon()
    drop = lex.doer_noun_drop
    words = text.split()
    while words and (words[0].lower() in drop or words[0].isdigit()):
        words = words[1:]
    if not words or words[-1].lower() not in lex.doer_noun_heads:
        return None
    out = " ".join(words)
    return out.lower() if out.isupper() else out


def acled_category(m: EventMention) -> dict[str, str]:
    """ACLED's name for a doer of no known group, kept beside the written actor1 (``doer_noun``): the record of an
    event whose doer is ``UNIDENTIFIED`` has ``actor1_acled`` "Unidentified Armed Group (Country)" (the event's
    country as ACLED writes it; without one, "Unidentified Armed Group"); other records have no such key."""
    from sitrep.extract import UNIDENTIFIED

    if m.actor1 != UNIDENTIFIED:
        return {}
    p = m.place
    country = None if p is None else _country_names().get(p.country_code or "", p.country)
    return {"actor1_acled": f"{UNIDENTIFIED} ({country})" if country else UNIDENTIFIED}


def day_known(m: EventMention) -> bool:
    """Whether the report lets one know the event's day (or its week): the events ``sitrep extract`` writes as
    incidents. An event known only to its month (or year) ("three suicide attacks on Bali in October 2005", "beheaded
    last month") is a real event whose day no one can know from the text, as an undated one is: the store keeps
    both (ACLED time_precision 3), the incident output leaves both out unless asked (``--undated``).

    Count behind the choice (sessions 29-30, every seed-like set of tests/data with and without publication
    dates, 15 sets, gold written by other hands before sitrep ran): 11 events dated only to a month, none
    within a day of a gold event; every gold background event the annotators kept is told with its day."""
    return m.date is not None and m.date_precision not in ("month", "year")


def undated_record(m: EventMention) -> dict:
    """An event whose day the report does not let one know (no date, or only its month), as a record of its own
    kind (``sitrep extract --undated``), so that a reader of the output as dated incidents never counts it."""
    return {"record_kind": "undated_event", **event_record(m)}


def total_record(t: ReportedTotal) -> dict:
    """A reported total as a record of its own kind, with its source spans; never an incident."""
    return {
        "record_kind": "reported_total",
        "document": t.document_id,
        "casualty": t.casualty,
        "count": {"low": t.count.low, "best": t.count.best, "high": t.count.high},
        "span": t.span_text.to_dict() if t.span_text else None,
        "area": t.area.to_dict() if t.area else None,
        "reported_by": list(t.reported_by),
        "evidence": [s.to_dict() for s in t.evidence] + [s.to_dict() for s in t.count.spans],
    }
