"""Ingest: bytes from files, JSON Lines and stdin -> ``Document``. Other readers (HTML, feeds,
archives) live beside this module and yield the same ``ReadResult`` items."""
from sitrep.ingest.text import (
    ReadFailure,
    ReadResult,
    decode_bytes,
    document_from_text,
    read_paths,
    read_stream,
)

__all__ = ["ReadFailure", "ReadResult", "decode_bytes", "document_from_text", "read_paths", "read_stream"]
