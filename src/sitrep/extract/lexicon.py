"""Loads and validates the extraction lexicons (weapons.toml, events.toml, discourse.toml) into fast lookups.
Errors name the file and the entry that is wrong."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.errors import (
    E403_KNOWLEDGE_ENTRY,
    E404_UNKNOWN_EVENT_TYPE,
    KnowledgeError,
)
from sitrep.knowledge import knowledge_cached, knowledge_path, read_toml, read_words
from sitrep.resolve.lowered import alternation

ACLED_TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
    "Protests": {"Excessive force against protesters", "Protest with intervention", "Peaceful protest"},
    "Riots": {"Violent demonstration", "Mob violence"},
}


@dataclass(frozen=True)
class Weapon:
    category: str
    event_type: str
    sub_event_type: str
    rank: int


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: frozenset[str]
    kind: str
    needs: str | None
    weapon: str | None
    weapon_cue: str | None = None  # "air": the weapon only with an air cue or a state doer (events.toml)


@dataclass
class Lexicon:
    weapons: dict[str, Weapon]  # phrase (lower) -> weapon
    weapon_re: re.Pattern
    triggers: dict[str, list[Trigger]]  # lemma -> triggers
    trigger_words: frozenset[str]  # every single word that may start a trigger (for screening)
    kinds: dict[str, tuple[str, str]]
    military_target: tuple[str, str]
    civilian_target: tuple[str, str]
    phrases: dict[str, re.Pattern] = field(default_factory=dict)  # generic, claim, none_claim, deny, hedge, ...
    claim_verbs: frozenset[str] = frozenset()
    report_verbs: frozenset[str] = frozenset()
    killed_words: frozenset[str] = frozenset()
    injured_words: frozenset[str] = frozenset()
    casualty_hedge_verbs: frozenset[str] = frozenset()
    claimant_is_actor1: bool = True  # discourse.toml [claim] claimant_is_actor1
    perpetrator_heads: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    military_targets: frozenset[str] = frozenset()
    military_needs_qualifier: frozenset[str] = frozenset()  # events.toml [actors]: "station", "camp" ... (issue 11)
    military_qualifiers: frozenset[str] = frozenset()  # events.toml [actors]: "rebel", "guerrilla" ... (issue 11)
    pit_sentence: re.Pattern | None = None  # weapons.toml [senses]: a "mine" in a sentence with these is a pit
    not_targets: frozenset[str] = frozenset()
    page_not_armed: frozenset[str] = frozenset()  # events.toml [page]: armed-actor heads that say nothing of a page
    page_no_doer: frozenset[str] = frozenset()  # events.toml [page]: killing words of a death with no doer ("died")
    page_murder: frozenset[str] = frozenset()  # events.toml [page]: words that name a killing by someone ("murder")
    page_min_sentences: int = 8  # events.toml [page]: the fewest sentences a page the signal reads has
    page_accident: frozenset[str] = frozenset()  # events.toml [page]: words of a page that tells of an accident
    page_person_suffixes: frozenset[str] = frozenset()  # events.toml [page]: endings of person nouns ("instructor")
    page_history_years: int = 0  # events.toml [page]: an event dated more years than this before its report is history
    toll_verbs: frozenset[str] = frozenset()
    year_figures: tuple[int, int] = (0, -1)  # discourse.toml [casualty] year_figures: "the 2012 shooting death"
    war_subjects: frozenset[str] = frozenset()  # discourse.toml [totals] war_subjects: "the war has killed 10,000"
    aircraft: frozenset[str] = frozenset()  # events.toml [actors] aircraft: what "shot down" must hit
    held_places: frozenset[str] = frozenset()  # events.toml [actors] held_places: what "overran" must take
    deadly_doers: frozenset[str] = frozenset()  # events.toml [actors] deadly_doers: who "claims lives"
    captor_heads: frozenset[str] = frozenset()  # events.toml [actors] captor_heads: whom "rescued from"
    armed_doer_heads: frozenset[str] = frozenset()  # events.toml [actors] armed_doer_heads: doers of a raid, no force
    person_titles: frozenset[str] = frozenset()  # events.toml [actors] person_titles: "Mayor X", "the Duke of Y"
    sport_words: re.Pattern | None = None  # events.toml [sport] words (whole words, any case)
    sport_doc_min: int = 4
    sport_sentence_min: int = 2
    game_words: re.Pattern | None = None  # events.toml [sport] game_words: a page about a video game
    game_doc_min: int = 3
    trade_words: re.Pattern | None = None  # events.toml [sport] trade_words: a page about companies and markets
    trade_doc_min: int = 4
    screen_words: re.Pattern | None = None  # events.toml [sport] screen_words: a page about a film, show or book
    screen_doc_min: int = 4
    drill_words: re.Pattern | None = None  # events.toml [sport] drill_words: a page about military exercises
    drill_doc_min: int = 4
    launch_words: re.Pattern | None = None  # events.toml [sport] launch_words: a page about spaceflight or fireworks
    launch_doc_min: int = 4
    toll_nouns: frozenset[str] = frozenset()  # the subjects that make a toll verb update a toll
    figurative_objects: frozenset[str] = frozenset()  # "launch an offensive against unemployment"
    figurative_governors: frozenset[str] = frozenset()  # "deal a blow", "stop fighting"
    figurative_modifiers: frozenset[str] = frozenset()  # "hunger strike", "cyber attack", "heart attack"
    figurative_subjects: frozenset[str] = frozenset()  # "the quake struck", "the film bombed"
    figurative_named: frozenset[str] = frozenset()  # "Typhoon Odette kills 375": the kind word before a disaster's name
    figurative_on: frozenset[str] = frozenset()  # "went on strike", "remain on strike"
    figurative_heads: frozenset[str] = frozenset()  # "hostage talks", "bomb squad"
    figurative_arrest: frozenset[str] = frozenset()  # "detained 251 people in raids": raids that arrest
    figurative_to_death: frozenset[str] = frozenset()  # "sentenced to death", "starved to death"
    figurative_release: frozenset[str] = frozenset()  # "free 50 hostages": a release, not a taking
    figurative_accident_verbs: frozenset[str] = frozenset()  # "killed when the plane crashed": an accident
    figurative_vehicles: frozenset[str] = frozenset()  # "killed when his bike hit a lorry": a vehicle did it
    figurative_court: frozenset[str] = frozenset()  # "convicted over the killing": a trial of an earlier act
    figurative_verdict: frozenset[str] = frozenset()  # "found guilty of murdering": a verdict's act
    figurative_executions: frozenset[str] = frozenset()  # "executes seven convicted of ...": a sentence carried out
    figurative_modifier_only: frozenset[str] = frozenset()  # "hostage release": no taking as a compound modifier
    figurative_found: frozenset[str] = frozenset()  # "a bomb found on a building site": a find, no explosion
    figurative_ages: frozenset[str] = frozenset()  # "died aged 101", "died at the age of 85": an obituary
    figurative_plans: frozenset[str] = frozenset()  # "planning a second car bombing": an act not done yet
    figurative_mishaps: frozenset[str] = frozenset()  # "shot his father in a hunting accident": no intent
    figurative_chants: frozenset[str] = frozenset()  # "shouting 'Burn in hell'": the words a crowd calls out
    figurative_governed: frozenset[str] = frozenset()  # "called a strike": a verb and the trigger it governs
    figurative_describing: frozenset[str] = frozenset()  # "rebels fighting Russian forces": a group described
    figurative_stative: frozenset[str] = frozenset()  # "striking workers": people on strike, no act told
    figurative_stative_frames: frozenset[str] = frozenset()  # "killed during a strike": the stoppage it happened in
    figurative_stoppage_modifiers: frozenset[str] = frozenset()  # "a nationwide strike": a stoppage unless aimed
    figurative_of_objects: frozenset[str] = frozenset()  # "a blast of Arctic air": what the trigger noun is made of
    figurative_sense_objects: frozenset[str] = frozenset()  # "strike deal": a verb trigger and an object of another sense
    figurative_munitions: frozenset[str] = frozenset()  # "killed when a shell fell": no accident
    attempt_verbs: frozenset[str] = frozenset()  # "tried to kill": an infinitive trigger that still happened
    possibility_modals: frozenset[str] = frozenset()  # discourse.toml [generic] modals: "might be targeted"
    human_heads: frozenset[str] = frozenset()  # nouns that name people ("soldiers", "civilians")
    agent_suffixes: frozenset[str] = frozenset()  # endings of nouns that name a doer ("peacekeepers", "technician")
    state_force_heads: frozenset[str] = frozenset()  # perpetrator heads that name a state's forces
    doer_noun_heads: frozenset[str] = frozenset()  # "rebels", "militants": a doer noun written out as actor1
    doer_noun_drop: frozenset[str] = frozenset()  # "alleged", "unidentified": not written in a doer noun as actor1
    weapon_user_verbs: frozenset[str] = frozenset()  # "fire", "launch": "a missile fired by X" was used by X
    law_enforcement_heads: frozenset[str] = frozenset()  # "police": their raids and arrests are no attack by default
    group_name_words: frozenset[str] = frozenset()  # "Baloch Liberation Army": words that make a force a named group
    count_nouns: frozenset[str] = frozenset()  # "dozens of", "five of": the "of" phrase is what is counted
    collective_heads: frozenset[str] = frozenset()  # "the family", "the crew": a singular noun of many people
    conveyances: frozenset[str] = frozenset()  # what "hijack" must take besides an aircraft ("a bus", "the ship")
    victim_subject_verbs: frozenset[str] = frozenset()  # "two bombers die": the subject is the one harmed
    clash_onset_verbs: frozenset[str] = frozenset()  # "fighting erupts in X": a clash word told as breaking out
    toll_words: frozenset[str] = frozenset()  # events.toml [actors] toll_words: a headline's count of the dead
    toll_doers: frozenset[str] = frozenset()  # events.toml [actors] toll_doers: what a headline's toll is "in"
    loss_verbs: frozenset[str] = frozenset()  # events.toml [actors] loss_verbs: an armed side "suffers casualties"
    toll_doer_not: frozenset[str] = frozenset()  # events.toml [actors] toll_doer_not: "domestic" violence
    armed_holds: frozenset[str] = frozenset()  # events.toml [actors] armed_holds: an armed group's "hideout", "camp"
    gun_doers: frozenset[str] = frozenset()  # events.toml [actors] gun_doers: "gunmen" attack with small arms
    reference_nouns: frozenset[str] = frozenset()  # "in retaliation for X": X is another event
    cause_nouns: frozenset[str] = frozenset()  # "in revenge for Suruc": a place there is the cause's, not the act's
    summary_nouns: frozenset[str] = frozenset()  # "two bomb attacks": a count of events a lede sums up
    reference_preps: frozenset[str] = frozenset()  # "after X"
    reaction_verbs: frozenset[str] = frozenset()  # "vows revenge after X": a headline that tells a reaction
    speaker_verbs: frozenset[str] = frozenset()  # "X denied / called the attack ...": a place in X is the speaker's
    typing: Typing | None = None  # how a clause's ACLED type is decided ([typing])
    irregular_forms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "strike" -> struck, striking
    split_tails: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "set fire" -> "on fire": "set X on fire"
    air_bomb_words: frozenset[str] = frozenset()  # events.toml [air_dropped]: bombs that may come from the air
    air_drop_verbs: frozenset[str] = frozenset()  # "bombs fell", "dropped bombs"
    air_words: frozenset[str] = frozenset()  # "air force", "aerial": an air doer (with [actors] aircraft)


@dataclass(frozen=True)
class Typing:
    """events.toml [typing]: the order in which a clause's ACLED type is decided, and trigger priority."""

    kind_first: frozenset[str]
    kind_first_without_weapon: frozenset[str]
    weapons_not_deciding: frozenset[str]
    priority: dict[str, int]
    armed_victim_kinds: frozenset[str] = frozenset()  # [typing] kinds typed as battles when armed men are hit
    armed_men: frozenset[str] = frozenset()  # [typing] armed_men: head nouns of armed men ("gunmen", "insurgents")
    crowds: Crowds | None = None  # [typing.crowds]: violence by or against a crowd (ACLED's Protests and Riots)
    outranks: tuple[tuple[str, str], ...] = ()  # [typing] outranks: "killing arson", the first names the clause


