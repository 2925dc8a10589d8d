"""Decades, centuries, seasons, parts of a year and holidays: their parsing (:class:`PeriodParsing`,
mixed into :class:`~pipeline.extract.dates_atoms.AtomParser`) and their values
(:class:`PeriodValues`, mixed into :class:`~pipeline.extract.dates_resolve.Resolver`).

Values (README, dates section): a decade or century is its years (``1990/1999``, ``1901/2000``), a
season or part of a year its months (``2023-06/2023-08``, ``2024-01/2024-03``), a holiday its day.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Any

from ..document import Document
from .dates_calendar import (add_months, greg_to_hijri, hijri_years_span, holiday_day, holiday_in_gregorian_year,
                             month_span)
from .dates_model import SKIP, Atom
from .dates_text import next_word, prev_word

Explicit = list[tuple[int, int, str, int]]  # (view start, year, calendar, view end) of the written years, sorted
_PART_SIZES = {3: "quarter", 6: "half", 4: "third"}


class PeriodParsing:
    """The parsers of the period grammar (``regex_periods``); they use the shared pieces of
    :class:`~pipeline.extract.dates_atoms.AtomParser` (``lx``, ``_marker``, ``_set_part``)."""

    def _year_of(self, a: Atom, m: re.Match, p: str) -> bool:
        """Reads the year groups of a season, part of a year or holiday (``_year_of`` in the
        grammar): a written year, or an offset from the reference year in ``extra["year_rel"]``.
        False when no year was written."""
        g = m.group
        y = g(p + "_y") or g(p + "_y2")
        if y:
            a.y = int(y)
            a.explicit_year = True
            self._marker(a, g(p + "_mk"))
            return True
        if g(p + "_pe"):
            a.extra["year_rel"] = self.lx.relative[g(p + "_suf")]["offset"] if g(p + "_suf") else 0
            if g(p + "_same"):
                a.extra["same_year"] = True
            return True
        return False

    def _p_qu(self, m: re.Match, start: int, cl: str, vt: str) -> Atom | None:
        """A part of a year: "الربع الأول من 2024"، "النصف الثاني من العام"، "الأشهر الثلاثة الأولى"."""
        lx = self.lx
        g = m.group
        parts = lx.year_parts
        if g("qu_n"):
            size = parts[g("qu_n")]["value"]
            k = parts[g("qu_o")]["value"]
            first = 12 - size + 1 if k == -1 else (k - 1) * size + 1
        else:
            size = lx.numwords.get(g("qu_c"), 0)
            first = 1 if parts[g("qu_fl")]["value"] == 1 else 12 - size + 1
        if not 1 <= size <= 11 or not 1 <= first <= 13 - size:
            return None
        a = Atom(start, m.end(), "year_part", "date.year_part", m=first, count=size, evidence=g("qu_n") or g("qu_mn"))
        self._year_of(a, m, "qu")
        if a.y is not None and not 1800 <= a.y <= 2200:
            return None
        return a

    def _p_se(self, m: re.Match, start: int, cl: str, vt: str) -> Atom | None:
        """A season with its year or a suffix: "صيف 2023"، "الصيف الماضي"، "خريف العام المقبل"،
        "هذا الشتاء". A bare season (في الصيف ترتفع الحرارة) is no date."""
        lx = self.lx
        g = m.group
        info = lx.seasons[g("se_n")]
        a = Atom(start, m.end(), "season", "date.season", m=info["first_month"], count=3, evidence=g("se_n"))
        a.extra["season"] = info["season"]
        a.extra["_year_shift"] = info["year_shift"]
        if g("se_ssuf"):
            a.suf = lx.relative[g("se_ssuf")]["offset"]
        elif g("se_th0"):
            a.suf = 0
        elif not self._year_of(a, m, "se"):
            return None
        if a.y is not None and not 1800 <= a.y <= 2200:
            return None
        self._set_part(a, g("se_pt"))
        return a

    def _century_of(self, a: Atom, m: re.Match, p: str) -> bool:
        """Reads the century groups (``_century`` in the grammar) into ``extra``; False when the
        century is not one (القرن 0)."""
        g = m.group
        if g(p + "_cn"):
            a.extra["century"] = self.lx.ordinals[g(p + "_cn")]
        elif g(p + "_cd"):
            a.extra["century"] = int(g(p + "_cd"))
            if not 1 <= a.extra["century"] <= 22:
                return False
        else:
            a.suf = self.lx.relative[g(p + "_cs")]["offset"]
        if g(p + "_era") and g(p + "_era") in self.lx.markers["era_hijri"]:
            a.cal = "hijri"
        if g(p + "_bce"):
            a.extra["bce"] = True
        return True

    def _p_dc(self, m: re.Match, start: int, cl: str, vt: str) -> Atom | None:
        """A decade: "التسعينيات"، "ثمانينيات القرن الماضي"، "الخمسينيات من القرن العشرين"."""
        lx = self.lx
        g = m.group
        a = Atom(start, m.end(), "decade", "date.decade", count=lx.decades[g("dc_w")], evidence=g("dc_w"))
        if g("dc_cn") or g("dc_cd") or g("dc_cs"):
            if not self._century_of(a, m, "dc"):
                return None
        else:
            # "في الثمانينيات من عمره" is an age
            nxt = next_word(vt, m.end())
            if nxt in lx.markers["of"] and next_word(vt, vt.index(nxt, m.end()) + len(nxt)) in lx.context("decade_age"):
                return SKIP
        self._set_part(a, g("dc_pt"))
        return a

    def _p_ce(self, m: re.Match, start: int, cl: str, vt: str) -> Atom | None:
        """A century: "القرن العشرين"، "القرن الماضي"، "القرن الرابع الهجري"."""
        a = Atom(start, m.end(), "century", "date.century", evidence=m.group("ce"))
        if not self._century_of(a, m, "ce"):
            return None
        self._set_part(a, m.group("ce_pt"))
        return a

    def _p_ho(self, m: re.Match, start: int, cl: str, vt: str) -> Atom | None:
        """A holiday or named day: "عيد الفطر 1445"، "عيد الأضحى الماضي"، "ثاني أيام عيد الفطر"."""
        lx = self.lx
        g = m.group
        h = lx.holidays[g("ho_n")]
        if h["birthday_guard"] and not (g("ho_y") or g("ho_ssuf")):
            nxt = next_word(vt, m.end())
            bare = nxt[2:] if nxt[:2] == "ال" else nxt
            if bare.isdigit() or nxt in lx.ordinals or bare in lx.numwords:
                return None  # "عيد الميلاد الأربعين": a birthday
            prev = prev_word(vt, m.start())
            if {prev, prev[1:] if prev[:1] in ("و", "ف", "ب", "ل") else prev} & lx.context("birthday_before"):
                return None  # "حفل عيد الميلاد": a birthday party
        a = Atom(start, m.end(), "holiday", "date.holiday", h["calendar"], m=h["month"], d=h["day"],
                 evidence=g("ho_n"))
        a.extra["holiday"] = h["holiday"]
        if h["approximate"]:
            a.extra["approximate"] = True
        if g("ho_day"):
            a.rel = lx.relative[g("ho_day")]["offset"]
        if g("ho_ssuf"):
            a.suf = lx.relative[g("ho_ssuf")]["offset"]
        else:
            self._year_of(a, m, "ho")
        return a


class PeriodValues:
    """The values of periods and holidays; they use the reference-date helpers of
    :class:`~pipeline.extract.dates_resolve.Resolver` (``lx``, ``tense``, ``_nearby``)."""

    def _ref_year(self, doc: Document, a: Atom, explicit: Explicit, cal: str = "gregorian") -> int | None:
        """The year of a season, part of a year or holiday written without one: the reference year
        moved by ``year_rel`` (العام الماضي), else the nearest written year (no reference)."""
        ref = doc.reference_date
        if a.extra.get("same_year"):
            return self._previous_year(doc, a, explicit, cal)
        if ref is not None:
            base = greg_to_hijri(ref)[0] if cal == "hijri" else ref.year
            return base + a.extra.get("year_rel", 0)
        if "year_rel" in a.extra:
            return None  # "العام الماضي" needs the reference date
        y = self._nearby(doc, a, explicit, cal)
        if y is not None:
            a.extra["_year_source"] = "nearby_date"
        return y

    def _previous_year(self, doc: Document, a: Atom, explicit: Explicit, cal: str = "gregorian") -> int | None:
        """ "في العام نفسه"، "خريف العام ذاته": the year written last before, whatever the
        reference date (``year_source`` ``nearby_date``, with the date it was written in)."""
        i = bisect.bisect_left(explicit, (a.ns,))
        for e in reversed(explicit[:i]):
            if e[2] == cal:
                s, t = doc.view.to_original(e[0], e[3])
                a.extra["year_source_text"] = doc.text[s:t]
                a.extra["_year_source"] = "nearby_date"
                return e[1]
        return None

    def _century_number(self, doc: Document, a: Atom) -> int | None:
        if "century" in a.extra:
            return a.extra["century"]
        ref = doc.reference_date
        if ref is None:
            return None
        year = greg_to_hijri(ref)[0] if a.cal == "hijri" else ref.year
        a.extra["_year_source"] = "reference"
        return (year - 1) // 100 + 1 + (a.suf or 0)

    def _v_decade(self, doc: Document, a: Atom, explicit: Explicit) -> tuple[str | None, dict]:
        """A decade is its ten years: التسعينيات → 1990/1999 (a decade without a century is in the
        twentieth century: ``year_source`` ``default_century``)."""
        extra: dict[str, Any] = {"granularity": "decade"}
        if "century" in a.extra or a.suf is not None:
            n = self._century_number(doc, a)
        else:
            n = 20
            a.extra["_year_source"] = "default_century"
        if n is None or a.extra.get("bce") or n < 1:
            return None, extra
        start = (n - 1) * 100 + a.count
        if a.cal == "hijri":
            extra["calendar"] = "hijri"
            extra["hijri"] = f"{start:04d}/{start + 9:04d}"
            return hijri_years_span(start, start + 9), extra
        return f"{start:04d}/{start + 9:04d}", extra

    def _v_century(self, doc: Document, a: Atom, explicit: Explicit) -> tuple[str | None, dict]:
        """A century is its hundred years: القرن العشرين → 1901/2000; a Hijri century is the
        Gregorian years it spans (القرن الرابع الهجري → 0913/1010)."""
        extra: dict[str, Any] = {"granularity": "century"}
        n = self._century_number(doc, a)
        if n is None or a.extra.get("bce") or n < 1:
            return None, extra
        first, last = (n - 1) * 100 + 1, n * 100
        if a.cal == "hijri":
            extra["calendar"] = "hijri"
            extra["hijri"] = f"{first:04d}/{last:04d}"
            return hijri_years_span(first, last), extra
        return f"{first:04d}/{last:04d}", extra

    def _v_season(self, doc: Document, a: Atom, explicit: Explicit) -> tuple[str | None, dict]:
        """A season is its three months (صيف 2023 → 2023-06/2023-08; شتاء 2024 → 2023-12/2024-02);
        with a suffix, the last (الماضي), next (المقبل) or current (هذا) one from the reference."""
        extra: dict[str, Any] = {"granularity": "season", "season": a.extra["season"]}
        shift = a.extra["_year_shift"]
        if a.y is None and a.suf is not None:
            ref = doc.reference_date
            if ref is None:
                extra["relative"] = True
                return None, extra
            label = self._season_label(ref, a.m, shift, a.suf)
            a.extra["_year_source"] = "reference"
        else:
            label = a.y if a.y is not None else self._ref_year(doc, a, explicit)
        if label is None:
            return None, extra
        return month_span(label + shift, a.m, 3), extra

    @staticmethod
    def _season_label(ref: dt.date, first: int, shift: int, suf: int) -> int:
        """The year of the season a suffix points to: the last one over (−1), the next one to begin
        (+1), or the one nearest the reference date (0)."""
        spans = []
        for label in range(ref.year - 2, ref.year + 3):
            y0, m0 = label + shift, first
            y1, m1 = add_months(y0, m0, 3)
            spans.append((label, dt.date(y0, m0, 1), dt.date(y1, m1, 1) - dt.timedelta(days=1)))
        if suf == -1:
            return max(lb for lb, s, e in spans if e < ref)
        if suf == 1:
            return min(lb for lb, s, e in spans if s > ref)
        return min(spans, key=lambda x: (0 if x[1] <= ref <= x[2] else min(abs((x[1] - ref).days),
                                                                           abs((x[2] - ref).days))))[0]

    def _v_year_part(self, doc: Document, a: Atom, explicit: Explicit) -> tuple[str | None, dict]:
        """A quarter, half or third of a year is its months: الربع الأول من 2024 → 2024-01/2024-03."""
        extra: dict[str, Any] = {"granularity": _PART_SIZES.get(a.count, "months")}
        y = a.y if a.y is not None else self._ref_year(doc, a, explicit)
        if y is None:
            return None, extra
        return month_span(y, a.m, a.count), extra

    def _v_holiday(self, doc: Document, a: Atom, explicit: Explicit) -> tuple[str | None, dict]:
        """A holiday's day: in the year written (a Hijri year for a Hijri holiday, or the first time
        it falls in a Gregorian year), else the occurrence the suffix, the tense or the nearness to
        the reference date points to. ``rel`` moves to a later day (ثاني أيام العيد)."""
        extra: dict[str, Any] = {"granularity": "day", "holiday": a.extra["holiday"]}
        try:
            day = self._holiday_day(doc, a, explicit)
        except (ValueError, OverflowError):
            day = None
        if day is None:
            return None, extra
        day += dt.timedelta(days=a.rel or 0)
        if a.cal == "hijri":
            extra["calendar"] = "hijri"
            hy, hm, hd = greg_to_hijri(day) if day.year >= 1925 else (None, None, None)
            if hy:
                extra["hijri"] = f"{hy:04d}-{hm:02d}-{hd:02d}"
        return day.isoformat(), extra

    def _holiday_day(self, doc: Document, a: Atom, explicit: Explicit) -> dt.date | None:
        if a.y is not None:
            if a.cal == "hijri" and (a.y < 1600 or a.extra.get("marker") in self.lx.markers["hijri"]):
                return holiday_day("hijri", a.m, a.d, a.y)
            return holiday_in_gregorian_year(a.cal, a.m, a.d, a.y) if a.y >= 1600 else None
        ref = doc.reference_date
        if ref is None or "year_rel" in a.extra:
            gy = self._ref_year(doc, a, explicit)
            return holiday_in_gregorian_year(a.cal, a.m, a.d, gy) if gy else None
        a.extra["_year_source"] = "reference"
        base = greg_to_hijri(ref)[0] if a.cal == "hijri" else ref.year
        days = sorted(holiday_day(a.cal, a.m, a.d, y) for y in (base - 1, base, base + 1))
        tense = {-1: "past", 1: "future"}.get(a.suf) if a.suf is not None else self.tense(doc, a.ns)
        if tense == "past":
            return max(d for d in days if d <= ref)
        if tense == "future":
            return min(d for d in days if d >= ref)
        return min(days, key=lambda d: (abs((d - ref).days), d < ref))
