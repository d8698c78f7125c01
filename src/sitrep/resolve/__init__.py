"""resolve: fill an event's time, place and actor, each with the span it came from.

The public names of the stage (see sitrep/_exports.py); anything else may change.
"""
from __future__ import annotations

from sitrep._exports import lazy_exports

_EXPORTS = {
    "time": ("DocumentTimes", "find_timexes", "normalize", "event_date", "chain_event_date", "infer_report_date",
             "parse_dateline",),
    "event_time": ("report_date", "dateline", "event_timexes", "attach_dates", "fill_date",),
    "place": ("geocode_text", "resolve_spans", "find_toponyms", "scan_toponyms", "ucdp_where_prec", "Mention", "candidate_ids", "abbrev_form", "county_mentions", "reading_context",),
    "event_place": ("place_entities", "find_places", "outside_dateline", "attach_places", "split_places", "fallback_place", "fill_place",),
    "gazetteer": ("Gazetteer", "get_gazetteer",),
    "actor": ("ActorMatch", "find_actors", "resolve_actor", "actor_type", "load_actors", "caps_text",),
}
__all__, __getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
