"""Headlines are telegraphic ("Gunmen on horseback kill 24 in north", "20 shot dead by Islamists", "Again 15 Die,
Scores Injured"), and the parser, trained on sentences, often reads their verb as a noun or an adjective
("kill/NN", "shot/NN", "hacks/NNS", "Die/NN") or hangs the verb's victim elsewhere. In the title line of a dated
report, a killing verb (events.toml triggers that need a victim) written as a verb form whatever the parser tagged
it, with a number or people right beside it, is read as that verb: how a headline tells a killing, not a lexicon of
any country's actors or places. What the clause is (an event or another sense) stays the clause model's decision.

Where it fires (detected with it, not without; tune data only): UCDP Nigeria headlines 40 more of 3,426 (right 40,
wrong 0: all UCDP events), our Middle East tune headlines 2 more of 115 (both attacks); the negative sentences, RAMS,
WikiEvents and MUC-4 have no dated title line (never read so; golden outputs unchanged).

Outlets dress a headline in parts that are no part of it (knowledge/headline_affixes.txt: "UPDATE 2-", "BREAKING:",
" - Reuters", " | Al Jazeera", "(VIDEO)"): ``affix_spans`` finds them in a report's title line and ``mask_affixes``
blanks them in the parsed copy of the text, so the parser reads the headline alone and the place finder never takes
"The New York Times" for New York.

Public:
    title_range(doc) -> (start, end) | None     the title line of a dated report
    affix_spans(title) -> [(start, end)]        an outlet's labels and name around a headline
    mask_affixes(doc, text) -> str              ``text`` (same length) with those of the report's title blanked,
                                                and the quote marks around its quoted words (``quote_marks``)
    quote_marks(title) -> [(start, end)]        the quote marks of a headline's quoted words
    headline_triggers(sent, lex, matched) -> [(token, Trigger)]
    headline_victim(tok, lex) -> token | None
    toll_triggers(sent, lex, matched) -> [(token, Trigger)]   a count of the dead of violence, with no attack word
    reported_acts(found, kept) -> [Candidate]   ``kept`` and the title's acts told in another's voice or from what
                                                they hit (``voiced_form``)
"""
from __future__ import annotations

import re

from sitrep.extract.lexicon import Lexicon, Trigger, load_lexicon
from sitrep.knowledge import knowledge_cached, knowledge_path, read_kinded_rules
from sitrep.model import Document

_NEAR = 3  # tokens: how far from the verb its victim may stand ("kill at least 24", "15 Die")


def title_range(doc: Document | None) -> tuple[int, int] | None:
    """The character range of the title line of a report that has a publication date (a headline's time is its
    publication date), or None."""
    if doc is None or doc.published is None or not doc.title:
        return None
    title = doc.title.strip()
    start = doc.text.find(title[:40]) if title else -1
    return None if start < 0 else (start, start + len(title))


@knowledge_cached
def _affix_rules() -> tuple[tuple[re.Pattern, ...], tuple[re.Pattern, ...]]:
    """knowledge/headline_affixes.txt: the prefix rules (anchored at the title's start) and the suffix rules (at its
    end); a line that is no rule, or no regular expression, is an error naming the file and the line."""
    rules = read_kinded_rules(knowledge_path("headline_affixes.txt"), ("prefix", "suffix"), _affix_rule)
    return rules["prefix"], rules["suffix"]


def _affix_rule(kind: str, rx: str) -> re.Pattern:
    """A prefix rule anchored where the caller matches it, a suffix rule at the title's end; "(?i)" before the
    expression makes it ignore case."""
    flags = re.I if rx.startswith("(?i)") else 0
    return re.compile(rf"(?:{rx.removeprefix('(?i)')})" + ("$" if kind == "suffix" else ""), flags)


_MIN_LEFT = 12  # characters: what is left of a headline is still one ("WATCH: Live" is not stripped to nothing)


def affix_spans(title: str) -> list[tuple[int, int]]:
    """The spans of ``title`` that an outlet adds around the headline: labels before it, then its name, a media
    tag or an ellipsis after it, each rule tried again on what is left (knowledge/headline_affixes.txt). A cut that
    would leave less than a short headline is not made."""
    prefixes, suffixes = _affix_rules()
    a, b = 0, len(title.rstrip())
    out = []
    for rules, at_start in ((prefixes, True), (suffixes, False)):
        found = True
        while found:
            found = False
            for rx in rules:
                m = rx.match(title, a, b) if at_start else rx.search(title, a, b)  # a suffix rule ends with $
                if m is None or m.end() == m.start():
                    continue
                left = title[m.end():b] if at_start else title[a:m.start()]
                if len(left.strip()) < _MIN_LEFT:
                    continue
                out.append((m.start(), m.end()))
                a, b = (m.end(), b) if at_start else (a, m.start())
                found = True
    return sorted(out)


