"""``IngestError`` -> ``ReadFailure`` without repeating the source in the message."""
from __future__ import annotations

from sitrep.errors import SitrepError
from sitrep.ingest.text import ReadFailure


def failure(source: str, exc: SitrepError) -> ReadFailure:
    message = str(exc).split("] ", 1)[-1]
    if message.startswith(f"{source}: "):
        message = message[len(source) + 2:]
    return ReadFailure(source, exc.code, message)
