"""Whether a speed change leaves ``sitrep extract``'s output as it was: the full JSON record of every event (and any
error) that the batched path (``extract_documents``, what the CLI runs) gives a fixed sample of reports, written to
a file before the change and compared after it; also the CPU articles/s of each group.

    python3 scripts/output_identity.py --write /tmp/before.jsonl      # on the code before the change
    python3 scripts/output_identity.py --compare /tmp/before.jsonl    # after it: exit status 1 on any difference

The sample (../shared and tests/data): the first 100 UCDP headlines of each country (Nigeria, Ukraine) as
``benchmarks/realnews.py`` reads them (a headline as a report of its publication day); 50 MUC-4 DEV reports
(dev-muc3-0101-0200, read as ``benchmarks/extract_throughput.py`` reads them; the golden outputs hold 0001-0100);
every seed-like report of tests/data (``*_reports`` and everyday_pages, without their publication dates, as
``sitrep extract`` reads a file); the first 50 LGL articles. ``--groups`` picks some of them.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SITREP_SHARED") or ROOT.parent / "shared")
GROUPS = ("ucdp", "muc4", "seedlike", "lgl")


def ucdp_documents():
    from sitrep.evaluation import realnews as rn
    from sitrep.model import Document

    for country in ("nga", "ukr"):
        for it in rn.ucdp_items(SHARED, country)[:100]:
            yield f"ucdp/{it.id}", Document(id=it.id, text=it.headline, title=it.headline, published=it.published)


def muc4_documents():
    from sitrep.evaluation.muc4 import read_docs
    from sitrep.ingest.text import document_from_text

    for md in read_docs(SHARED / "data" / "muc4" / "docs" / "dev-muc3-0101-0200")[:50]:
        yield f"muc4/{md.id}", document_from_text(md.text, md.id)


def seedlike_documents():
    from sitrep.ingest.text import document_from_text

    data = ROOT / "tests" / "data"
    for folder in sorted([*data.glob("*_reports"), data / "everyday_pages"]):
        for path in sorted(folder.glob("*.txt")):
            yield f"seedlike/{folder.name}/{path.name}", document_from_text(path.read_text(encoding="utf-8"),
                                                                              path.stem)


def lgl_documents():
    from sitrep.ingest.text import document_from_text

    root = ET.parse(SHARED / "data" / "geoparsing" / "lgl.xml").getroot()
    n = 0
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        if text.strip():
            yield f"lgl/{art.get('docid')}", document_from_text(text, art.get("docid"))
            n += 1
            if n >= 50:
                return


def lines(groups: list[str]) -> list[str]:
    """One line per report: its name, a tab, the canonical JSON of its event records (or its error)."""
    from sitrep.pipeline import event_record, extract_documents

    makers = {"ucdp": ucdp_documents, "muc4": muc4_documents, "seedlike": seedlike_documents, "lgl": lgl_documents}
    out = []
    for group in groups:
        named = list(makers[group]())
        t0 = time.process_time()
        for (name, _), (_doc, events, error) in zip(named, extract_documents(d for _, d in named), strict=True):
            records = [{"error": error}] if error else [event_record(e) for e in events]
            out.append(f"{name}\t{json.dumps(records, sort_keys=True, ensure_ascii=False)}")
        seconds = time.process_time() - t0
        print(f"{group}: {len(named)} reports, {len(named) / seconds:.1f} reports/s (CPU, first-use costs included)",
              file=sys.stderr)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", help="write the outputs to this file")
    group.add_argument("--compare", help="compare the outputs with this file")
    ap.add_argument("--groups", default=",".join(GROUPS), help=f"some of {','.join(GROUPS)}")
    args = ap.parse_args(argv)
    groups = [g for g in args.groups.split(",") if g]
    if unknown := set(groups) - set(GROUPS):
        ap.error(f"unknown groups: {', '.join(sorted(unknown))}")
    got = lines(groups)
    if args.write:
        Path(args.write).write_text("\n".join(got) + "\n", encoding="utf-8")
        print(f"{len(got)} reports written to {args.write}")
        return 0
    before = dict(line.split("\t", 1) for line in Path(args.compare).read_text(encoding="utf-8").splitlines())
    now = dict(line.split("\t", 1) for line in got)
    moved = sorted(k for k in now if k in before and before[k] != now[k])
    for k in moved[:20]:
        print(f"differs: {k}\n- {before[k][:400]}\n+ {now[k][:400]}")
    missing = [k for k in now if k not in before]
    same = not moved and not missing
    print(f"{len(now)} reports ({sum(now[k] != '[]' for k in now)} with events), compared with {len(before)}: "
          f"{'identical' if same else f'{len(moved)} differ, {len(missing)} not in the file'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