@dataclass(frozen=True)
class Crowds:
    """events.toml [typing.crowds]: the kinds read, the noun classes of a crowd and the type each pairing gives."""

    kinds: frozenset[str]
    protesters: frozenset[str]  # "protesters", "demonstrators": a protesting crowd, as victim or as doer
    crowd_nouns: frozenset[str]  # "crowd": protesters only with a protest verb or noun on it
    protest_words: frozenset[str]  # "a crowd protesting", "a crowd of demonstrators", "a protest crowd"
    mobs: frozenset[str]  # "mob", "rioters": a crowd as doer
    object_verbs: frozenset[str]  # "opened fire on": the verb whose trigger object is its deed
    clash_kinds: frozenset[str]  # "police fought protesters": a fight a crowd is a party to (no excessive force)
    marcher_verbs: frozenset[str]  # "students marched on X, pelting it": the doer of the protest verb did the act
    when_marks: frozenset[str]  # "three died after rioters set fire to a bank": the clause whose subject did it
    protest_burnings: frozenset[str]  # "protesters burn flags": what a crowd burns as a sign (no violence)
    deed_verbs: frozenset[str]  # "protesters set fire to a bank": the verbs whose deed by a crowd is kept
    force_on_protesters: tuple[str, str]  # a state's forces against protesters
    violent_protesters: tuple[str, str]  # protesters as the doers
    mob_violence: tuple[str, str]  # a mob as the doer


