"""merge: mentions of one event become one incident, within a report (``within``) and across reports
(``across``), each merge with its reasons.

The public names of the stage (see sitrep/_exports.py); anything else may change.
"""
from __future__ import annotations

from sitrep._exports import lazy_exports

_EXPORTS = {
    "within": ("MergeInfo", "merge_mentions",),
    "across": ("Rules", "Features", "Decision", "Clusterer", "load_rules", "default_rules", "features_from_mention", "features_from_row", "compare", "best_match", "cluster", "consolidate", "incident_id", "block_window", "action_kind", "incident_action_kinds", "subevents",),
}
__all__, __getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
