"""merge: mentions of one event become one incident, within a report (``within``) and across reports
(``across``), each merge with its reasons.

Public surface (``from sitrep.merge import X``): the names in ``__all__``; each is imported from its module on
first use, so importing the package costs nothing and stage modules may import each other's submodules freely.
Anything else is private to the stage and may change.
"""
from __future__ import annotations

import importlib

_EXPORTS = {
    "MergeInfo": "within",
    "merge_mentions": "within",
    "Rules": "across",
    "Features": "across",
    "Decision": "across",
    "Clusterer": "across",
    "load_rules": "across",
    "default_rules": "across",
    "features_from_mention": "across",
    "features_from_row": "across",
    "compare": "across",
    "best_match": "across",
    "cluster": "across",
    "consolidate": "across",
    "incident_id": "across",
    "block_window": "across",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'sitrep.merge' has no attribute {name!r}")
    return getattr(importlib.import_module(f"sitrep.merge.{module}"), name)


def __dir__() -> list[str]:
    return __all__