def _year_figures(value) -> tuple[int, int]:
    """discourse.toml [casualty] year_figures: [first, last] year a four-digit casualty figure is read as."""
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value)):
        raise KnowledgeError(f"discourse.toml: [casualty] year_figures must be [first, last] years; got {value!r}",
                             code=E403_KNOWLEDGE_ENTRY)
    return value[0], value[1]


def _phrase_re(phrases: list[str]) -> re.Pattern:
    """The phrases (a space: any run of white space and hyphens) as one case-blind pattern of whole words, longest
    first at each place, written as a tree of their letters (``alternation``: the same matches; the weapon words
    8-15x faster on our report sets, which ``SentenceExtractor.weapons_in`` runs over every clause)."""
    alts = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    body = alternation(alts, ignore_case=True, space=r"[\s-]+")
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])", re.I)


def _no_claim_re(phrases: list[str], claimants: list[str], verbs: list[str], acts: list[str]) -> re.Pattern:
    """The none-claim phrases, and "no [modifier] <claimant> [or ...] [has|had] [yet] <verb>" / "nobody ...
    <verb>" / "no <claimant> has said (that) it <act>" (discourse.toml [claim] none_claimants, none_verbs,
    none_said_acts)."""
    if not claimants:
        return _phrase_re(phrases)
    words = lambda ws: "|".join(r"[\s-]+".join(map(re.escape, w.lower().split())) for w in ws)  # noqa: E731
    noun = "(?:" + "|".join(re.escape(c.lower()) for c in claimants) + ")"
    who = rf"(?:nobody|no(?:[\s-]+[a-z]+)?[\s-]+{noun}(?:[\s-]+or[\s-]+(?:[a-z]+[\s-]+)?{noun})?)"
    said = (r"said[\s-]+(?:(?:by|on)[\s-]+[a-z]+[\s-]+)?(?:that[\s-]+)?(?:it|they)[\s-]+"
            rf"(?:(?:had|was|were)[\s-]+)?(?:{words(acts)})") if acts else "(?!)"
    verb = (r"(?:(?:has|had|have)[\s-]+)?(?:(?:yet|immediately|so[\s-]+far|publicly)[\s-]+)?"
            rf"(?:(?:{words(verbs) or '(?!)'})(?![\s-]+with\b)|{said})")
    # "No group has said it carried out / was behind the attack", "no group had said by Wednesday that it carried
    # out the killings", "nobody has come forward" (not "... come forward with information": a witness appeal)
    grammar = rf"(?<![\w-]){who}[\s-]+{verb}(?![\w])"
    return re.compile(_phrase_re(phrases).pattern + "|" + grammar, re.I)


