"""How many days before its publication day a headline's undated event lies (issue 12: UCDP tune date 0.663 against
check 0.959). For each UCDP headline of a split (tune: Nigeria, check: Ukraine) the publication day minus the last
day of UCDP's event, and, over the detected headlines, the date figure of ``benchmarks/realnews.py`` (within a day of
date_start..date_end) if each event dated only by its report's day (``REPORT_DATE_NOTE``) were dated ``lag`` days
earlier, with the headlines it turns right and wrong against lag 0. The lag chosen on tune stands in
knowledge/report_date.toml (``headline_lag_days``); the figures are counted from the report's own day whatever it
ships.

    python3 scripts/headline_date_lag.py [--split tune|check] [--limit N]

Measured at s38 (tune, Nigeria, 3,426 headlines): publication day minus the event's last day 0: 886, 1: 1,048,
2: 493, 3 or more: 941, before the event's last day 58. Date of the detected (2,501): lag 0 0.663, 1 0.831 (424
right, 4 wrong), 2 0.667 (570 / 560). Check (Ukraine, 1,167; 0: 836, 1: 173, 2: 25; 845 detected): lag 0 0.959,
1 0.964 (5 / 0), 2 0.644. The misses left at lag 1 are sources printed three days or more after the deed (no
headline alone can date them) and 21 a headline's own wrong day ("last week", a report's span "January 2014 -
March 2015").
"""
from __future__ import annotations

import argparse
import collections
import sys
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.evaluation import realnews as rn  # noqa: E402
from sitrep.model import REPORT_DATE_NOTE, Document  # noqa: E402
from sitrep.pipeline import extract_documents  # noqa: E402
from sitrep.resolve import event_time  # noqa: E402

SHARED = (ROOT / ".." / "shared").resolve()
ONE = timedelta(days=1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("tune", "check"), default="tune")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    items = rn.ucdp_items(SHARED, rn.UCDP_SPLIT[args.split])[: args.limit or None]
    lags = collections.Counter(max(min((it.published - it.date_end).days, 3), -1) for it in items)
    print("publication day minus the event's last day:", dict(sorted(lags.items())), "(-1: before it, 3: 3 or more)")
    shipped = event_time._headline_lag_days()
    docs = [Document(id=it.id, text=it.headline, title=it.headline, published=it.published) for it in items]
    events = {d.id: evs for d, evs, _ in extract_documents(docs)}
    det = [it for it in items if events.get(it.id)]
    for lag in range(4):
        right = wrong = good = 0
        for it in det:
            days = [_day(e, lag - shipped) for e in events[it.id]]
            base = [_day(e, -shipped) for e in events[it.id]]
            ok, was = _within(it, days), _within(it, base)
            good += ok
            right += ok and not was
            wrong += was and not ok
        print(f"lag {lag}: date {good / max(len(det), 1):.3f} of {len(det)} detected; against lag 0 right {right}, "
              f"wrong {wrong}")


def _day(e, shift: int):
    """The event's day with a report-dated one moved ``shift`` days earlier."""
    if e.date is not None and any(n.startswith(REPORT_DATE_NOTE) for n in e.notes):
        return e.date - timedelta(days=shift)
    return e.date


def _within(it: rn.UcdpItem, days) -> bool:
    return any(d is not None and it.date_start - ONE <= d <= it.date_end + ONE for d in days)


if __name__ == "__main__":
    main()
