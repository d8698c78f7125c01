"""A learned choice of each event's own arguments: who did it, what and whom it hit, with what.

    candidates(analysis, event) -> list[ArgCandidate]     noun phrases of the event's trigger sentences
    ArgumentModel.load() / model.score(cand) -> {role: probability}
    apply_argument_model(analysis, events, model=None)    adds the likely fillers to ``events[*].roles``,
                                                          drops a rule's perpetrator the model rejects

Where ``role_model.py`` reads a whole report for MUC-4's document-level slots, this model reads the sentence
of each event's trigger: every noun phrase there is a candidate, described by how it hangs on the trigger
(subject, object, "by" / "with" / "against" phrase, possessor, the subject of the verb the trigger is the
object of), what the role lexicons and the actor list say of it, and what the grammar rules of ``roles.py``
and ``mentions.py`` already decided (a filler of which role, actor1, target, weapons). One logistic regression
per role (attacker, target, victim, instrument, place), trained on annotated news (RAMS dev and the WikiEvents tune
documents, ``scripts/train_argument_model.py``) and shipped as JSON (feature -> weight); no learning library
at run time. Those texts are the benchmark's tune split: it scores them out of fold (``using_argument_model``,
``sitrep.evaluation.argument_cv``). Roles map onto sitrep's: attacker -> perpetrator_organizations /
perpetrator_individuals (and actor1's words), target -> targets, victim -> victims, instrument -> weapons, place -> places (the place as
written in the event's sentence: no rule fills it before the model; after the model's choice, where the event named
none, the place names compounded on the trigger, the rest of the resolved place's phrase and the facility or place
noun where the trigger says it happened join it).
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.errors import E433_ARGUMENT_MODEL, KnowledgeError
from sitrep.knowledge import (
    knowledge_cached,
    knowledge_path,
    read_model_json,
    role_probabilities,
    weight_table,
)
from sitrep.model import EventMention, RoleFiller
from sitrep.nlp.tokens import lemma, token_at

ARG_ROLES = ("attacker", "target", "victim", "instrument", "place")
# the sitrep role keys each learned role fills, and the event fields whose evidence already names it. The place
# role is the phrase of the event's sentence that says where it happened as written ("at the busy bus station",
# "in the Markets area"); the resolved ``place`` (a gazetteer entry, perhaps from another sentence) stays apart
# and does not count as naming it.
ROLE_KEYS_OF = {"attacker": ("perpetrator_organizations", "perpetrator_individuals"), "target": ("targets",),
                "victim": ("victims",), "instrument": ("weapons",), "place": ("places",)}
FIELDS_OF: dict[str, tuple[str, ...]] = {"attacker": ("actor1",), "target": ("target",), "victim": ("target",),
                                         "instrument": ("weapons",), "place": ()}
_RULE_FIELDS = ("actor1", "target", "weapons", "location", "claimed", "reported_by")
_ARG_DEPS = frozenset(("nsubj", "nsubjpass", "dobj", "obj", "pobj", "poss", "appos", "conj", "attr", "dative",
                       "npadvmod", "ROOT", "compound", "agent", "oprd"))
_ORG_ENTS = frozenset(("ORG", "NORP", "GPE"))
_NOT_FILLERS = frozenset("one self tonight today yesterday who whom".split())


@dataclass
class ArgCandidate:
    start: int  # absolute character offsets of the noun phrase in the document text
    end: int
    text: str
    head: int  # absolute offset of the head token
    head_text: str
    org: bool  # names an organisation, a people or a state (attacker -> perpetrator_organizations)
    conj_of: int | None = None  # the head offset of the phrase this one is a conjunct of ("Iraq and Syria")
    sentence: int = -1  # the index of its sentence
    features: list[str] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)
    # the head offset of the phrase this one says where of: the noun its locative preposition hangs on ("her home
    # in a West Bank settlement", "posts in Anderstown") or the name it is in apposition to ("Talish, a village")
    within: int | None = None
    # the head offset of the noun a common noun or name is compounded on ("bus" of "the bus station"): a place the
    # model finds in it is written as that noun's phrase
    compound_of: int | None = None


def _sentence_of(analysis, offset: int) -> int | None:
    return next((s.index for s in analysis.sentences if s.start <= offset < s.end), None)


def trigger_tokens(analysis, ev: EventMention) -> list[tuple[int, Any]]:
    """(sentence index, trigger token) of every trigger of the event (a merged event keeps them all among its
    field spans) whose sentence is parsed."""
    out, seen = [], set()
    for sp in [ev.trigger, *ev.field_spans.get("trigger", [])]:
        if sp is None or sp.start in seen:
            continue
        seen.add(sp.start)
        si = _sentence_of(analysis, sp.start)
        parsed = analysis.parse(si) if si is not None else None
        if si is None or parsed is None:
            continue
        tok = token_at(parsed, sp.start - analysis.sentences[si].start)
        if tok is not None:
            out.append((si, tok))
    return out


def _relation(h, t) -> list[str]:
    """How the phrase headed by ``h`` hangs on the trigger ``t``."""
    if h.head.i == t.i and h.i != t.i:
        return [f"rel={h.dep_}"]
    if h.dep_ == "pobj" and h.head.head.i == t.i:
        return [f"rel=prep:{h.head.lower_}" if h.head.dep_ != "agent" else "rel=agent"]
    if t.head.i == h.i and h.i != t.i:
        return [f"rel=gov:{t.dep_}"]
    if h.head.i == t.head.i and h.i != t.i:  # "X carried out the attack", "X was killed in the attack"
        return [f"rel=sib:{h.dep_}:{t.dep_}", f"rel=sib_gov:{lemma(t.head)}"]
    if h.dep_ == "pobj" and h.head.head.i == t.head.i:
        return [f"rel=sibprep:{h.head.lower_}:{t.dep_}"]
    if h.head.dep_ == "poss" and h.head.head.i == t.i:  # "Hezbollah commander's killing"
        return ["rel=in_poss"]
    return ["rel=none"]


def _tree_distance(h, t) -> int:
    up = {a.i: k for k, a in enumerate([h, *h.ancestors])}
    for k, a in enumerate([t, *t.ancestors]):
        if a.i in up:
            return up[a.i] + k
    return 9


def _is_head(h) -> bool:
    """The head of a phrase that can fill a role: a noun or a name (a pronoun or a bare number names no one a
    reader could look up), not a part of a longer name."""
    if h.pos_ not in ("NOUN", "PROPN") or h.dep_ not in _ARG_DEPS or h.lower_ in _NOT_FILLERS:
        return False
    return not (h.dep_ == "compound" and h.head.pos_ in ("NOUN", "PROPN") and h.pos_ == "PROPN")


def _rule_features(ev: EventMention, a: int, b: int) -> list[str]:
    out = []
    for key, fillers in ev.roles.items():
        if any(f.start < b and a < f.end for f in fillers):
            out.append(f"rule={key}")
    for name in _RULE_FIELDS:
        if any(s.start < b and a < s.end for s in ev.field_spans.get(name, [])):
            out.append(f"field={name}")
    if ev.place is not None and ev.place.span is not None and ev.place.span.start < b and a < ev.place.span.end:
        out.append("field=place")
    return out or ["rule=none"]


def _prep_features(h) -> list[str]:
    """The preposition the phrase is the object of, wherever it hangs ("in", "at", "near"), and whether that
    preposition hangs on a noun ("a bakery on Rue Victor Hugo") or a verb."""
    top = h
    while top.dep_ == "conj":
        top = top.head
    if top.dep_ != "pobj":
        return ["pprep=-"]
    return [f"pprep={top.head.lower_}", f"pprep={top.head.lower_}:{top.head.head.pos_}"]


def _candidate(analysis, ev, si: int, h, t, lex) -> ArgCandidate:
    from sitrep.extract.roles import _np_tokens, is_person_name
    from sitrep.resolve.actor import actor_type, resolve_actor

    parsed, off = analysis.parse(si), analysis.sentences[si].start
    i, j = _np_tokens(h) if h.pos_ in ("NOUN", "PROPN") else (h.i, h.i + 1)
    i, j = min(i, h.i), max(j, h.i + 1)
    a, b = off + parsed[i].idx, off + parsed[j - 1].idx + len(parsed[j - 1].text)
    text = analysis.doc.text[a:b]
    h_lem = lemma(h)
    ent = next((e.label_ for e in parsed.ents if e.start <= h.i < e.end), "-")
    actor = resolve_actor(text)
    kinds = [k for k in ("perpetrator", "agent", "org_head", "target", "weapon", "person") if lex.is_(k, h_lem)]
    passive = any(c.dep_ in ("auxpass", "agent") for c in t.children) or t.tag_ == "VBN"
    rel = _relation(h, t)
    feats = [*rel, f"pos={h.pos_}", f"dep={h.dep_}", f"ent={ent}", f"h={h_lem}", f"gov={lemma(h.head)}",
             *_prep_features(h),
             f"side={'before' if h.i < t.i else 'after'}", f"dist={min(abs(h.i - t.i) // 3, 4)}",
             f"tree={min(_tree_distance(h, t), 5)}", f"tpos={t.pos_}", f"passive={passive}", f"tlem={lemma(t)}",
             f"etype={ev.event_type}", *(f"lex={k}" for k in kinds), *(f"{r}:{passive}" for r in rel),
             *(f"{r}:{t.pos_}" for r in rel), *_rule_features(ev, a, b)]
    if actor is not None:
        feats += ["actor", f"actor_type={actor_type(actor.canonical) or '-'}"]
    org_alias = lex.org_re.search(text) is not None  # the organisations' alias pattern, searched once
    if org_alias:
        feats.append("org_alias")
    if is_person_name(text):
        feats.append("person_name")
    org = actor is not None or ent in _ORG_ENTS or org_alias or "org_head" in kinds
    kind = _head_kind(h, actor is not None or ent == "ORG" or org_alias or "org_head" in kinds)
    feats += [f"hk={kind}", f"hk={kind}:{_prep_features(h)[0]}"]
    conj = off + h.head.idx if h.dep_ == "conj" and h.head.pos_ in ("NOUN", "PROPN") else None
    comp = off + h.head.idx if h.dep_ == "compound" and h.head.pos_ in ("NOUN", "PROPN") else None
    return ArgCandidate(a, b, text, off + h.idx, h.text, org, conj, si, feats, within=_within(h, off),
                        compound_of=comp)


def _head_kind(h, org: bool) -> str:
    """What the phrase headed by ``h`` names, for the place model to choose among a sentence's phrases: 'gaz' (a
    name the gazetteer reads, whatever the parser tags it), 'name' (another proper name: a street, an area, a name
    it lacks), 'org', 'person' (``target_field.head_kind``), 'facility' or 'placenoun' (a noun of the role lexicon:
    "station", "area"), or 'other' (a date's name among them). A feature the shipped model does not weigh yet (s39:
    its refit of the place role kept the tune figures but named worse places in our own reports; the figures are in
    scripts/train_argument_model.py)."""
    from sitrep.extract.target_field import head_kind

    kind = head_kind(h)
    if h.pos_ == "PROPN" and _gazetteer_name(h):
        return "gaz"
    if h.ent_type_ in ("DATE", "TIME"):
        return "other"
    if org and kind != "person":
        return "org"
    if h.pos_ != "PROPN":
        return {"place": "placenoun"}.get(kind, kind)
    return kind if kind == "person" else "name"


def _gazetteer_name(h) -> bool:
    """Whether the gazetteer has a place named by the proper nouns that end at ``h`` ("Badia al-Sukhnah": no;
    "Lyon": yes)."""
    from sitrep.resolve.gazetteer import get_gazetteer

    i = h.i
    while i > 0 and (h.doc[i - 1].pos_ == "PROPN" or h.doc[i - 1].text in ("-", "al", "el")) and h.i - i < 5:
        i -= 1
    return bool(get_gazetteer().lookup(h.doc[i:h.i + 1].text))


_LOCATIVE = frozenset(("in", "on", "at", "near", "inside", "outside"))
# the phrase a place locates joins it only where it says where itself: the object of one of these prepositions,
# not of "on", which also names what was hit ("fired on a convoy in Yoro department": the convoy is no place)
_WHERE = frozenset(f"pprep={p}" for p in ("in", "at", "near", "inside", "outside"))


def _within(h, off: int) -> int | None:
    """The head offset of the noun phrase ``h``'s phrase locates (see ``ArgCandidate.within``), or None."""
    if h.dep_ == "pobj" and h.head.dep_ == "prep" and h.head.lower_ in _LOCATIVE \
            and h.head.head.pos_ in ("NOUN", "PROPN"):
        return off + h.head.head.idx
    if h.dep_ == "appos" and h.head.pos_ in ("NOUN", "PROPN"):
        return off + h.head.idx
    return None