def _load_toml(name: str) -> tuple[Path, dict]:
    path = knowledge_path(name)
    return path, read_toml(path)[1]


def _need(path: Path, where: str, entry: dict, key: str, kind: type):
    if key not in entry or not isinstance(entry[key], kind):
        raise KnowledgeError(f"{path}: {where} needs '{key}' ({kind.__name__}); got {entry.get(key)!r}", code=E403_KNOWLEDGE_ENTRY)
    return entry[key]


def _check_type(path: Path, where: str, event_type: str, sub: str) -> None:
    if event_type not in ACLED_TYPES or sub not in ACLED_TYPES[event_type]:
        raise KnowledgeError(f"{path}: {where}: '{event_type}' / '{sub}' is not an ACLED event / sub-event type",
                             code=E404_UNKNOWN_EVENT_TYPE)


def _weapons() -> dict[str, Weapon]:
    """weapons.toml: each weapon word -> its Weapon (category, ACLED type, rank)."""
    wpath, wdata = _load_toml("weapons.toml")
    weapons: dict[str, Weapon] = {}
    for i, entry in enumerate(wdata.get("weapon", []), 1):
        where = f"weapon #{i}"
        cat = _need(wpath, where, entry, "category", str)
        et = _need(wpath, where, entry, "event_type", str)
        st = _need(wpath, where, entry, "sub_event_type", str)
        _check_type(wpath, f"{where} ({cat})", et, st)
        w = Weapon(cat, et, st, int(entry.get("rank", 0)))
        for word in _need(wpath, where, entry, "words", list):
            weapons[str(word).lower()] = w
    if not weapons:
        raise KnowledgeError(f"{wpath}: no [[weapon]] entries", code=E403_KNOWLEDGE_ENTRY)
    return weapons


