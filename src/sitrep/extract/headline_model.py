"""The learned headline decision: does a headline report one specific violent event that happened? A report that is
its title line alone (a feed's headline) keeps its events only where a logistic model over the rules' reading of
it (event type, counts, doer, target, which rule kept the clause, the clause model's odds) and its form (a leading
label, a question, a modal or a plan, a reaction, threat, denial, toll, trial, memorial, media, talks, economy,
sport or disaster word, the word that governs the attack word, the root verb's tense) says so. The word classes are
knowledge/headline_forms.toml, the weights knowledge/headline_model.json, trained by
``scripts/train_headline_model.py`` on the tune halves only; no learning library runs here.

A longer report is never judged so: its body tells what its title means.

Public:
    headline_only(doc) -> bool
    headline_features(analysis, cands, events) -> list[str]
    judge(analysis, cands, events) -> events       ``events``, or none where the model refuses the headline
    headline_model() -> HeadlineModel
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from sitrep.errors import E434_HEADLINE_MODEL, KnowledgeError
from sitrep.extract.headline import affix_spans, title_range
from sitrep.knowledge import knowledge_cached, knowledge_path, logistic, read_model_json, read_toml
from sitrep.model import Document
from sitrep.nlp.tokens import lemma

# scripts/train_headline_model.py sets this to see every headline report's features and events (None otherwise)
observer: Callable | None = None


def headline_only(doc: Document) -> bool:
    """The report is a dated title line and nothing else (a feed's headline)."""
    span = title_range(doc)
    return span is not None and not doc.text[:span[0]].strip() and not doc.text[span[1]:].strip()


@dataclass
class HeadlineModel:
    weights: dict[str, float]
    bias: float
    threshold: float
    meta: dict

    def probability(self, feats: list[str]) -> float:
        return logistic(self.bias + sum(self.weights.get(f, 0.0) for f in set(feats)))


@knowledge_cached
def headline_model() -> HeadlineModel:
    p = knowledge_path("headline_model.json")
    data = read_model_json(p, "headline model", E434_HEADLINE_MODEL)
    try:
        return HeadlineModel({str(k): float(v) for k, v in data["weights"].items()}, float(data["bias"]),
                             float(data["threshold"]), dict(data.get("meta", {})))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise KnowledgeError(f"{p}: malformed headline model ({type(exc).__name__}: {exc}); retrain it with "
                             "python3 scripts/train_headline_model.py", code=E434_HEADLINE_MODEL) from exc


@knowledge_cached
def _forms() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """knowledge/headline_forms.toml: the label classes and the word classes, each a set of lower-case lemmas."""
    p = knowledge_path("headline_forms.toml")
    _, data = read_toml(p)
    try:
        return ({k: frozenset(str(w).lower() for w in v) for k, v in data["labels"].items()},
                {k: frozenset(str(w).lower() for w in v) for k, v in data["classes"].items()})
    except (KeyError, TypeError, AttributeError) as exc:
        raise KnowledgeError(f"{p}: needs tables [labels] and [classes] of word lists ({exc})",
                             code=E434_HEADLINE_MODEL) from exc


def judge(analysis, cands: list, events: list) -> list:
    """``events`` of a report; none where the report is a headline alone (``headline_only``) that the model
    takes for no specific violent event."""
    doc = analysis.doc
    if not headline_only(doc):
        return events
    if observer is not None:
        observer(analysis, cands, events)
    if not events:
        return events
    model = headline_model()
    p = model.probability(headline_features(analysis, cands, events))
    if p >= model.threshold:
        return events
    return []


_NO_CUE = frozenset({"form=number", "form=infinitive", "gov=none", "label=none", "label=live", "label=affix",
                     "label=name", "label=long_name"})


def cued(feats: list[str]) -> bool:
    """The headline shows a sign of another kind of news than an event: a word of a class of headline_forms.toml, a
    leading label, a question, a modal, the attack word governed by such a word or the subject of a copula."""
    return any(f not in _NO_CUE and (f.startswith(("form=", "gov=", "label=")) or f in _CUE_ROOTS) for f in feats)


_CUE_ROOTS = frozenset({"root=be", "trig_role=nsubj_be", "trig_role=attr_be"})
_LABEL = re.compile(r"\s*([^:\n]{1,30}?)\s*[:|-]\s+\S")
_QUOTE_LED = re.compile(r"\s*['‘\"“]")


def _label_feature(title: str, tokens: list) -> str:
    """What stands before a leading colon: an outlet's label ("Analysis:", "LIVE:"), a topic or place that names
    the story ("Uri attack:", "Baghdad:"), a quote's speaker ("Nasrallah:"), or none."""
    labels, _ = _forms()
    cut = [b for a, b in affix_spans(title) if a == 0]
    if cut:
        word = title[:cut[0]].strip(" :-|").lower()
        return "label=live" if word in labels["live"] else "label=media" if word in labels["media"] else "label=affix"
    m = _LABEL.match(title)
    if m is None or ":" not in title[:m.end()]:
        return "label=none"
    word = m.group(1).strip().lower()
    for name, words in labels.items():
        if word in words:
            return f"label={name}"
    head = [t for t in tokens if t.idx < m.end(1)]
    if head and all(t.pos_ == "PROPN" or not t.is_alpha for t in head):
        return "label=name" if len(head) <= 3 else "label=long_name"
    return "label=topic"


def headline_features(analysis, cands: list, events: list) -> list[str]:
    """Features of a headline report: the rules' reading (what was kept and why) and the headline's form."""
    title = analysis.text.strip()
    parses = {**analysis.parses, **analysis.unnamed}  # a report with no trigger word keeps its parse unnamed
    tokens = [t for i in sorted(parses) for t in parses[i]]
    feats = [_label_feature(title, tokens)]
    if "?" in title:
        feats.append("form=question")
    if _QUOTE_LED.match(title):
        feats.append("form=quote_led")
    feats += _class_features(title, tokens)
    feats += _rule_features(cands, events)
    roots = [t for t in tokens if t.dep_ == "ROOT"]
    feats += _root_features(roots, cands)
    feats += [f"root_tag={t.tag_}" for t in roots[:2]] or ["root_tag=none"]
    if any(t.tag_ == "MD" for t in tokens):
        feats.append("form=modal")
    if any(t.like_num for t in tokens):
        feats.append("form=number")
    return feats


def _class_features(title: str, tokens: list) -> list[str]:
    """form=CLASS for each word class of headline_forms.toml a word (or phrase) of the headline belongs to."""
    _, classes = _forms()
    low = " " + " ".join(title.lower().split()) + " "
    lemmas = {lemma(t) for t in tokens} | {t.lower_ for t in tokens}
    out = []
    for name, words in classes.items():
        if name in ("modal", "question"):
            continue
        if any((" " in w and f" {w} " in low) or w in lemmas for w in words):
            out.append(f"form={name}")
    if tokens and tokens[0].lower_ in classes.get("question", ()) and "?" in title:
        out.append("form=question_word")
    return out


def _governor_class(tok) -> str:
    """The class of the word the attack word hangs on: a reaction, a plan, a trial, a medium ... or none."""
    _, classes = _forms()
    cur = tok
    while cur.dep_ in ("compound", "amod", "conj", "appos", "pobj", "prep", "dobj", "nsubj", "nsubjpass", "xcomp",
                       "ccomp") and cur.head.i != cur.i:
        cur = cur.head
        if cur.pos_ in ("VERB", "NOUN") and cur.i != tok.i:
            word = lemma(cur)
            for name, words in classes.items():
                if name not in ("modal", "question") and word in words:
                    return name
    return "none"


def _root_features(roots: list, cands: list) -> list[str]:
    """What the headline's own verb is and where its attack words stand to it: the verb is an attack word itself,
    or a reaction, plan, trial, memorial ... (a class of headline_forms.toml), a copula ("the strike was
    'aggression'") or another verb; each attack word the root's subject, object or the object of its "after",
    "over", "in" phrase."""
    _, classes = _forms()
    trig = {c.trigger_token.i for c in cands if c.trigger_token is not None}
    out = []
    for root in roots:
        if root.i in trig:
            out.append("root=trigger")
            continue
        word = lemma(root)
        kind = "be" if word == "be" else next((n for n, ws in classes.items() if n not in ("modal", "question")
                                               and word in ws), root.pos_)
        out.append(f"root={kind}")
    for c in cands:
        tok = c.trigger_token
        if tok is None or tok.i in {r.i for r in roots}:
            continue
        cur = tok
        while cur.dep_ in ("compound", "amod", "conj", "appos") and cur.head.i != cur.i:
            cur = cur.head
        if cur.dep_ == "pobj" and cur.head.dep_ == "prep" and cur.head.head.dep_ == "ROOT":
            out.append(f"trig_role=prep_{cur.head.lower_}")
        elif cur.head.dep_ == "ROOT" and cur.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
            out.append(f"trig_role={cur.dep_}" + ("_be" if lemma(cur.head) == "be" else ""))
        else:
            out.append("trig_role=deep")
    return out


def _rule_features(cands: list, events: list) -> list[str]:
    """What the rules made of the headline: the kept events' type, counts, doer and target; each candidate's
    trigger kind, part of speech, the word it hangs on and whether it stays generic."""
    feats = [f"events={min(len(events), 2)}"]
    for e in events:
        feats += [f"type={e.event_type}", f"fatal={e.fatalities.best is not None}",
                  f"injured={e.injured.best is not None}", f"actor={e.actor1 is not None}",
                  f"target={e.target is not None}", f"hedged={e.hedged}", f"attempted={e.attempted}",
                  f"denied={e.denied}", f"plural={e.plural}"]
    for c in cands:
        tok, m = c.trigger_token, c.mention
        if tok is None:
            continue
        feats += [f"kind={c.kind}", f"trig_pos={tok.pos_}", f"trig_dep={tok.dep_}", f"generic={m.generic}",
                  f"gov={_governor_class(tok)}", f"trig_plural={tok.tag_ in ('NNS', 'NNPS')}"]
        if tok.dep_ == "pobj":
            feats.append(f"trig_prep={tok.head.lower_}")
        if tok.dep_ == "xcomp" or tok.head.dep_ == "xcomp":
            feats.append("form=infinitive")
        feats += [f"clause_p={_bucket(n)}" for n in m.notes if n.startswith("clause model: ")]
    return feats


def _bucket(note: str) -> str:
    p = float(note.rsplit(" ", 1)[1])
    return "low" if p < 0.5 else "mid" if p < 0.65 else "high" if p < 0.85 else "top"
