"""resolve: fill an event's time, place and actor, each with the span it came from.

Public surface (``from sitrep.resolve import X``): the names in ``__all__``; each is imported from its module on
first use, so importing the package costs nothing and stage modules may import each other's submodules freely.
Anything else is private to the stage and may change.
"""
from __future__ import annotations

import importlib

_EXPORTS = {
    "DocumentTimes": "time",
    "find_timexes": "time",
    "normalize": "time",
    "event_date": "time",
    "chain_event_date": "time",
    "infer_report_date": "time",
    "parse_dateline": "time",
    "report_date": "event_time",
    "dateline": "event_time",
    "event_timexes": "event_time",
    "attach_dates": "event_time",
    "fill_date": "event_time",
    "geocode_text": "place",
    "resolve_spans": "place",
    "find_toponyms": "place",
    "scan_toponyms": "place",
    "ucdp_where_prec": "place",
    "place_entities": "event_place",
    "find_places": "event_place",
    "outside_dateline": "event_place",
    "attach_places": "event_place",
    "split_places": "event_place",
    "fallback_place": "event_place",
    "fill_place": "event_place",
    "Gazetteer": "gazetteer",
    "get_gazetteer": "gazetteer",
    "ActorMatch": "actor",
    "find_actors": "actor",
    "resolve_actor": "actor",
    "actor_type": "actor",
    "load_actors": "actor",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'sitrep.resolve' has no attribute {name!r}")
    return getattr(importlib.import_module(f"sitrep.resolve.{module}"), name)


def __dir__() -> list[str]:
    return __all__