def candidates(analysis, ev: EventMention) -> list[ArgCandidate]:
    """The noun phrases of the sentences of the event's triggers, each described against the nearest trigger of
    its sentence (one candidate per head)."""
    from sitrep.extract.roles import load_role_lexicon

    lex = load_role_lexicon()
    out: dict[int, ArgCandidate] = {}
    trig = trigger_tokens(analysis, ev)
    for si, t in trig:
        for h in analysis.parse(si):
            if not _is_head(h) or h.i == t.i:
                continue
            near = min((x for s, x in trig if s == si), key=lambda x: abs(x.i - h.i))
            if near.i != t.i:
                continue
            c = _candidate(analysis, ev, si, h, t, lex)
            out.setdefault(c.head, c)
    return list(out.values())


@dataclass
class ArgumentModel:
    weights: dict[str, dict[str, float]]  # role -> feature -> weight
    bias: dict[str, float]
    thresholds: dict[str, float]
    floor: float  # a rule-made perpetrator the model gives less than this as attacker is dropped
    meta: dict

    @classmethod
    def from_json(cls, data: dict, source: str = "argument model") -> ArgumentModel:
        try:
            roles = data["roles"]
            return cls({r: {str(k): float(v) for k, v in roles[r]["weights"].items()} for r in ARG_ROLES},
                       {r: float(roles[r]["bias"]) for r in ARG_ROLES},
                       {r: float(roles[r]["threshold"]) for r in ARG_ROLES}, float(data["attacker_floor"]),
                       dict(data.get("meta", {})))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise KnowledgeError(f"{source}: malformed argument model ({type(exc).__name__}: {exc}); retrain it "
                                 "with python3 scripts/train_argument_model.py", code=E433_ARGUMENT_MODEL) from exc

    @classmethod
    def load(cls, path: str | Path | None = None) -> ArgumentModel:
        p = Path(path) if path else knowledge_path("argument_model.json")
        return cls.from_json(read_model_json(p, "argument model", E433_ARGUMENT_MODEL), str(p))

    def __post_init__(self) -> None:
        self._table = weight_table(self.weights, ARG_ROLES)

    def score(self, cand: ArgCandidate) -> dict[str, float]:
        """Each role's probability: its bias plus the weights of the candidate's features (each feature once)."""
        cand.scores = role_probabilities(self._table, self.bias, ARG_ROLES, cand.features)
        return cand.scores


