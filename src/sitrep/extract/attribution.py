"""Who the text says did an act it does not give a doer: the party blamed, said to be behind it, or whose hallmarks
it bore. ``attributed(verb)`` reads one verb of a parsed sentence; ``document.apply_blame`` lays the party on the
event. The constructions, counted in the annotated news of ../shared (RAMS, WikiEvents, ECB+, MUC-4):

- "officials blamed X (for the bombing)", "the bombing was blamed on X", "a car bomb blamed on X" (see
  ``document.apply_blame`` for the count);
- "X was / is behind the attack", and "X is believed / thought / suspected to be behind the attack";
- "the attack bore the hallmarks of X" (bear / have / carry / show the hallmark(s) / signature of X).

Counted over RAMS dev, WikiEvents (all), MUC-4 DEV 0101-0500 and the seed-like sets (a before / after diff of every
event's actor1, session 30): the hallmarks 2 fires, both right (fresh12 Jakarta, fresh5 Sinai); a blamed party the
list lacks (``unlisted_party``) 3 fires, all right ("the Bosnian Serbs", "Xinjiang separatists", "the forces of
President Bashar al-Assad"); the act read off the blame verb kept 2 wrong doers off ("the attack on the Indian
parliament in 2001, which India blamed on ...": another act; "blamed rightist groups for several attacks": the
party's words end before "for"). "attributed to X" was tried and left out: 1 fire in those corpora, wrong (MUC-4
DEV-MUC3-0270: the act it names was merged into another killing).

Each returns the party's token and, where the parse says it, the token of the act it is blamed for (the event of
that trigger is the one the party did, not merely the last one told).
"""
from __future__ import annotations

import re

from sitrep.extract.lexicon import load_lexicon
from sitrep.extract.mentions import _match_trigger, acronym
from sitrep.knowledge import knowledge_cached
from sitrep.resolve.actor import _SPONSORED

# words one of which a sentence must hold for ``attributed`` to be asked about its verbs
CUES = ("blame", "behind", "hallmark", "signature")
_BELIEF = frozenset("believe think suspect say understand know report".split())
_HALLMARK = frozenset(("hallmark", "hallmarks", "signature", "signatures"))
_BEAR = frozenset(("bear", "have", "carry", "show"))


def attributed(verb):
    """(party, act) of an attributing verb, or None; act may be None (the sentence's event is then the one)."""
    lem = verb.lemma_.lower()
    if lem == "blame" and verb.pos_ == "VERB":
        return _blamed(verb)
    if lem in _BEAR:
        return _hallmarks(verb)
    if lem == "be":
        return _behind(verb)
    return None


def _pobj(verb, prep: str):
    return next((g for ch in verb.children if ch.dep_ == "prep" and ch.lower_ == prep
                 for g in ch.children if g.dep_ == "pobj"), None)


def _act_of(verb):
    """What a blamed / attributed act is: the passive subject, else the object, else (a participle on a noun,
    "a car bomb blamed on X") the noun the verb hangs on."""
    act = next((ch for ch in verb.children if ch.dep_ in ("nsubjpass", "dobj")), None)
    if act is None and verb.dep_ == "acl" or act is not None and act.tag_ == "WDT" and verb.dep_ == "relcl":
        act = verb.head  # "a car bomb blamed on X", "the attack on parliament, which India blamed on X"
    return act


def specific_act(act) -> bool:
    """The act is told in words of its own ("the attack on the Indian parliament in 2001", "Monday's bombing"),
    not only taken up ("the attacks"): if no event of the report has its trigger, the party did something else."""
    return act is not None and any(ch.dep_ in ("prep", "relcl", "acl", "poss", "compound", "amod", "nummod")
                                   for ch in act.children)


