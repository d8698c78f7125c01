"""Geoparsing figures on a corpus in the LGL XML layout (``../shared/data/geoparsing/lgl.xml``).

    python3 benchmarks/geoparse.py [CORPUS.xml] [--limit N] [--errors FILE]

Prints, given the gold spans (``resolve_spans``): accuracy@161 km, mean and median error in km and
AUC (area under the curve of log(1 + error km), normalised by log of half the Earth's circumference,
as in Gritta et al., "A Pragmatic Guide to Geoparsing Evaluation"; lower is better) over the gold
toponyms that carry coordinates. Then, with sitrep finding the toponyms itself (``geocode_text``),
detection precision / recall / F1 (exact spans, and overlapping spans) against all gold toponyms (overlap P / R
again by article parity, even = tune, odd = check, with the counts of false places and missed toponyms), and the
accuracy@161 km of the detected ones. Misses are counted by gold kind (country / division / city / facility /
other) and by cause (abstain: no reading or an abstention; level: a reading of another kind; namesake: the
right kind, the wrong place).
Also the gazetteer's load time and size, peak memory, and articles per second. Figures are printed,
never asserted.

``benchmarks/data/world_toponyms.xml`` (216 toponyms of international, web and outbreak news, in passages written
for it; ``scripts/build_world_toponyms.py`` builds it from ``world_toponyms.txt``) is a second corpus in this
layout, for the kinds LGL's US local news rarely shows: ``python3 benchmarks/geoparse.py
benchmarks/data/world_toponyms.xml``; ``world_toponyms2.xml`` (192, s24) and ``world_toponyms3.xml`` (195, s25: wire,
web and outbreak news from Asia, Africa, Latin America and Europe) are two more, each written before the resolver
was run on it; ``world_toponyms4.xml`` (288, s26) is annotated as GeoWebNews and GeoVirus annotate (metonyms,
demonyms, streets and buildings, small namesakes abroad), harder than the first three; ``world_toponyms5.xml`` (286,
s28: outbreak reports and international web news, districts and provinces of Asia and Africa, regions, metonyms) is
a fifth, written and committed before its one first run; world_toponyms6-8 (s31, s32, s34) likewise, world_toponyms8
in the style of the sealed GeoWebNews, TR-News and GeoVirus (metonyms, demonyms, local news, outbreak news).
"""
from __future__ import annotations

import argparse
import math
import os
import resource
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

SHARED = Path(os.environ.get("SITREP_SHARED") or Path(__file__).resolve().parents[1] / ".." / "shared")
DEFAULT = SHARED / "data" / "geoparsing" / "lgl.xml"
MAX_KM = 20039.0


def read_corpus(path: Path) -> list[dict]:
    """[{id, text, toponyms: [{start, end, phrase, lat, lon, geonameid, fcode}]}] (lat None when ungazetteered)."""
    root = ET.parse(path).getroot()
    out = []
    for a in root.iter("article"):
        text = a.findtext("text") or ""
        tops = []
        for t in a.iter("toponym"):
            g = t.find("gaztag")
            item = {"start": int(t.findtext("start")), "end": int(t.findtext("end")), "phrase": t.findtext("phrase"),
                    "lat": None, "lon": None, "geonameid": None, "fcode": None}
            if g is not None and g.findtext("lat"):
                item.update(lat=float(g.findtext("lat")), lon=float(g.findtext("lon")),
                            geonameid=int(g.get("geonameid") or 0) or None, fcode=g.findtext("fcode"))
            tops.append(item)
        out.append({"id": a.get("docid"), "text": text, "toponyms": tops})
    return out


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def auc(errors: list[float]) -> float:
    """Area under the sorted log(1 + km) curve, scaled to [0, 1] (trapezoid rule)."""
    if len(errors) < 2:
        return float("nan")
    ys = sorted(math.log(1 + e) for e in errors)
    area = sum((ys[i] + ys[i + 1]) / 2 for i in range(len(ys) - 1))
    return area / ((len(ys) - 1) * math.log(MAX_KM))