def _phrases(dpath: Path, ddata: dict) -> dict[str, re.Pattern]:
    """discourse.toml's phrase lists as patterns (generic, claim, no_claim, deny, hedge, totals, ...)."""
    phrases = {}
    for section, key, name in [("generic", "phrases", "generic"), ("claim", "phrases", "claim"), ("deny", "phrases", "deny"),
                               ("claim", "carried_out", "carried_out"), ("claim", "none_phrases", "no_claim"),
                               ("hedge", "phrases", "hedge"), ("attempt", "phrases", "attempt"), ("totals", "phrases", "totals"),
                               ("report", "phrases", "report"), ("casualty", "zero", "zero_casualties"),
                               ("generic", "quantifiers", "quantifier")]:
        values = ddata.get(section, {}).get(key)
        if not isinstance(values, list) or not values:
            raise KnowledgeError(f"{dpath}: [{section}] needs a non-empty list '{key}'", code=E403_KNOWLEDGE_ENTRY)
        phrases[name] = _phrase_re(values)
    phrases["generic"] = _phrase_re(ddata["generic"]["phrases"] + ddata["generic"]["quantifiers"])
    claim = ddata["claim"]
    phrases["no_claim"] = _no_claim_re(claim["none_phrases"], claim.get("none_claimants", []), claim.get("none_verbs", []),
                                       claim.get("none_said_acts", []))
    return phrases


def _sport_pattern(words: list[str]) -> re.Pattern | None:
    if not words:
        return None
    alts = alternation(words, ignore_case=True, space=r"\s+")  # a tree of letters: the same matches, faster
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.I)


def _other_senses() -> list[str]:
    """weapons.toml [senses]: phrases that hold a weapon word in another sense ("a gold mine", "the Ministry of
    Mines"). They join the weapon pattern, which then matches them whole, and are no key of the weapons: read as
    no weapon."""
    wpath, wdata = _load_toml("weapons.toml")
    senses = wdata.get("senses", {})
    out = [f"{w} {m}" for w in senses.get("pit_before", []) for m in ("mine", "mines")]
    out += [f"{m} {w}" for w in senses.get("pit_after", []) for m in ("mine", "mines")]
    return out + [str(p) for p in senses.get("phrases", [])]


def _pit_sentence() -> re.Pattern | None:
    words = _load_toml("weapons.toml")[1].get("senses", {}).get("pit_sentence", [])
    return _phrase_re(words) if words else None


_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def military_words(lex: Lexicon, words) -> bool:
    """A target's lower-case words name armed forces: one of events.toml [actors] military_targets, where a word of
    military_needs_qualifier ("station", "camp", "headquarters": civilian places as often) counts only beside
    another military word or a military qualifier ("the police station", "a rebel camp"; not "a refugee camp", "the
    party headquarters")."""
    words = list(words)
    if any(w in lex.military_targets and w not in lex.military_needs_qualifier for w in words):
        return True
    return any(w in lex.military_targets for w in words) and any(w in lex.military_qualifiers for w in words)


def pit_mine(lex: Lexicon, text: str, start: int, end: int) -> bool:
    """A "mine(s)" at text[start:end] told in a sentence that names miners or mining (weapons.toml [senses]
    pit_sentence): the pit, no weapon ("police shot striking miners at the mine")."""
    if lex.pit_sentence is None or text[start:end].lower() not in ("mine", "mines"):
        return False
    before = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 400), start)]
    after = _SENTENCE_END.search(text, end, end + 400)
    a, b = (before[-1] if before else max(0, start - 400)), (after.start() if after else min(len(text), end + 400))
    return lex.pit_sentence.search(text, a, b) is not None


def _trigger_weapon(epath: Path, where: str, entry: dict, weapons: dict[str, Weapon]) -> str | None:
    """A [[trigger]]'s weapon (a category of weapons.toml), its weapon_cue checked ("air" or none)."""
    weapon = entry.get("weapon")
    if weapon and weapon not in {w.category for w in weapons.values()}:
        raise KnowledgeError(f"{epath}: {where}: weapon '{weapon}' is not a category of weapons.toml", code=E403_KNOWLEDGE_ENTRY)
    if entry.get("weapon_cue") not in (None, "air"):
        raise KnowledgeError(f"{epath}: {where}: weapon_cue must be \"air\"", code=E403_KNOWLEDGE_ENTRY)
    return weapon


