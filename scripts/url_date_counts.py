"""How often the date in a report's own address is its publication date, by address form: the counts behind
``knowledge/url_dates.toml`` (``dateline.read_url``).

    python3 scripts/url_date_counts.py [--shared ../shared] [--list]

Sources with an address and a true date known apart from the address:

- ECB+ (``data/realnews/ecbplus``), every article whose first line is its address and whose head writes its own
  date (a publication line or a dated dateline, ``parse_posted`` / ``parse_dateline``), by split: tune topics, the
  other (non-violent) topics, check topics;
- the ingestion pages (``data/ingestion``): newspaper4k's metadata (``url``, ``publish_date``; newspaper may itself
  have read the date from the address, so a same day there is weak) and trafilatura's cached pages (``og:url`` /
  canonical address, ``article:published_time`` / ``datePublished``);
- newspaper4k's ``test_urls_pubdate.txt`` (addresses marked 1 when they carry a date, 0 when not): how often a
  form reads a date in an address marked 0 (a number path read as a date) or none in one marked 1.

``--infer``: the report date ``infer_report_date`` gives each ECB+ article, before (the one form of session 30,
y/m/d) and after (every form of the file): on the articles dated by their head with that line taken away and the
address kept (right within a day / wrong / none, by split), and on every article's full text as
``benchmarks/merge_ecb.py`` reads it (how many answers change, by split). The "before" reads a numeric
publication line ("11 / 09 / 2010") without the month address that session 30's ``url_month`` also read, so
22_14ecbplus shows as moved there although the real code before gives the same day.

``--month``: the month rules alone, on the ECB+ articles whose address writes only a year and month and whose head
gives the true date (that line taken away, the address kept; then with a yearless wire dateline of the true month
and day put first): which rule answered, right within a day / wrong / none.

Per form: a day form same day / within 2 days / wrong; a month form same month / same year, another month / wrong
year; and, for forms not in the file (candidates), the same counts where the kept forms read nothing.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.resolve.timex.dateline import _head_url, parse_dateline, parse_posted, read_url  # noqa: E402

# forms counted but not in the knowledge file (where the file's forms read nothing)
CANDIDATES = {
    "y/section/m/d": re.compile(r"/(?P<y>(?:19|20)\d\d)/[A-Za-z_]+/(?P<m>\d{1,2})/(?P<d>\d{1,2})/"),
    "ym/d": re.compile(r"/(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)/(?P<d>[0-3]\d)/"),
    "year only": re.compile(r"(?<![0-9A-Za-z])(?P<y>(?:19|20)\d\d)(?![0-9A-Za-z])"),
}


def _candidate(url: str) -> tuple[str, int, int | None, int | None] | None:
    path = re.sub(r"^(?:[a-z]+://)?[^/?#]*", "", url)
    for name, rx in CANDIDATES.items():
        m = rx.search(path)
        if m:
            g = m.groupdict()
            return name, int(g["y"]), int(g["m"]) if g.get("m") else None, int(g["d"]) if g.get("d") else None
    return None


def _verdict(y: int, m: int | None, d: int | None, truth: date) -> str:
    if d is not None and m is not None:
        try:
            gap = abs((date(y, m, d) - truth).days)
        except ValueError:
            return "invalid"
        return "same day" if gap == 0 else "within 2 days" if gap <= 2 else "wrong"
    if m is not None:
        return "same month" if (y, m) == (truth.year, truth.month) else "same year" if y == truth.year else "wrong"
    return "same year" if y == truth.year else "wrong"


def ecb_items(shared: Path) -> dict[str, list[tuple[str, str, date]]]:
    from sitrep.evaluation.ecbplus import CHECK_TOPICS, TUNE_TOPICS, read_article

    out: dict[str, list[tuple[str, str, date]]] = defaultdict(list)
    for path in sorted((shared / "data/realnews/ecbplus").glob("*/*.xml")):
        topic = int(path.parent.name)
        text = read_article(path, topic, set()).text
        url = _head_url(text)
        posted, dl = parse_posted(text), parse_dateline(text)
        truth = posted.date if posted and posted.date else dl.date if dl and dl.date else None
        if url and truth:
            split = "tune" if topic in TUNE_TOPICS else "check" if topic in CHECK_TOPICS else "other"
            out[f"ECB+ {split}"].append((path.stem, url, truth))
    return out


def page_items(shared: Path) -> list[tuple[str, str, date]]:
    out = []
    for f in sorted((shared / "data/ingestion/newspaper4k/metadata").glob("*.json")):
        meta = json.loads(f.read_text(encoding="utf-8"))
        if meta.get("url") and meta.get("publish_date"):
            out.append((f.stem, meta["url"], date.fromisoformat(meta["publish_date"][:10])))
    for f in sorted((shared / "data/ingestion/trafilatura/cache").glob("*.html")):
        html = f.read_text(encoding="utf-8", errors="replace")
        url = re.search(r'og:url"\s+content="([^"]+)"', html) or re.search(r'canonical"\s+href="([^"]+)"', html)
        when = re.search(r'(?:published_time"\s+content|datePublished"\s*:\s*)="?(\d{4}-\d\d-\d\d)', html)
        if url and when:
            out.append((f.stem, url.group(1), date.fromisoformat(when.group(1))))
    return out


def count(items: list[tuple[str, str, date]], show: bool) -> Counter:
    c: Counter = Counter()
    for name, url, truth in items:
        found = read_url(url)
        if found is not None:
            v = _verdict(found.year, found.month, found.day, truth)
            c[(found.form, v)] += 1
        else:
            cand = _candidate(url)
            if cand is None:
                c[("(no date in the address)", "")] += 1
                continue
            v = _verdict(cand[1], cand[2], cand[3], truth)
            c[(f"candidate {cand[0]}", v)] += 1
        if show and (found is None or v not in ("same day", "same month")):
            print(f"    {name}: {url} truth {truth} -> {found or cand} {v}")
    return c


def labelled(shared: Path) -> Counter:
    c: Counter = Counter()
    for line in (shared / "data/ingestion/newspaper4k/test_urls_pubdate.txt").read_text(encoding="utf-8").splitlines():
        label, _, url = line.partition(" ")
        found = read_url(url.strip())
        c[(label, found.form if found else "none")] += 1
    return c


OLD_FORMS = """[[form]]
name = "y/m/d"
precision = "day"
pattern = '(?<![0-9])(?P<y>(?:19|20)[0-9][0-9])[/_-](?P<m>[0-9][0-9])[/_-](?P<d>[0-9][0-9])(?=[/_.-]|$)'
"""


def _without_head(text: str) -> str:
    drop = [line.span for line in (parse_posted(text), parse_dateline(text)) if line is not None]
    kept, pos = [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        if not any(s.start < end and pos < s.end for s in drop):
            kept.append(line)
        pos = end + 1
    return "\n".join(kept)


def _ecb_articles(shared: Path):
    """(path, split, text, true date or None) of every ECB+ article; the true date from its own publication line or
    dated dateline."""
    from sitrep.evaluation.ecbplus import CHECK_TOPICS, TUNE_TOPICS, read_article

    for path in sorted((shared / "data/realnews/ecbplus").glob("*/*.xml")):
        topic = int(path.parent.name)
        split = "tune" if topic in TUNE_TOPICS else "check" if topic in CHECK_TOPICS else "other"
        text = read_article(path, topic, set()).text
        posted, dl = parse_posted(text), parse_dateline(text)
        yield path, split, text, posted.date if posted and posted.date else dl.date if dl and dl.date else None


def _answers(shared: Path) -> dict[str, tuple[str, date | None, str, date | None]]:
    from sitrep.resolve.timex.dateline import infer_report_date

    out = {}
    for path, split, text, truth in _ecb_articles(shared):
        headless = infer_report_date(_without_head(text), today=date(2014, 1, 1))[0] if truth else None
        out[path.stem] = (split, truth, headless, infer_report_date(text, today=date(2014, 1, 1))[0])
    return out


def infer(shared: Path) -> None:
    import tempfile

    from sitrep.knowledge import Knowledge, use_knowledge

    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "url_dates.toml").write_text(OLD_FORMS, encoding="utf-8")
        with use_knowledge(Knowledge(Path(tmp))):
            before = _answers(shared)
    after = _answers(shared)
    c: Counter = Counter()
    for name, (split, truth, headless, full) in after.items():
        _, _, headless0, full0 = before[name]
        if truth is not None:
            for when, got in (("before", headless0), ("after", headless)):
                c[(split, "head removed", when, "none" if got is None else
                   "right" if abs((got - truth).days) <= 1 else "wrong")] += 1
        if full != full0:
            c[(split, "full text", "changed", "none" if full is None else "answered" if full0 is None else "moved")] += 1
            print(f"  {name}: full text {full0} -> {full}")
    for key, n in sorted(c.items()):
        print("  " + " / ".join(key), n)


_WIRE = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")


def month_rules(shared: Path) -> None:
    from sitrep.resolve.timex.dateline import infer_report_date

    c: Counter = Counter()
    for _path, split, text, truth in _ecb_articles(shared):
        found = read_url(_head_url(text))
        if truth is None or found is None or found.day is not None:
            continue
        lines = _without_head(text).split("\n")
        wire = f"LONDON, {_WIRE[truth.month - 1]} {truth.day} (Reuters) - "
        for kind, body in (("head removed", "\n".join(lines)),
                           ("yearless dateline", "\n".join([lines[0], wire + lines[1], *lines[2:]]))):
            got, why = infer_report_date(body, today=date(2014, 1, 1))
            rule = ("dateline in the address's month" if "its year from the report's address" in why else
                    "withdrawn, another year" if "not the year of the report's address" in why else "another rule")
            c[(split, kind, rule, "none" if got is None else "right" if abs((got - truth).days) <= 1 else "wrong")] += 1
    for key, n in sorted(c.items()):
        print("  " + " / ".join(key), n)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT / ".." / "shared"))
    ap.add_argument("--list", action="store_true", help="list every address not read right")
    ap.add_argument("--infer", action="store_true", help="infer_report_date before / after on ECB+")
    ap.add_argument("--month", action="store_true", help="the month rules' answers on ECB+")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if args.infer:
        infer(shared)
        return 0
    if args.month:
        month_rules(shared)
        return 0
    sets = dict(ecb_items(shared))
    sets["ingestion pages"] = page_items(shared)
    for name, items in sets.items():
        print(f"{name}: {len(items)} addresses with a true date")
        for (form, verdict), n in sorted(count(items, args.list).items()):
            print(f"  {form:26} {verdict:14} {n}")
    print("newspaper4k test_urls_pubdate.txt (label 1: the address carries a date), label / form read:")
    for (label, form), n in sorted(labelled(shared).items()):
        print(f"  {label} {form:12} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