def mask_affixes(doc: Document, text: str) -> str:
    """``text`` (the parsed copy of ``doc.text``, same length) with the outlet's parts of the report's title line
    (``affix_spans``) blanked: the parser and the place finder read the headline only."""
    title = (doc.title or "").strip()
    start = doc.text.find(title) if title else -1
    if start < 0:
        return text
    for a, b in affix_spans(title):
        text = text[:start + a] + " " * (b - a) + text[start + b:]
    for a, b in quote_marks(text[start:start + len(title)]):
        text = text[:start + a] + " " * (b - a) + text[start + b:]
    return text


# a pair of quote marks around words of a headline: opened after a space (or the start), closed before a space, a
# punctuation mark or the end; an apostrophe inside a word ("Nigeria's") opens nothing
_QUOTED = re.compile(r"(?<![\w'‘’\"“”])(['‘\"“])[^'‘’\"“”\n]{1,80}?(['’\"”])(?![\w'‘’\"“”])")


def quote_marks(title: str) -> list[tuple[int, int]]:
    """The quote marks of a headline's quoted words ("Boko Haram 'slaughter' worshipper", "Woman bomber 'kills
    several'", "'200 dead' as forces battle rebels"), which the parser reads as words of their own and hangs the
    rest of the headline on (the verb becomes a noun, the victim an appositive): blanked in the parsed copy, the
    words stay. UCDP Nigeria tune: 138 of 3,426 headlines quote words; blanked, 7 more are found (all events: "Two
    teenage girl 'bombers' shot dead"), none lost; mideast and mideast2 tune: no change."""
    out = []
    for m in _QUOTED.finditer(title):
        out += [(m.start(1), m.end(1)), (m.start(2), m.end(2))]
    return out


def _verb_lemmas(word: str, lex: Lexicon) -> list[str]:
    """The lemmas a word may be a verb form of: itself, less -s / -es / -ed / -d, or an irregular form
    (events.toml [forms]: "shot" -> shoot, "dead" -> die)."""
    out = [word]
    for suffix in ("es", "s", "ed", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            out.append(word[: -len(suffix)])
    out += [lem for lem, forms in lex.irregular_forms.items() if word in forms]
    return out


def _verb_trigger(tok, lex: Lexicon) -> Trigger | None:
    """The victim-needing verb trigger the token is a form of (or, run into the name before it, ends with:
    ``sitrep.nlp.screen.joined_verb``: "Boko HaramKills 19"), or None."""
    nxt = tok.doc[tok.i + 1: tok.i + 3]
    if len(nxt) == 2 and nxt[0].lower_ == "to" and nxt[1].lower_ == "death":  # "hacks to death 10"
        return next((t for t in lex.triggers.get("to death", []) if "VERB" in t.pos), None)
    from sitrep.nlp.screen import joined_verb

    for word in (tok.lower_, joined_verb(tok.text)):
        for lem in _verb_lemmas(word, lex) if word else ():
            trig = next((t for t in lex.triggers.get(lem, []) if "VERB" in t.pos and t.needs == "victim"), None)
            if trig is not None:
                return trig
    return None


def headline_triggers(sent, lex: Lexicon, matched: set[int]) -> list:
    """(token, trigger) pairs of a headline's killing verbs the parser did not read as verbs: a word written as a
    form of a victim-needing verb trigger, tagged a noun or an adjective, with a victim beside it
    (``headline_victim``). ``matched``: the tokens the sentence's own triggers already hold."""
    out = []
    for tok in sent:
        if tok.i in matched or tok.pos_ in ("VERB", "AUX") or not tok.is_alpha:
            continue
        trig = _verb_trigger(tok, lex)
        if trig is not None and headline_victim(tok, lex) is not None:
            out.append((tok, trig))
    return out


_TOLL = Trigger("death", frozenset({"NOUN"}), "killing", None, None)  # a toll of violence: its dead were killed
_LOSS = Trigger("casualty", frozenset({"NOUN"}), "clash", None, None)  # an armed side's losses: a fight


def toll_triggers(sent, lex: Lexicon, matched: set[int]) -> list:
    """(token, trigger) pairs of a headline's count of the dead that no attack word tells (events.toml [actors]
    toll_words): a death word counted or plural, or a "death toll", in one of toll_doers ("Death toll from communal
    violence reaches 80", "Two Deaths in Jos Violence"), read as a killing; casualties an armed side suffers or
    causes (loss_verbs: "Army suffers casualties in Adamawa", "suicide bombers cause heavy casualties"), read as a
    clash. ``matched``: the tokens the sentence's own triggers already hold. Read in title lines only."""
    out = []
    for tok in sent:
        word = tok.lower_
        if tok.i in matched or word not in lex.toll_words or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.dep_ == "compound" and tok.head.lower_ in lex.toll_words:
            continue  # "death toll": read at "toll"
        if _toll_of_violence(tok, lex):
            out.append((tok, _TOLL))
        elif word.startswith("casualt") and tok.dep_ == "dobj" and tok.head.lemma_.lower() in lex.loss_verbs and \
                _armed_subject(tok.head, lex):
            out.append((tok, _LOSS))
    return out


def _toll_of_violence(tok, lex: Lexicon) -> bool:
    """A toll ("death toll") or a counted or plural death word whose "in" / "from" / "during" phrase is one of
    toll_doers ("1 death in Adamawa communal violence")."""
    if tok.lower_ == "toll":
        if not any(c.dep_ == "compound" and c.lower_ in lex.toll_words for c in tok.children):
            return False
    elif not (tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "nummod" for c in tok.children)):
        return False  # "over death of herdsman": one death of someone, no count
    def doer(g) -> bool:  # "communal violence", not "domestic violence" (toll_doer_not)
        return (g.lemma_.lower() in lex.toll_doers or g.lower_ in lex.toll_doers) and not any(
            m.dep_ in ("amod", "compound") and m.lower_ in lex.toll_doer_not for m in g.children)

    return any(c.dep_ == "prep" and c.lower_ in ("in", "from", "during") and any(
        g.dep_ == "pobj" and doer(g) for g in c.children) for c in tok.children)


