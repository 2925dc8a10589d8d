"""Resolution of date atoms to ISO 8601 values.

* explicit dates as written (Hijri converted with hijridate, Umm al-Qura);
* a missing year from the reference date (with الماضي/المقبل, or the tense of the sentence,
  choosing the past or next occurrence), else from the nearest explicit year of the document;
* relative expressions only against ``doc.reference_date``; without it the value is ``None``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Any

from ..document import Document
from .dates_atoms import Atom
from .dates_calendar import UQ_YEARS, add_months, greg_to_hijri, hijri_month_length, hijri_to_greg
from .dates_lexicon import DateLexicon

_WORD_RE = re.compile(r"[^\W\d_]+|\d+")
_SENT_BOUND = re.compile(r"(?<!\d)[.!?؟](?!\d)|\n")
_GOVERNS = 12  # a tense cue at most this many characters before a date governs it
_NEAR_DAYS = 45  # a date this close to the reference keeps the reference year whatever the tense

Explicit = list[tuple[int, int, str]]  # (view position, year, calendar) of the written years, sorted


class Resolver:
    """Values of atoms against a document's reference date and written years."""

    def __init__(self, lx: DateLexicon) -> None:
        self.lx = lx
        from .common import zipf

        self._zipf = zipf
        zipf("في")  # load wordfreq now, not while running
        self._valuers = {"relday": self._v_relday, "weekday": self._v_weekday, "period": self._v_period,
                         "offset": self._v_offset}

    # ------------------------------------------------------------------ tense
    def tense(self, doc: Document, npos: int) -> str | None:
        """'past' / 'future' / None from the cue words nearest to a view position in its sentence."""
        found = self.tense_cue(doc, npos)
        return found[0] if found else None

    def tense_cue(self, doc: Document, npos: int) -> tuple[str, int] | None:
        """(tense, distance in characters) of the cue word nearest to a view position in its sentence."""
        vt = doc.view.text
        bounds = doc.meta.get("_date_bounds")
        if bounds is None or bounds[0] != len(vt):
            bounds = (len(vt), [m.start() for m in _SENT_BOUND.finditer(vt)])
            doc.meta["_date_bounds"] = bounds
        marks = bounds[1]
        i = bisect.bisect_left(marks, npos)
        lo = marks[i - 1] + 1 if i else 0
        hi = marks[i] if i < len(marks) else len(vt)
        # the governing verb usually comes first: the nearest cue before the date wins, else the nearest after
        before: tuple[int, str] | None = None
        after: tuple[int, str] | None = None
        for w in _WORD_RE.finditer(vt, lo, hi):
            if w.start() <= npos < w.end():
                continue
            cue = self._cue(w.group())
            if cue:
                if w.start() < npos:
                    before = (npos - w.start(), cue)
                elif after is None:
                    after = (w.start() - npos, cue)
        best = before or after
        return (best[1], best[0]) if best else None

    def _cue(self, word: str) -> str | None:
        stem = word[1:] if word[:1] in "وف" and len(word) > 3 else word
        if word in self.lx.future or stem in self.lx.future or self._future_prefixed(stem):
            return "future"
        if word in self.lx.past or stem in self.lx.past:
            return "past"
        return None

    def _future_prefixed(self, word: str) -> bool:
        """سـ + imperfect verb (سيغيب، ستعقد، سنعمل): the rest is itself a frequent word."""
        if len(word) < 5 or word[0] != "س" or word[1] not in "يتنا":
            return False
        return self._zipf(word[1:]) >= 2.5 and self._zipf(word[1:]) > self._zipf(word)

    # ------------------------------------------------------------------ missing years
    @staticmethod
    def nearest_year(explicit: Explicit, pos: int, cal: str) -> int | None:
        """The explicit year of the calendar ``cal`` nearest to a position (``explicit`` sorted)."""
        i = bisect.bisect_left(explicit, (pos,))
        best = None
        for j in range(i - 1, -1, -1):
            if explicit[j][2] == cal:
                best = (pos - explicit[j][0], explicit[j][1])
                break
        for j in range(i, len(explicit)):
            if explicit[j][2] == cal:
                if best is None or explicit[j][0] - pos < best[0]:
                    best = (explicit[j][0] - pos, explicit[j][1])
                break
        return best[1] if best else None

    def year_for(self, doc: Document, a: Atom, explicit: Explicit) -> tuple[int | None, bool]:
        """Year of a day/month without one: (year, guessed)."""
        ref = doc.reference_date
        if ref is None:
            return self.nearest_year(explicit, a.ns, "hijri" if a.cal == "hijri" else "gregorian"), True
        ry, rm, rd = greg_to_hijri(ref) if a.cal == "hijri" else (ref.year, ref.month, ref.day)
        key = (a.m, a.d or (1 if a.suf != -1 else 31))
        refkey = (rm, rd) if a.d else (rm, 0 if a.suf == 1 else 32)
        if a.suf == 1:
            return (ry if key > refkey else ry + 1), False
        if a.suf == -1:
            return (ry if key < refkey else ry - 1), False
        if a.suf == 0:
            return ry, False
        cue = self.tense_cue(doc, a.ns)
        if cue is None:
            return ry, False
        tense, dist = cue
        # days between the reference and the date in the reference year (months count as 30 days)
        gap = (a.m - rm) * 30 + ((a.d or 15) - rd)
        if tense == "past" and a.m > rm and (not a.d or dist <= _GOVERNS):
            # a month that has not begun, or a day a nearby past verb governs ("أعلن في 12 ديسمبر"),
            # cannot lie ahead of the reference: last year's
            return ry - 1, True
        if tense == "past" and gap > _NEAR_DAYS:
            return ry - 1, True  # reported in the past tense, months ahead: last year's
        if tense == "future" and gap < -_NEAR_DAYS:
            return ry + 1, True  # announced in the future tense, months behind: next year's
        return ry, False

    # ------------------------------------------------------------------ values
    def value(self, doc: Document, a: Atom, explicit: Explicit) -> tuple[str | None, dict]:
        """ISO value and extras of one atom (not a range)."""
        if a.extra.get("relative_month"):
            return self._v_relative_month(doc, a)
        if a.kind in ("date", "month"):
            return self._v_date(doc, a, explicit)
        if a.kind == "year":
            return self._v_year(a)
        extra: dict[str, Any] = {"relative": True}
        if doc.reference_date is None or a.kind not in self._valuers:
            return None, extra
        return self._valuers[a.kind](doc, a, extra)

    def _v_relative_month(self, doc: Document, a: Atom) -> tuple[str | None, dict]:
        """ "5 من الشهر الجاري": a day of the month the reference date points to."""
        ref = doc.reference_date
        extra: dict[str, Any] = {"relative": True, "granularity": "day"}
        if ref is None:
            return None, extra
        y, mo = add_months(ref.year, ref.month, a.suf or 0)
        try:
            day = dt.date(y, mo, a.d)
            day2 = dt.date(y, mo, a.d2) if a.d2 else None
        except ValueError:
            return None, extra
        self.weekday_check(a, day, extra)
        if day2:
            return f"{day.isoformat()}/{day2.isoformat()}", extra
        return day.isoformat(), extra

    def _v_date(self, doc: Document, a: Atom, explicit: Explicit) -> tuple[str | None, dict]:
        """A day or a month, its missing year resolved first."""
        extra: dict[str, Any] = {}
        y = a.y
        if y is None:
            y, guessed = self.year_for(doc, a, explicit)
            if y is None:
                return None, {"granularity": "day" if a.kind == "date" else "month"}
            if a.wd is not None and a.d and a.cal == "gregorian" and a.suf is None:
                y = self._year_from_weekday(a, y, extra)
            if guessed:
                extra["year_from"] = "document" if doc.reference_date is None else "tense"
            else:
                extra["year_from"] = "reference"
        if a.cal == "hijri":
            return self.hijri_value(a, y, extra)
        if a.kind == "month":
            extra["granularity"] = "month"
            return f"{y:04d}-{a.m:02d}", extra
        try:
            day = dt.date(y, a.m, a.d)
        except ValueError:
            return None, {"granularity": "day", "invalid": True}
        extra["granularity"] = "day"
        self.weekday_check(a, day, extra)
        if a.d2:
            try:
                d2 = dt.date(y, a.m, a.d2)
            except ValueError:
                return None, extra
            return f"{day.isoformat()}/{d2.isoformat()}", extra
        return day.isoformat(), extra

    @staticmethod
    def _year_from_weekday(a: Atom, y: int, extra: dict) -> int:
        """The weekday written with the date decides between neighbouring years."""
        for cand in (y, y - 1, y + 1):
            try:
                if dt.date(cand, a.m, a.d).weekday() == a.wd:
                    if cand != y:
                        extra["year_from_weekday"] = True
                    return cand
            except ValueError:
                continue
        return y

    def _v_year(self, a: Atom) -> tuple[str | None, dict]:
        extra: dict[str, Any] = {}
        if a.cal == "hijri":
            return self.hijri_value(a, a.y, extra)
        extra["granularity"] = "year"
        if a.y2:
            return f"{a.y:04d}/{a.y2:04d}", extra
        return f"{a.y:04d}", extra

    def _v_relday(self, doc: Document, a: Atom, extra: dict) -> tuple[str | None, dict]:
        day = doc.reference_date + dt.timedelta(days=a.rel or 0)
        extra["granularity"] = "day"
        self.weekday_check(a, day, extra)
        return day.isoformat(), extra

    def _v_weekday(self, doc: Document, a: Atom, extra: dict) -> tuple[str | None, dict]:
        ref = doc.reference_date
        tense = "future" if a.suf == 1 else "past" if a.suf == -1 else self.tense(doc, a.ns)
        delta = (a.wd - ref.weekday()) % 7
        if tense == "future":
            delta = delta or 7
        elif tense == "past":
            # an explicit الماضي on the reference weekday means a week ago; a past verb
            # alone ("أعلن ... الثلاثاء" in a Tuesday article) means that very day
            delta = delta - 7 if delta else (-7 if a.suf == -1 else 0)
        elif delta > 3:
            delta -= 7
        extra["granularity"] = "day"
        if tense:
            extra["tense"] = tense
        return (ref + dt.timedelta(days=delta)).isoformat(), extra

    def _v_period(self, doc: Document, a: Atom, extra: dict) -> tuple[str | None, dict]:
        ref = doc.reference_date
        off = a.suf or 0
        if a.unit == "week":
            monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=off)
            extra["granularity"] = "week"
            return f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}", extra
        if a.unit == "month":
            y, mo = add_months(ref.year, ref.month, off)
            extra["granularity"] = "month"
            return f"{y:04d}-{mo:02d}", extra
        extra["granularity"] = "year"
        return f"{ref.year + off:04d}", extra

    def _v_offset(self, doc: Document, a: Atom, extra: dict) -> tuple[str | None, dict]:
        ref = doc.reference_date
        if a.unit in ("day", "week"):
            extra["granularity"] = "day"
            return (ref + dt.timedelta(days=a.count * (7 if a.unit == "week" else 1))).isoformat(), extra
        if a.unit == "month":
            y, mo = add_months(ref.year, ref.month, a.count)
            extra["granularity"] = "month"
            return f"{y:04d}-{mo:02d}", extra
        extra["granularity"] = "year"
        return f"{ref.year + a.count:04d}", extra

    @staticmethod
    def weekday_check(a: Atom, day: dt.date, extra: dict) -> None:
        if a.wd is not None:
            extra["weekday_agrees"] = day.weekday() == a.wd
            if day.weekday() != a.wd:
                extra["weekday_mismatch"] = True

    # ------------------------------------------------------------------ Hijri
    def hijri_value(self, a: Atom, y: int, extra: dict) -> tuple[str | None, dict]:
        extra["calendar"] = "hijri"
        if y >= 1600 and "marker" not in a.extra:
            # a Hijri month with a Gregorian year (رمضان 2024): the Hijri year whose month starts then
            for h in (y - 580, y - 579, y - 578):
                if hijri_to_greg(h, a.m, 1).year == y:
                    y = h
                    break
            else:
                return None, extra
            extra["year_calendar"] = "gregorian"
        if not UQ_YEARS[0] <= y <= UQ_YEARS[1]:
            extra["conversion"] = "tabular"
        try:
            return self._hijri_span(a, y, extra)
        except (ValueError, OverflowError):
            extra["invalid"] = True
            return None, extra

    def _hijri_span(self, a: Atom, y: int, extra: dict) -> tuple[str | None, dict]:
        if a.kind == "date":
            g1 = hijri_to_greg(y, a.m, a.d)
            extra["hijri"] = f"{y:04d}-{a.m:02d}-{a.d:02d}"
            extra["granularity"] = "day"
            self.weekday_check(a, g1, extra)
            if a.d2:
                g2 = hijri_to_greg(y, a.m, a.d2)
                return f"{g1.isoformat()}/{g2.isoformat()}", extra
            return g1.isoformat(), extra
        if a.kind == "month":
            extra["hijri"] = f"{y:04d}-{a.m:02d}"
            extra["granularity"] = "month"
            first = hijri_to_greg(y, a.m, 1)
            last = hijri_to_greg(y, a.m, hijri_month_length(y, a.m))
            return f"{first.isoformat()}/{last.isoformat()}", extra
        extra["hijri"] = f"{y:04d}"
        extra["granularity"] = "year"
        first = hijri_to_greg(y, 1, 1)
        last = hijri_to_greg(y, 12, hijri_month_length(y, 12))
        return f"{first.isoformat()}/{last.isoformat()}", extra
