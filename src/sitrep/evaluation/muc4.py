"""MUC-4 in its raw layout, and the CEAF-REE role-filler scorer of GRIT (Du, Rush and Cardie, EACL 2021).

Readers:
    read_docs(path) -> list[MucDoc]          documents separated by id lines (``TST1-MUC3-0001``,
                                              ``DEV-MUC3-0001 (NOSC)``); the dateline gives report date
    read_keys(path) -> list[Template]        answer-key templates: numbered slots, continuation lines,
                                              ``/`` alternatives, ``?``, ``-``, ``*``, ``;;;`` comments,
                                              ``(OPTIONAL)`` templates
Gold, as GRIT built it:
    gold_entities(templates, text) -> {role: [[mention, ...], ...]}
Scoring:
    ceaf_ree(preds, golds, phi="strict" | "head") -> Scores   counts summed over documents,
                                              micro-averaged over PerpInd, PerpOrg, Target, Victim, Weapon
    normalize_mention(s) -> str               lower-case, punctuation and articles stripped
    incident_accuracy(predicted, templates) -> dict   incident date / type / location accuracy
Running sitrep:
    document_for(doc) -> sitrep Document     report date and default place from the dateline
    predict(docs) -> (entities by doc, incidents by doc, seconds)   sitrep.pipeline over MUC documents
"""
from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from sitrep.errors import E910_BAD_KEY, E911_BAD_DOCS, SitrepError  # noqa: F401 (re-exported)
from sitrep.knowledge import knowledge_cached

ROLES: tuple[str, ...] = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")

# MUC-4 slot that each scored role comes from (GRIT: Victim is HUM TGT: NAME only).
ROLE_SLOTS: dict[str, str] = {
    "PerpInd": "PERP: INDIVIDUAL ID",
    "PerpOrg": "PERP: ORGANIZATION ID",
    "Target": "PHYS TGT: ID",
    "Victim": "HUM TGT: NAME",
    "Weapon": "INCIDENT: INSTRUMENT ID",
}

# sitrep's EventMention.roles keys -> MUC-4 roles
SITREP_ROLES: dict[str, str] = {
    "perpetrator_individuals": "PerpInd",
    "perpetrator_organizations": "PerpOrg",
    "targets": "Target",
    "victims": "Victim",
    "weapons": "Weapon",
}

SLOT_NAMES: tuple[str, ...] = (
    "MESSAGE: ID", "MESSAGE: TEMPLATE", "INCIDENT: DATE", "INCIDENT: LOCATION", "INCIDENT: TYPE",
    "INCIDENT: STAGE OF EXECUTION", "INCIDENT: INSTRUMENT ID", "INCIDENT: INSTRUMENT TYPE",
    "PERP: INCIDENT CATEGORY", "PERP: INDIVIDUAL ID", "PERP: ORGANIZATION ID",
    "PERP: ORGANIZATION CONFIDENCE", "PHYS TGT: ID", "PHYS TGT: TYPE", "PHYS TGT: NUMBER",
    "PHYS TGT: FOREIGN NATION", "PHYS TGT: EFFECT OF INCIDENT", "PHYS TGT: TOTAL NUMBER",
    "HUM TGT: NAME", "HUM TGT: DESCRIPTION", "HUM TGT: TYPE", "HUM TGT: NUMBER",
    "HUM TGT: FOREIGN NATION", "HUM TGT: EFFECT OF INCIDENT", "HUM TGT: TOTAL NUMBER",
)

_MONTHS = {m: i for i, m in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), 1)}


class MucFormatError(SitrepError):
    code = E910_BAD_KEY


# ---------------------------------------------------------------------------------------------- documents

@dataclass
class MucDoc:
    """One MUC report. ``text`` is everything after the id line; offsets refer to it."""

    id: str
    text: str
    path: str | None = None
    line: int = 0  # line of the id in the file
    dateline_place: str | None = None  # "SAN SALVADOR"
    report_date: date | None = None  # from "12 JAN 90" in the dateline
    source: str | None = None  # "ACAN-EFE"
    body_start: int = 0  # offset after "[TEXT]" (or after the dateline's "--")