@knowledge_cached
def default_argument_model() -> ArgumentModel | None:
    try:
        return ArgumentModel.load()
    except KnowledgeError:
        return None


@contextlib.contextmanager
def using_argument_model(model: ArgumentModel | None) -> Iterator[None]:
    """Within the block the pipeline's argument model is ``model`` (None: none) instead of the packaged one, on the
    current knowledge's tables: the benchmark's cross-validated tune figures run each article under the model
    fitted without it (``sitrep.evaluation.argument_cv``)."""
    with default_argument_model.overridden(model):  # type: ignore[attr-defined]
        yield


def _key_for(role: str, c: ArgCandidate) -> str:
    keys = ROLE_KEYS_OF[role]
    return keys[0] if role != "attacker" or c.org else keys[1]


def _named(ev: EventMention, role: str, c: ArgCandidate) -> bool:
    """The event already names the phrase for the role: a filler or a field's evidence overlaps its head."""
    spans = [(f.start, f.end) for k in ROLE_KEYS_OF[role] for f in ev.roles.get(k, [])]
    spans += [(s.start, s.end) for f in FIELDS_OF[role] for s in ev.field_spans.get(f, [])]
    return any(a <= c.head < b for a, b in spans)


def has_role(ev: EventMention, role: str) -> bool:
    """The event names something for the role: a filler, or a field with its evidence (actor1, target, weapons)."""
    return any(ev.roles.get(k) for k in ROLE_KEYS_OF[role]) or any(ev.field_spans.get(f) for f in FIELDS_OF[role])


