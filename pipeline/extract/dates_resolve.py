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
from .dates_calendar import UQ_YEARS, add_months, greg_to_hijri, hijri_month_length, hijri_to_greg, hijri_year_in
from .dates_lexicon import DateLexicon
from .dates_model import Atom
from .dates_periods import Explicit, PeriodValues
from .dates_text import prev_word

_WORD_RE = re.compile(r"[^\W\d_]+|\d+")
_SENT_BOUND = re.compile(r"(?<!\d)[.!?؟](?!\d)|\n")
_GOVERNS = 12  # a tense cue at most this many characters before a date governs it
_NEAR_DAYS = 45  # a date this close to the reference keeps the reference year whatever the tense



class Resolver(PeriodValues):
    """Values of atoms against a document's reference date and written years."""

    def __init__(self, lx: DateLexicon) -> None:
        self.lx = lx
        from .common import zipf

        self._zipf = zipf
        zipf("في")  # load wordfreq now, not while running
        self._valuers = {"relday": self._v_relday, "weekday": self._v_weekday, "period": self._v_period,
                         "offset": self._v_offset}
        # kinds valued with or without a reference date
        self._periods = {"decade": self._v_decade, "century": self._v_century, "season": self._v_season,
                         "year_part": self._v_year_part, "holiday": self._v_holiday}

    # ------------------------------------------------------------------ tense
    def tense(self, doc: Document, npos: int) -> str | None:
        """'past' / 'future' / None from the cue words nearest to a view position in its sentence."""
        found = self.tense_cue(doc, npos)
        return found[0] if found else None

    def tense_cue(self, doc: Document, npos: int) -> tuple[str, int, bool] | None:
        """(tense, distance in characters, governs) of the cue word nearest to a view position in
        its sentence. The cues of the date's own clause come first (the nearest before it, else the
        nearest after); a complementizer (أن، إن) opens a clause, and a cue of the main clause
        before it is used only when the date's clause has none, and never governs the date
        (``governs`` False: "أعلنت أن غرة رمضان …" is no past date)."""
        vt = doc.view.text
        bounds = doc.meta.get("_date_bounds")
        if bounds is None or bounds[0] != len(vt):
            bounds = (len(vt), [m.start() for m in _SENT_BOUND.finditer(vt)])
            doc.meta["_date_bounds"] = bounds
        marks = bounds[1]
        i = bisect.bisect_left(marks, npos)
        lo = marks[i - 1] + 1 if i else 0
        hi = marks[i] if i < len(marks) else len(vt)
        before: tuple[int, str] | None = None
        after: tuple[int, str] | None = None
        main: tuple[int, str] | None = None
        for w in _WORD_RE.finditer(vt, lo, hi):
            if w.start() <= npos < w.end():
                continue
            if w.start() < npos and w.group() in self.lx.clause:
                main, before = before or main, None
                continue
            cue = self._cue(w.group())
            if cue:
                if w.start() < npos:
                    before = (npos - w.start(), cue)
                elif after is None:
                    after = (w.start() - npos, cue)
        best = before or after
        if best:
            return best[1], best[0], True
        return (main[1], main[0], False) if main else None

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
    def nearest(explicit: Explicit, pos: int, cal: str) -> tuple | None:
        """The entry of ``explicit`` (sorted) of the calendar ``cal`` nearest to a position."""
        i = bisect.bisect_left(explicit, (pos,))
        best = None
        for j in range(i - 1, -1, -1):
            if explicit[j][2] == cal:
                best = (pos - explicit[j][0], explicit[j])
                break
        for j in range(i, len(explicit)):
            if explicit[j][2] == cal:
                if best is None or explicit[j][0] - pos < best[0]:
                    best = (explicit[j][0] - pos, explicit[j])
                break
        return best[1] if best else None

    @classmethod
    def nearest_year(cls, explicit: Explicit, pos: int, cal: str) -> int | None:
        """The explicit year of the calendar ``cal`` nearest to a position (``explicit`` sorted)."""
        e = cls.nearest(explicit, pos, cal)
        return e[1] if e else None

    def _nearby(self, doc: Document, a: Atom, explicit: Explicit, cal: str) -> int | None:
        """The nearest written year; records the date it was written in (``year_source_text``)."""
        e = self.nearest(explicit, a.ns, cal)
        if e is None:
            return None
        if len(e) > 3:
            s, t = doc.view.to_original(e[0], e[3])
            a.extra["year_source_text"] = doc.text[s:t]
        return e[1]

    def year_for(self, doc: Document, a: Atom, explicit: Explicit) -> tuple[int | None, str]:
        """Year of a day/month without one, and where it came from: ``reference`` (the reference
        year, or the next or last one a suffix points to), ``tense`` (moved by the tense of the
        sentence) or ``nearby_date`` (the nearest written year, without a reference date)."""
        ref = doc.reference_date
        if ref is None:
            return self._nearby(doc, a, explicit, "hijri" if a.cal == "hijri" else "gregorian"), "nearby_date"
        ry, rm, rd = greg_to_hijri(ref) if a.cal == "hijri" else (ref.year, ref.month, ref.day)
        key = (a.m, a.d or (1 if a.suf != -1 else 31))
        refkey = (rm, rd) if a.d else (rm, 0 if a.suf == 1 else 32)
        if a.suf == 1:
            return (ry if key > refkey else ry + 1), "reference"
        if a.suf == -1:
            return (ry if key < refkey else ry - 1), "reference"
        if a.suf == 0:
            return ry, "reference"
        cue = self.tense_cue(doc, a.ns)
        if cue is None:
            return ry, "reference"
        tense, dist, governs = cue
        # days between the reference and the date in the reference year (months count as 30 days)
        gap = (a.m - rm) * 30 + ((a.d or 15) - rd)
        if tense == "past" and a.m > rm and (not a.d or (governs and dist <= _GOVERNS)) \
                and not (gap <= _NEAR_DAYS and self._before_word(doc.view.text, a.ns)):
            # a month that has not begun, or a day a nearby past verb governs ("أعلن في 12 ديسمبر"),
            # cannot lie ahead of the reference: last year's
            return ry - 1, "tense"
        if tense == "past" and gap > _NEAR_DAYS:
            return ry - 1, "tense"  # reported in the past tense, months ahead: last year's
        if tense == "future" and gap < -_NEAR_DAYS:
            return ry + 1, "tense"  # announced in the future tense, months behind: next year's
        return ry, "reference"

    def _before_word(self, vt: str, pos: int) -> bool:
        """ "قبيل شهر رمضان": what happened before a month may be past while the month is ahead."""
        prev = prev_word(vt, pos)
        words = self.lx.context("before_month")
        return prev in words or (prev[:1] in ("و", "ف") and prev[1:] in words)

    # ------------------------------------------------------------------ values
    def value(self, doc: Document, a: Atom, explicit: Explicit) -> tuple[str | None, dict]:
        """ISO value and extras of one atom (not a range), with ``year_source`` and, for a part of
        a period, ``approximate``."""
        value, extra = self._value(doc, a, explicit)
        if a.part:
            value = self._part_value(a, value, extra)
        if value is not None and "year_source" not in extra:
            relative = extra.get("relative") or "year_rel" in a.extra
            extra["year_source"] = a.extra.get("_year_source") or ("reference" if relative else "text")
        if "year_source_text" in a.extra and extra.get("year_source") == "nearby_date":
            extra["year_source_text"] = a.extra["year_source_text"]
        for k in ("event", "approximate"):
            if k in a.extra:
                extra[k] = a.extra[k]
        return value, extra

    def _value(self, doc: Document, a: Atom, explicit: Explicit) -> tuple[str | None, dict]:
        if a.extra.get("relative_month"):
            return self._v_relative_month(doc, a)
        if a.extra.get("month_from_weekday"):
            return self._v_weekday_ordinal(doc, a)
        if a.kind in ("date", "month"):
            return self._v_date(doc, a, explicit)
        if a.kind == "year":
            return self._v_year(a)
        if a.kind in self._periods:
            return self._periods[a.kind](doc, a, explicit)
        extra: dict[str, Any] = {"relative": True}
        if a.extra.get("same_year"):
            a.extra["_same"] = self._previous_year(doc, a, explicit)
            extra.pop("relative")
        elif doc.reference_date is None or a.kind not in self._valuers:
            return None, extra
        return self._valuers[a.kind](doc, a, extra)

    @staticmethod
    def _part_value(a: Atom, value: str | None, extra: dict) -> str | None:
        """A part of a period (مطلع، منتصف، أواخر، نهاية) is the unit it points into, approximately;
        the point words مطلع/بداية/مستهل and نهاية/ختام narrow a Gregorian year to its first or last
        month (مطلع العام → 2024-01, نهاية 2025 → 2025-12; أواخر 2023 → 2023)."""
        extra["approximate"] = True
        narrow = a.extra.get("narrow")
        if narrow and value and len(value) == 4 and value.isdigit() and extra.get("calendar") != "hijri":
            extra["granularity"] = "month"
            return f"{value}-{'01' if narrow == 'first' else '12'}"
        return value

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
            y, how = self.year_for(doc, a, explicit)
            if y is None:
                return None, {"granularity": "day" if a.kind == "date" else "month"}
            if a.wd is not None and a.d and a.cal == "gregorian" and a.suf is None:
                y = self._year_from_weekday(a, y, extra)
            extra["year_source"] = "reference" if how == "tense" else how
            if how == "tense":
                extra["year_from_tense"] = True
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
            if "wd2" in a.extra and d2.weekday() != a.extra["wd2"]:
                extra["weekday_mismatch"] = True
            return f"{day.isoformat()}/{d2.isoformat()}", extra
        return day.isoformat(), extra

    def _v_weekday_ordinal(self, doc: Document, a: Atom) -> tuple[str | None, dict]:
        """ "يوم السبت السادس عشر": the day of the previous, current or next month that falls on
        the weekday, the nearest to the reference date (else the reference month's)."""
        ref = doc.reference_date
        extra: dict[str, Any] = {"granularity": "day", "relative": True}
        if ref is None:
            return None, extra
        best = None
        for k in (0, -1, 1):
            y, mo = add_months(ref.year, ref.month, k)
            try:
                day = dt.date(y, mo, a.d)
            except ValueError:
                continue
            if day.weekday() == a.wd and (best is None or abs(day - ref) < abs(best - ref)):
                best = day
        if best is None:
            try:
                best = dt.date(ref.year, ref.month, a.d)
            except ValueError:
                return None, extra
            extra["weekday_mismatch"] = True
        extra["weekday_agrees"] = best.weekday() == a.wd
        return best.isoformat(), extra

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
        if a.extra.get("same_year") and a.unit == "year":
            y = a.extra.get("_same")
            extra["granularity"] = "year"
            return (f"{y:04d}", extra) if y else (None, extra)
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
        extra["granularity"] = "year"  # years, decades (منذ عقدين) and centuries count in years
        return f"{ref.year + a.count * {'decade': 10, 'century': 100}.get(a.unit, 1):04d}", extra

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
            h = hijri_year_in(y, a.m)
            if h is None:
                return None, extra
            y = h
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