_ID_LINE = re.compile(r"^(?P<id>[A-Z0-9]+-MUC\d+-\d{4})\b[^\n]*$", re.M)
_DATELINE = re.compile(
    r"\A\s*(?P<place>[A-Z][^\n,]{1,60}(?:,[^\n,]{1,40})?),\s+"
    r"(?P<day>\d{1,2})\s+(?P<mon>JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\.?\s+(?P<year>\d{2,4})"
    r"(?:\s*\((?P<source>[^)\n]{1,40})\))?",
)
_DATELINE_PLACE = re.compile(r"\A\s*(?P<place>[A-Z][A-Z .'()-]{1,60}),\s+[^\n]{0,60}--")


def parse_muc_date(day: str, mon: str, year: str) -> date | None:
    y = int(year)
    if y < 100:
        y += 1900
    try:
        return date(y, _MONTHS[mon[:3].upper()], int(day))
    except (KeyError, ValueError):
        return None


def parse_dateline(text: str) -> tuple[str | None, date | None, str | None, int]:
    """``"SAN SALVADOR, 12 JAN 90 (ACAN-EFE) -- [TEXT] ..."`` -> (place, report date, source, body start).

    Body start is the offset after ``[TEXT]`` when present, else after the dateline's ``--``, else 0."""
    place = when = source = None
    m = _DATELINE.match(text)
    if m:
        place = " ".join(m.group("place").split())
        when = parse_muc_date(m.group("day"), m.group("mon"), m.group("year"))
        source = m.group("source")
    else:  # "SAN SALVADOR, NO DATE (FBIS) --", "HUANCAYO, 12 NOV (EFE) --"
        pm = _DATELINE_PLACE.match(text)
        if pm:
            place = " ".join(pm.group("place").split())
    if place and place.upper().startswith("NO CITY"):
        place = None
    head = text[:600]
    body_start = 0
    i = head.find("[TEXT]")
    if i >= 0:
        body_start = i + len("[TEXT]")
    elif m:
        j = head.find("--", m.end())
        if j >= 0:
            body_start = j + 2
    while body_start < len(text) and text[body_start] in " \t\n":
        body_start += 1
    return place, when, source, body_start


def parse_docs(content: str, path: str | None = None) -> list[MucDoc]:
    """Split a MUC document file on its id lines."""
    matches = list(_ID_LINE.finditer(content))
    if not matches and content.strip():
        raise MucFormatError(f"{path or '<text>'}: no document id lines (like TST1-MUC3-0001) found",
                             code=E911_BAD_DOCS)
    docs = []
    for k, m in enumerate(matches):
        end = matches[k + 1].start() if k + 1 < len(matches) else len(content)
        start = m.end() + 1 if m.end() < len(content) else m.end()
        text = content[start:end].rstrip() + "\n"
        place, when, source, body_start = parse_dateline(text)
        docs.append(MucDoc(
            id=m.group("id"), text=text, path=path, line=content.count("\n", 0, m.start()) + 1,
            dateline_place=place, report_date=when, source=source, body_start=body_start,
        ))
    return docs


def read_docs(path: str | Path) -> list[MucDoc]:
    p = Path(path)
    return parse_docs(p.read_text(encoding="latin-1"), str(p))


# --------------------------------------------------------------------------------------------- key files