def _blamed(verb):
    """X of "blamed X (for Y)" or of "Y was blamed on X"."""
    on = _pobj(verb, "on")
    if on is not None:
        return on, _act_of(verb)
    obj = next((ch for ch in verb.children if ch.dep_ == "dobj"), None)
    if obj is None:  # "blamed IS for the attack": spaCy-sm reads the acronym as a verb (mentions._np_range)
        obj = next((ch for ch in verb.children if ch.pos_ == "AUX" and acronym(ch)), None)
    return (obj, _pobj(verb, "for") or _pobj(obj, "for")) if obj is not None else None


def _hallmarks(verb):
    """X of "Y bore the hallmarks of X": Y must be an act (a trigger word)."""
    mark = next((ch for ch in verb.children if ch.dep_ == "dobj" and ch.lower_ in _HALLMARK), None)
    party = _pobj(mark, "of") if mark is not None else None
    act = next((ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
    if party is None or act is None or _match_trigger(act, load_lexicon()) is None:
        return None
    return party, act


def _behind(verb):
    """X of "X was behind Y" or "X is believed to be behind Y" (Y an act). A question's "whether" / "if" is left
    out ("Asked whether Moscow was behind the attack")."""
    if any(ch.dep_ == "mark" and ch.lower_ in ("whether", "if") for ch in verb.children):
        return None
    what = _pobj(verb, "behind")
    if what is None or _match_trigger(what, load_lexicon()) is None:
        return None
    subj = next((ch for ch in verb.children if ch.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _BELIEF:
        subj = next((ch for ch in verb.head.children if ch.dep_ in ("nsubjpass", "nsubj")), None)
    return (subj, what) if subj is not None else None


def party_end(party):
    """The last token of a party's own words: before a phrase of its own other than "of" ("blamed rightist groups
    for several attacks": the groups, not the attacks)."""
    cut = min((ch.left_edge.i for ch in party.children if ch.dep_ in ("prep", "relcl", "acl") and ch.i > party.i
               and ch.lower_ != "of"), default=None)
    last = max(t.i for t in party.subtree if cut is None or t.i < cut)
    while last > party.i and party.doc[last].dep_ == "punct":
        last -= 1
    return party.doc[last]


def _sponsor(tok) -> bool:
    """ "Iran" of "Iran-backed militant groups": the name of a sponsor, not of the party."""
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and bool(_SPONSORED.match(f"-{doc[tok.i + 2].text}"))


def unlisted_party(party, lex) -> tuple[int, int] | None:
    """(first, last) token indices of a blamed party that ``actors.csv`` does not list but the text names as a
    group: a doer's or force's word, or a people's name, with a name in it that says whose ("Serb gunners",
    "Xinjiang separatists", "the Bosnian Serbs", "the forces of President Bashar al-Assad"); None for a bare
    "gunmen" (ACLED's unidentified armed group: nothing to add) and for anything else."""
    from sitrep.extract.roles import load_role_lexicon

    if party.pos_ in ("PRON", "DET"):
        return None
    head = party.lemma_.lower()
    # blamed, even a word of people names the doers ("blamed Xinjiang separatists")
    doers = lex.perpetrator_heads | lex.state_force_heads | lex.human_heads | load_role_lexicon().words["perpetrator"]
    if not (head in doers or party.lower_ in doers or party.ent_type_ == "NORP" and party.pos_ == "PROPN"):
        return None
    words = [t for c in party.lefts if c.dep_ in ("amod", "compound", "nmod") for t in c.subtree]
    of = [g for ch in party.children if ch.dep_ == "prep" and ch.lower_ == "of" for g in ch.subtree]
    named = [t for t in [*words, *of, party] if (t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG"))
             and not _sponsor(t)]
    if not named:
        return None
    toks = sorted([*words, *of, party], key=lambda t: t.i)
    while toks and toks[-1].dep_ == "punct":
        toks.pop()
    return toks[0].i, toks[-1].i


# ---- claims of responsibility ------------------------------------------------------------------------------------

def _claim_forms(table: str) -> dict:
    """discourse.toml's ``[claim.<table>]`` (``read_toml``: a broken file is a KnowledgeError naming it)."""
    from sitrep.knowledge import knowledge_path, read_toml

    return read_toml(knowledge_path("discourse.toml"))[1].get("claim", {}).get(table, {})


def _claim_words(table: str, *keys: str) -> tuple[frozenset[str], ...]:
    """The word lists ``keys`` of discourse.toml's ``[claim.<table>]``, lower case, in that order."""
    forms = _claim_forms(table)
    return tuple(frozenset(str(w).lower() for w in forms.get(k, [])) for k in keys)


@knowledge_cached
def responsibility_forms() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(verbs, objects, claimant heads) of discourse.toml [claim.responsibility]: "X claimed / took / assumed
    responsibility (credit) for the act", and the head words of a claimant the text names by no listed name."""
    return _claim_words("responsibility", "verbs", "objects", "claimant_heads")  # type: ignore[return-value]


def _for_acts(verb, obj) -> list:
    """The tokens of the act a claim names: the "for" phrases of the verb and of its object."""
    return [t for h in (verb, obj) for ch in h.children if ch.dep_ == "prep" and ch.lower_ == "for" for t in ch.subtree]


def _claim_subject(verb):
    """The subject of a claim verb: its own, else (a verb of purpose or a conjunct, "called the media to claim
    responsibility", "set off the bomb and claimed it") that of the verb it hangs on."""
    for v in (verb, verb.head if verb.dep_ in ("xcomp", "conj", "advcl") else None):
        subj = next((ch for ch in v.children if ch.dep_ in ("nsubj", "nsubjpass")), None) if v is not None else None
        if subj is not None:
            return subj, v
    return None, verb


def responsibility_claim(tok, named) -> tuple[str | None, object, tuple[int, int] | None] | None:
    """(claimant, claim verb, claimant's token range) of "X claimed / took / assumed responsibility (credit) for
    <the act of ``tok``>" in ``tok``'s sentence, where X is a group: the claimant is what ``named(subject)`` reads
    (a listed actor, a self-named group), else the last group of ``actors.csv`` or ``roles_organizations.csv`` named
    from the subject's first word to the verb, else None when the subject's head is a group's word ("a leftist
    group", "the clandestine organisation") or the parser marks it an organisation. None when no such claim is
    told of this act: the verb is negated ("has not yet claimed"), its "for" names another act, or a state's
    forces admit it (states' acts are never claims here). Counts in discourse.toml [claim.responsibility]."""
    from sitrep.extract.roles import load_role_lexicon
    from sitrep.resolve.actor import actor_type, find_actors

    verbs, objects, heads = responsibility_forms()
    for verb in tok.sent:
        obj = next((ch for ch in verb.children if ch.dep_ == "dobj" and ch.lemma_.lower() in objects), None)
        if obj is None or verb.lemma_.lower() not in verbs or any(ch.dep_ == "neg" for ch in verb.children):
            continue
        if any(ch.dep_ == "det" and ch.lower_ == "no" for ch in obj.children):
            continue
        acts = _for_acts(verb, obj)
        if acts and tok not in acts:
            continue  # "... which claimed responsibility for an attack last week, claimed this one"
        subj, holder = _claim_subject(verb)
        if subj is not None and (subj.lower_ in ("nobody", "none") or any(
                ch.dep_ == "det" and ch.lower_ == "no" for ch in subj.children)):
            return None  # "No organization or individual has claimed responsibility"
        if subj is not None and subj.lower_ in ("which", "who", "that") and holder.dep_ == "relcl":
            subj = holder.head
        if subj is not None:
            found = named(subj)
            if found is not None:
                return found[0], verb, (subj.left_edge.i, subj.right_edge.i)
        doc = verb.doc
        first = subj.left_edge.i if subj is not None else tok.sent.start
        words = doc[first:verb.i]
        actors = [a for a in find_actors(words.text)]
        if actors:
            last = actors[-1]
            if actor_type(last.canonical) == "state":
                return None
            return last.canonical, verb, None
        low = f" {' '.join(words.text.lower().replace('-', ' ').split())} "
        for o in load_role_lexicon().organizations:
            if o.kind != "state" and any(f" {' '.join(a.lower().replace('-', ' ').split())} " in low
                                         for a in o.aliases):
                return o.canonical, verb, None
        if subj is not None and (subj.lemma_.lower() in heads or subj.ent_type_ == "ORG"):
            return None, verb, None
    return None


def claim_negated(sent, claim_verbs) -> bool:
    """A claim verb of the sentence is negated ("The FMLN has not yet claimed responsibility for the attack"): the
    sentence tells no claim (nor that no one claimed). MUC-4 DEV: 1 sentence so, 0 in the seed-like tune sets."""
    return any(t.lemma_.lower() in claim_verbs and t.pos_ in ("VERB", "AUX") and any(ch.dep_ == "neg" for ch in t.children)
               for t in sent)


_NEGATED_CLAIM = re.compile(r"(?:\b(?:not|never|nobody|no one|none)\b|n['\u2019]t\b)(?:\s+\w+){0,3}\s+"
                            r"(?:claim(?:s|ed|ing)?|(?:take[sn]?|took|taking)(?!\s+part\b)|assum(?:e|es|ed|ing)|accept(?:s|ed|ing)?)\b",
                            re.I)


def claim_negated_text(text: str) -> bool:
    """A sentence whose claim verb is negated, read off its words ("has not yet claimed", "nobody has taken"): for a
    sentence read without its parse."""
    return _NEGATED_CLAIM.search(text) is not None


@knowledge_cached
def messenger_forms() -> tuple[frozenset[str], frozenset[str]]:
    """(messengers, calling verbs) of discourse.toml [claim.messenger]."""
    return _claim_words("messenger", "words", "calling")  # type: ignore[return-value]


def messenger_report(tok, report_verbs):
    """The verb of saying when a group's act is told by its messenger: a caller, a letter, a communique ("a caller
    said the Extraditables had blown up the jet", "a man who telephoned the agency said al-Qaeda had carried out the
    bombings", "a communique stated that the FPL had set off the bombs"): the act's clause is what a messenger said,
    so the group that did it claimed it. None otherwise. Counts in discourse.toml [claim.messenger]."""
    words, calling = messenger_forms()
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    for _ in range(3):  # the trigger's verb, or a verb it hangs on ("had carried out the bombings")
        if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in report_verbs:
            break
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    else:
        return None
    if verb.dep_ != "ccomp":
        return None
    say = verb.head
    subj = next((ch for ch in say.children if ch.dep_ == "nsubj"), None)
    if subj is None or any(ch.dep_ == "neg" for ch in say.children):
        return None
    forces = load_lexicon().state_force_heads
    if any(t.lemma_.lower() in forces or t.lower_ in forces for t in subj.subtree):
        return None  # "a communique released by the military command states that ...": a state's word, no claim
    head = subj.lemma_.lower()
    if head in words or subj.lower_ in words:
        return say
    if any(ch.dep_ == "relcl" and ch.lemma_.lower() in calling for ch in subj.children):
        return say  # "a man who telephoned the agency"
    return None


_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+$", re.I)
_BY_AFTER = re.compile(r"\s+(?:\S+\s+){0,2}by\b", re.I)


def said_carried_out(pattern, text: str):
    """The first match of discourse.toml [claim] carried_out in ``text`` that can tell a doer's own word ("X said it
    carried out the attack"): a bare "carried out" in the passive is no one's claim ("actions that are carried out",
    "the genocide being carried out by the high command", "their war will be carried out", "the actions carried out
    by the United States"). MUC-4 DEV 0001-1300: 4 false claims read off such a passive, 0 right ones; seed-like
    tune 0 either way."""
    for m in pattern.finditer(text):
        if " ".join(m.group(0).lower().split()) == "carried out" and (
                _BE_BEFORE.search(text[:m.start()]) or _BY_AFTER.match(text, m.end())):
            continue
        return m
    return None


@knowledge_cached
def own_report_forms() -> tuple[frozenset[str], frozenset[str]]:
    """(own doers, own-voice words) of discourse.toml [claim.own_report]."""
    return _claim_words("own_report", "doers", "voices")  # type: ignore[return-value]


def _act_subject(verb):
    return next((ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")), None)


def own_report(tok, report_verbs, named):
    """(claimant, verb of saying) when a named armed group tells its own violent act: "the FMLN reported that its
    units destroyed the post", "the ELN said its fighters attacked", "Radio Venceremos, the FMLN's official radio
    station, said the rebels attacked", "the guerrillas of X claim to have destroyed": the subject of the verb of
    saying is the group (``named``, which never names a state: a state's forces telling their own strikes are no
    claim) or a voice of its own (a radio, a communique of the group's), and the act's doer is the group, its
    units / fighters / "we" / "they", or left unsaid ("claim to have destroyed"). None otherwise. Counts in
    discourse.toml [claim.own_report]."""
    doers, voices = own_report_forms()
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    chain = [verb]
    for _ in range(3):  # the trigger's verb, or a verb it hangs on ("units carried out an attack")
        if verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() in report_verbs:
            break
        if verb.head.i == verb.i:
            return None
        verb = verb.head
        chain.append(verb)
    else:
        return None
    if any(ch.dep_ == "neg" for v in chain for ch in v.children):
        return None  # "the FMLN said they had not ordered the assassination": a denial
    say = verb.head
    subj = next((ch for ch in say.children if ch.dep_ == "nsubj"), None)
    if subj is None or any(ch.dep_ == "neg" for ch in say.children):
        return None
    if any(t.lemma_.lower() in voices for t in subj.subtree):
        # "Radio Venceremos, the FMLN's official radio station", "a communique of the FMLN": the group is the owner
        group = next((f for ch in subj.subtree if ch.i != subj.i and ch.dep_ in ("poss", "pobj", "appos")
                      and ch.lemma_.lower() not in voices for f in [named(ch)] if f is not None), None)
    elif subj.pos_ == "PROPN" or subj.lemma_.lower() in doers | responsibility_forms()[2]:
        group = named(subj)  # the group itself, not a name inside its subject ("witnesses at the Al Noor mosque")
    else:
        return None
    if group is None:
        return None
    doer = _act_subject(verb) if verb.dep_ == "ccomp" else None
    if doer is not None:
        same = named(doer)
        if not (doer.lemma_.lower() in doers or doer.lower_ in doers or same is not None and same[0] == group[0]):
            return None
    return group[0], say


# ---- denials told with a statement -------------------------------------------------------------------------------

@knowledge_cached
def denial_statements() -> frozenset[str]:
    """discourse.toml [claim.denial] statements: the claim phrases that name only a statement."""
    return frozenset(" ".join(str(w).lower().split()) for w in _claim_forms("denial").get("statements", []))


def undenied_claim(pattern, text: str):
    """The first match of the claim phrases ``pattern`` in ``text`` that tells a claim: a phrase that names only a
    statement ("in a statement") in a sentence that denies (discourse.toml [deny]: "The Tigers denied any
    involvement in a statement") tells the denial, and is passed over; a phrase that claims in so many words
    ("claimed responsibility") stands. None when no match is left. Counts in discourse.toml [claim.denial]."""
    denies = load_lexicon().phrases["deny"].search(text) is not None
    statements = denial_statements()
    for m in pattern.finditer(text):
        if denies and " ".join(m.group(0).lower().split()) in statements:
            continue
        return m
    return None


# ---- claims by a person ------------------------------------------------------------------------------------------

@knowledge_cached
def person_forms() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(leader words, armed words, pronouns) of discourse.toml [claim.person]."""
    return _claim_words("person", "leaders", "armed", "pronouns")  # type: ignore[return-value]


def _name_tokens(tok) -> list:
    """The tokens of the person's name ``tok`` ends ("Shamil Basayev"): it and the proper nouns compounded before
    it that the parser marks a person."""
    if tok.pos_ != "PROPN" and tok.ent_type_ != "PERSON":
        return []
    names = [tok]
    for t in reversed(list(tok.lefts)):
        if t.dep_ == "compound" and t.pos_ == "PROPN" and t.ent_type_ == "PERSON" and t.i == names[0].i - 1:
            names.insert(0, t)
    return names if any(t.ent_type_ == "PERSON" for t in names) else []


def armed_leader(subj) -> tuple[int, int] | None:
    """(first, last) token indices of the name of the person ``subj`` calls a leader of armed men that are no
    state's ("Chechen rebel warlord Shamil Basayev", "the militant commander X", "X, the rebel leader"): a person's
    name (the subject, or the name set beside its noun) with a leader word and an armed word among the words of the
    subject's own phrase (discourse.toml [claim.person]; not its relative clause); None otherwise, and for a state's
    man (an army, police or other state force word among them)."""
    names = _name_tokens(subj) or next((n for ch in subj.children if ch.dep_ in ("appos", "compound")
                                        for n in [_name_tokens(ch)] if n), [])
    if not names:
        return None
    leaders, armed, _ = person_forms()
    clauses = {t.i for ch in subj.subtree if ch.dep_ in ("relcl", "acl") for t in ch.subtree}
    own = [t for t in subj.subtree if t not in names and t.i not in clauses]
    words = {t.lower_ for t in own} | {t.lemma_.lower() for t in own}
    if words & load_lexicon().state_force_heads or not (words & leaders and words & armed):
        return None
    return names[0].i, names[-1].i


class PersonTrail:
    """The persons a report names, in the order its parsed sentences are read: the last one named, and those it
    calls a leader of armed men (by the last word of their name), for "he" / "she" of a claim."""

    def __init__(self) -> None:
        self.leaders: dict[str, str] = {}  # last word of the name, lower case -> the name as written
        self.last: str | None = None

    def read(self, sent) -> None:
        """Takes in the persons of a parsed sentence, after its events are read."""
        for ent in sent.ents:
            if ent.label_ != "PERSON":
                continue
            root = ent.root  # "rebel warlord Shamil Basayev": the name set beside the leader's noun
            found = armed_leader(root) or (armed_leader(root.head) if root.dep_ in ("appos", "compound") else None)
            if found is not None:
                self.leaders[ent.root.lower_] = ent.doc[found[0]:found[1] + 1].text
            self.last = ent.root.lower_

    def antecedent(self, pronoun) -> str | None:
        """The armed leader "he" / "she" takes up: the last person named before it (in its sentence, else before)
        when that person is one; None otherwise."""
        if pronoun.lower_ not in person_forms()[2]:
            return None
        before = [e for e in pronoun.sent.ents if e.label_ == "PERSON" and e.end <= pronoun.i]
        last = before[-1].root.lower_ if before else self.last
        return self.leaders.get(last) if last is not None else None


# ---- "the group" of a claim --------------------------------------------------------------------------------------

@knowledge_cached
def anaphor_forms() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(nouns, determiners, pronouns) of discourse.toml [claim.anaphor]."""
    return _claim_words("anaphor", "nouns", "determiners", "pronouns")  # type: ignore[return-value]


def group_anaphor(subj) -> bool:
    """A claim's subject takes up a group named before: "the group", "this organization" (the noun with a
    determiner of discourse.toml [claim.anaphor] and no other word of its own: "a leftist group", "the same group
    of rebels" do not), or "it"."""
    nouns, dets, pronouns = anaphor_forms()
    if subj.lower_ in pronouns:
        return True
    if subj.lemma_.lower() not in nouns and subj.lower_ not in nouns:
        return False
    own = [ch for ch in subj.children if ch.dep_ != "punct"]
    return len(own) == 1 and own[0].dep_ == "det" and own[0].lower_ in dets