def _armed_subject(verb, lex: Lexicon) -> bool:
    """The verb's subject is an armed side: a perpetrator, state-force or captor head, or an armed group of
    actors.csv."""
    from sitrep.resolve.actor import resolve_actor

    heads = lex.perpetrator_heads | lex.state_force_heads | lex.captor_heads
    for d in (c for c in verb.children if c.dep_ == "nsubj"):
        if d.lower_ in heads or d.lemma_.lower() in heads:
            return True
        found = resolve_actor(d.doc[d.left_edge.i:d.right_edge.i + 1].text)
        if found is not None and found.type == "armed group":
            return True
    return False


def headline_victim(tok, lex: Lexicon):
    """The people a headline's killing verb harms, read off the words beside it where the parse gave it none: for a
    verb in its present form, a number or a word for people right after it ("kill at least 24", "kills two", "hacks
    to death 10", "kill Osaze Odewingie"); for a past form, "dead" or a verb whose subject dies, right before it ("20
    shot dead", "Again 15 Die", "Soldiers and Policemen killed"), a hedging verb between ("Three persons feared dead":
    UCDP Nigeria tune 6 headlines, all events). "Crowds see Dead Sea scrolls" has none."""
    from sitrep.extract.mentions import _agent_noun, _human

    doc, word = tok.doc, tok.lower_
    before = word.endswith("ed") or any(word in forms and word != lem for lem, forms in lex.irregular_forms.items()) \
        or any(lem in lex.victim_subject_verbs for lem in _verb_lemmas(word, lex))
    if before:
        words = list(reversed(doc[max(tok.i - _NEAR, 0): tok.i]))
    else:
        words = [t for t in doc[tok.i + 1: tok.i + 1 + _NEAR] if t.lower_ not in ("to", "death")]
    for k, t in enumerate(words):
        if t.like_num or (t.pos_ in ("NOUN", "PROPN", "NUM") and (_human(t) or _agent_noun(t, lex))):
            return t
        if before and k == 0 and t.pos_ == "VERB" and t.lemma_.lower() in lex.casualty_hedge_verbs:
            continue  # "Three persons feared dead", "two soldiers believed dead": the hedge stands between
        if t.is_punct or t.pos_ == "VERB" or t.pos_ == "ADP" and t.lower_ != "at":
            return None
    return None


