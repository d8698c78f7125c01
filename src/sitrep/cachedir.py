"""Where sitrep keeps files it can always rebuild from installed data: ``$SITREP_CACHE``, else
``$XDG_CACHE_HOME/sitrep``, else ``~/.cache/sitrep``."""
from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    base = os.environ.get("SITREP_CACHE") or os.path.join(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache", "sitrep")
    return Path(base)