@knowledge_cached
def load_lexicon() -> Lexicon:
    weapons = _weapons()
    epath, edata = _load_toml("events.toml")
    triggers: dict[str, list[Trigger]] = {}
    kinds = {}
    for k, v in edata.get("kinds", {}).items():
        if not (isinstance(v, list) and len(v) == 2):
            raise KnowledgeError(f"{epath}: [kinds] {k} must be [event_type, sub_event_type]", code=E403_KNOWLEDGE_ENTRY)
        _check_type(epath, f"[kinds] {k}", v[0], v[1])
        kinds[k] = (v[0], v[1])
    for i, entry in enumerate(edata.get("trigger", []), 1):
        where = f"trigger #{i}"
        kind = _need(epath, where, entry, "kind", str)
        if kind != "attack" and kind not in kinds:
            raise KnowledgeError(f"{epath}: {where}: kind '{kind}' has no line in [kinds]", code=E403_KNOWLEDGE_ENTRY)
        weapon = _trigger_weapon(epath, where, entry, weapons)
        pos = frozenset(_need(epath, where, entry, "pos", list))
        for lemma in _need(epath, where, entry, "lemmas", list):
            t = Trigger(str(lemma).lower(), pos, kind, entry.get("needs"), weapon, entry.get("weapon_cue"))
            triggers.setdefault(t.lemma, []).append(t)
    defaults = edata.get("defaults", {})
    mil = tuple(defaults.get("military_target", ["Battles", "Armed clash"]))
    civ = tuple(defaults.get("civilian_target", ["Violence against civilians", "Attack"]))
    _check_type(epath, "[defaults] military_target", *mil)
    _check_type(epath, "[defaults] civilian_target", *civ)

    dpath, ddata = _load_toml("discourse.toml")
    phrases = _phrases(dpath, ddata)
    words = {phrase.split()[0] for phrase in list(weapons) + list(triggers)}
    sport = edata.get("sport", {})  # pages about a game, a video game, companies, a film, an exercise, a launch
    return Lexicon(
        weapons=weapons, weapon_re=_phrase_re(list(weapons) + _other_senses()), triggers=triggers,
        pit_sentence=_pit_sentence(),
        trigger_words=frozenset(words), kinds=kinds, military_target=mil, civilian_target=civ,
        phrases=phrases, claim_verbs=frozenset(v for v in ddata["claim"].get("verbs", []) if " " not in v),
        report_verbs=frozenset(ddata["report"].get("verbs", [])),
        killed_words=frozenset(ddata["casualty"].get("killed", [])),
        injured_words=frozenset(ddata["casualty"].get("injured", [])),
        casualty_hedge_verbs=frozenset(ddata["casualty"].get("hedge_verbs", [])),
        claimant_is_actor1=bool(ddata["claim"].get("claimant_is_actor1", True)),
        toll_verbs=frozenset(ddata["casualty"].get("toll_verbs", [])),
        year_figures=_year_figures(ddata["casualty"].get("year_figures", [0, -1])),
        war_subjects=frozenset(ddata["totals"].get("war_subjects", [])),
        toll_nouns=frozenset(ddata["casualty"].get("toll_nouns", [])),
        perpetrator_heads=frozenset(w.lower() for w in edata.get("actors", {}).get("perpetrator_heads", [])),
        aircraft=frozenset(w.lower() for w in edata.get("actors", {}).get("aircraft", [])),
        held_places=frozenset(w.lower() for w in edata.get("actors", {}).get("held_places", [])),
        deadly_doers=frozenset(w.lower() for w in edata.get("actors", {}).get("deadly_doers", [])),
        captor_heads=frozenset(w.lower() for w in edata.get("actors", {}).get("captor_heads", [])),
        armed_doer_heads=frozenset(w.lower() for w in edata.get("actors", {}).get("armed_doer_heads", [])),
        person_titles=frozenset(w.lower() for w in edata.get("actors", {}).get("person_titles", [])),
        sport_words=_sport_pattern(sport.get("words", [])), sport_doc_min=int(sport.get("doc_min", 4)),
        sport_sentence_min=int(sport.get("sentence_min", 2)),
        game_words=_sport_pattern(sport.get("game_words", [])), game_doc_min=int(sport.get("game_doc_min", 3)),
        trade_words=_sport_pattern(sport.get("trade_words", [])), trade_doc_min=int(sport.get("trade_doc_min", 4)),
        screen_words=_sport_pattern(sport.get("screen_words", [])), screen_doc_min=int(sport.get("screen_doc_min", 4)),
        drill_words=_sport_pattern(sport.get("drill_words", [])), drill_doc_min=int(sport.get("drill_doc_min", 4)),
        launch_words=_sport_pattern(sport.get("launch_words", [])), launch_doc_min=int(sport.get("launch_doc_min", 4)),
        light_verbs=frozenset(edata.get("actors", {}).get("light_verbs", [])),
        **_military(epath, edata),
        not_targets=frozenset(edata.get("actors", {}).get("not_targets", [])),
        **_figurative(epath, edata),
        attempt_verbs=_words(epath, edata, "unrealized", "attempt_verbs"),
        possibility_modals=frozenset(w.lower() for w in ddata["generic"].get("modals", [])),
        **_page(epath, edata), page_min_sentences=int(edata.get("page", {}).get("min_sentences", 8)),
        page_history_years=int(edata.get("page", {}).get("history_years", 0)),
        **{key: _words(epath, edata, "actors", key) for key in _ACTOR_WORDS},
        human_heads=_words(epath, edata, "actors", "human_heads") | _word_list("person_nouns.txt"),
        reference_nouns=_words(epath, edata, "references", "nouns"),
        cause_nouns=_words(epath, edata, "references", "cause_nouns"),
        reference_preps=_words(epath, edata, "references", "prepositions"),
        reaction_verbs=_words(epath, edata, "references", "reaction_verbs"),
        speaker_verbs=_words(epath, edata, "references", "speaker_verbs"),
        summary_nouns=_words(epath, edata, "references", "summary_nouns"),
        typing=_typing(epath, edata, kinds, weapons),
        irregular_forms=_forms(epath, edata),
        split_tails=_forms(epath, edata, "split_tails"),
        **{f"air_{key}": _words(epath, edata, "air_dropped", key) for key in ("bomb_words", "drop_verbs", "words")},
    )


