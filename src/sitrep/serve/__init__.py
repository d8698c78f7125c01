"""HTTP API and web map: ``create_app(store_url, *, token)`` builds the FastAPI app."""
from __future__ import annotations

from sitrep.serve.app import create_app

__all__ = ["create_app"]
