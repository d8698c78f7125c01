"""Whether a page tells of violence at all: the page-level signal that a report's clause candidates need besides
their own words. A page with no sign of violence (events.toml [page]) has no events, whatever its attack words:
an angling column's "bombing the swim", an obituary's "died in her sleep", a quake that "struck" and killed.

A page shows violence by any one of:

1. an armed clause (``clause_model.armed``: an armed doer, or a weapon as the trigger's subject or means);
2. an armed actor named anywhere on it: a perpetrator or state-force head of events.toml [actors] (not law
   enforcement, not the words of [page] not_armed, not a modifier that only describes a person: "a former army
   instructor"), or an armed group or a state's forces of actors.csv;
3. a weapon word of weapons.toml that is not itself the trigger of a candidate ("a bomb exploded", "shot dead");
4. a clause where people harm people: a verb trigger with a human subject and a human object ("a man stabbed his
   mother"), or a human "by" agent and a human passive subject;
5. a word that names a killing by someone ([page] murder: "the murder of", "the slayings", "massacred");
6. a clause the clause model keeps on its own strength (``threshold``) that names its human victims or counts its
   dead, by a word other than one of a death or an injury with no doer ([page] no_doer: "died", "dead", "injured").

Signs 3 and 6 do not count on a page that tells of an accident ([page] accident: "accident", "foul play",
"collision", "crash"): there they are the accident's ("a bomb squad checked a truck", "killing two workers").

Counted (s35-fresh18, ``scripts/page_signal_count.py``): see the count beside events.toml [page].

An event the report dates more than [page] history_years (a century) before its own day is history told on the page
(a battle of 1645 on a re-enactment page), not news: ``told_as_history``. A dated earlier attack told in passing
within living memory stays an event, as the gold of our reports counts it.

Public:
    tells_violence(cands, text, sentences) -> bool
    told_as_history(m, report_date) -> bool
"""
from __future__ import annotations

import re
from datetime import date

from sitrep.extract.clause_model import _negated, armed, clause_features, clause_model
from sitrep.extract.lexicon import load_lexicon
from sitrep.extract.mentions import Candidate, _human
from sitrep.model import EventMention
from sitrep.nlp.tokens import lemma
from sitrep.resolve.lowered import match_spans

_WORD = re.compile(r"[a-z][a-z'-]*")
_CLAUSE_END = re.compile(r"[.!?\n]")
_KINDS = frozenset({"attack", "killing", "assassination", "bombing", "kidnap"})


def tells_violence(cands: list[Candidate], text: str, sentences: int) -> bool:
    """Whether the page whose clause candidates are ``cands`` (after the clause model), whose text is ``text`` and
    which has ``sentences`` sentences shows violence by one of the six signs of the module's docstring. No
    candidate, or fewer sentences than [page] min_sentences (a headline, a lede, a short window: too little text to
    show the signs), is nothing to decide (True)."""
    if not cands or sentences < load_lexicon().page_min_sentences:
        return True
    live = [c for c in cands if c.trigger_token is not None and not c.mention.generic and not _negated(c)]
    if any(armed(c) for c in live):
        return True
    if any(_people_harm_people(c.trigger_token) for c in live if c.kind in _KINDS):
        return True
    lex = load_lexicon()
    if any(lemma(c.trigger_token) in lex.page_murder or c.trigger_token.lower_ in lex.page_murder for c in live):
        return True
    if _armed_named(text):  # after the cheaper signs: it may parse a sentence
        return True
    if _accident_told(text):
        return False
    if _weapon_named(cands, text):
        return True
    return bool(_victims_kept(live))


def _victims_kept(live: list[Candidate]) -> list[Candidate]:
    """Sign 6: the clauses the clause model keeps on their own strength (``threshold``) that name their human victims
    or count their dead by a word other than one of a harm with no doer ([page] no_doer)."""
    model = clause_model()
    return [c for c in live if _victims_told(c) and model.probability(clause_features(c)) >= model.threshold]


def told_as_history(m: EventMention, report_date: date | None) -> bool:
    """Whether the event ``m`` is dated more than [page] history_years (events.toml) before its report's day
    ``report_date``: history told on the page, not an event of the news. No report date, no date of the event's own
    or no limit (0) is nothing to decide (False)."""
    years = load_lexicon().page_history_years
    if not years or report_date is None or m.date is None:
        return False
    return (report_date - m.date).days > years * 365.25


def _accident_told(text: str) -> bool:
    """The page tells of an accident ([page] accident: "an industrial accident, not an attack", "no sign of foul
    play", "the third fatal collision"): where no stronger sign is found (1, 2, 4, 5 of the module's docstring), its
    weapon words and its kept clauses' victims (3, 6) are those of the accident ("a bomb squad checked a truck",
    "killing two workers"), not signs of violence."""
    words = load_lexicon().page_accident
    low = text.lower()
    return any(re.search(rf"\b{re.escape(w)}\b", low) for w in words)


