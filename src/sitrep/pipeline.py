"""Document -> EventMention[]: nlp -> extract -> resolve (time, place, actor) -> merge within a report.

Public API:
    extract_document(doc) -> list[EventMention]   (merged within the document, generic statements dropped)
    event_record(event) -> dict                   (one event in the format of FORMAT.md, with evidence)
"""
from __future__ import annotations
