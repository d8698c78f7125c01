"""Cross-validated detection figures of a retrained clause model: each tune document (WikiEvents tune, RAMS dev
windows, the tune negative sentences, the Middle East sets' odd months) runs under the fold model fitted without
its fold (folds by article, as ``scripts/train_clause_model.py`` makes them), the check split under the full model.
The figures are those of ``benchmarks/realnews.py``; tune figures of a model fitted on its own tune documents would
be in-sample (they flatter it: a plain retrain keeps RAMS tune at 0.264 in-sample, 0.204 cross-validated).

    python3 scripts/train_clause_model.py --out M.json --write --folds M      # M.json, M.fold0.json .. M.fold4.json
    python3 scripts/clause_cv.py M [--sets wikievents,rams,negatives,ucdp,mideast,pages,headlines] [--split tune]
        [--shipped]

A fair comparison with the shipped recipe: its fold models on the same folds are written by scripts/clause_folds.py.

``--shipped``: the packaged model for every document (no folds: its tune figures are in-sample, as the benchmark's).
"""
from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import zlib  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

import train_clause_model as trainer  # noqa: E402

import realnews as bench  # noqa: E402
from sitrep.evaluation import realnews as rn  # noqa: E402
from sitrep.knowledge import Knowledge, use_knowledge  # noqa: E402
from sitrep.model import Document  # noqa: E402
from sitrep.pipeline import extract_documents  # noqa: E402

SHARED = bench.SHARED


def fold_of(key: str) -> int:
    """The CV fold of a training text's source document (``train_clause_model.examples``)."""
    return zlib.crc32(trainer._doc_key(key).encode()) % 5


class Runner:
    """Extracts documents under the full model, or each under the model of its fold."""

    def __init__(self, prefix: str | None):
        self.prefix = prefix
        self._tmp = tempfile.TemporaryDirectory(prefix="clause-cv-")  # removed when the runner goes
        self.tmp = Path(self._tmp.name)
        self.kbs: dict[str, Knowledge] = {}

    def knowledge(self, name: str | None) -> Knowledge:
        key = name or "shipped"
        if key not in self.kbs:
            d = self.tmp / str(len(self.kbs))
            d.mkdir()
            if name is not None:
                shutil.copy(name, d / "clause_model.json")
            self.kbs[key] = Knowledge(d)
        return self.kbs[key]

    def run(self, docs: list[Document], key: Callable[[Document], str] | None = None) -> dict[str, list]:
        parts: dict[str | None, list[Document]] = {}
        for d in docs:
            if self.prefix is None:
                name = None
            else:
                name = f"{self.prefix}.json" if key is None else f"{self.prefix}.fold{fold_of(key(d))}.json"
            parts.setdefault(name, []).append(d)
        out: dict[str, list] = {}
        for name, part in parts.items():
            with use_knowledge(self.knowledge(name)):
                out |= {d.id: evs for d, evs, _ in extract_documents(part)}
        return out


SPLITS = ["tune", "check"]  # the halves to run (--split)


