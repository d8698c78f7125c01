"""Data files analysts edit: actors, facilities, weapon / event / discourse lexicons.

``knowledge_path(name)`` finds a file; ``SITREP_KNOWLEDGE`` (a directory) overrides the packaged copies file by
file, so an analyst can extend them without touching the installed package."""
from __future__ import annotations

import os
from pathlib import Path

PACKAGED = Path(__file__).resolve().parent


def knowledge_path(name: str) -> Path:
    override = os.environ.get("SITREP_KNOWLEDGE")
    if override and (Path(override) / name).exists():
        return Path(override) / name
    return PACKAGED / name