# events.toml [actors] word lists read as they are (Lexicon fields of the same name); human_heads adds person_nouns.txt
_ACTOR_WORDS = ("state_force_heads", "law_enforcement_heads", "count_nouns", "victim_subject_verbs", "agent_suffixes",
                "group_name_words", "collective_heads", "conveyances", "clash_onset_verbs", "gun_doers",
                "doer_noun_heads", "doer_noun_drop", "weapon_user_verbs", "toll_words", "toll_doers", "loss_verbs",
                "toll_doer_not", "armed_holds")


def _military(path: Path, data: dict) -> dict[str, frozenset[str]]:
    """events.toml [actors]: the military target words, and those of them that need a qualifier (each must be one
    of the target words, or it would change nothing)."""
    targets = frozenset(data.get("actors", {}).get("military_targets", []))
    needs = _words(path, data, "actors", "military_needs_qualifier")
    if needs - targets:
        raise KnowledgeError(f"{path}: [actors] military_needs_qualifier names words that are not military_targets: "
                             f"{sorted(needs - targets)}", code=E403_KNOWLEDGE_ENTRY)
    return {"military_targets": targets, "military_needs_qualifier": needs,
            "military_qualifiers": _words(path, data, "actors", "military_qualifiers")}


def _page(path: Path, data: dict) -> dict[str, frozenset[str]]:
    """events.toml [page]: the word lists the page-level signal of violence reads (extract/page_signal.py)."""
    return {f"page_{key}": _words(path, data, "page", key) for key in ("not_armed", "no_doer", "murder", "accident", "person_suffixes")}


def _figurative(path: Path, data: dict) -> dict[str, frozenset[str]]:
    """events.toml [figurative]: the words that make a trigger a figure of speech or another sense."""
    keys = {"objects": "objects", "governors": "governors", "modifiers": "modifiers", "subjects": "subjects",
            "on": "on_governors", "heads": "compound_heads", "to_death": "to_death_verbs", "arrest": "arrest_verbs",
            "release": "release", "accident_verbs": "accident_verbs", "vehicles": "vehicles",
            "court": "court", "verdict": "verdict", "mishaps": "mishaps", "governed": "governed",
            "describing": "describing", "of_objects": "of_objects", "munitions": "munitions", "named": "named",
            "chants": "chants", "executions": "executions", "modifier_only": "modifier_only", "found": "found",
            "ages": "ages", "plans": "plans", "stative": "stative",
            "stative_frames": "stative_frames", "stoppage_modifiers": "stoppage_modifiers",
            "sense_objects": "sense_objects"}
    return {f"figurative_{name}": _words(path, data, "figurative", key) for name, key in keys.items()}