@dataclass
class Template:
    """One answer-key template: slot name -> value lines (continuation lines are further entries)."""

    doc_id: str
    number: int | None  # None for a "*" template (no relevant incident)
    optional: bool = False
    slots: dict[str, list[str]] = field(default_factory=dict)
    path: str | None = None
    line: int = 0

    @property
    def relevant(self) -> bool:
        return self.number is not None

    def values(self, slot: str) -> list[str]:
        """Non-empty value lines of a slot (``-`` and ``*`` are empty)."""
        return [v for v in self.slots.get(slot, []) if v.strip().lstrip("?").strip() not in ("", "-", "*")]

    def fillers(self, slot: str) -> list[list[str]]:
        """String fillers of a slot: one list of alternative strings per entry, ``?`` stripped."""
        out = []
        for v in self.values(slot):
            strings = [unescape(s) for s in _QUOTED.findall(v)]
            strings = [s for s in strings if s.strip()]
            if strings:
                out.append(strings)
        return out

    @property
    def incident_types(self) -> list[str]:
        out: list[str] = []
        for v in self.values("INCIDENT: TYPE"):
            out += [t.strip().lstrip("?").strip() for t in v.split("/") if t.strip().lstrip("?").strip()]
        return out

    @property
    def date_range(self) -> tuple[date | None, date | None] | None:
        """(earliest, latest) the incident date may be; ``- 04 FEB 90`` means on or before."""
        vals = self.values("INCIDENT: DATE")
        if not vals:
            return None
        return parse_date_range(vals[0])

    @property
    def location_names(self) -> list[str]:
        """Place names of the location slot, most specific first: ``GUATEMALA: PETEN (DEPARTMENT):
        FLORES (CITY)`` -> ["FLORES", "PETEN", "GUATEMALA"]."""
        names: list[str] = []
        for v in self.values("INCIDENT: LOCATION"):
            for part in re.split(r"[:\-/]", v):
                part = re.sub(r"\([^)]*\)", "", part).strip().lstrip("?").strip()
                if part and part not in names:
                    names.append(part)
        return list(reversed(names))


_QUOTED = re.compile(r'"((?:\\.|[^"\\])*)"')
_SLOT_LINE = re.compile(r"^(?P<num>\d{1,2})\.\s+(?P<rest>\S.*)$")
_DATE_TOKEN = re.compile(r"(\d{1,2})\s+(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\s+(\d{2,4})")


def unescape(s: str) -> str:
    return s.replace('\\"', '"').replace("\\\\", "\\")


def parse_date_range(value: str) -> tuple[date | None, date | None] | None:
    v = value.strip().lstrip("?").strip()
    dates = [parse_muc_date(d, m, y) for d, m, y in _DATE_TOKEN.findall(v)]
    dates = [d for d in dates if d]
    if not dates:
        return None
    if v.startswith("-"):
        return None, dates[0]
    if len(dates) >= 2:
        return dates[0], dates[-1]
    return dates[0], dates[0]


def parse_keys(content: str, path: str | None = None) -> list[Template]:
    """Parse an answer-key file. Raises MucFormatError naming file and line for a line that is neither
    a comment, a numbered slot, nor a continuation of one."""
    where = path or "<keys>"
    templates: list[Template] = []
    cur: Template | None = None
    slot: str | None = None
    for lineno, raw in enumerate(content.splitlines(), 1):
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped:
            slot = None
            continue
        if stripped.startswith(";"):  # ";;;" comments (some annotators wrote ";;" or ";")
            continue
        m = _SLOT_LINE.match(line)
        if m:
            rest = m.group("rest")
            name = next((n for n in SLOT_NAMES if rest.startswith(n)), None)
            if name is None:
                raise MucFormatError(f"{where}:{lineno}: unknown slot {rest[:40]!r}")
            value = rest[len(name):].strip()
            if name == "MESSAGE: ID":
                cur = Template(doc_id=value.split()[0] if value else "", number=None, path=path, line=lineno)
                if not cur.doc_id:
                    raise MucFormatError(f"{where}:{lineno}: MESSAGE: ID without an id")
                templates.append(cur)
            elif cur is None:
                raise MucFormatError(f"{where}:{lineno}: slot {name!r} before any MESSAGE: ID")
            if name == "MESSAGE: TEMPLATE":
                tm = re.match(r"^(\d+)\s*(\(OPTIONAL\))?", value)
                if tm:
                    cur.number = int(tm.group(1))
                    cur.optional = bool(tm.group(2))
                elif value.strip() != "*":
                    raise MucFormatError(f"{where}:{lineno}: bad template number {value!r}")
            cur.slots.setdefault(name, []).append(value)
            slot = name
            continue
        if raw[:1] in (" ", "\t") and cur is not None and slot is not None:
            cur.slots[slot].append(stripped)
            continue
        raise MucFormatError(f"{where}:{lineno}: cannot read {stripped[:60]!r} (not a slot or continuation)")
    return templates


def read_keys(path: str | Path) -> list[Template]:
    p = Path(path)
    return parse_keys(p.read_text(encoding="latin-1"), str(p))