def apply_argument_model(analysis, events: list[EventMention], model: ArgumentModel | None = None,
                         rule_made: list[set[tuple[int, int]]] | None = None) -> None:
    """Per event and role that the event leaves empty: the phrase of its trigger sentences that the model finds
    likeliest fills it when its probability reaches the role's threshold (the rules' fillers stay: the model
    fills gaps, it does not pile a second guess on the rules'). A perpetrator of those sentences that the model
    gives less than ``floor`` as attacker is dropped: one the grammar rules made (``rule_made``: the spans of
    each event's perpetrators before the report-level role model; None: all) only when the model finds it
    likelier a victim or target, one the MUC-4 role model added (it names the police searching for a bomber, or
    a witness, as doers in news) whatever else it may be; the role, now empty, is filled as any other. In news an attacker the report-level
    role model has just removed is left empty (``removed_by_role_model``). A person with no tie in the parse to the
    trigger is never made the attacker (``untied_person``)."""
    model = model or default_argument_model()
    if model is None:
        return
    news = not getattr(analysis, "all_caps", False)
    for n, ev in enumerate(events):
        empty = [r for r in ARG_ROLES if not has_role(ev, r)]
        if not empty and not any(ev.roles.get(k) for k in ROLE_KEYS_OF["attacker"]):
            continue  # no role to fill and no rule-made perpetrator to judge: no candidates to score
        removed = news and removed_by_role_model(ev, None if rule_made is None else rule_made[n])
        cands = candidates(analysis, ev)
        for c in cands:
            model.score(c)
        _drop_rejected(ev, cands, model, None if rule_made is None else rule_made[n])
        empty = [r for r in ARG_ROLES if not has_role(ev, r) and not (removed and r == "attacker")]
        for r in empty:
            for c in _fillers(cands, r, empty, model.thresholds[r]):
                if r == "attacker" and untied_person(c):
                    continue
                ev.roles.setdefault(_key_for(r, c), []).append(RoleFiller(c.text, c.start, c.end))
                ev.roles[_key_for(r, c)].sort(key=lambda f: f.start)
        if "place" in empty:
            _add_places_named_on_trigger(analysis, ev)
            _add_resolved_place_phrase(analysis, ev)
            _add_common_places_of_trigger(analysis, ev)


def untied_person(c: ArgCandidate) -> bool:
    """A person (or a common noun that names no organisation, people or state) with no tie in the parse to the
    trigger it is described against (``candidates``: the nearest trigger of its sentence; ``rel=none``: not its
    subject, object, "by" / "with" phrase, possessor, nor the subject of the verb it hangs on). The argument model
    does not make it the attacker, and when it is the model's choice the role stays empty (no second candidate is
    tried: the counts below are of that behaviour): the person of another clause
    ("Mr. Obama initially dismissed ISIS ... before it launched its massacre", "Trump said the Khans had attacked
    him" -> "Obama") is a bystander of the act, where a state or group with no tie is often its side ("Russia was
    intent on ... carrying it out"). Counted (s42), the argument model's attacker fills in news, right / wrong by
    the text: tune (RAMS dev + WikiEvents tune half, fold models) 11 fills, 5 of them untied persons, 1 / 4 (right:
    "the suspected bombers" of a dinner "the night of the attack"; wrong: "Mr. Obama", "Obama", "the political
    world" x2), scored in gold-event sentences 0 / 2 (scripts/wrong_attackers_by_rule.py tune 20 right / 22 wrong
    -> 20 / 20; RAMS tune Attacker precision 0.625 -> 0.714, no recall of any role moved); the 5 untied org / state
    fills stay (scored 1 right, "Russia", and 1 wrong only by head word, "Russia" where gold says "Moscow"). Check
    (read once): 3 fills gone, all wrong ("Julian Assange" of a murder he was linked to by a conspiracy theory),
    RAMS check Attacker precision 0.273 -> 0.286. MUC-4 DEV 0101-1300 (scripts/wrong_attackers_by_rule.py --muc4):
    1 fire, wrong ("WORLD" of "the peoples of the world are clamoring for peace"), 743 right / 387 wrong -> 743 /
    386, CEAF 0.612 unchanged; TST1+2 (check, read once) 1 fire, right, lost: the accused of "links rightist leader
    Roberto D'Aubuisson to the assassination" (CEAF 0.448 -> 0.446)."""
    return "rel=none" in c.features and not c.org


