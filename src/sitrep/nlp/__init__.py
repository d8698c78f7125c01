"""nlp: Document -> sentences (cheap split), a screen that picks sentences that may hold an event, and a spaCy
parse of those only. ALL-CAPS text is truecased first (same length, offsets unchanged)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from sitrep import errors
from sitrep.model import Document, Sentence
from sitrep.nlp.screen import screen
from sitrep.nlp.sentences import cap_length, split_off, split_sentences
from sitrep.nlp.tokens import remember_text
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
    # sentence index -> a parse still without its named entities (``entities="triggers"``: no trigger word in the
    # report); ``name_entities`` gives them theirs and moves them into ``parses``
    unnamed: dict[int, object] = field(default_factory=dict)
    nlp: object = field(default=None, repr=False)  # the pipeline that parsed ``unnamed``

    def parse(self, index: int):
        return self.parses.get(index)

    def name_entities(self) -> None:
        """The named entities of the parses left without them (``unnamed``), which then join ``parses`` in sentence
        order: after it the analysis is what ``entities="all"`` makes."""
        if not self.unnamed:
            return
        ner = self.nlp.get_pipe("ner")  # type: ignore[attr-defined]
        named = dict(zip(self.unnamed, ner.pipe(list(self.unnamed.values()), batch_size=256), strict=True))
        self.parses = dict(sorted({**self.parses, **named}.items()))
        self.unnamed = {}

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
    # a report that is its title line alone is truecased as a headline, and read as sentence case after it
    caps = is_mostly_caps(doc.text[doc.body_start:]) and doc.text.strip() != (doc.title or "").strip()
    text = truecase_title(doc, truecase(doc.text) if caps else None)
    from sitrep.extract.headline import mask_affixes  # an outlet's name and labels around the title line

    text = mask_affixes(doc, text)
    sentences = cap_length(split_sentences(text, doc.body_start), text)
    from sitrep.resolve.timex.dateline import parse_dateline  # a layout fact of the text, read before parsing

    dateline = parse_dateline(text[doc.body_start:])
    if dateline is not None:
        sentences = split_off(sentences, text, doc.body_start + dateline.span.end)
    from sitrep.extract.headline import title_range
    from sitrep.nlp.screen import joined, tolled

    title = title_range(doc)  # a title line also passes with a killing verb run into a name ("Boko HaramKills 19")
    for s in sentences:
        s.text = doc.text[s.start:s.end]
        s.screened = screen(s.text) or title is not None and s.start < title[1] and s.end > title[0] and (
            joined(s.text) or tolled(s.text))
    return Analysis(doc=doc, text=text, all_caps=caps, sentences=sentences)


def analyze_many(docs: Iterable[Document], *, nlp=None, batch_size: int = 64, entities: str = "all"
                 ) -> Iterator[Analysis]:
    """Analyses of many documents, in order; the screened sentences of ``batch_size`` documents go through spaCy
    as one stream, which is faster than one call per document. ``entities="triggers"``: the named entities (half
    of spaCy's time) only of the reports with a trigger word in a parsed sentence: event candidates are read only in
    such a sentence, so a report without one has no event. Its parses wait without entities in
    ``Analysis.unnamed`` (``Analysis.name_entities`` gives them). Per report, not per sentence: the entities of
    a few sentences asked for by one report cost more than those of the whole batch's (1.7x per sentence on LGL's)."""
    if entities not in ("all", "triggers"):
        raise ValueError(f"entities must be 'all' or 'triggers', not {entities!r}")
    pending: list[Analysis] = []
    chars = 0
    for doc in docs:
        pending.append(prepare(doc))
        chars += len(pending[-1].text)
        if len(pending) >= batch_size or chars > MAX_BATCH_CHARS:
            yield from _parse(pending, nlp, entities)
            pending, chars = [], 0
    if pending:
        yield from _parse(pending, nlp, entities)


def analyze(doc: Document, *, nlp=None, entities: str = "all") -> Analysis:
    """One document; a stage that fails on it raises ``SitrepError`` E202 (``analyze_many`` keeps it instead)."""
    analysis = next(analyze_many([doc], nlp=nlp, entities=entities))
    if analysis.error:
        raise errors.SitrepError(analysis.error.split("] ", 1)[-1], code=errors.E202_PARSE_FAILED)
    return analysis


def _parse(analyses: list[Analysis], nlp, entities: str = "all") -> list[Analysis]:
    parse_sentences([(a, s.index) for a in analyses for s in a.sentences if s.screened], nlp=nlp, entities=entities)
    return analyses


def parse_remaining(analysis: Analysis, *, nlp=None, only: Iterable[int] | None = None) -> Analysis:
    """Parse the sentences the screen passed over (those in ``only``, or all): the role model reads
    the names and doers that a report gives in sentences with no event word."""
    wanted = None if only is None else set(only)
    parse_sentences([(analysis, s.index) for s in analysis.sentences if wanted is None or s.index in wanted], nlp=nlp)
    return analysis


def parse_sentences(todo: Iterable[tuple[Analysis, int]], *, nlp=None, entities: str = "all") -> None:
    """Parse (analysis, sentence index) pairs not parsed yet, as one spaCy stream (``entities``: see
    ``analyze_many``). When the stream fails, each document is parsed on its own and the one that fails gets
    ``error`` (E202); the others go on."""
    todo = [(a, i) for a, i in todo if a.error is None]
    for a in {id(a): a for a, i in todo if a.unnamed}.values():
        a.name_entities()  # a sentence parsed without its entities is not parsed again
    todo = [(a, i) for a, i in todo if i not in a.parses]
    if not todo:
        return
    if nlp is None:
        from sitrep.nlp.spacy_model import load_spacy

        nlp = load_spacy()
    if entities == "triggers" and "ner" not in nlp.pipe_names:
        entities = "all"
    try:
        _pipe(todo, nlp, entities)
    except Exception as exc:
        by_doc: dict[int, list[tuple[Analysis, int]]] = {}
        for a, i in todo:
            by_doc.setdefault(id(a), []).append((a, i))
        if len(by_doc) == 1:
            todo[0][0].error = _failed(exc)
            return
        for part in by_doc.values():
            try:
                _pipe([(a, i) for a, i in part if i not in a.parses and i not in a.unnamed], nlp, entities)
            except Exception as exc_one:
                part[0][0].error = _failed(exc_one)


def _pipe(todo: list[tuple[Analysis, int]], nlp, entities: str = "all") -> None:
    texts = [a.text[a.sentences[i].start:a.sentences[i].end] for a, i in todo]
    if entities == "all":
        for (a, i), parsed, text in zip(todo, nlp.pipe(texts, batch_size=256), texts, strict=True):
            a.parses[i] = remember_text(parsed, text)
        return
    # the named entities (the model's last component; nothing before it reads them) of the reports with a trigger word
    from sitrep.extract.mentions import has_trigger

    docs = list(nlp.pipe(texts, batch_size=256, disable=["ner"]))
    wanted: set[int] = set()
    for (a, _), d in zip(todo, docs, strict=True):
        if id(a) not in wanted and has_trigger(d):  # one sentence with a trigger word decides its report
            wanted.add(id(a))
    now = [k for k, (a, _) in enumerate(todo) if id(a) in wanted]
    for k, d in zip(now, nlp.get_pipe("ner").pipe([docs[k] for k in now], batch_size=256), strict=True):
        docs[k] = d
    for (a, i), d, text in zip(todo, docs, texts, strict=True):
        remember_text(d, text)
        if id(a) in wanted:
            a.parses[i] = d
        else:
            a.unnamed[i] = d
            a.nlp = nlp