def _only(pairs):
    """The splits of ``pairs`` (names, or (name, what) pairs) that --split asks for."""
    return [p for p in pairs if (p if isinstance(p, str) else p[0]) in SPLITS]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("prefix", nargs="?", help="PREFIX.json and PREFIX.fold0..4.json (train_clause_model --folds)")
    ap.add_argument("--sets", default="wikievents,rams,negatives", help="comma-separated: wikievents, rams, "
                    "negatives, ucdp, mideast, pages, headlines")
    ap.add_argument("--shipped", action="store_true")
    ap.add_argument("--split", choices=("tune", "check", "both"), default="both", help="tune: no check half is "
                    "read (choose a recipe on tune; read check once, after)")
    args = ap.parse_args()
    SPLITS[:] = ["tune", "check"] if args.split == "both" else [args.split]
    runner = Runner(None if args.shipped else args.prefix)
    sets = args.sets.split(",")
    if "wikievents" in sets:
        docs = rn.wikievents_docs(SHARED)
        for split, ids in _only((("tune", rn.WIKIEVENTS_TUNE), ("check", rn.WIKIEVENTS_CHECK))):
            part = [d for d in docs if d["doc_id"] in ids]
            evs = runner.run([Document(id=d["doc_id"], text=d["text"]) for d in part],
                             (lambda d: d.id) if split == "tune" else None)
            s = rn.score_wikievents(part, evs)
            print(f"WikiEvents {split:<5} recall={s['recall']:.3f} precision={s['precision']:.3f} n={s['sentences']}")
    if "ucdp" in sets:  # every Nigeria (tune) headline is a training positive: each runs under its fold's model
        for split, country in _only(rn.UCDP_SPLIT.items()):
            items = rn.ucdp_items(SHARED, country)
            evs = runner.run([bench.headline_doc(it) for it in items], (lambda d: d.id) if split == "tune" else None)
            s = rn.score_ucdp(items, evs)
            print(f"UCDP {split:<5} detected={s['detected']:.3f} n={s['n']}")
    if "rams" in sets:
        judged = rn.read_rams_judged(bench.RAMS_JUDGED)
        for split, name in _only(rn.RAMS_SPLIT.items()):
            ws = [w for w in rn.rams_windows(SHARED, name) if rn.rams_family(w)]
            evs = runner.run([Document(id=w.id, text=w.text) for w in ws], (lambda d: d.id) if split == "tune" else None)
            s = rn.score_rams(ws, evs, judged if split == "tune" else None)
            more = f"  judged specific n={s['specific_n']} found={s['specific']:.3f}" if split == "tune" else ""
            print(f"RAMS {split:<5} all={s['all']:.3f}{more}")
    if "negatives" in sets:
        negs = rn.read_negatives(bench.NEGATIVES, SHARED)
        for split in _only(("tune", "check")):
            part = [n for n in negs if n.split == split]
            docs = [Document(id=f"neg-{n.source}#{n.doc}-{i}", text=n.text) for i, n in enumerate(part)]
            evs = runner.run(docs, (lambda d: d.id) if split == "tune" else None)
            false = sum(bool(evs.get(d.id)) for d in docs)
            print(f"negatives {split:<5} false={false / len(docs):.3f} ({false}/{len(docs)})")
    if "mideast" in sets:
        for name in ("mideast", "mideast2", "mideast3", "mideast4"):  # mideast4: never trained on
            items = rn.read_mideast(ROOT / "benchmarks" / "data" / f"realnews_{name}.csv")
            for split in _only(("tune", "check")):
                part = [it for it in items if it.split == split]
                evs = runner.run([bench.headline_doc(it) for it in part],
                                 (lambda d: f"hl-{d.id}") if split == "tune" else None)
                s = rn.score_mideast(part, evs)
                print(f"{name} {split:<5} recall={s['recall']:.3f} precision={s['precision']:.3f}")
    if "pages" in sets:
        pages(runner)
    if "headlines" in sets:  # no tune half: never trained on
        for name, path in (("headlines2", bench.HEADLINES2), ("headlines4", bench.HEADLINES4)):
            events, others = rn.read_headlines2(path)
            evs = runner.run([bench.headline_doc(it) for it in events + others])
            s = rn.score_ucdp(events, evs)
            false = sum(bool(evs.get(it.id)) for it in others) / max(len(others), 1)
            print(f"{name} detected={s['detected']:.3f} false={false:.3f}")


def pages(runner: Runner) -> None:
    """The seed-like sets' reports with no gold event (benchmarks/seedlike.py SPLIT; a model trained with
    ``--pages`` learns from the tune ones, so each tune page runs under the fold model fitted without it): the events
    extracted from them with the gold publication date and without (``day_known`` events only, as seedlike.py
    counts them: every one is a false event)."""
    import json
    from datetime import date

    from seedlike import SPLIT
    from sitrep.ingest.text import document_from_text
    from sitrep.records import day_known

    data = ROOT / "tests" / "data"
    for split, names in _only(SPLIT.items()):
        counts = []
        for dated in (True, False):
            docs = []
            for name in names:
                for d in json.loads((data / f"{name}_reports_gold.json").read_text(encoding="utf-8"))["documents"]:
                    path = data / f"{name}_reports" / f"{d['id']}.txt"
                    if not d["events"] and path.exists():
                        day = date.fromisoformat(d["published"]) if dated and d.get("published") else None
                        docs.append(document_from_text(path.read_text(encoding="utf-8"), f"page-{name}-{d['id']}",
                                                       published=day))
            evs = runner.run(docs, (lambda d: d.id) if split == "tune" else None)
            counts.append(sum(day_known(e) for v in evs.values() for e in v))
        print(f"pages {split:<5} n={len(docs)} false events with dates={counts[0]} without={counts[1]}")


if __name__ == "__main__":
    main()