def removed_by_role_model(ev: EventMention, rule_made: set[tuple[int, int]] | None) -> bool:
    """The grammar rules gave the event a perpetrator and the report-level role model has just removed every one:
    in news (``apply_argument_model``) the argument model then leaves the attacker empty, not refilled from another
    phrase of the sentence (the role model's doubt is about the sentence's doer, not one phrase). Counted (s40,
    ``scripts/argfill_count.py``, attackers given in gold-event sentences, right / wrong by head word): news tune
    (RAMS dev + WikiEvents tune half under the fold models) the argument model's attacker fills 1 / 10, of them
    where the role model had removed one 0 / 6 (one event over 6 gold sentences: "American" of "retaliation for
    American military actions"), where the rules gave none 1 / 4 (kept: that one right is a RAMS "Russia").
    MUC-4 DEV 0101-1300 (capitals, left as it was): where the role model removed one 8 / 4, where none 3 / 7."""
    return bool(rule_made) and not any(ev.roles.get(k) for k in ROLE_KEYS_OF["attacker"])


_COUNTRY_FEATURES = frozenset(("PCLI", "PCLD", "PCLS", "PCLF", "PCL"))


def _country_name(name: str) -> bool:
    """One of the gazetteer's readings of the name is a country ("US airstrike", "Georgia")."""
    from sitrep.resolve.gazetteer import get_gazetteer

    gz = get_gazetteer()
    return any(gz[i].feature in _COUNTRY_FEATURES for i in gz.lookup(name))


def _add_places_named_on_trigger(analysis, ev: EventMention) -> None:
    """Adds to the event's places the place names its trigger noun is compounded with (``places_named_on_trigger``)
    that the model did not choose."""
    have = {f.start for f in ev.roles.get("places", [])}
    new = [f for f in places_named_on_trigger(analysis, ev) if f.start not in have]
    if new:
        ev.roles["places"] = sorted([*ev.roles.get("places", []), *new], key=lambda f: f.start)


def _add_resolved_place_phrase(analysis, ev: EventMention) -> None:
    """Adds to the event's places the rest of the phrase of its resolved place, where a trigger sentence writes it
    (``resolved_place_phrase``), that the places do not hold yet."""
    have = {f.start for f in ev.roles.get("places", [])}
    new = [f for f in resolved_place_phrase(analysis, ev) if f.start not in have]
    if new:
        ev.roles["places"] = sorted([*ev.roles.get("places", []), *new], key=lambda f: f.start)


def _add_common_places_of_trigger(analysis, ev: EventMention) -> None:
    """Adds to the event's places, in each trigger sentence where it names none, the facility or place noun where
    its trigger says it happened (``common_places_of_trigger``)."""
    named = {_sentence_of(analysis, f.start) for f in ev.roles.get("places", [])}
    new = [f for f in common_places_of_trigger(analysis, ev) if _sentence_of(analysis, f.start) not in named]
    if new:
        ev.roles["places"] = sorted([*ev.roles.get("places", []), *new], key=lambda f: f.start)


