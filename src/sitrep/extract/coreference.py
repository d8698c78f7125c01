"""A light coreference of an event's doer across the report: "They opened fire on the crowd", "the gunmen then
stormed the hotel", "its fighters attacked the base" name the attacker by a pronoun or a common noun; the report
named it earlier ("Islamic State militants crossed the border on Sunday."). The last armed group or state that the
report names before the doer, in its sentence or the ``WINDOW`` sentences before it, is taken for it.

    apply_coreference(analysis, events) -> None    adds the named actor to ``events[*].roles`` (and actor1), and
                                                   the weapon a pronoun in the instrument's place refers to

The weapon: "the bombs began to explode; for twenty minutes they exploded one a minute", "carried the bombs to the
finish line before detonating them": a pronoun (it, they, them) that is the subject of an explosion verb trigger or
the object of a verb that uses a weapon (detonate, plant, throw, fire, launch, drop), in the sentence of one of the
event's triggers ("they exploded, wounding 130": the trigger is "wounding"), takes the nearest weapon word of
``weapons.toml`` before it, in its sentence or the ``WINDOW`` before, of its number ("it" a singular); the pronoun
and the weapon's words join the evidence of the weapons field, the weapon is a ``weapons`` filler, and an event with
no weapon takes its category.

What stands in the doer's place, read off the parse of the event's first trigger: the subject of an active verb
trigger or its "by" agent, the possessor of a noun trigger ("their attack"), the subject of the verb a noun trigger
is the object of ("they launched an attack"), and the possessive pronoun of any of these ("its aircraft struck").
It is a candidate for coreference when it is a pronoun of a group or a
thing (they, it, its, their) or a noun that names doers without naming who (kinds ``perpetrator`` and ``agent`` of
``roles_lexicon.csv``: "the gunmen", "the militants", "the group"), and when the event names no actor of its own
(no organisation among its perpetrators, actor1 empty or an unidentified group). A pronoun takes the last actor
named; a common noun of doers the last armed group (a state's forces are named as such: "the troops"). The name
becomes a ``perpetrator_organizations`` filler at its own words; actor1, when empty or unidentified, becomes the
actor, with the doer's and the name's words as its evidence.
"""
from __future__ import annotations

import re

from sitrep.extract.argument_model import trigger_tokens
from sitrep.model import EventMention, RoleFiller, Span
from sitrep.nlp.tokens import lemma

# sentences before the doer's that may name it. Tune (RAMS dev + WikiEvents tune half): the coreference fires on 2
# events with a gold attacker, right 1 ("before it launched its massacre in Paris" -> ISIS), wrong 1 ("It is also
# battling ISIS" -> the Syrian Army of "the Free Syrian Army", where RAMS names "the group"), the same with 1, 2 or
# 3 sentences; MUC-4 DEV 0001-0100: 0 fires once "IS" in capitals is read on the truecased text
WINDOW = 2
_PRONOUNS = frozenset(("they", "them", "their", "it", "its"))


