"""Holiday dates from the rules of ``[holidays]`` in the time lexicon: a fixed Gregorian day ("12-25"), the Nth
weekday of a month ("11/4/4": the fourth Thursday of November; N = -1 the last; "11/1/1+1": the day after the
first Monday, the US Election Day), days from Western Easter
("easter-2"), days listed one by one for a calendar not computed here ("dates:1999-02-16,2000-02-05": the
Chinese New Year), and days of the Islamic (tabular, arithmetic: within a day or two of the sighted moon) and
Hebrew calendars ("hijri:10-01", "hebrew:07-10"; Hebrew months counted from Nisan = 1, Tishri = 7).

Arithmetic after Reingold & Dershowitz, *Calendrical Calculations*; fixed day numbers are Python ordinals."""
from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.easter import easter

RULE = re.compile(r"^(?:(?P<fixed>\d{2}-\d{2})|(?P<m>\d{2})/(?P<n>-1|[1-5])/(?P<wd>[1-7])(?P<shift>[+-][1-6])?"
                  r"|easter(?P<off>[+-]\d{1,2})"
                  r"|(?P<cal>hijri|hebrew):(?P<cm>\d{2})-(?P<cd>\d{2})"
                  r"|dates:(?P<dates>\d{4}-\d{2}-\d{2}(?:\s*,\s*\d{4}-\d{2}-\d{2})*))$")


def valid_rule(rule: str) -> bool:
    m = RULE.match(rule) if isinstance(rule, str) else None
    if m is None:
        return False
    if m.group("fixed"):
        mo, d = (int(x) for x in m.group("fixed").split("-"))
        return 1 <= mo <= 12 and 1 <= d <= 31
    if m.group("m"):
        return 1 <= int(m.group("m")) <= 12
    if m.group("cal"):
        top = 12 if m.group("cal") == "hijri" else 13
        return 1 <= int(m.group("cm")) <= top and 1 <= int(m.group("cd")) <= 30
    if m.group("dates"):
        try:
            [date.fromisoformat(d.strip()) for d in m.group("dates").split(",")]
        except ValueError:
            return False
    return True


def holiday_in(rule: str, year: int) -> date | None:
    """The day of the holiday in Gregorian ``year`` (None when the rule gives none that year)."""
    m = RULE.match(rule)
    if m is None:
        return None
    if m.group("fixed"):
        mo, d = (int(x) for x in m.group("fixed").split("-"))
        try:
            return date(year, mo, d)
        except ValueError:
            return None
    if m.group("m"):
        day = _nth_weekday(year, int(m.group("m")), int(m.group("n")), int(m.group("wd")))
        return day + timedelta(days=int(m.group("shift") or 0))
    if m.group("off"):
        return easter(year) + timedelta(days=int(m.group("off")))
    if m.group("dates"):  # a calendar not computed here (the Chinese lunisolar one): its days listed
        return next((d for d in (date.fromisoformat(x.strip()) for x in m.group("dates").split(",")) if d.year == year),
                    None)
    cm, cd = int(m.group("cm")), int(m.group("cd"))
    if m.group("cal") == "hijri":
        return _islamic_in(year, cm, cd)
    return _hebrew_in(year, cm, cd)


def holidays_in(rule: str, year: int) -> list[date]:
    """Every day of the holiday in Gregorian ``year``: an Islamic one falls twice in a year about every 33 years (Eid
    al-Fitr on 8 January and 27 December 2000), a listed calendar's days as listed; the others once or never."""
    m = RULE.match(rule)
    if m is not None and m.group("cal") == "hijri":
        return _islamic_all(year, int(m.group("cm")), int(m.group("cd")))
    if m is not None and m.group("dates"):
        return [d for d in (date.fromisoformat(x.strip()) for x in m.group("dates").split(",")) if d.year == year]
    day = holiday_in(rule, year)
    return [day] if day is not None else []


def _nth_weekday(year: int, month: int, n: int, wd: int) -> date:
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - wd) % 7)


# ---- Islamic (arithmetic) ------------------------------------------------------------------------------------
_ISLAMIC_EPOCH = date(622, 7, 19).toordinal()  # 1 Muharram AH 1 (Julian 16 July 622)


def _fixed_from_islamic(y: int, m: int, d: int) -> int:
    return _ISLAMIC_EPOCH - 1 + (y - 1) * 354 + (3 + 11 * y) // 30 + 29 * (m - 1) + m // 2 + d


def _islamic_in(year: int, m: int, d: int) -> date | None:
    days = _islamic_all(year, m, d)
    return days[0] if days else None  # the first in the year (a holiday falls twice in a year about every 33 years)


def _islamic_all(year: int, m: int, d: int) -> list[date]:
    approx = int((year - 622) * 33 / 32)
    days = (date.fromordinal(_fixed_from_islamic(y, m, d)) for y in range(approx - 1, approx + 3))
    return [day for day in days if day.year == year]


# ---- Hebrew ----------------------------------------------------------------------------------------------------
_HEBREW_EPOCH = -1373427  # fixed day of 1 Tishri AM 1 (Julian 7 October 3761 BCE)


def _leap(y: int) -> bool:
    return (7 * y + 1) % 19 < 7


def _elapsed_days(y: int) -> int:
    months = (235 * y - 234) // 19
    parts = 12084 + 13753 * months
    days = 29 * months + parts // 25920
    return days + 1 if (3 * (days + 1)) % 7 < 3 else days


def _new_year(y: int) -> int:
    ny0, ny1, ny2 = _elapsed_days(y - 1), _elapsed_days(y), _elapsed_days(y + 1)
    correction = 2 if ny2 - ny1 == 356 else 1 if ny1 - ny0 == 382 else 0
    return _HEBREW_EPOCH + ny1 + correction


def _month_days(m: int, y: int) -> int:
    length = _new_year(y + 1) - _new_year(y)
    if m in (2, 4, 6, 10, 13) or (m == 12 and not _leap(y)):
        return 29
    if m == 8 and length not in (355, 385):
        return 29
    if m == 9 and length in (353, 383):
        return 29
    return 30


def _fixed_from_hebrew(y: int, m: int, d: int) -> int:
    last = 13 if _leap(y) else 12
    days = _new_year(y) + d - 1
    if m < 7:
        days += sum(_month_days(k, y) for k in range(7, last + 1)) + sum(_month_days(k, y) for k in range(1, m))
    else:
        days += sum(_month_days(k, y) for k in range(7, m))
    return days


def _hebrew_in(year: int, m: int, d: int) -> date | None:
    for hy in (year + 3760, year + 3761):
        day = date.fromordinal(_fixed_from_hebrew(hy, m, d))
        if day.year == year:
            return day
    return None
