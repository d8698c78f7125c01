"""Document -> EventMention[]: the extraction sequence, one call into its stage per step.

    nlp        split, screen, truecase, parse the screened sentences          (sitrep.nlp)
    extract    clause-level event candidates and their role fillers          (sitrep.extract.document)
    resolve    the report's date and the time expressions of event sentences (sitrep.resolve.event_time)
               the places the report names, each clause's place             (sitrep.resolve.event_place)
               each clause's date                                            (sitrep.resolve.event_time)
    merge      mentions of one event within the report                       (sitrep.merge.within)
    extract    what other sentences say (claims, victim lists); specificity  (sitrep.extract.document)
    extract    the learned role model over the noun phrases near each event (sitrep.extract.role_model)

Public API:
    extract_document(doc) -> list[EventMention]   merged within the document, generic statements dropped
    extract_documents(docs) -> (doc, events, error) for many documents, parsed as one stream
    extract_analysis(analysis) -> list[EventMention]
    event_record(event) -> dict                   one event in the format of FORMAT.md (sitrep.records)
    doc.meta["reported_totals"]                   the report's totals ("28,000 killed since 2015") as records
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from sitrep.errors import E300_EXTRACTION_FAILED
from sitrep.extract import document as report
from sitrep.extract.byline import outside_bylines
from sitrep.extract.clause_model import keep_violent, lede_sentence
from sitrep.extract.headline import reported_acts
from sitrep.extract.headline_no_event import refused_form
from sitrep.extract.page_signal import tells_violence, told_as_history
from sitrep.extract.role_model import apply_role_model, role_sentences
from sitrep.merge.within import merge_mentions
from sitrep.model import Document, EventMention
from sitrep.nlp import MAX_BATCH_CHARS, Analysis, analyze, analyze_many, parse_sentences
from sitrep.records import PRECISION_CODES, event_record, total_record
from sitrep.resolve import caps_text, event_place, event_time

__all__ = ["PRECISION_CODES", "event_record", "extract_analysis", "extract_document", "extract_documents"]


def extract_document(doc: Document, *, nlp=None) -> list[EventMention]:
    return extract_analysis(analyze(doc, nlp=nlp, entities="triggers"))


def extract_documents(docs: Iterable[Document], *, nlp=None, batch_size: int = 64
                      ) -> Iterator[tuple[Document, list[EventMention], str | None]]:
    """(document, events, error) for many documents, in order; spaCy parses the screened sentences of
    ``batch_size`` documents as one stream (faster than one call each). A document whose extraction fails comes
    back with no events and the error, and the others go on."""
    group: list[Analysis] = []
    chars = 0
    for analysis in analyze_many(docs, nlp=nlp, batch_size=batch_size, entities="triggers"):
        group.append(analysis)
        chars += len(analysis.text)
        if len(group) >= batch_size or chars > MAX_BATCH_CHARS:
            yield from _extract_group(group, nlp)
            group, chars = [], 0
    if group:
        yield from _extract_group(group, nlp)


def _extract_group(group: list[Analysis], nlp) -> Iterator[tuple[Document, list[EventMention], str | None]]:
    """Events of several analysed reports; the sentences the role model reads are parsed as one stream."""
    done: list[tuple[Analysis, list[EventMention], str | None]] = []
    for analysis in group:
        if analysis.error:  # a stage of sitrep.nlp failed on this report (E202)
            done.append((analysis, [], analysis.error))
            continue
        try:
            done.append((analysis, extract_analysis(analysis, learned_roles=False), None))
        except Exception as exc:  # one bad document never stops the batch
            done.append((analysis, [], f"[{E300_EXTRACTION_FAILED}] extraction failed: {type(exc).__name__}: {exc}"))
    parse_sentences([(a, i) for a, evs, err in done if evs for i in role_sentences(a, evs)], nlp=nlp)
    for analysis, events, err in done:
        if events:
            try:
                with caps_text(analysis.doc.text if analysis.all_caps else None):
                    apply_role_model(analysis, events)
            except Exception as exc:
                events, err = [], f"[{E300_EXTRACTION_FAILED}] extraction failed: {type(exc).__name__}: {exc}"
        # the role model's parse above may have failed on this report (E202): no events, that error
        yield analysis.doc, [] if analysis.error else events, err or analysis.error


def extract_analysis(analysis: Analysis, *, learned_roles: bool = True) -> list[EventMention]:
    """Events of one analysed report. ``learned_roles=False`` keeps the grammar rules' role fillers
    (what the role model is trained over)."""
    # a report in capitals: "US", "IS" may be the words (sitrep.resolve.actor)
    with caps_text(analysis.doc.text if analysis.all_caps else None):
        return _extract_analysis(analysis, learned_roles)


def _extract_analysis(analysis: Analysis, learned_roles: bool) -> list[EventMention]:
    doc = analysis.doc
    # 1. clause-level event candidates in the parsed sentences, less those the learned clause model takes for
    #    another sense of the word (a quake "struck", a miners' strike); most news has none worth dating or placing
    found = report.candidates(analysis)
    # (a wire report's lede kept with the rest), and a title's act in a speaker's voice ("X says it struck Y")
    cands = reported_acts(found, keep_violent(found, lede_sentence(analysis)))
    # a page with no sign of violence at all (no armed actor, no weapon, no one harming anyone: an angling column's
    # "bombing the swim", an obituary's "died in her sleep") has none, whatever its attack words (extract/page_signal)
    if not tells_violence(cands, analysis.text, len(analysis.sentences)):
        _keep_totals(doc, cands)
        return []
    # a headline alone in a form that reports no event ("Analysis: ...", "the strike was 'aggression'") has none
    if all(c.mention.generic for c in cands) or refused_form(analysis, cands):
        _keep_totals(doc, cands)
        return []
    analysis.name_entities()  # a report parsed without its entities (no trigger word: sitrep.nlp) gets them here
    # 2. the report's date and dateline; the time expressions of the sentences that hold candidates
    report_date, date_reason = event_time.report_date(doc)
    headline = event_time.headline_alone(doc)
    dateline = event_time.dateline(doc)
    timexes = event_time.event_timexes(analysis, cands, report_date, dateline)
    # 3. the places the report names; in ALL-CAPS text the capitals of place names come back into analysis.text
    ents, analysis.text = event_place.place_entities(analysis)
    places = event_place.find_places(analysis.text, ents, doc.meta.get("country"))
    #    a dateline and a correspondent's byline ("By our Madrid correspondent") place no event of their sentence;
    #    they stay among the report's places (its fall-back)
    body_places = outside_bylines(event_place.outside_dateline(places, dateline), doc.text)
    # 4. each clause's roles, place (one candidate per far-apart place of a clause) and date
    report.attach_roles(cands, doc.text)
    report.drop_place_victims(cands, places)
    event_place.attach_places(cands, body_places, doc.text)
    cands = event_place.split_places(cands, body_places, doc.text)
    event_time.attach_dates(cands, timexes, doc.text, report_date)
    # 5. totals over a span or a war are records of their own (doc.meta["reported_totals"]), never incidents;
    #    mentions of one event merge; other sentences add claims, "no casualties" and victim lists
    _keep_totals(doc, cands)
    events = merge_mentions(report.mentions_to_merge(cands, doc))
    report.apply_report_context(events, analysis, cands)
    # 6. keep the specific events (a dated report's headline is one); fall back to the report's main place and date
    fallback = event_place.fallback_place(places, analysis)
    out: list[EventMention] = []
    for e in events:
        m = e.merged
        assert m is not None  # merge_mentions sets it
        if not (report.specific(m) or any(x.headline for x in e.mentions)) or told_as_history(m, report_date):
            continue  # a battle of 1645 on a re-enactment page is history told, not news (extract/page_signal)
        if (before := event_place.place_before(m, body_places, analysis, ents, fallback)) is not None:
            m.place = before  # taken up again from a sentence before ("the same depot"), not the fallback
            m.notes.append(f"place: {before.reason}")
        elif (own := event_place.sentence_place(m, body_places, analysis, fallback)) is not None:
            m.place, m.place_text = own, own.span
            m.add_span("location", own.span)
            m.notes.append(f"place: {own.reason}")
        event_place.fill_place(m, fallback, analysis.text)
        report.name_national_forces(m, fallback)
        event_time.fill_date(m, report_date, date_reason, headline)
        m.notes.extend(f"merged: {r}" for r in e.reasons)
        report.mark_military(m, battle=any(x.event_type == "Battles" for x in e.mentions))
        out.append(m)
    # 7. the learned role model chooses the role fillers among the noun phrases near each event
    if learned_roles:
        apply_role_model(analysis, out)
    return out


def _keep_totals(doc: Document, cands) -> None:
    """The report's reported totals, as records in ``doc.meta["reported_totals"]`` (absent when none)."""
    totals = [total_record(t) for t in report.reported_totals(cands, doc.text)]
    if totals:
        doc.meta["reported_totals"] = totals