def templates_by_doc(templates: Iterable[Template]) -> dict[str, list[Template]]:
    out: dict[str, list[Template]] = {}
    for t in templates:
        out.setdefault(t.doc_id, []).append(t)
    return out


# -------------------------------------------------------------------------------------------------- gold

def _flat(text: str) -> str:
    """Lower case, single spaces, accents dropped: the keys write place names in ASCII capitals ("BOGOTA"), the
    gazetteer with their accents ("Bogotá")."""
    import unicodedata

    bare = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(bare.lower().split())


def _is_subset(a: Sequence[str], b: Sequence[str]) -> bool:
    return all(m in b for m in a)


def gold_entities(templates: Iterable[Template], text: str) -> dict[str, list[list[str]]]:
    """Gold entities of one document as GRIT built them: all templates merged; an entity is the
    alternative strings of one filler (lower-cased); a filler whose strings are a subset or superset of
    an entity already taken is skipped; strings that do not occur in the text are dropped (and an
    entity left without strings); mentions ordered by first occurrence, entities by their first mention."""
    flat = _flat(text)
    merged: dict[str, list[list[str]]] = {r: [] for r in ROLES}
    for t in templates:
        if not t.relevant:
            continue
        for role, slot in ROLE_SLOTS.items():
            for filler in t.fillers(slot):
                cand = [s.lower() for s in filler]
                if any(_is_subset(cand, e) or _is_subset(e, cand) for e in merged[role]):
                    continue
                merged[role].append(cand)
    out: dict[str, list[list[str]]] = {}
    for role, entities in merged.items():
        kept = []
        for e in entities:
            found = sorted(((_flat(m), flat.find(_flat(m))) for m in e), key=lambda x: x[1])
            mentions = [m for m, i in found if i >= 0]
            if mentions:
                kept.append((min(i for _, i in found if i >= 0), mentions))
        out[role] = [m for _, m in sorted(kept, key=lambda x: x[0])]
    return out


# --------------------------------------------------------------------------------------------- scoring

_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCT = set(string.punctuation)


def normalize_mention(s: str) -> str:
    """Lower text and remove punctuation, articles and extra whitespace (SQuAD / GRIT normalisation)."""
    s = "".join(ch for ch in s.lower() if ch not in _PUNCT)
    return " ".join(_ARTICLES.sub(" ", s).split())


def head_noun(normalized: str) -> str:
    """Head of a normalised noun phrase: the last word before ``of`` / a relative clause, else the last."""
    words = normalized.split()
    for i, w in enumerate(words):
        if i > 0 and w in ("of", "who", "which", "that", "from", "in", "at", "on", "with"):
            words = words[:i]
            break
    return words[-1] if words else ""


def phi_strict(gold: Sequence[str], pred: Sequence[str]) -> float:
    """1 when every predicted mention is one of the gold entity's mentions."""
    return 1.0 if all(m in gold for m in pred) else 0.0


def phi_head(gold: Sequence[str], pred: Sequence[str]) -> float:
    """1 when every predicted mention's head noun is the head noun of one of the gold mentions."""
    heads = {head_noun(m) for m in gold}
    return 1.0 if all(head_noun(m) in heads for m in pred) else 0.0


def ceaf_similarity(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]], phi=phi_strict) -> float:
    """Total similarity of the best one-to-one alignment of predicted to gold entities (Hungarian)."""
    if not gold or not pred:
        return 0.0
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    scores = np.array([[phi(g, p) for p in pred] for g in gold], dtype=float)
    rows, cols = linear_sum_assignment(-scores)
    return float(scores[rows, cols].sum())


@dataclass
class Counts:
    p_num: float = 0.0
    p_den: int = 0
    r_num: float = 0.0
    r_den: int = 0

    @property
    def precision(self) -> float:
        return self.p_num / self.p_den if self.p_den else 0.0

    @property
    def recall(self) -> float:
        return self.r_num / self.r_den if self.r_den else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.p_num += other.p_num
        self.p_den += other.p_den
        self.r_num += other.r_num
        self.r_den += other.r_den


@dataclass
class Scores:
    roles: dict[str, Counts]
    micro: Counts

    def line(self, name: str = "micro") -> str:
        c = self.micro if name == "micro" else self.roles[name]
        return f"{name} P={c.precision:.3f} R={c.recall:.3f} F1={c.f1:.3f}"