def _armed_named(text: str) -> bool:
    """Sign 2: an armed group or state's forces of actors.csv named on the page, or a head word of one (events.toml
    [actors] perpetrator and state-force heads, less law enforcement and [page] not_armed) that is not only a
    modifier of a noun that is no armed word ("a former army instructor", "a military historian": a person, no
    armed actor on the page; see ``_describes``)."""
    from sitrep.resolve.actor import actor_type, find_actors

    lex = load_lexicon()
    heads = (lex.perpetrator_heads | lex.state_force_heads) - lex.law_enforcement_heads - lex.page_not_armed
    low = text.lower()
    uses = [m for m in _WORD.finditer(low) if m.group() in heads]
    parses: dict[tuple[int, int], list] = {}  # two armed words of one clause: its parse made once
    if uses and not all(_describes(text, m.start(), heads | lex.law_enforcement_heads, parses) for m in uses):
        return True
    return any(actor_type(a.canonical) in ("armed group", "state forces") for a in find_actors(text))


def _describes(text: str, start: int, armed_words: frozenset[str],
               parses: dict[tuple[int, int], list] | None = None) -> bool:
    """The armed word at ``start`` of ``text`` is a compound or adjectival modifier of a person noun that is no armed
    word (``_person_noun``), in the parse of its sentence (the text between sentence marks around it): it tells what
    a person is ("a former army instructor", "a military historian"), not of an armed actor on the page. A modifier
    of an act or a thing is not ("a terrorist attack", "the military regime", "military spending": see the count
    beside events.toml [page] person_suffixes).
    Read only on a page with no armed clause (sign 1), where the parse of one sentence is cheap. The parse is made
    without the named entities (spaCy-sm's last component, which no tag, head or dependency reads), and kept in
    ``parses`` by the clause's offsets for the page's next armed word."""
    from sitrep.nlp.spacy_model import load_spacy

    ends = [m.end() for m in _CLAUSE_END.finditer(text, 0, start)]
    a = ends[-1] if ends else 0
    nxt = _CLAUSE_END.search(text, start)
    b = nxt.end() if nxt else len(text)
    parses = {} if parses is None else parses
    toks = parses.get((a, b))
    if toks is None:
        toks = parses[(a, b)] = list(load_spacy()(text[a:b], disable=["ner"]))
    for tok in toks:
        if a + tok.idx == start:
            h = tok.head
            return (tok.dep_ in ("compound", "amod") and h.i > tok.i and h.pos_ == "NOUN"
                    and h.lower_ not in armed_words and _person_noun(h.lower_))
    return False


def _person_noun(word: str) -> bool:
    """A noun that names a person: [actors] human_heads (person_nouns.txt), or a doer's ending of [actors]
    agent_suffixes or [page] person_suffixes ("instructor", "historian"), with a stem of three letters or more."""
    lex = load_lexicon()
    ends = lex.agent_suffixes | lex.page_person_suffixes
    return word in lex.human_heads or any(word.endswith(e) and len(word) - len(e) >= 3 for e in ends)


def _weapon_named(cands: list[Candidate], text: str) -> bool:
    """A weapon word that is no verb trigger of a candidate ("bombing the swim" is its own verb; "placed 11 bombs",
    "Seven of these bombs exploded" name weapons)."""
    spans = [(c.mention.trigger.start, c.mention.trigger.end) for c in cands
             if c.trigger_token is not None and c.trigger_token.pos_ in ("VERB", "AUX")]
    return any(not any(a <= start and end <= b for a, b in spans)  # "opened fire" names more than "opened"
               for start, end in match_spans(load_lexicon().weapon_re, text))


def _people_harm_people(tok) -> bool:
    kids = list(tok.children)
    if any(ch.dep_ == "nsubj" and _doer(ch) for ch in kids) and any(ch.dep_ == "dobj" and _human(ch) for ch in kids):
        return True
    agent = any(ch.dep_ == "agent" and any(g.dep_ == "pobj" and _doer(g) for g in ch.children) for ch in kids)
    return agent and any(ch.dep_ == "nsubjpass" and _human(ch) for ch in kids)


def _doer(tok) -> bool:
    """A person as the doer: not a bare number or "one", which may count things ("the last fatal one ... killed one
    worker": an explosion)."""
    return tok.pos_ != "NUM" and tok.lower_ != "one" and _human(tok)


def _victims_told(c: Candidate) -> bool:
    m, tok = c.mention, c.trigger_token
    if lemma(tok) in load_lexicon().page_no_doer or tok.lower_ in load_lexicon().page_no_doer:
        return False
    return (c.victim is not None or bool(m.roles.get("victims")) or m.fatalities.best is not None
            or m.injured.best is not None)