def common_places_of_trigger(analysis, ev: EventMention) -> list[RoleFiller]:
    """The phrases a locative preposition (in / at / near / inside / outside) of a trigger governs, or of the verb
    a trigger is the subject of ("the worst explosion was at the busy bus station", "the blast went off in the
    market"), or of a noun those govern through a preposition ("killed in a battle ... in the Markets area"),
    headed by a facility or a place noun (``head_kind``: "station", "road", "area"; not a name the gazetteer reads,
    which the model and the resolved place already take), with their conjuncts of that kind.
    WikiEvents tune Place misses (s38, story-fold models): 12 of 17, of them 9 a facility, street, area or place
    noun of the event's sentence the fold model scored far under its threshold (0.004-0.10 against 0.2: "bus
    station" x2, "Oxford Street", "Cavehill Road", "Markets area", "posts", "areas", "the same province", "Rue
    Victor Hugo"); 4 of them hang on the trigger or on the verb it is the subject of. Fires (a filler added),
    s38: RAMS dev + WikiEvents tune 12, 3 over a gold Place ("bus station", "Cavehill Road", "Markets area"), 5 a
    real place of an event its sentence does not annotate ("explosions at the White House", "the international
    terminal building", "the London Bridge district", "the concert bombing in the city", "near the finish line"),
    4 wrong ("planted in a car", "murder ... in most countries", a misparsed "Sayyida Zeinab The Amaq news agency",
    "his dormitory room at the University of ..." of a later act); of them the nouns one preposition down 2 (1
    right, "Markets area"; 1 wrong, the dormitory). RAMS test + WikiEvents check 6, each a real place of its event
    ("the town of Sukhna" x2, "Shah Wali Kot district", "Arghandab district", "the city of Lyon", "the Rolando
    cafe" beside its gold other name), 0 wrong; the first 100 MUC-4 DEV reports 6 and the seed 1, each a real
    place ("the Pavon prison camp", "Government House", "two La Paz neighborhoods", "the 5 November dam", "San Juan
    de Urama municipality", "road no 32"; "the embassy"). benchmarks/realnews.py Place tune / check: WikiEvents
    0.294 / 0.474 -> 0.588 / 0.474 (0.529 without the nouns one preposition down), RAMS 0.255 / 0.144 unchanged;
    the resolved place (seed-like location, MUC-4 location) does not read the role: unchanged."""
    from sitrep.extract.roles import _np_tokens
    from sitrep.extract.target_field import head_kind

    out = []
    for si, t in trigger_tokens(analysis, ev):
        verbs = [t, t.head] if t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX") else [t]
        govs = [*verbs, *(o for g in verbs for c in g.children if c.dep_ == "prep" for o in c.children
                          if o.dep_ == "pobj")]
        off = analysis.sentences[si].start
        for p in (c for g in govs for c in g.children if c.dep_ == "prep" and c.lower_ in _WHERE_WORDS):
            for h in (c for c in p.children if c.dep_ == "pobj"):
                for x in (h, *h.conjuncts):
                    kind = head_kind(x)
                    if kind == "facility" or kind == "place" and x.pos_ == "NOUN" or unread_place_name(x):
                        i, j = _np_tokens(x)
                        a, b = off + x.doc[i].idx, off + x.doc[j - 1].idx + len(x.doc[j - 1].text)
                        out.append(RoleFiller(analysis.doc.text[a:b], a, b))
    return out


_NOT_PLACE_ENTS = frozenset(("DATE", "TIME", "ORG", "NORP", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY",
                             "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT"))


def unread_place_name(tok) -> bool:
    """A proper name the gazetteer does not read, of no entity type that is not a place, in a locative phrase of
    the trigger ("attacks in Badia al-Sukhnah", tagged a person): the model, whose strongest place cue is the
    gazetteer's reading, scores such names low, and the resolved place cannot take them. Not a word for people (the
    parser's names in capitals: "SHOT AT THE POLICEMEN"), a date word ("[1200 GMT") or a known armed group. Fires
    (s41, ``scripts/rule_fires.py --rule unread_place``, places added): tune, WikiEvents tune + RAMS dev 2, both the
    gold Places ("in IS attacks in Badia al-Sukhnah and Badia al-Sham"; the head-word scorer misses them: its head
    "alsukhnah" drops the hyphen, the value's words keep it), MUC-4 DEV 8, each the act's place ("ARENALES CANTON",
    "WEST BULNES STREET", "BOLIVAR SQUARE", "KM 11", "BARRIO ALTO", ...), 0 wrong (before the people / date words
    were left out 2 wrong: "POLICEMEN", "[1200 GMT"); check, WikiEvents check 1 over a gold Place ("Bagram
    Airfield"), MUC-4 TST1+2 3, each a real place. benchmarks/realnews.py WikiEvents Place tune / check 0.588 /
    0.474 -> 0.588 / 0.579 (by span 0.471 / 0.368 -> 0.588 / 0.421); RAMS unchanged; MUC-4 DEV 0.611 unchanged."""
    from sitrep.extract.roles import _DATE_WORDS, load_role_lexicon
    from sitrep.resolve.actor import find_actors

    words = load_role_lexicon().words
    if tok.pos_ != "PROPN" or tok.ent_type_ in _NOT_PLACE_ENTS or tok.lower_ in _DATE_WORDS or tok.like_num:
        return False
    if any(lemma(tok) in words[k] or tok.lower_ in words[k] for k in ("person", "perpetrator", "agent")):
        return False  # a word for people the parser took for a name in capitals ("SHOT AT THE POLICEMEN")
    name = " ".join(t.text for t in tok.subtree if t is tok or t.dep_ in ("compound", "flat") and t.head is tok)
    return not _gazetteer_name(tok) and not find_actors(name)  # the whole name: "Boko Haram", not "Haram"


_PLACE_NAME_ENTS = frozenset(("GPE", "LOC", "FAC"))
_WHERE_WORDS = frozenset(("in", "at", "near", "inside", "outside"))


