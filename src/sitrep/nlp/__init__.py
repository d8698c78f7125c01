"""nlp: Document -> sentences (cheap split), a screen that picks sentences that may hold an event, and a spaCy
parse of those only. ALL-CAPS text is truecased first (same length, offsets unchanged)."""
from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.model import Document, Sentence
from sitrep.nlp.screen import screen
from sitrep.nlp.sentences import split_sentences
from sitrep.nlp.truecase import is_mostly_caps, truecase


@dataclass
class Analysis:
    doc: Document
    text: str  # the text the parser saw: the document text, truecased when it was ALL CAPS (same length)
    all_caps: bool
    sentences: list[Sentence]
    parses: dict[int, object] = field(default_factory=dict)  # sentence index -> spaCy Doc of that sentence

    def parse(self, index: int):
        return self.parses.get(index)

    def entities(self) -> list[Entity]:
        """Named entities of the parsed sentences, in absolute offsets."""
        out = []
        for i, parsed in self.parses.items():
            off = self.sentences[i].start
            out.extend(Entity(e.label_, off + e.start_char, off + e.end_char) for e in parsed.ents)
        return out


@dataclass(frozen=True)
class Entity:
    label_: str
    start_char: int
    end_char: int


def analyze(doc: Document, *, nlp=None) -> Analysis:
    caps = is_mostly_caps(doc.text[doc.body_start:])
    text = truecase(doc.text) if caps else doc.text
    sentences = split_sentences(text, doc.body_start)
    for s in sentences:
        s.text = doc.text[s.start:s.end]
        s.screened = screen(s.text)
    analysis = Analysis(doc=doc, text=text, all_caps=caps, sentences=sentences)
    todo = [s for s in sentences if s.screened]
    if todo:
        if nlp is None:
            from sitrep.nlp.spacy_model import load_spacy

            nlp = load_spacy()
        for s, parsed in zip(todo, nlp.pipe(text[s.start:s.end] for s in todo), strict=True):
            analysis.parses[s.index] = parsed
    return analysis
