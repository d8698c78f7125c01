"""Record or check the pipeline's full JSON output on a fixed set of reports (the output-identity check).

    python3 scripts/golden_outputs.py --write    # after a change that is MEANT to change output
    python3 scripts/golden_outputs.py            # compare; exit 1 and name the reports whose output changed

Inputs: the bundled demo reports, the seed (with and without its publication date), the seed variants and the dev
reports in tests/data, and the first 100 MUC-4 DEV reports (../shared, when present). Our own reports are stored as
full records (readable diffs); MUC-4 outputs as a SHA-256 of their canonical JSON (the corpus stays in ../shared).
A refactor must leave every entry identical; ``tests/pipeline/test_output_identity.py`` runs the check.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SITREP_SHARED") or ROOT.parent / "shared")
GOLDEN = ROOT / "tests" / "data" / "golden"
MUC_DOCS = SHARED / "data" / "muc4" / "docs" / "dev-muc3-0001-0100"


def own_documents():
    from sitrep.ingest.text import read_paths

    groups = {"demo": ROOT / "src" / "sitrep" / "demo", "seed_variants": ROOT / "tests" / "data" / "seed_variants",
              "dev_reports": ROOT / "tests" / "data" / "dev_reports"}
    for group, folder in groups.items():
        for path in sorted(folder.glob("*.txt")):
            for doc in read_paths([str(path)]):
                yield f"{group}/{path.name}", doc
    seed = ROOT / "src" / "sitrep" / "demo" / "000_ae200f296289012f.txt"
    for doc in read_paths([str(seed)], published=date(2023, 12, 8)):
        yield "seed_published/000_ae200f296289012f.txt", doc


def muc_documents():
    if not MUC_DOCS.exists():
        return
    from sitrep.evaluation.muc4 import document_for, read_docs

    for d in read_docs(MUC_DOCS)[:100]:
        yield f"muc4/{d.id}", document_for(d)


def outputs(named) -> dict[str, list[dict]]:
    from sitrep.pipeline import event_record, extract_documents

    names = [n for n, _ in named]
    out = {}
    for name, (_doc, events, error) in zip(names, extract_documents(d for _, d in named), strict=True):
        out[name] = [{"error": error}] if error else [event_record(e) for e in events]
    return out


def digest(records: list[dict]) -> str:
    return hashlib.sha256(json.dumps(records, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def current() -> tuple[dict, dict]:
    own = outputs(list(own_documents()))
    muc = {k: digest(v) for k, v in outputs(list(muc_documents())).items()}
    return own, muc


def compare(own: dict, muc: dict) -> list[str]:
    """Names of the reports whose output differs from the recorded one."""
    want_own = json.loads((GOLDEN / "own.json").read_text(encoding="utf-8"))
    want_muc = json.loads((GOLDEN / "muc4.json").read_text(encoding="utf-8"))
    diff = [k for k in sorted(set(want_own) | set(own)) if want_own.get(k) != own.get(k)]
    if muc:
        diff += [k for k in sorted(set(want_muc) | set(muc)) if want_muc.get(k) != muc.get(k)]
    return diff


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="record the current output as the reference")
    args = ap.parse_args(argv)
    own, muc = current()
    if args.write:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        (GOLDEN / "own.json").write_text(json.dumps(own, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
                                         encoding="utf-8")
        if muc:
            (GOLDEN / "muc4.json").write_text(json.dumps(muc, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"recorded {len(own)} own reports and {len(muc)} MUC-4 reports in {GOLDEN}")
        return 0
    diff = compare(own, muc)
    for k in diff:
        print(f"changed: {k}")
    print(f"{len(own)} own + {len(muc)} MUC-4 reports: {len(diff)} changed")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