def _doer_tokens(t) -> list:
    """The tokens that stand where the doer of the trigger ``t`` would: see the module's docstring."""
    from sitrep.extract.roles import _subject

    out = []
    if t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"):
        subj, dep = _subject(t)
        passive = dep == "nsubjpass" or any(c.dep_ == "auxpass" for c in t.children)
        if subj is not None and not passive and subj.i != t.i:
            out.append(subj)
        out += [g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        return out
    out += [c for c in t.children if c.dep_ == "poss"]
    if t.dep_ in ("dobj", "obj") and t.head.pos_ == "VERB":
        subj, dep = _subject(t.head)
        if subj is not None and dep != "nsubjpass":
            out.append(subj)
    return out


def _doers(t) -> list:
    """The doer tokens of ``t``, and the possessive pronoun of a doer ("its aircraft struck", "their fighters
    stormed"): whose they are is who did it."""
    out = []
    for d in _doer_tokens(t):
        out.append(d)
        out += [c for c in d.children if c.dep_ == "poss" and c.lower_ in ("its", "their")]
    return out


def _unnamed_doer(tok, lex) -> str | None:
    """'pronoun' or 'nominal' when ``tok`` names the doer without saying who, else None."""
    if tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$"):
        return "pronoun" if tok.lower_ in _PRONOUNS else None
    if tok.pos_ != "NOUN":
        return None
    lem = lemma(tok)
    if not (lex.is_("perpetrator", lem) or lex.is_("agent", lem) or lex.is_("perpetrator", tok.lower_)):
        return None
    from sitrep.resolve.actor import find_actors

    sub = tok.doc[tok.left_edge.i:tok.i + 1].text
    return None if find_actors(sub) or lex.org_re.search(sub) else "nominal"


# a country named as a place ("prisoners held in Israel", "flew to Turkey") is where, not who: never the doer a
# pronoun refers to. Tune (WikiEvents tune half, RAMS dev, MUC-4 DEV 0001-0200): the coreference fires 3 times
# before and after (this drops no antecedent there); in the seed-like sets it drops 1, wrong ("They shot dead ...,
# demanding the release of prisoners held in <country>")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|into|to|from|inside|across|over|near)\s+(?:the\s+)?$", re.I)


def named_antecedent(analysis, si: int, tok, start: int):
    """(match, offset) of the actor that ``tok`` at absolute offset ``start`` in sentence ``si`` refers to when it
    names a doer without saying who ("the same groups were behind ...", "they"), else None."""
    from sitrep.extract.roles import load_role_lexicon

    kind = _unnamed_doer(tok, load_role_lexicon())
    return _antecedent(analysis, si, start, kind) if kind is not None else None


def _antecedent(analysis, si: int, start: int, kind: str):
    """The actor the doer refers to, searched as a reader would: the first actor named before ``start`` in the
    doer's own sentence, else the first one of the nearest sentence before it (up to ``WINDOW`` back) that names
    one (the first is most often the subject: "Nour al-Din is part of the Levant Front" -> Nour al-Din). Any actor
    for a pronoun, an armed group (not a state) for a common noun. (match, absolute offset) or None."""
    from sitrep.resolve.actor import find_actors

    for k in range(si, max(si - WINDOW, 0) - 1, -1):
        a = analysis.sentences[k].start
        text = analysis.text[a:start if k == si else analysis.sentences[k].end]  # truecased: "IS" is a verb in CAPS
        found = [m for m in find_actors(text) if (kind == "pronoun" or m.type != "state") and not _PLACE_BEFORE.search(
            text, 0, m.start)]
        if found:
            return found[0], a
    return None


def _named_actor(ev: EventMention) -> bool:
    from sitrep.extract.mentions import UNIDENTIFIED

    return bool(ev.roles.get("perpetrator_organizations")) or ev.actor1 not in (None, UNIDENTIFIED)


def apply_coreference(analysis, events: list[EventMention]) -> None:
    """For each event that names no actor: the actor its pronoun or common-noun doer refers to (module docstring)."""
    from sitrep.extract.roles import load_role_lexicon

    lex = load_role_lexicon()
    triggers = [(ev, trigger_tokens(analysis, ev)) for ev in events]  # read once: each event's trigger tokens
    for ev, tokens in triggers:
        for si, t in {si: t for si, t in tokens}.items():  # each sentence of a trigger
            _weapon_pronoun(analysis, ev, si, t)
        _actor_of_fillers(ev, analysis, triggers)
        if _named_actor(ev):
            continue
        if _doer_words(analysis, ev, lex):
            continue
        for si, t in tokens[:1]:
            off, text = analysis.sentences[si].start, analysis.doc.text
            doers = [(d, k) for d in _doers(t) if (k := _unnamed_doer(d, lex))]
            if not doers:
                continue
            d, kind = min(doers, key=lambda x: x[0].i)
            found = _antecedent(analysis, si, off + d.idx, kind)
            if found is not None:
                spans = [Span(off + x.idx, off + x.idx + len(x), text[off + x.idx:off + x.idx + len(x)]) for x, _ in doers]
                _link(analysis, ev, found[0], found[1], spans)


def _actor_of_fillers(ev: EventMention, analysis, triggers: list[tuple[EventMention, list]]) -> None:
    """An event whose actor1 is empty, unidentified or the side hit (``_actor_is_hit``) takes the actor that its
    first perpetrator filler names ("shot and wounded by Taliban fighters" -> Taliban; "the strikes by the
    Saudi-led coalition"), with the name's words as evidence: the fillers the grammar rules and the learned models
    chose are read for a name of ``actors.csv`` (an armed group, a state's forces), as the rules read actor1 off
    the doer of the trigger. Tune (RAMS dev + WikiEvents tune half): 1 gold event's actor1 changes, right
    (Armenia -> Azerbaijan, "killed and allegedly decapitated by Azerbaijani troops"; the head-word figures
    already counted the filler); MUC-4 DEV 0001-0100: 13 reports gain actor1, 12 right (the FMLN, Shining Path,
    MRTA, ELN their fillers name), 1 wrong (FMLN beside the army's Atlacatl Battalion); TST1+2 0.443 =."""
    from sitrep.extract.mentions import UNIDENTIFIED
    from sitrep.resolve.actor import resolve_actor

    if ev.actor1 not in (None, UNIDENTIFIED) and not _actor_is_hit(ev):
        return
    for f in [*ev.roles.get("perpetrator_organizations", []), *ev.roles.get("perpetrator_individuals", [])]:
        if _another_events_doer(analysis, ev, f, triggers):
            continue
        m = resolve_actor(f.text)
        if m is not None and m.canonical != ev.actor1:
            ev.notes.append(f"actor1: {m.canonical!r}, named by the perpetrator {f.text!r} (was {ev.actor1!r})")
            ev.actor1 = m.canonical
            ev.field_spans["actor1"] = [Span(f.start + m.start, f.start + m.end, m.text)]
            return


def _another_events_doer(analysis, ev: EventMention, f, triggers: list[tuple[EventMention, list]]) -> bool:
    """The filler is the subject of another event's trigger (or of the verb that trigger is joined to by "and") and
    of none of this event's: "Gunmen shot dead four priests ..., a day after French commandos stormed an airliner
    ... and killed the four hijackers aboard": the commandos did the other killing, not this one. Over MUC-4 DEV
    0001-0400, WikiEvents (all) and RAMS dev (1,344 texts): 1 fire, right ("ARMY HELICOPTERS FIRED ROCKETS ...
    WHERE SOME 100 GUERRILLAS ATTACKED A CIVIL DEFENSE POST": not the guerrillas' firing); fresh9 (seen): the
    priests' killing no longer names France; golden outputs unchanged."""
    from sitrep.extract.argument_model import _sentence_of
    from sitrep.nlp.tokens import token_at

    si = _sentence_of(analysis, f.start)
    parsed = analysis.parse(si) if si is not None else None
    if si is None or parsed is None:
        return False
    tok = token_at(parsed, f.end - 1 - analysis.sentences[si].start)
    while tok is not None and tok.dep_ in ("compound", "amod", "nmod", "poss", "flat") and tok.head.i != tok.i:
        tok = tok.head
    if tok is None or tok.dep_ not in ("nsubj", "nsubjpass", "agent"):
        return False
    verb = tok.head.head if tok.dep_ == "agent" else tok.head
    doing = {verb.i} | {c.i for c in verb.conjuncts}
    own = {t.i for o, tokens in triggers if o is ev for s, t in tokens if s == si}
    if doing & own:
        return False
    return any(t.i in doing for o, tokens in triggers if o is not ev for s, t in tokens if s == si)


_QUANTITY = re.compile(r"^(?:(?:\w+|\d+) of )?(?:the |her |his |their |its |a |an |some |several |two |three |four |five "
                       r"|\d+ )*", re.I)


def _doer_words(analysis, ev: EventMention, lex) -> bool:
    """An event with no actor at all whose perpetrator-individual filler is the doer of one of its triggers (the
    subject of an active verb, the "by" agent: "shot dead by two of her security guards", "members of a rival
    gang opened fire") and names the doers by what they are takes those words as actor1 ("security guards"), as
    the rules keep the words of a state's forces: a plural person noun of ``roles_lexicon.csv`` (kinds person /
    agent) at its head, not a noun of armed doers (those are an unidentified group) and no name (a name is often
    the victim read as the doer: "shot dead a police officer, Ali Hamar"). Tune (WikiEvents tune half, RAMS dev,
    MUC-4 DEV 0001-0200): fires 0 times. Without the doer condition (any perpetrator filler) it fired 12 times:
    right 1 ("the two captured CIA pilots were responsible for shooting down"), 2 wrong, 9 with no gold attacker
    ("a man", "a police officer", "the boy's mother"), so the filler must be the trigger's doer, and plural."""
    if ev.actor1 is not None:
        return False
    doers = {analysis.sentences[si].start + d.idx for si, t in trigger_tokens(analysis, ev) for d in _doer_tokens(t)}
    for f in ev.roles.get("perpetrator_individuals", []):
        words = _QUANTITY.sub("", f.text).strip()
        head = words.rsplit(" ", 1)[-1] if words else ""
        stem = head[:-1]
        if not (head.isalpha() and head.islower() and head.endswith("s")) or not any(
                f.start <= x < f.end for x in doers):
            continue
        if lex.is_("perpetrator", head) or lex.is_("perpetrator", stem) or not any(
                lex.is_(k, w) for k in ("person", "agent") for w in (head, stem)) or stem in _NOT_DOERS:
            continue
        a = f.start + f.text.index(words)
        ev.actor1 = words
        ev.field_spans["actor1"] = [Span(a, a + len(words), words)]
        ev.notes.append(f"actor1: the doers' own words {words!r} (no listed name)")
        return True
    return False


_NOT_DOERS = frozenset(("people", "person", "other", "one", "victim", "hostage", "civilian", "individual"))


def _actor_is_hit(ev: EventMention) -> bool:
    """actor1's words lie inside a victim or target filler of the event and inside no perpetrator filler: the
    rules read the doer off the subject of a verb that the role rules read as passive ("An Armenian soldier
    killed and beheaded by Azerbaijani troops" -> Armenia), or of a victim's name."""
    spans = ev.field_spans.get("actor1", [])
    hit = [f for k in ("victims", "targets") for f in ev.roles.get(k, [])]
    doers = [f for k in ("perpetrator_organizations", "perpetrator_individuals") for f in ev.roles.get(k, [])]
    return bool(spans) and all(any(f.start <= s.start and s.end <= f.end for f in hit) and
                               not any(f.start < s.end and s.start < f.end for f in doers) for s in spans)


def _link(analysis, ev: EventMention, m, a: int, doers: list[Span]) -> None:
    from sitrep.extract.mentions import UNIDENTIFIED

    name = Span(a + m.start, a + m.end, analysis.doc.text[a + m.start:a + m.end])
    ev.roles.setdefault("perpetrator_organizations", []).append(RoleFiller(name.text, name.start, name.end))
    ev.roles["perpetrator_organizations"].sort(key=lambda f: f.start)
    if ev.actor1 in (None, UNIDENTIFIED):
        ev.notes.append(f"actor1: {m.canonical!r}, named before {doers[0].text!r} (was {ev.actor1!r})")
        ev.actor1 = m.canonical
        ev.field_spans["actor1"] = [*doers, name]


# Tune (RAMS dev + WikiEvents tune half): the weapon pronoun fires once, right ("before detonating them" ->
# "bombs"; WikiEvents Instrument 0.333 -> 0.444); MUC-4 DEV 0001-0100 once ("IT" -> "BOMB"), TST1+2 0.443 =
_EXPLOSION = frozenset(("explode", "detonate", "go", "blow", "blast"))  # "they exploded", "it went off"
_USE = frozenset(("detonate", "explode", "plant", "throw", "hurl", "fire", "launch", "drop", "set", "lob"))


def _weapon_pronoun(analysis, ev: EventMention, si: int, t) -> None:
    """The weapon a pronoun in the instrument's place in the sentence of the trigger ``t`` refers to (module
    docstring)."""
    from sitrep.extract.roles import _subject

    verbs = [v for v in t.sent if v.pos_ == "VERB" and lemma(v) in _USE | _EXPLOSION]
    prons = [c for v in verbs if lemma(v) in _USE for c in v.children if c.dep_ in ("dobj", "obj")]
    prons += [s for v in verbs if lemma(v) in _EXPLOSION and (s := _subject(v)[0]) is not None]
    prons = [p for p in prons if p.pos_ == "PRON" and p.lower_ in ("it", "they", "them")]
    if not prons:
        return
    off = analysis.sentences[si].start
    p = prons[0]
    found = _weapon_before(analysis, si, off + p.idx, plural=p.lower_ != "it")
    if found is None:
        return
    span, weapon = found
    pron = Span(off + p.idx, off + p.idx + len(p), analysis.doc.text[off + p.idx:off + p.idx + len(p)])
    have = ev.field_spans.get("weapons", [])
    ev.field_spans["weapons"] = [*have, *(x for x in (pron, span) if all(h.start != x.start for h in have))]
    if all(f.start != span.start for f in ev.roles.get("weapons", [])):
        ev.roles.setdefault("weapons", []).append(RoleFiller(span.text, span.start, span.end))
    if not ev.weapons:
        ev.weapons = [weapon.category]
    ev.notes.append(f"weapons: {pron.text!r} refers to {span.text!r}")


def _weapon_before(analysis, si: int, start: int, plural: bool):
    """(span, Weapon) of the nearest weapon word before ``start`` in sentence ``si`` or the ``WINDOW`` before it,
    plural ("bombs") for they / them, singular for it; or None."""
    import re

    from sitrep.extract.lexicon import load_lexicon, pit_mine

    lex = load_lexicon()
    text = analysis.doc.text
    for k in range(si, max(si - WINDOW, 0) - 1, -1):
        a = analysis.sentences[k].start
        b = start if k == si else analysis.sentences[k].end
        for m in reversed(list(lex.weapon_re.finditer(text, a, b))):
            w = lex.weapons.get(re.sub(r"[\s-]+", " ", m.group(0).lower())) or lex.weapons.get(m.group(0).lower())
            if w is not None and m.group(0).lower().endswith("s") == plural and not pit_mine(lex, text, m.start(), m.end()):
                return Span(m.start(), m.end(), m.group(0)), w
    return None