def resolved_place_phrase(analysis, ev: EventMention) -> list[RoleFiller]:
    """The other places of the phrase that names the event's resolved place in one of its trigger sentences: the
    place names joined to it by "and" after in / at / near / inside / outside ("in Iraq and Syria": the gazetteer
    resolves one of them; not "the governments of El Salvador and Guatemala", "between Washington and Moscow",
    "the bombing of Hiroshima and Nagasaki"), the place name in apposition to it ("North Little Rock, Arkansas"),
    and the facility noun its name is compounded with ("Ataturk airport"; ``head_kind`` facility). Called where the
    event named no place before the model (the resolved place alone does not name the role, and the scorer's head
    word of "Iraq and Syria" is "Syria"). In-event tune Place misses (s36, scripts/argument_misses.py --causes,
    story-fold models): 4 of 30 were a resolved place whose phrase holds the gold head ("Iraq" of "in Iraq and
    Syria" x2, "North Little Rock" of "..., Arkansas", "Ataturk" of "Ataturk airport"). Fires (a place added), s36:
    RAMS dev + WikiEvents tune 18, 5 over a gold Place's head, 2 a real place beside the gold one ("Fla." of "a
    nightclub in Orlando, Fla."), 10 real places of events the windows do not annotate ("in Istanbul and Ankara",
    "Kalamazoo, Mich.", "Istanbul airport"), 1 wrong ("D.C." of a city's murder rate); RAMS test + WikiEvents check
    9, 2 over a gold Place's head, 7 real places of their events (Seth Rich's "Washington, D.C."); with "of" and
    "between" conjuncts too it also named "the governments of El Salvador and Guatemala" (MUC-4 DEV 0038),
    "between Washington and Moscow", "a caliphate across Syria and Iraq". benchmarks/realnews.py Place tune /
    check: RAMS 0.241 / 0.144 -> 0.255 / 0.144, WikiEvents 0.294 / 0.474 unchanged."""
    from sitrep.extract.target_field import head_at, head_kind

    sp = ev.place.span if ev.place is not None else None
    si = _sentence_of(analysis, sp.start) if sp is not None else None
    if sp is None or si is None or not any(s == si for s, _ in trigger_tokens(analysis, ev)):
        return []
    h = head_at(analysis, sp.start, sp.end)
    if h is None:
        return []
    top = h
    while top.dep_ == "conj":
        top = top.head
    where = top.dep_ == "pobj" and top.head.lower_ in _WHERE_WORDS  # "in Iraq and Syria", not "of" / "between"
    linked = [c for c in h.children if c.ent_type_ in _PLACE_NAME_ENTS and (c.dep_ == "appos" or
                                                                             c.dep_ == "conj" and where)]
    if h.head.ent_type_ in _PLACE_NAME_ENTS and (h.dep_ == "appos" or h.dep_ == "conj" and where):
        linked.append(h.head)
    if h.dep_ == "compound" and h.head.pos_ == "NOUN" and head_kind(h.head) == "facility":
        linked.append(h.head)
    off, out = analysis.sentences[si].start, []
    for t in linked:
        ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
        a, b = (ent.start_char, ent.end_char) if ent is not None else (h.idx, t.idx + len(t.text))
        out.append(RoleFiller(analysis.doc.text[off + a:off + b], off + a, off + b))
    return out


def places_named_on_trigger(analysis, ev: EventMention) -> list[RoleFiller]:
    """The place names a trigger noun of the event is compounded with, which say where it happened ("the Orlando
    shooting", "the Nagasaki blast", "the Minnesota attack"): a GPE, LOC or FAC entity before the trigger whose word
    hangs on it as a compound. No candidate of the model stands for them (a name inside a longer noun phrase is not
    a phrase of its own: "Tiananmen Square Massacre", one of the 22 tune Places missed in found events,
    scripts/place_miss_causes.py, which stays missed: spaCy tags the whole name an EVENT). Not a name any gazetteer reading of which is a country: "a US airstrike" names
    the attacker's country (tune 2 such fires, both wrong, before it was left out). Fires (a filler added), s34: RAMS
    dev + WikiEvents tune 6, 3 over a gold Place ("Orlando" x2, "Nagasaki"), 3 a real place of an event its window
    does not annotate ("Orlando"); RAMS test + WikiEvents check 5, none over a gold Place of that sentence, each
    the event's place ("the Minnesota attack" x4, "the Cavehill Road bomb"); the seed-like sets and MUC-4 DEV
    0001-0400 5, each the event's place (Boston, Boston Marathon, Kunming, Bangkok, "TABLADA" of "THE LA TABLADA
    ATTACK"); 0 wrong of 16. benchmarks/realnews.py Place tune / check: WikiEvents 0.588 / 0.421 -> 0.588 / 0.474
    (the merged Belfast event now names Cavehill Road), RAMS 0.262 / 0.124 unchanged."""
    out = []
    for si, t in trigger_tokens(analysis, ev):
        off = analysis.sentences[si].start
        for ch in t.children:
            if ch.dep_ == "compound" and ch.ent_type_ in ("GPE", "LOC", "FAC"):
                ent = next((e for e in t.doc.ents if e.start <= ch.i < e.end), None)
                if ent is not None and ent.end <= t.i and not _country_name(ent.text):
                    a, b = off + ent.start_char, off + ent.end_char
                    out.append(RoleFiller(analysis.doc.text[a:b], a, b))
    return out