def _typing(path: Path, data: dict, kinds: dict, weapons: dict[str, Weapon]) -> Typing:
    section = data.get("typing", {})
    known_kinds = set(kinds) | {"attack"}
    first = _words(path, data, "typing", "kind_first")
    first_nw = _words(path, data, "typing", "kind_first_without_weapon")
    not_deciding = _words(path, data, "typing", "weapons_not_deciding")
    for k in first | first_nw:
        if k not in kinds:
            raise KnowledgeError(f"{path}: [typing] kind '{k}' has no line in [kinds]", code=E403_KNOWLEDGE_ENTRY)
    categories = {w.category for w in weapons.values()}
    for c in not_deciding:
        if c not in categories:
            raise KnowledgeError(f"{path}: [typing] weapon '{c}' is not a category of weapons.toml",
                                 code=E403_KNOWLEDGE_ENTRY)
    priority = section.get("priority", {})
    for k, v in priority.items():
        if k not in known_kinds or not isinstance(v, int):
            raise KnowledgeError(f"{path}: [typing.priority] {k} must be a trigger kind with a whole number",
                                 code=E403_KNOWLEDGE_ENTRY)
    armed_kinds = _words(path, data, "typing", "armed_victim_kinds")
    for k in armed_kinds:
        if k not in kinds:
            raise KnowledgeError(f"{path}: [typing] kind '{k}' has no line in [kinds]", code=E403_KNOWLEDGE_ENTRY)
    armed = frozenset(w.lower() for w in _words(path, data, "typing", "armed_men"))
    pairs = tuple(tuple(p.split()) for p in sorted(_words(path, data, "typing", "outranks")))
    for pair in pairs:
        if len(pair) != 2 or not set(pair) <= known_kinds:
            raise KnowledgeError(f"{path}: [typing] outranks '{' '.join(pair)}' must be two trigger kinds",
                                 code=E403_KNOWLEDGE_ENTRY)
    return Typing(first, first_nw, not_deciding, dict(priority), armed_kinds, armed, _crowds(path, data, known_kinds),
                  tuple((a, b) for a, b in pairs))


def _crowds(path: Path, data: dict, known_kinds: set[str]) -> Crowds | None:
    """events.toml [typing.crowds], or None when the section is absent."""
    section = data.get("typing", {}).get("crowds")
    if section is None:
        return None
    sub = {"typing": section}
    kinds = _words(path, sub, "typing", "kinds")
    clash_kinds = _words(path, sub, "typing", "clash_kinds")
    for k in (*kinds, *clash_kinds):
        if k not in known_kinds:
            raise KnowledgeError(f"{path}: [typing.crowds] kind '{k}' is no trigger kind", code=E403_KNOWLEDGE_ENTRY)
    types = []
    for key in ("force_on_protesters", "violent_protesters", "mob_violence"):
        v = section.get(key)
        if not (isinstance(v, list) and len(v) == 2):
            raise KnowledgeError(f"{path}: [typing.crowds] {key} must be [event_type, sub_event_type]",
                                 code=E403_KNOWLEDGE_ENTRY)
        _check_type(path, f"[typing.crowds] {key}", v[0], v[1])
        types.append((v[0], v[1]))
    low = lambda key: frozenset(w.lower() for w in _words(path, sub, "typing", key))  # noqa: E731
    return Crowds(kinds, low("protesters"), low("crowd_nouns"), low("protest_words"), low("mobs"), low("object_verbs"),
                  clash_kinds, low("marcher_verbs"), low("when_marks"), low("protest_burnings"),
                  low("deed_verbs"), *types)


def _forms(path: Path, data: dict, section: str = "forms") -> dict[str, tuple[str, ...]]:
    out = {}
    for lemma, forms in data.get(section, {}).items():
        if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
            raise KnowledgeError(f"{path}: [{section}] {lemma} must be a list of words", code=E403_KNOWLEDGE_ENTRY)
        out[lemma.lower()] = tuple(f.strip().lower() for f in forms)
    return out


def _word_list(name: str) -> frozenset[str]:
    """A knowledge file of one lower-case word a line ('#' comments), e.g. person_nouns.txt."""
    return read_words(knowledge_path(name), r"[a-z][a-z'-]*", "not one lower-case word")


def _words(path: Path, data: dict, section: str, key: str) -> frozenset[str]:
    values = data.get(section, {}).get(key, [])
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise KnowledgeError(f"{path}: [{section}] {key} must be a list of non-empty strings", code=E403_KNOWLEDGE_ENTRY)
    return frozenset(v.strip().lower() for v in values)