Entities = dict[str, list[list[str]]]  # role -> entities -> mentions


def ceaf_ree(preds: Mapping[str, Entities], golds: Mapping[str, Entities], phi: str = "strict") -> Scores:
    """CEAF-REE over the documents of ``golds`` (a document missing from ``preds`` predicted nothing).

    Mentions are normalised with ``normalize_mention`` on both sides; per document and role the
    entities are aligned one-to-one; counts are summed over documents and micro-averaged over roles."""
    phi_fn = {"strict": phi_strict, "head": phi_head}[phi]
    roles = {r: Counts() for r in ROLES}
    for doc_id, gold in golds.items():
        pred = preds.get(doc_id, {})
        for role in ROLES:
            g = [[normalize_mention(m) for m in e] for e in gold.get(role, []) if e]
            p = [[normalize_mention(m) for m in e] for e in pred.get(role, []) if e]
            sim = ceaf_similarity(g, p, phi_fn)
            roles[role].add(Counts(sim, len(p), sim, len(g)))
    micro = Counts()
    for c in roles.values():
        micro.add(c)
    return Scores(roles, micro)


# ------------------------------------------------------------------------------------ incident fields

MUC_TYPES = ("ATTACK", "BOMBING", "KIDNAPPING", "ARSON", "ROBBERY", "FORCED WORK STOPPAGE")


@knowledge_cached
def type_words(path: str | None = None) -> tuple[tuple[tuple[str, str], ...], str, str]:
    """(word, MUC-4 type) pairs in order, the type of an air/drone strike, and the default type, from
    ``knowledge/muc4_types.toml``."""
    import tomllib

    from sitrep.errors import E403_KNOWLEDGE_ENTRY, KnowledgeError
    from sitrep.knowledge import knowledge_path

    file = Path(path) if path else knowledge_path("muc4_types.toml")
    data = tomllib.loads(file.read_text(encoding="utf-8"))
    pairs = []
    for k, row in enumerate(data.get("word", []), 1):
        t = str(row.get("type", "")).upper()
        if t not in MUC_TYPES or not row.get("words"):
            raise KnowledgeError(f"{file}: [[word]] #{k} needs words and a type among {MUC_TYPES}",
                                 code=E403_KNOWLEDGE_ENTRY)
        pairs += [(str(w).lower(), t) for w in row["words"]]
    air, default = str(data.get("air_strike", "BOMBING")), str(data.get("default", "ATTACK"))
    return tuple(pairs), air, default


def muc_incident_type(event_type: str | None, sub_event_type: str | None) -> str:
    """Map an event's ACLED type and sub-type to MUC-4's ATTACK / BOMBING / KIDNAPPING / ARSON / ROBBERY /
    FORCED WORK STOPPAGE (``knowledge/muc4_types.toml``)."""
    pairs, air, default = type_words()
    text = f"{sub_event_type or ''} {event_type or ''}".lower()
    if "air/drone strike" in text:
        return air
    for word, t in pairs:
        if word in text:
            return t
    return default


@dataclass
class PredictedIncident:
    date: date | None = None
    type: str | None = None  # MUC-4 incident type
    location: str | None = None  # place name as resolved or written


def incident_accuracy(predicted: Mapping[str, Sequence[PredictedIncident]],
                      templates: Mapping[str, Sequence[Template]], *, slack_days: int = 0) -> dict[str, float]:
    """For each relevant, non-optional gold template: is some predicted event of its document right
    about the date (within the key's range), the type (one of the key's types), the location (the
    name of any level of the key's location, case-insensitive)? Returns accuracies over templates."""
    n = hit_date = hit_type = hit_loc = 0
    for doc_id, temps in templates.items():
        preds = predicted.get(doc_id, [])
        for t in temps:
            if not t.relevant or t.optional:
                continue
            n += 1
            rng = t.date_range
            if rng:
                lo, hi = rng
                lo = date.min if lo is None else lo - timedelta(days=slack_days)
                hi = date.max if hi is None else hi + timedelta(days=slack_days)
                if any(p.date and lo <= p.date <= hi for p in preds):
                    hit_date += 1
            types = set(t.incident_types)
            if any(p.type in types for p in preds):
                hit_type += 1
            names = {_flat(x) for x in t.location_names}
            if any(p.location and _flat(p.location) in names for p in preds):
                hit_loc += 1
    if not n:
        return {"templates": 0, "date": 0.0, "type": 0.0, "location": 0.0}
    return {"templates": n, "date": hit_date / n, "type": hit_type / n, "location": hit_loc / n}


