"""Calendar arithmetic of the date extractor: Hijri conversion (hijridate, Umm al-Qura; the
arithmetic calendar outside its table) and month arithmetic."""

from __future__ import annotations

import datetime as dt

UQ_YEARS = (1343, 1500)  # the years hijridate's Umm al-Qura table covers


def tabular_to_greg(y: int, m: int, d: int) -> dt.date:
    """Arithmetic (tabular) Islamic calendar, for years outside hijridate's Umm al-Qura table."""
    jdn = d + -(-59 * (m - 1) // 2) + 354 * (y - 1) + (3 + 11 * y) // 30 + 1948439
    return dt.date.fromordinal(jdn - 1721425)


def hijri_month_length(y: int, m: int) -> int:
    from hijridate import Hijri

    if UQ_YEARS[0] <= y <= UQ_YEARS[1]:
        return Hijri(y, m, 1).month_length()
    if m == 12:
        return 30 if (14 + 11 * y) % 30 < 11 else 29
    return 30 if m % 2 else 29


def hijri_to_greg(y: int, m: int, d: int) -> dt.date:
    """Gregorian day of a Hijri date (a 30th of a 29-day month is the next month's first day)."""
    from hijridate import Hijri

    if not UQ_YEARS[0] <= y <= UQ_YEARS[1]:
        if not (1 <= m <= 12 and 1 <= d <= 30) or y < 1:
            raise ValueError("bad Hijri date")
        return tabular_to_greg(y, m, d)
    try:
        g = Hijri(y, m, d).to_gregorian()
    except ValueError:
        if d == 30:  # a 29-day month in Umm al-Qura: the 30th is the next month's first day
            g = Hijri(y, m, 29).to_gregorian()
            return dt.date(g.year, g.month, g.day) + dt.timedelta(days=1)
        raise
    return dt.date(g.year, g.month, g.day)


def greg_to_hijri(day: dt.date) -> tuple[int, int, int]:
    """(year, month, day) of the Hijri date of a Gregorian day (Umm al-Qura)."""
    from hijridate import Gregorian

    h = Gregorian(day.year, day.month, day.day).to_hijri()
    return h.year, h.month, h.day


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def month_span(y: int, m: int, months: int) -> str:
    """ISO month range of ``months`` months from (y, m): ``2024-01/2024-03``."""
    y2, m2 = add_months(y, m, months - 1)
    return f"{y:04d}-{m:02d}/{y2:04d}-{m2:02d}"


def hijri_years_span(h1: int, h2: int) -> str:
    """Gregorian years of the Hijri years h1..h2 (a Hijri century or decade): ``1883/1980``."""
    first = hijri_to_greg(h1, 1, 1)
    last = hijri_to_greg(h2, 12, hijri_month_length(h2, 12))
    return f"{first.year:04d}/{last.year:04d}"


def holiday_day(cal: str, m: int, d: int, year: int) -> dt.date:
    """The Gregorian day of a holiday in a year of its own calendar."""
    return hijri_to_greg(year, m, d) if cal == "hijri" else dt.date(year, m, d)


def holiday_in_gregorian_year(cal: str, m: int, d: int, gy: int) -> dt.date | None:
    """The first day in the Gregorian year ``gy`` on which a holiday falls (a Hijri holiday may
    fall twice in one Gregorian year; the first is taken)."""
    if cal == "gregorian":
        return dt.date(gy, m, d)
    hy = hijri_year_in(gy, m, d)
    return None if hy is None else hijri_to_greg(hy, m, d)


def hijri_year_in(gy: int, m: int, d: int = 1) -> int | None:
    """The first Hijri year whose day ``d`` of month ``m`` falls in the Gregorian year ``gy``."""
    for hy in (gy - 580, gy - 579, gy - 578):
        if hijri_to_greg(hy, m, d).year == gy:
            return hy
    return None