def _fillers(cands: list[ArgCandidate], role: str, empty: list[str], threshold: float) -> list[ArgCandidate]:
    """``choose_fillers`` over the event's trigger sentences together; for the place, in each sentence apart (a
    merged event's sentences may each say where: "at the bus station", "in Oxford Street"), as the trainer
    measures it); a place found in a noun compounded on another is written as that noun's phrase ("bus" of "the
    bus station"). s39, shipped model: 2 fires on the 100 MUC-4 DEV reports of the golden outputs (tune), 1 right
    ("GROCERY" -> "GROCERY STORE"), 1 as good ("COMMUNITY" -> "COMMUNITY MEETING"); none on our own reports, and no
    figure of benchmarks/realnews.py WikiEvents or RAMS moved (under the s39 refit with head kinds it kept two
    WikiEvents tune "bus station" Places: scripts/train_argument_model.py)."""
    if role != "place":
        return choose_fillers(cands, role, empty, threshold)
    by_sentence: dict[int, list[ArgCandidate]] = {}
    for c in cands:
        by_sentence.setdefault(c.sentence, []).append(c)
    by_head = {c.head: c for c in cands}
    out: list[ArgCandidate] = []
    for _, cs in sorted(by_sentence.items()):
        for f in choose_fillers(cs, role, empty, threshold):
            f = by_head.get(f.compound_of, f) if f.compound_of is not None else f
            if f not in out:
                out.append(f)
    return out


def choose_fillers(cands: list[ArgCandidate], role: str, empty: list[str], threshold: float) -> list[ArgCandidate]:
    """The candidates the model gives an empty role: the likeliest when it reaches the threshold and is not
    likelier in another empty role (a place may also be what was hit: "at the market" is both), with, for a
    place, the other places of its phrase that reach the threshold too (``place_group``)."""
    best = max(cands, key=lambda c: c.scores[role], default=None)
    if best is None or best.scores[role] < threshold:
        return []
    exclusive = [o for o in empty if o not in (role, "place")] if role != "place" else []
    if any(best.scores[o] > best.scores[role] for o in exclusive):
        return []
    return [best, *place_group(cands, best, threshold)] if role == "place" else [best]


def place_group(cands: list[ArgCandidate], best: ArgCandidate, threshold: float) -> list[ArgCandidate]:
    """The other places of the chosen place's phrase that reach the threshold, in text order: the phrases joined
    to it by "and" ("in Iraq and Syria"); the phrases that locate it ("a village near Hebron", "Kandahar, the main
    city of the south"); and the phrase it locates where that one says where too ("her home in a West Bank
    settlement", not "a convoy in Yoro department" the act was fired on: ``_WHERE``); through one another. A report
    may give where as the facility and as its town, and the model chose one of them: on tune (WikiEvents + RAMS
    dev) the commonest in-event cause of a missed Place, 14 of 24 (``scripts/argument_misses.py --causes``). The
    nested phrases add 5 places on tune, 3 over a gold Place (2 in the gold event's sentence: "gay nightclub",
    "home"), 2 over none ("Mich." of "Kalamazoo, Mich.", an event RAMS does not annotate); on check 8, 4 over a gold
    Place, 4 over none, each a real place of its event ("Afghanistan" of "Helmand Province, Afghanistan", "eastern
    France", "north Belfast"). benchmarks/realnews.py Place tune / check: RAMS 0.248 / 0.124 -> 0.262 / 0.124,
    WikiEvents 0.588 / 0.421 unchanged; MUC-4 TST1+2 unchanged (no slot reads places)."""
    by_head = {c.head: c for c in cands}
    group, todo = {best.head}, [best]
    while todo:
        c = todo.pop()
        linked = [o for o in cands if o.conj_of == c.head or o.within == c.head]
        inner = by_head.get(c.within) if c.within is not None else None
        if inner is not None and any(f in _WHERE for f in inner.features):
            linked.append(inner)
        for o in linked:
            if o.head not in group and o.scores["place"] >= threshold:
                group.add(o.head)
                todo.append(o)
    return sorted((by_head[h] for h in group if h != best.head), key=lambda c: c.head)


def _drop_rejected(ev: EventMention, cands: list[ArgCandidate], model: ArgumentModel,
                   rule_made: set[tuple[int, int]] | None) -> None:
    """Drops the perpetrators the model rejects (see ``apply_argument_model``). The floor is the trainer's choice
    on out-of-fold F1 (tune). A floor of 0.1 set by hand had raised WikiEvents tune Attacker 0.333 -> 0.583, but
    with a model trained on those very texts; scored out of fold (each tune article under a model that did not
    see it) floors 0.0, 0.05 and 0.1 give the same tune figures (WikiEvents Attacker 0.250, 3/9 events with a
    right value; RAMS dev 0.101, 16/27), and the trainer chose 0.0. Retrained on the current rules with the
    attacker's threshold and floor chosen on F0.5 (a wrong doer is worse than none), it chooses 0.05."""
    by_head = {c.head: c for c in cands}
    for key in ROLE_KEYS_OF["attacker"]:
        keep = []
        for f in ev.roles.get(key, []):
            c = max((c for h, c in by_head.items() if f.start <= h < f.end), key=lambda c: c.head, default=None)
            if c is not None and c.scores["attacker"] < model.floor and (
                    rule_made is not None and (f.start, f.end) not in rule_made
                    or max(c.scores["victim"], c.scores["target"]) > c.scores["attacker"]):
                continue
            keep.append(f)
        if key in ev.roles:
            ev.roles[key] = keep
