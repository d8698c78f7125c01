"""The bundled demo reports: the seed report plus short reports the sitrep team wrote, each
summarising public reporting of a real event (see ``index.json``: id, file, published, note).

    docs = demo_documents()                 # list[Document], in index order
    results = load_demo(store)              # extract each and store it; list[IngestResult]
"""
from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from importlib import resources

from sitrep import errors
from sitrep.errors import E713_BAD_DEMO_INDEX
from sitrep.model import Document, EventMention


def _root():
    return resources.files("sitrep.demo")


def demo_index() -> list[dict]:
    """The rows of ``index.json``, checked: each has id, file and an ISO published date."""
    raw = (_root() / "index.json").read_text(encoding="utf-8")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise errors.SitrepError(f"sitrep/demo/index.json line {exc.lineno}: {exc.msg}",
                                 code=E713_BAD_DEMO_INDEX) from exc
    rows = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise errors.SitrepError("sitrep/demo/index.json: needs a 'documents' list", code=E713_BAD_DEMO_INDEX)
    for i, row in enumerate(rows):
        for key in ("id", "file", "published"):
            if not isinstance(row, dict) or not isinstance(row.get(key), str):
                raise errors.SitrepError(f"sitrep/demo/index.json documents[{i}]: needs a string '{key}'",
                                         code=E713_BAD_DEMO_INDEX)
        try:
            date.fromisoformat(row["published"])
        except ValueError as exc:
            raise errors.SitrepError(f"sitrep/demo/index.json documents[{i}]: published is not YYYY-MM-DD",
                                     code=E713_BAD_DEMO_INDEX) from exc
    return rows


def demo_documents() -> list[Document]:
    from sitrep.ingest.text import decode_bytes, document_from_text

    docs = []
    for row in demo_index():
        path = _root() / row["file"]
        text = decode_bytes(path.read_bytes(), f"sitrep/demo/{row['file']}")
        doc = document_from_text(text, row["id"], published=date.fromisoformat(row["published"]),
                                 source="sitrep demo", path=f"sitrep/demo/{row['file']}")
        doc.meta["note"] = row.get("note")
        docs.append(doc)
    return docs


def load_demo(store, extract: Callable[[Document], list[EventMention]] | None = None,
              progress: Callable[[Document, object], None] | None = None) -> list:
    """Extract every demo report (``sitrep.pipeline.extract_document`` unless ``extract`` is
    given) and ingest it into ``store``; one transaction per report. Re-running changes nothing."""
    if extract is None:
        from sitrep.pipeline import extract_document as extract
    results = []
    for doc in demo_documents():
        res = store.ingest(doc, extract(doc))
        results.append(res)
        if progress:
            progress(doc, res)
    return results