def predictions_from_fillers(fillers: Mapping[str, Sequence[str]],
                             organization_of: Callable[[str], str | None] | None = None) -> Entities:
    """Role -> filler strings (from all events of a document) -> predicted entities: one entity per
    distinct normalised string; a string whose normalised form is contained in a longer predicted
    string of the same role with the same head noun is folded into it (the key lists such pairs
    as alternatives of one filler). With ``organization_of`` (filler -> canonical organisation or
    None), PerpOrg fillers naming the same organisation ("FMLN", "Farabundo Marti National Liberation
    Front") are one entity, written in its shortest form."""
    out: Entities = {}
    for role in ROLES:
        seen: dict[str, str] = {}
        strings = list(fillers.get(role, []))
        if role == "PerpOrg" and organization_of is not None:
            shortest: dict[str, str] = {}
            for s in strings:
                c = organization_of(s)
                if c is not None and (c not in shortest or len(s.strip()) < len(shortest[c].strip())):
                    shortest[c] = s
            strings = [s for s in strings if organization_of(s) is None or shortest[organization_of(s)] == s]
        for s in strings:
            k = normalize_mention(s)
            if k and k not in seen:
                seen[k] = s
        keys = list(seen)
        kept = []
        for k in keys:
            folded = any(
                o != k and head_noun(o) == head_noun(k) and f" {k} " in f" {o} " for o in keys
            )
            if not folded:
                kept.append([seen[k]])
        out[role] = kept
    return out


# ------------------------------------------------------------------------------------------ running sitrep

def document_for(doc: MucDoc):
    """A sitrep Document for a MUC report: the dateline's date is the report date, its place the
    document's default place (``meta["dateline_place"]``)."""
    from sitrep.model import Document

    return Document(
        id=doc.id, text=doc.text, published=doc.report_date, source=doc.source, path=doc.path,
        body_start=doc.body_start, meta={"dateline_place": doc.dateline_place, "layout": "muc4"},
    )


def predict(docs: Sequence[MucDoc], *, verbose: bool = False):
    """Run ``sitrep.pipeline.extract_document`` over MUC documents. Returns (role entities by document,
    predicted incidents by document, seconds). Victim keeps only fillers that name someone, as the
    metric's Victim is HUM TGT: NAME."""
    import sys
    import time

    from sitrep.extract.roles import is_person_name, organization_of
    from sitrep.pipeline import extract_documents

    by_id = {d.id: d for d in docs}
    preds: dict[str, Entities] = {}
    incidents: dict[str, list[PredictedIncident]] = {}
    t0 = time.perf_counter()
    for k, (sdoc, events, err) in enumerate(extract_documents(document_for(d) for d in docs), 1):
        doc = by_id[sdoc.id]
        if err:
            print(f"  {doc.id}: {err}", file=sys.stderr)
        fillers: dict[str, list[str]] = {r: [] for r in ROLES}
        incs = []
        for ev in events:
            if ev.military:
                continue  # MUC-4 templates are terrorist acts; combat between armed forces is not one
            for key, role in SITREP_ROLES.items():
                texts = [f.text for f in (ev.roles or {}).get(key, [])]
                fillers[role] += [t for t in texts if role != "Victim" or is_person_name(t)]
            place = ev.place.name if ev.place else (ev.place_text.text if ev.place_text else None)
            incs.append(PredictedIncident(
                date=ev.date, type=muc_incident_type(ev.event_type, ev.sub_event_type), location=place,
            ))
        preds[doc.id] = predictions_from_fillers(fillers, organization_of)
        incidents[doc.id] = incs
        if verbose and k % 50 == 0:
            print(f"  {k}/{len(docs)} documents", file=sys.stderr)
    return preds, incidents, time.perf_counter() - t0
