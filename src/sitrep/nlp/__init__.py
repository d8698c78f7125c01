"""nlp: Document -> sentences (cheap split), a screen that picks sentences that may hold an event, and a spaCy
parse of those only. ALL-CAPS text is truecased first (same length, offsets unchanged)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from sitrep import errors
from sitrep.model import Document, Sentence
from sitrep.nlp.screen import screen
from sitrep.nlp.sentences import cap_length, split_off, split_sentences
from sitrep.nlp.truecase import is_mostly_caps, truecase, truecase_title

MAX_BATCH_CHARS = 1_000_000  # parses held at once: a batch of long reports is cut sooner than ``batch_size``


@dataclass
class Analysis:
    doc: Document
    text: str  # the text the parser saw: the document text, truecased when it was ALL CAPS (same length)
    all_caps: bool
    sentences: list[Sentence]
    parses: dict[int, object] = field(default_factory=dict)  # sentence index -> spaCy Doc of that sentence
    error: str | None = None  # a coded message when a stage failed on this document: it has no events

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


def prepare(doc: Document) -> Analysis:
    """Split and screen, no parse yet; a failure is kept on the analysis (``error``), never raised."""
    try:
        return _prepare(doc)
    except Exception as exc:  # one bad document never stops the batch
        return Analysis(doc=doc, text=doc.text, all_caps=False, sentences=[], error=_failed(exc))


def _failed(exc: Exception) -> str:
    return f"[{errors.E202_PARSE_FAILED}] the parser failed on this report: {type(exc).__name__}: {exc}"[:500]


def _prepare(doc: Document) -> Analysis:
    caps = is_mostly_caps(doc.text[doc.body_start:])
    text = truecase(doc.text) if caps else truecase_title(doc)
    sentences = cap_length(split_sentences(text, doc.body_start), text)
    from sitrep.resolve.timex.dateline import parse_dateline  # a layout fact of the text, read before parsing

    dateline = parse_dateline(text[doc.body_start:])
    if dateline is not None:
        sentences = split_off(sentences, text, doc.body_start + dateline.span.end)
    for s in sentences:
        s.text = doc.text[s.start:s.end]
        s.screened = screen(s.text)
    return Analysis(doc=doc, text=text, all_caps=caps, sentences=sentences)


def analyze_many(docs: Iterable[Document], *, nlp=None, batch_size: int = 64) -> Iterator[Analysis]:
    """Analyses of many documents, in order; the screened sentences of ``batch_size`` documents go through spaCy
    as one stream, which is faster than one call per document."""
    pending: list[Analysis] = []
    chars = 0
    for doc in docs:
        pending.append(prepare(doc))
        chars += len(pending[-1].text)
        if len(pending) >= batch_size or chars > MAX_BATCH_CHARS:
            yield from _parse(pending, nlp)
            pending, chars = [], 0
    if pending:
        yield from _parse(pending, nlp)


def analyze(doc: Document, *, nlp=None) -> Analysis:
    """One document; a stage that fails on it raises ``SitrepError`` E202 (``analyze_many`` keeps it instead)."""
    analysis = next(analyze_many([doc], nlp=nlp))
    if analysis.error:
        raise errors.SitrepError(analysis.error.split("] ", 1)[-1], code=errors.E202_PARSE_FAILED)
    return analysis


def _parse(analyses: list[Analysis], nlp) -> list[Analysis]:
    parse_sentences([(a, s.index) for a in analyses for s in a.sentences if s.screened], nlp=nlp)
    return analyses


def parse_remaining(analysis: Analysis, *, nlp=None, only: Iterable[int] | None = None) -> Analysis:
    """Parse the sentences the screen passed over (those in ``only``, or all): the role model reads
    the names and doers that a report gives in sentences with no event word."""
    wanted = None if only is None else set(only)
    parse_sentences([(analysis, s.index) for s in analysis.sentences if wanted is None or s.index in wanted], nlp=nlp)
    return analysis


def parse_sentences(todo: Iterable[tuple[Analysis, int]], *, nlp=None) -> None:
    """Parse (analysis, sentence index) pairs not parsed yet, as one spaCy stream. When the stream fails,
    each document is parsed on its own and the one that fails gets ``error`` (E202); the others go on."""
    todo = [(a, i) for a, i in todo if i not in a.parses and a.error is None]
    if not todo:
        return
    if nlp is None:
        from sitrep.nlp.spacy_model import load_spacy

        nlp = load_spacy()
    try:
        _pipe(todo, nlp)
    except Exception as exc:
        by_doc: dict[int, list[tuple[Analysis, int]]] = {}
        for a, i in todo:
            by_doc.setdefault(id(a), []).append((a, i))
        if len(by_doc) == 1:
            todo[0][0].error = _failed(exc)
            return
        for part in by_doc.values():
            try:
                _pipe([(a, i) for a, i in part if i not in a.parses], nlp)
            except Exception as exc_one:
                part[0][0].error = _failed(exc_one)


def _pipe(todo: list[tuple[Analysis, int]], nlp) -> None:
    texts = (a.text[a.sentences[i].start:a.sentences[i].end] for a, i in todo)
    for (a, i), parsed in zip(todo, nlp.pipe(texts, batch_size=256), strict=True):
        a.parses[i] = parsed
