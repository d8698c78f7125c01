"""extract: parsed sentences -> event candidates (triggers, weapons, roles, casualties, claims), and what the
rest of the report says of them.

The public names of the stage (see sitrep/_exports.py); anything else may change.
"""
from __future__ import annotations

from sitrep._exports import lazy_exports

_EXPORTS = {
    "mentions": ("Candidate", "SentenceExtractor", "UNIDENTIFIED",),
    "document": ("candidates", "attach_roles", "drop_place_victims", "mentions_to_merge", "reported_totals", "apply_report_context", "specific", "mark_military", "military_operation",),
    "lexicon": ("Lexicon", "load_lexicon",),
    "roles": ("extract_roles", "is_person_name", "load_role_lexicon",),
    "role_model": ("RoleModel", "apply_role_model", "assign_roles", "default_model", "role_sentences", "may_name", "ROLE_MIN_SENTENCES",),
}
__all__, __getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
