"""extract: parsed sentences -> event candidates (triggers, weapons, roles, casualties, claims), and what the
rest of the report says of them.

Public surface (``from sitrep.extract import X``): the names in ``__all__``; each is imported from its module on
first use, so importing the package costs nothing and stage modules may import each other's submodules freely.
Anything else is private to the stage and may change.
"""
from __future__ import annotations

import importlib

_EXPORTS = {
    "Candidate": "mentions",
    "SentenceExtractor": "mentions",
    "UNIDENTIFIED": "mentions",
    "candidates": "document",
    "attach_roles": "document",
    "drop_place_victims": "document",
    "mentions_to_merge": "document",
    "apply_report_context": "document",
    "specific": "document",
    "mark_military": "document",
    "military_operation": "document",
    "Lexicon": "lexicon",
    "load_lexicon": "lexicon",
    "extract_roles": "roles",
    "is_person_name": "roles",
    "load_role_lexicon": "roles",
    "RoleModel": "role_model",
    "apply_role_model": "role_model",
    "assign_roles": "role_model",
    "default_model": "role_model",
    "role_sentences": "role_model",
    "may_name": "role_model",
    "ROLE_MIN_SENTENCES": "role_model",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'sitrep.extract' has no attribute {name!r}")
    return getattr(importlib.import_module(f"sitrep.extract.{module}"), name)


def __dir__() -> list[str]:
    return __all__
