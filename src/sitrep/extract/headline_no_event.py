"""Headline forms that report no event: a report that is a dated headline alone (a feed's line) and whose form says
it is not the news of one violent event keeps no event. Two forms, each with its count over the tune halves and the
UCDP headlines in knowledge/headline_no_event.toml:

    label    an outlet's label for a piece that is no news report leads the line ("Analysis: ...", "Opinion: ...")
    verdict  the attack word is the subject of "be" with a noun or adjective after it: the line judges an attack
             ("Minister says strike on camp was 'aggression'", "Cleric: bombings were a 'declaration of war'")

A learned decision over these and the other forms of a feed (a reaction, a toll, a trial, a memorial ...) was
tried first and did not beat the rules on cross-validation (the experiment commit before this module).

Public:
    refused_form(analysis, cands) -> str | None   the form that makes a headline report no event, or None
"""
from __future__ import annotations

import re

from sitrep.errors import E403_KNOWLEDGE_ENTRY, KnowledgeError
from sitrep.extract.headline import title_range
from sitrep.knowledge import knowledge_cached, knowledge_path, read_toml
from sitrep.model import Document


def headline_only(doc: Document) -> bool:
    """The report is a dated title line and nothing else (a feed's headline)."""
    span = title_range(doc)
    return span is not None and not doc.text[:span[0]].strip() and not doc.text[span[1]:].strip()


@knowledge_cached
def _labels() -> re.Pattern:
    """knowledge/headline_no_event.toml [label] words: the leading labels, followed by a colon or a bar."""
    p = knowledge_path("headline_no_event.toml")
    _, data = read_toml(p)
    words = data.get("label", {}).get("words")
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise KnowledgeError(f"{p}: [label] words must be a list of labels", code=E403_KNOWLEDGE_ENTRY)
    alts = "|".join(re.escape(w.strip()) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\s*(?:{alts})\s*[:|]\s*\S", re.I)


def refused_form(analysis, cands: list) -> str | None:
    """``label`` or ``verdict`` where the report is a headline alone in that form, else None."""
    if not headline_only(analysis.doc):
        return None
    if _labels().match(analysis.doc.text):
        return "label"
    if any(_verdict(c.trigger_token) for c in cands if c.trigger_token is not None):
        return "verdict"
    return None


def _verdict(tok) -> bool:
    """The trigger (or the noun phrase it heads or modifies) is the subject of a form of "be" whose complement is a
    noun or an adjective: "the strike was 'aggression'", "attacks were a declaration of war"."""
    cur = tok
    while cur.dep_ in ("compound", "amod", "conj") and cur.head.i != cur.i:
        cur = cur.head
    verb = cur.head
    if cur.dep_ != "nsubj" or verb.lemma_.lower() != "be":
        return False
    return any(ch.dep_ in ("attr", "acomp") for ch in verb.children)