def resolution(articles: list[dict], errors_to: str | None = None) -> dict:
    from sitrep.resolve.place import resolve_spans

    errs: list[float] = []
    abstained = 0
    unresolved = 0
    lines = []
    kinds: dict[str, list[int]] = {}  # gold kind -> [toponyms, missed]
    causes: dict[str, int] = {}  # why a miss: abstain (no reading or abstention), namesake (right name, wrong place), level
    halves = {"even": [0, 0], "odd": [0, 0]}  # by article parity (index in the corpus): [toponyms, within 161 km]
    t0 = time.perf_counter()
    for n, a in enumerate(articles):
        gold = [t for t in a["toponyms"] if t["lat"] is not None]
        if not gold:
            continue
        places = resolve_spans(a["text"], [(t["start"], t["end"]) for t in gold])
        half = halves["odd" if n % 2 else "even"]
        for t, p in zip(gold, places, strict=True):
            half[0] += 1
            half[1] += p is not None and km(p.latitude, p.longitude, t["lat"], t["lon"]) <= 161
            tally = kinds.setdefault(gold_kind(t["fcode"]), [0, 0])
            tally[0] += 1
            if p is None:
                unresolved += 1
                errs.append(MAX_KM)
                tally[1] += 1
                causes["abstain"] = causes.get("abstain", 0) + 1
                lines.append(f"{a['id']}\t{t['phrase']}\tNONE\t{t['fcode']}\t-")
                continue
            if (p.reason or "").startswith("abstain"):
                abstained += 1
            e = km(p.latitude, p.longitude, t["lat"], t["lon"])
            errs.append(e)
            if e > 161:
                tally[1] += 1
                cause = "abstain" if (p.reason or "").startswith("abstain") else (
                    "level" if gold_kind(t["fcode"]) != gold_kind(p.feature) else "namesake")
                causes[cause] = causes.get(cause, 0) + 1
            if e > 161:
                lines.append(f"{a['id']}\t{t['phrase']}\t{p.name},{p.country_code},{p.feature}\t{t['fcode']}\t{e:.0f}\t{p.reason}")
    seconds = time.perf_counter() - t0
    if errors_to:
        Path(errors_to).write_text("\n".join(lines) + "\n", encoding="utf-8")
    n = len(errs)
    return {"toponyms": n, "acc161": sum(e <= 161 for e in errs) / n, "mean_km": statistics.fmean(errs),
            "median_km": statistics.median(errs), "auc": auc(errs), "abstained": abstained,
            "unresolved": unresolved, "seconds": seconds, "articles": len(articles), "kinds": kinds, "causes": causes,
            "halves": {k: (ok / n if n else 0.0) for k, (n, ok) in halves.items()}}


def gold_kind(fcode: str | None) -> str:
    """country / division / city / facility / other, from a GeoNames feature code."""
    f = fcode or ""
    if f.startswith("PCL") or f in ("TERR",):
        return "country"
    if f.startswith("ADM") or f in ("RGN", "CONT"):
        return "division"
    if f.startswith("PPL"):
        return "city"
    if f in ("AIRP", "MILB", "INSM", "BLDG", "HSP", "SCH", "UNIV", "STDM", "PRN", "CSTL", "PRT", "BDG", "OILF", "EMB",
             "facility", "base", "embassy", "airport", "field", "crossing"):
        return "facility"
    return "other"