def reported_acts(found: list, kept: list) -> list:
    """``kept`` (what the clause stage keeps of ``found``, the report's candidates) and, in the title line of a dated
    report, each act told in a speaker's voice (``reported_act``), in the order of ``found``. A feed words many attacks
    as an army or a ministry tells them ("Pakistan says it struck hideouts in ...", "Pentagon says F-15s struck a depot
    in ..."); the clause model weighs the reporting verb against the clause (say -0.59), though the reported clause is
    a past act done to something.

    Where it fires (scripts/headline_misses.py data; tune halves: UCDP Nigeria 3,426, mideast1-4 odd months 367,
    headlines2-4 odd months 255): 20 title lines, all judged events (UCDP 10, mideast4 6, mideast 2, mideast3 1,
    headlines2 1), 18 already kept by the clause stage, 2 more (mideast4); 0 fires on a headline judged no event. The
    negative sentences have no title line (0 by construction). A tally ("Sudan war has killed 150,000, envoy says")
    has its auxiliary and stays out; so does a threat ("says attacks will widen")."""
    ids = {id(c) for c in kept}
    out = []
    for c in found:
        if id(c) in ids:
            out.append(c)
        elif c.mention.headline and not c.mention.generic and (form := voiced_form(c)):
            c.mention.notes.append(f"headline: {form}")
            out.append(c)
    return out


def voiced_form(c) -> str | None:
    """How a title tells its act in another's voice, from what it hit or by its toll (``_toll_of``), or None:
    ``reported_act``; an attack noun
    that a reporting verb takes as its object ("vessel reports explosion off Hodeidah": tune 10 fires, all events,
    1 more found, mideast4); an attack noun that is the agent of a passive ("Kiryat Shmona hit by barrage",
    "suburbs hit by blasts": tune 5 fires, all events, 2 more found, UCDP Nigeria 1 and mideast4 1). 0 fires on a
    tune headline judged no event (counts as ``reported_acts``')."""
    if reported_act(c):
        return "an act in a speaker's voice"
    tok = c.trigger_token
    if tok is None:
        return None
    if tok.dep_ == "dobj" and tok.pos_ == "NOUN" and tok.head.lemma_.lower() in load_lexicon().report_verbs:
        return "an act a speaker reports"
    by = tok.head
    if tok.dep_ == "pobj" and by.lower_ == "by" and by.dep_ == "agent" and by.head.tag_ == "VBN":
        return "what an act hit, told first"
    if _toll_of(tok, c.sent):
        return "the toll of one attack"
    return None


_TOLL_PATH = frozenset({"compound", "pobj", "prep", "amod", "nmod", "conj"})


def _toll_of(tok, sent) -> bool:
    """A singular attack noun whose phrase is a toll's (discourse.toml toll_nouns: "death toll from the X attack rises
    to 21", "X truck bomb toll rises to 292") in a title that gives a number: the toll of one attack is its news.
    A war's or a flood's toll names no attack word; a plural ("toll of the attacks") is many. Tune halves: 12 fires,
    all events (UCDP Nigeria 10, headlines4 2), 2 more found (one each); 0 on a headline judged no event."""
    toll_nouns = load_lexicon().toll_nouns
    if tok.tag_ != "NN" or sent is None:
        return False
    cur = tok
    for _ in range(6):
        head = cur.head
        if head.i == cur.i:
            return False
        if head.lemma_.lower() in toll_nouns or head.lower_ in toll_nouns:
            return any(t.tag_ == "CD" or t.pos_ == "NUM" for t in sent)
        if cur.dep_ not in _TOLL_PATH and head.pos_ != "ADP":
            return False
        cur = head
    return False


def reported_act(c) -> bool:
    """The trigger is a simple past verb with a direct object, the clausal complement of a reporting verb
    (discourse.toml report verbs: "says", "claims", "confirms"), with no auxiliary of its own ("has killed", "will
    strike"): a speaker tells one act that happened."""
    tok = c.trigger_token
    if tok is None or tok.dep_ != "ccomp" or tok.tag_ != "VBD":
        return False
    if tok.head.lemma_.lower() not in load_lexicon().report_verbs:
        return False
    deps = {ch.dep_ for ch in tok.children}
    return "dobj" in deps and not deps & {"aux", "auxpass"}