def detection(articles: list[dict]) -> dict:
    from sitrep.resolve.place import geocode_text

    tp = fp = fn = 0
    otp = ofp = ofn = 0
    hit = placed = 0  # gold toponyms with coordinates that a found span overlaps, and of those within 161 km
    halves = {"even": [0, 0, 0], "odd": [0, 0, 0]}  # by article parity: overlap tp, fp, fn
    t0 = time.perf_counter()
    for n, a in enumerate(articles):
        gold = {(t["start"], t["end"]) for t in a["toponyms"]}
        found_places = geocode_text(a["text"], include_abstentions=True)
        found = {(p.span.start, p.span.end) for p in found_places}
        for t in a["toponyms"]:
            over = [p for p in found_places if p.span.start < t["end"] and t["start"] < p.span.end]
            if t["lat"] is not None and over:
                hit += 1
                placed += km(over[0].latitude, over[0].longitude, t["lat"], t["lon"]) <= 161
        tp += len(gold & found)
        fp += len(found - gold)
        fn += len(gold - found)
        ov = {f for f in found if any(f[0] < g[1] and g[0] < f[1] for g in gold)}
        missed = sum(1 for g in gold if not any(f[0] < g[1] and g[0] < f[1] for f in found))
        otp += len(ov)
        ofp += len(found) - len(ov)
        ofn += missed
        half = halves["odd" if n % 2 else "even"]
        half[0] += len(ov)
        half[1] += len(found) - len(ov)
        half[2] += missed
    seconds = time.perf_counter() - t0

    def prf(t: int, f_p: int, f_n: int) -> tuple[float, float, float]:
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    return {"exact": prf(tp, fp, fn), "overlap": prf(otp, ofp, ofn), "seconds": seconds, "articles": len(articles),
            "halves": {k: prf(*v)[2] for k, v in halves.items()},
            "halves_prf": {k: (*prf(*v), v[1], v[2]) for k, v in halves.items()},
            "detected_acc161": placed / hit if hit else 0.0, "detected": hit}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--errors", help="write the toponyms resolved more than 161 km off to this TSV file")
    ap.add_argument("--no-detection", action="store_true")
    args = ap.parse_args(argv)
    path = Path(args.corpus)
    if not path.is_file():
        print(f"corpus not found: {path} (needs ../shared/data)", file=sys.stderr)
        return 2
    articles = read_corpus(path)
    if args.limit:
        articles = articles[: args.limit]

    from sitrep.resolve.gazetteer import build_gazetteer, get_gazetteer

    t0 = time.perf_counter()
    gz = get_gazetteer()
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    build_gazetteer()
    again = time.perf_counter() - t0
    t0 = time.perf_counter()
    build_gazetteer(use_cache=False)
    fresh = time.perf_counter() - t0
    print(f"gazetteer: {len(gz):,} entries, {len(gz.city_keys) + len(gz.index):,} names; first load {first:.2f} s "
          f"({gz.built_from}), again {again:.2f} s, built afresh (cities500 columns cached) {fresh:.2f} s; "
          f"tables ~{gz.approx_bytes() / 2**20:.0f} MiB")

    r = resolution(articles, args.errors)
    print(f"{path.name}: {r['articles']} articles, {r['toponyms']} gold toponyms with coordinates (given spans)")
    print(f"  accuracy@161km {r['acc161']:.1%}   mean {r['mean_km']:.0f} km   median {r['median_km']:.1f} km   "
          f"AUC {r['auc']:.3f}   abstained {r['abstained']}   unresolved {r['unresolved']}")
    print(f"  by article parity: even (tune) {r['halves']['even']:.4f}, odd (check) {r['halves']['odd']:.4f}")
    print("  misses by gold kind: " + ", ".join(f"{k} {m}/{n}" for k, (n, m) in sorted(r["kinds"].items()))
          + "; by cause: " + ", ".join(f"{k} {v}" for k, v in sorted(r["causes"].items())))
    print(f"  {r['articles'] / r['seconds']:.1f} articles/s resolving given spans")
    if not args.no_detection:
        d = detection(articles)
        (p, rc, f), (op, orc, of) = d["exact"], d["overlap"]
        print(f"  detection (end to end, all {sum(len(a['toponyms']) for a in articles)} gold toponyms): "
              f"exact P {p:.1%} R {rc:.1%} F1 {f:.1%}; overlap P {op:.1%} R {orc:.1%} F1 {of:.1%}")
        print(f"  overlap F1 by article parity: even (tune) {d['halves']['even']:.4f}, odd (check) {d['halves']['odd']:.4f}")
        for half in ("even", "odd"):  # found places that overlap no gold toponym, gold toponyms no found place overlaps
            hp, hr, _, hfp, hfn = d["halves_prf"][half]
            print(f"    {half}: overlap P {hp:.4f} R {hr:.4f}; false places {hfp}, missed toponyms {hfn}")
        print(f"  accuracy@161km of the {d['detected']} detected gold toponyms with coordinates: {d['detected_acc161']:.1%}")
        print(f"  {d['articles'] / d['seconds']:.1f} articles/s end to end (spaCy NER + resolution)")
    print(f"peak memory (max RSS) {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
