"""Date extraction: every common way Arabic news writes a date, normalized to ISO 8601.

One combined regex (built from data in :mod:`pipeline.extract.dates_lexicon`) runs over the
normalized view and yields *atoms* (a day-month-year, a numeric date, a month, a year, a
weekday or relative day, a relative period, an offset such as ``منذ ثلاثة أيام``). A second
pass joins atoms into ranges (``من … إلى …``, ``بين … و…``, ``… - …``) and pairs a Hijri date
with its Gregorian equivalent (``الموافق``). A third pass gives every atom its value:

* explicit dates as written (Hijri converted with hijridate, Umm al-Qura);
* a missing year from the reference date (with الماضي/المقبل, or the tense of the sentence,
  choosing the past or next occurrence), else from the nearest explicit year of the document;
* relative expressions only against ``doc.reference_date``; without it the value is ``None``.

Stage ``reference`` (:class:`DatelineDetector`) reads the dateline at the top of an article
(``المدينة، 12 مارس 2024 (وكالة) -``) when no reference date was given.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..document import Document
from ..normalize import normalize
from ..resources import load_proclitics, load_table
from .dates_lexicon import DateLexicon, date_lexicon, words_to_number

_WORD_RE = re.compile(r"[^\W\d_]+|\d+")
_GOVERNS = 12  # a tense cue at most this many characters before a date governs it
_NEAR_DAYS = 45  # a date this close to the reference keeps the reference year whatever the tense
_SKIP: Any = object()  # _parse: "no date here, and skip the whole match"
_SENT_BOUND = re.compile(r"(?<!\d)[.!?؟](?!\d)|\n")
_DATELINE_TAIL = re.compile(r"[ ]?(?:\([^()\n]{1,60}\)[ ]?)?(?:-{1,2}|–|—|:)|[ ]?/[ ]?[^/\d\n]{2,30}[ ]?/")
_DATELINE_PLACE = re.compile(r"^[ \n]*[^\W\d_]+(?:[ ][^\W\d_]+){0,3}(?:[ ]?[،,\-–])?[ ]?(?:في[ ])?$")
# KUNA style: "الكويت - 12 - 5 (كونا) --": day and month without a year, then the agency
_DATELINE_DM = re.compile(r"[ \n]*([^\W\d_]+(?:[ ][^\W\d_]+){0,3})[ ]?[-–][ ]?(\d{1,2})[ ]?[-/][ ]?(\d{1,2})"
                          r"[ ]?\([^()\n]{1,40}\)[ ]?(?:-{1,2}|–|—|:)")
_PLACE_TRIM = re.compile(r"(?:[ ]?[،,\-–])?[ ]?(?:[ ]في)?[ ]?$")


@dataclass
class Atom:
    """A parsed temporal expression on the normalized view (``ns``, ``ne``)."""

    ns: int
    ne: int
    kind: str  # date | year | month | weekday | relday | period | offset
    rule: str
    cal: str = "gregorian"
    y: int | None = None
    m: int | None = None
    d: int | None = None
    d2: int | None = None
    y2: int | None = None
    wd: int | None = None
    suf: int | None = None
    rel: int | None = None  # relative day offset
    unit: str = ""
    count: int = 0
    part: str = ""
    evidence: str = ""
    end: "Atom | None" = None  # second member of a range
    extra: dict[str, Any] = field(default_factory=dict)
    explicit_year: bool = False


class DateExtractor:
    """Stage ``dates``: emits ``date`` candidates with ISO values."""

    name = "dates"

    def __init__(self) -> None:
        self.lx: DateLexicon = date_lexicon()
        # nouns that name a place or a street after a date (مدينة السادس من أكتوبر)
        self._name_heads = frozenset(normalize(r["form"]) for r in load_table(
            "dates/context.tsv", ("form", "kind")) if r["kind"] == "name_before")
        from .common import zipf

        self._zipf = zipf
        zipf("في")  # load wordfreq now, not while running
        import ahocorasick

        auto = ahocorasick.Automaton()
        pro = load_proclitics()
        clitics = {c + p for c in [""] + pro["conjunction"] for p in [""] + pro["preposition"]}
        for t in self.lx.triggers:
            for c in clitics:
                auto.add_word(c + t, len(c + t))
        auto.make_automaton()
        self._auto = auto
        letters = "".join(sorted(set("".join(pro["conjunction"] + pro["preposition"]))))
        # a number, possibly glued to clitics or to the article (و20، ب2024، الـ15)
        self._num_re = re.compile(rf"(?<!\w)[{letters}]{{0,2}}(?:ال ?)?\d")
        self._unit_words = frozenset(self.lx.kind_forms("unit"))
        self._between = frozenset(self.lx.markers["range_between"]) | {
            f.replace(" ", "") for f in self.lx.markers["range_between"]}

    # ------------------------------------------------------------------ parsing
    def atoms(self, vt: str) -> list[Atom]:
        """All atoms of a normalized text, left to right (no overlap)."""
        out: list[Atom] = []
        match = self.lx.regex.match
        pos = 0
        for start in self._candidates(vt):
            if start < pos:
                continue
            m = match(vt, start)
            if m is None or m.end() == m.start():
                continue
            a = self._parse(m, vt)
            if a is _SKIP:
                pos = m.end()  # not a date, and nothing inside it is one either
                continue
            if a is not None:
                out.append(a)
                pos = a.ne if m.start() < a.ne < m.end() else m.end()
            else:
                pos = start + 1  # a rejected match: the words inside it may still open a date
        return out

    def _candidates(self, vt: str) -> list[int]:
        """Start positions of words that may open a date: numbers (with their clitics) and trigger
        words (Aho-Corasick over the view, whole words only)."""
        out = [m.start() for m in self._num_re.finditer(vt)]
        n = len(vt)
        for end, klen in self._auto.iter(vt):
            s = end - klen + 1
            if (s == 0 or not vt[s - 1].isalnum()) and (end + 1 >= n or not vt[end + 1].isalpha()):
                out.append(s)
        out.sort()
        return out

    def _parse(self, m: re.Match, vt: str) -> Atom | None:
        lx = self.lx
        g = m.group
        cl = g("cl") or ""
        start = m.start() + len(cl)
        if g("dm") is not None:
            return self._parse_dm(m, start)
        if g("nu") is not None:
            return self._parse_numeric(m, start)
        if g("dr") is not None:
            if lx.relative[g("dr_n")]["unit"] != "month":
                return None
            d1 = g("dr_d")
            if not d1.isdigit() and not g("dr_yw") and not g("dr_yw2") and self._ordinal_of_noun(vt, m.start()):
                return None
            a = Atom(start, m.end(), "date", "date.dm.relative", d=int(d1) if d1.isdigit() else lx.ordinals[d1],
                     suf=lx.relative[g("dr_suf")]["offset"], unit="month", evidence=g("dr_n"))
            a.extra["relative_month"] = True
            if g("dr_d2"):
                a.d2 = int(g("dr_d2"))
                if a.d2 <= a.d:
                    return None
                fr = _from_word(self.lx, vt, a.ns)
                if fr is not None:
                    a.ns = fr[1]
            self._head(a, m, "dr")
            return a
        if g("nm") is not None:
            a = Atom(start, m.end(), "month", "date.numeric.my", m=int(g("nm_m")), y=int(g("nm_y")),
                     explicit_year=True, evidence=g("nm"))
            return a
        if g("mo") is not None:
            month_key = g("mo_m")
            cal = "hijri" if month_key in lx.hijri_months and month_key not in lx.greg_months else "gregorian"
            month = (lx.hijri_months if cal == "hijri" else lx.greg_months)[month_key]
            a = Atom(start, m.end(), "month", "date.month", cal, m=month, evidence=month_key)
            self._pair_check(a, g("mo_pm") or g("mo_pm2") or g("mo_pm3"))
            if g("mo_y"):
                a.y = int(g("mo_y"))
                a.explicit_year = True
                a.rule = "date.hijri.my" if cal == "hijri" else "date.my"
                self._marker(a, g("mo_mk"))
            elif g("mo_suf"):
                a.suf = lx.relative[g("mo_suf")]["offset"]
                a.rule = "date.hijri.month.relative" if cal == "hijri" else "date.month.relative"
            elif cal == "hijri":
                if not g("mo_mp"):
                    return None  # a bare رجب / صفر / رمضان is a name or a word, not a date; شهر رمضان is
                a.rule = "date.hijri.month"
            else:
                # a clitic ب/ل licenses only a long month name: وباب is a door, not August (آب)
                licensed = bool(g("mo_pt") or g("mo_mp")) or (any(c in cl for c in "بل") and len(month_key) >= 4)
                prev = _prev_word(vt, m.start())
                if not licensed:
                    trig = lx.markers.get("month_trigger", ())
                    licensed = prev in trig or (prev[:1] in ("و", "ف") and prev[1:] in trig)
                if not licensed and prev in lx.markers["range_from"]:
                    # "من يناير إلى سبتمبر": من licenses a month only when a range follows
                    licensed = bool(self.lx.aux["range_month_follows"].match(vt, m.end()))
                if not licensed:
                    return None
            if g("mo_pt"):
                a.part = lx.relative[g("mo_pt")]["unit"]
            return a
        if g("yr") is not None:
            return self._parse_year(m, start, vt)
        if g("wk") is not None:
            rd = g("wk_rd")
            wd = g("wk_wd") or g("wk_wd2")
            a = Atom(start, m.end(), "weekday" if not rd else "relday",
                     "date.relative.day" if rd else "date.weekday")
            if wd:
                a.wd = lx.weekdays[wd]
            if rd:
                if " " in rd and cl and cl[-1] not in ("و", "ف"):
                    # "باول أمس": a preposition glued to a multi-word expression is a name
                    # (باول = Powell), not ب + "أول أمس"
                    return None
                if lx.relative[rd]["kind"] == "day_weekday" and not wd:
                    return None  # bare "غد" (غد أفضل) is no date; "غد الاثنين" is
                a.rel = lx.relative[rd]["offset"]
                a.evidence = rd
                if not wd and rd == "اليوم":
                    nxt = _next_word(vt, m.end("wk_rd"))
                    if nxt in lx.after_today or nxt in lx.ordinals:
                        return None
            else:
                a.evidence = wd
                prev = _prev_word(vt, m.start())
                if not g("wk_yw2") and not g("wk_suf") and not cl and prev in lx.not_weekday_before:
                    return None  # "بين الاثنين" = between the two
                if not g("wk_suf") and not cl and prev in lx.recurring_before:
                    return _SKIP  # "كل يوم الأحد"، "صلاة الجمعة": a recurring day, not a date
            if g("wk_suf"):
                a.suf = lx.relative[g("wk_suf")]["offset"]
                if not rd:
                    a.rule = "date.weekday.relative"
                else:
                    # "أمس الماضي" is not an expression; cut the suffix
                    a.ne = m.start("wk_suf") - 1
            return a
        if g("of") is not None:
            unit_key = g("of_u")
            u = lx.relative[unit_key]
            count = u["offset"]
            if g("of_n"):
                n = g("of_n")
                count = int(n) if n.isdigit() else (words_to_number(n, lx.numwords) or 0)
            if not count:
                return None
            nxt = _next_word(vt, m.end())
            if nxt in lx.offset_event:
                return None  # relative to an event ("بعد عامين من الحرب"), not to the reference
            prep = lx.relative[g("of_p")]["offset"]
            return Atom(start, m.end(), "offset", "date.relative.offset", unit=u["unit"], count=count * prep,
                        evidence=f"{g('of_p')} {unit_key}")
        if g("pe") is not None:
            if not (g("pe_suf") or g("pe_th") or g("pe_pt")):
                return None
            unit = lx.relative[g("pe_n")]["unit"]
            if g("pe_y"):
                if unit != "year":
                    a_end = m.start("pe_y")
                    while a_end > start and vt[a_end - 1] in " ،,":
                        a_end -= 1
                    a = Atom(start, a_end, "period", "date.relative.period", unit=unit)
                else:
                    # "العام الجاري 2024": the written year is the value
                    a = Atom(start, m.end(), "year", "date.year", y=int(g("pe_y")), explicit_year=True,
                             evidence=m.group("pe"))
                    return a
            else:
                a = Atom(start, m.end(), "period", "date.relative.period", unit=unit)
            a.suf = lx.relative[g("pe_suf")]["offset"] if g("pe_suf") else 0
            if g("pe_pt"):
                a.part = lx.relative[g("pe_pt")]["unit"]
            a.evidence = m.group("pe")
            return a
        return None

    def _head(self, a: Atom, m: re.Match, p: str) -> None:
        g = m.group
        if g(p + "_wd"):
            a.wd = self.lx.weekdays[g(p + "_wd")]
        if g(p + "_rd"):
            a.rel = self.lx.relative[g(p + "_rd")]["offset"]

    def _marker(self, a: Atom, mk: str | None) -> None:
        if not mk:
            return
        if mk in self.lx.markers["hijri"]:
            a.cal = "hijri"
        a.extra["marker"] = mk

    def _pair_check(self, a: Atom, paired: str | None) -> None:
        if not paired:
            return
        other = self.lx.greg_months.get(paired) or self.lx.hijri_months.get(paired)
        a.extra["paired_month"] = paired
        if other != a.m:
            a.extra["pair_mismatch"] = True

    def _ordinal_of_noun(self, vt: str, pos: int) -> bool:
        """True when an ordinal word follows a noun it qualifies (الأسبوع الثاني من الشهر)."""
        prev = _prev_word(vt, pos)
        if prev[:1] in ("و", "ف") and prev[1:] in self.lx.not_day_ordinal_before:
            return True
        return prev in self.lx.not_day_ordinal_before

    def _parse_dm(self, m: re.Match, start: int) -> Atom | None:
        lx = self.lx
        g = m.group
        if not g("dm_d1").isdigit() and not g("dm_yw") and not g("dm_yw2") and self._ordinal_of_noun(m.string, m.start()):
            return None
        month_key = g("dm_m")
        cal = "hijri" if month_key in lx.hijri_months and month_key not in lx.greg_months else "gregorian"
        month = (lx.hijri_months if cal == "hijri" else lx.greg_months)[month_key]
        d1 = g("dm_d1")
        day = int(d1) if d1.isdigit() else lx.ordinals[d1]
        a = Atom(start, m.end(), "date", "date.dm", cal, m=month, d=day, evidence=month_key)
        if d1 and not d1.isdigit():
            a.extra["ordinal"] = True
        if g("dm_d2"):
            a.d2 = int(g("dm_d2"))
            if a.d2 <= day:
                return None
            fr = _from_word(self.lx, m.string, a.ns)
            if fr is not None:
                a.ns = fr[1]  # the range connector belongs to the span (من 6 إلى 9 نوفمبر)
        elif g("dm_fr"):
            a.ns = m.end("dm_fr") + 1  # a preposition before a single date is not part of it
        self._head(a, m, "dm")
        self._pair_check(a, g("dm_pm") or g("dm_pm2") or g("dm_pm3"))
        if g("dm_y") or g("dm_yn"):
            y = int(g("dm_y")) if g("dm_y") else words_to_number(g("dm_yn"), lx.numwords)
            if not y or y < 100:
                # "2 مارس ثلاثة" is not a year; keep the date without it
                a.ne = m.end("dm_m") if not (g("dm_pm") or g("dm_pm2") or g("dm_pm3")) else a.ne
                y = None
            else:
                a.y = y
                a.explicit_year = True
                self._marker(a, g("dm_mk"))
        if g("dm_suf"):
            a.suf = lx.relative[g("dm_suf")]["offset"]
        if a.cal == "hijri":
            a.rule = "date.hijri.dmy" if a.y else "date.hijri.dm"
        else:
            a.rule = "date.dmy" if a.y else "date.dm"
        if a.d2:
            a.rule = "date.range"
        return a

    def _parse_numeric(self, m: re.Match, start: int) -> Atom | None:
        g = m.group
        sa, sb, sc, sep = g("nu_a"), g("nu_b"), g("nu_c"), g("nu_s")
        mk = g("nu_mk")
        a_, b_, c_ = int(sa), int(sb), int(sc)
        rule = "date.numeric"
        if len(sa) == 4:
            y, mo, d = a_, b_, c_
            rule = "date.numeric.iso"
        elif len(sc) == 4:
            d, mo, y = a_, b_, c_
            if mo > 12 and d <= 12:
                d, mo = mo, d  # month-first (US style) when day-first is impossible
        elif len(sc) == 2 and (sep == "/" or mk):
            d, mo = a_, b_
            y = c_
            if mk and mk in self.lx.markers["hijri"]:
                y += 1400 if c_ < 80 else 1300
            else:
                y += 2000 if c_ < 50 else 1900
        else:
            return None
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        a = Atom(start, m.end(), "date", rule, y=y, m=mo, d=d, explicit_year=True, evidence=m.group("nu").strip())
        self._head(a, m, "nu")
        self._marker(a, mk)
        if a.cal == "gregorian" and 1300 <= y <= 1500:
            a.cal = "hijri"  # a numeric date with a 13xx/14xx year is Hijri
        if a.cal == "hijri":
            a.rule = "date.numeric.hijri"
        elif not 1800 <= y <= 2200:
            return None
        return a

    def _parse_year(self, m: re.Match, start: int, vt: str) -> Atom | None:
        lx = self.lx
        g = m.group
        prefix = g("yr_p")
        mk = g("yr_mk")
        if g("yr_w"):
            if not prefix:
                return None
            y = words_to_number(g("yr_w"), lx.numwords)
            if not y or not 1000 <= y <= 2200:
                return None
            a = Atom(start, m.end(), "year", "date.year.words", y=y, explicit_year=True, evidence=prefix)
            if g("yr_fr"):
                a.ns = m.end("yr_fr") + 1
            self._marker(a, mk)
            return a
        y = int(g("yr_y"))
        a = Atom(start, m.end(), "year", "date.year", y=y, explicit_year=True, evidence=prefix or "")
        self._marker(a, mk)
        if g("yr_pt"):
            a.part = lx.relative[g("yr_pt")]["unit"]
        if g("yr_y2"):
            y2 = int(g("yr_y2"))
            a.y2 = y2
            a.rule = "date.range.year"
            rc = g("yr_rc").strip()
            fr = g("yr_fr") or ""
            back = _from_word(self.lx, vt, a.ns) if not fr else None
            if back is not None:
                fr = back[0]
            if (rc == "و" and fr not in self._between) or (
                    rc not in ("-", "–", "/", "و") and not fr) or not 0 < y2 - y <= 200:
                # "عامي 2010 و2015" lists two years; only "بين" / "من" make a range
                a.y2 = None
                a.rule = "date.year"
                a.ne = m.end("yr_y")
            elif back is not None:
                a.ns = back[1]
        elif g("yr_fr"):
            a.ns = m.end("yr_fr") + 1
        if a.cal == "hijri":
            a.rule = "date.hijri.year"
            return a
        if not (prefix or mk or a.part):
            # a bare four-digit number: a year only in a plausible range and context
            if not 1900 <= y <= 2100:
                return None
            if a.y2 is None:
                prev = _prev_word(vt, m.start())
                if prev[:1] in ("و", "ف") and prev[1:] in lx.context_before:
                    prev = prev[1:]
                nxt = _next_word(vt, a.ne)
                if prev in lx.context_before or nxt in lx.context_after or nxt in self._unit_words:
                    return None
                if vt[a.ne:a.ne + 1] in ("%", "$"):
                    return None
                a.rule = "date.year.bare"
        elif not 1000 <= y <= 2200:
            return None
        return a

    # ------------------------------------------------------------------ combining
    def _combine(self, atoms: list[Atom], vt: str) -> list[Atom]:
        """Joins ranges and marks Hijri/Gregorian pairs."""
        out: list[Atom] = []
        i = 0
        n = len(atoms)
        while i < n:
            a = atoms[i]
            if i + 1 < n:
                b = atoms[i + 1]
                r = self._range(a, b, vt)
                if r is not None:
                    out.append(r)
                    i += 2
                    continue
            out.append(a)
            i += 1
        aux = self.lx.aux
        for x, y in zip(out, out[1:]):
            if x.kind == "weekday" and y.kind == "date" and y.end is None and aux["agree_weekday"].match(vt[x.ne:y.ns]):
                # "يوم الخميس الموافق 28 مارس": the weekday is that date
                if y.wd is None:
                    y.wd = x.wd
                if y.suf is None and x.suf is not None:
                    y.suf = x.suf  # "السبت المقبل الموافق 8 يونيو": the next 8 June
                x.extra["_pair"] = y
                continue
            if x.kind == "date" and y.kind == "date" and x.cal != y.cal and x.end is None and y.end is None:
                if aux["agree_dates"].match(vt[x.ne:y.ns]):
                    h, gr = (x, y) if x.cal == "hijri" else (y, x)
                    h.extra["_pair"] = gr
        return out

    def _range(self, a: Atom, b: Atom, vt: str) -> Atom | None:
        if a.kind not in ("date", "month", "year") or a.kind != b.kind or a.end or b.end:
            return None
        if a.d2 or b.d2 or a.y2 or b.y2:
            return None
        between = vt[a.ne:b.ns]
        opener = _from_word(self.lx, vt, a.ns)
        fr = opener[1] if opener else None
        if self.lx.aux["range_to"].match(between):
            if fr is None and "-" not in between and "–" not in between:
                return None
        elif self.lx.aux["range_and"].match(between):
            # "بين X و Y" only; "X و Y" lists two dates
            if opener is None or opener[0] not in self._between:
                return None
        else:
            return None
        if a.kind == "month" and not (b.y or b.suf is not None):
            return None
        r = Atom(fr if fr is not None else a.ns, b.ne, a.kind, "date.range", a.cal, end=b)
        for k in ("y", "m", "d", "wd", "suf", "part", "explicit_year", "evidence", "rel"):
            setattr(r, k, getattr(a, k))
        r.extra = dict(a.extra)
        r.extra["_first"] = a
        return r

    # ------------------------------------------------------------------ resolution
    def _tense(self, doc: Document, npos: int) -> str | None:
        """'past' / 'future' / None from the cue words nearest to a view position in its sentence."""
        found = self._tense_cue(doc, npos)
        return found[0] if found else None

    def _tense_cue(self, doc: Document, npos: int) -> tuple[str, int] | None:
        """(tense, distance in characters) of the cue word nearest to a view position in its sentence."""
        import bisect

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
            word = w.group()
            if w.start() <= npos < w.end():
                continue
            cue = None
            stem = word[1:] if word[:1] in "وف" and len(word) > 3 else word
            if word in self.lx.future or stem in self.lx.future or self._future_prefixed(stem):
                cue = "future"
            elif word in self.lx.past or stem in self.lx.past:
                cue = "past"
            if cue:
                if w.start() < npos:
                    before = (npos - w.start(), cue)
                elif after is None:
                    after = (w.start() - npos, cue)
        best = before or after
        return (best[1], best[0]) if best else None

    def _future_prefixed(self, word: str) -> bool:
        """سـ + imperfect verb (سيغيب، ستعقد، سنعمل): the rest is itself a frequent word."""
        if len(word) < 5 or word[0] != "س" or word[1] not in "يتنا":
            return False
        return self._zipf(word[1:]) >= 2.5 and self._zipf(word[1:]) > self._zipf(word)

    def _nearest_year(self, explicit: list[tuple[int, int, str]], pos: int, cal: str) -> int | None:
        """The explicit year of the calendar ``cal`` nearest to a position (``explicit`` sorted)."""
        import bisect

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

    def _year_for(self, doc: Document, a: Atom, explicit) -> tuple[int | None, bool]:
        """Year of a day/month without one: (year, guessed)."""
        ref = doc.reference_date
        if a.cal == "hijri":
            if ref is None:
                return self._nearest_year(explicit, a.ns, "hijri"), True
            from hijridate import Gregorian

            h = Gregorian(ref.year, ref.month, ref.day).to_hijri()
            ry, rm, rd = h.year, h.month, h.day
        else:
            if ref is None:
                return self._nearest_year(explicit, a.ns, "gregorian"), True
            ry, rm, rd = ref.year, ref.month, ref.day
        key = (a.m, a.d or (1 if a.suf != -1 else 31))
        refkey = (rm, rd) if a.d else (rm, 0 if a.suf == 1 else 32)
        if a.suf == 1:
            return (ry if key > refkey else ry + 1), False
        if a.suf == -1:
            return (ry if key < refkey else ry - 1), False
        if a.suf == 0:
            return ry, False
        cue = self._tense_cue(doc, a.ns)
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

    def _value(self, doc: Document, a: Atom, explicit) -> tuple[str | None, dict]:
        """ISO value and extras of one atom (not a range)."""
        ref = doc.reference_date
        extra: dict[str, Any] = {}
        if a.extra.get("relative_month"):
            extra["relative"] = True
            extra["granularity"] = "day"
            if ref is None:
                return None, extra
            y, mo = _add_months(ref.year, ref.month, a.suf or 0)
            try:
                day = dt.date(y, mo, a.d)
                day2 = dt.date(y, mo, a.d2) if a.d2 else None
            except ValueError:
                return None, extra
            self._weekday_check(a, day, extra)
            if day2:
                return f"{day.isoformat()}/{day2.isoformat()}", extra
            return day.isoformat(), extra
        if a.kind in ("date", "month"):
            guessed = False
            y = a.y
            if y is None:
                y, guessed = self._year_for(doc, a, explicit)
                if y is None:
                    return None, {"granularity": "day" if a.kind == "date" else "month"}
                if a.wd is not None and a.d and a.cal == "gregorian" and a.suf is None:
                    # the weekday written with the date decides between neighbouring years
                    for cand in (y, y - 1, y + 1):
                        try:
                            if dt.date(cand, a.m, a.d).weekday() == a.wd:
                                if cand != y:
                                    extra["year_from_weekday"] = True
                                y = cand
                                break
                        except ValueError:
                            continue
                if guessed:
                    extra["year_from"] = "document" if ref is None else "tense"
                else:
                    extra["year_from"] = "reference"
            if a.cal == "hijri":
                return self._hijri_value(a, y, extra)
            if a.kind == "month":
                extra["granularity"] = "month"
                return f"{y:04d}-{a.m:02d}", extra
            try:
                day = dt.date(y, a.m, a.d)
            except ValueError:
                return None, {"granularity": "day", "invalid": True}
            extra["granularity"] = "day"
            self._weekday_check(a, day, extra)
            if a.d2:
                try:
                    d2 = dt.date(y, a.m, a.d2)
                except ValueError:
                    return None, extra
                return f"{day.isoformat()}/{d2.isoformat()}", extra
            return day.isoformat(), extra
        if a.kind == "year":
            if a.cal == "hijri":
                return self._hijri_value(a, a.y, extra)
            extra["granularity"] = "year"
            if a.y2:
                return f"{a.y:04d}/{a.y2:04d}", extra
            return f"{a.y:04d}", extra
        extra["relative"] = True
        if ref is None:
            return None, extra
        if a.kind == "relday":
            day = ref + dt.timedelta(days=a.rel or 0)
            extra["granularity"] = "day"
            self._weekday_check(a, day, extra)
            return day.isoformat(), extra
        if a.kind == "weekday":
            tense = "future" if a.suf == 1 else "past" if a.suf == -1 else self._tense(doc, a.ns)
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
        if a.kind == "period":
            off = a.suf or 0
            if a.unit == "week":
                monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=off)
                extra["granularity"] = "week"
                return f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}", extra
            if a.unit == "month":
                y, mo = _add_months(ref.year, ref.month, off)
                extra["granularity"] = "month"
                return f"{y:04d}-{mo:02d}", extra
            extra["granularity"] = "year"
            return f"{ref.year + off:04d}", extra
        if a.kind == "offset":
            if a.unit in ("day", "week"):
                extra["granularity"] = "day"
                return (ref + dt.timedelta(days=a.count * (7 if a.unit == "week" else 1))).isoformat(), extra
            if a.unit == "month":
                y, mo = _add_months(ref.year, ref.month, a.count)
                extra["granularity"] = "month"
                return f"{y:04d}-{mo:02d}", extra
            extra["granularity"] = "year"
            return f"{ref.year + a.count:04d}", extra
        return None, extra

    def _weekday_check(self, a: Atom, day: dt.date, extra: dict) -> None:
        if a.wd is not None:
            extra["weekday_agrees"] = day.weekday() == a.wd
            if day.weekday() != a.wd:
                extra["weekday_mismatch"] = True

    def _hijri_value(self, a: Atom, y: int, extra: dict) -> tuple[str | None, dict]:
        from hijridate import Hijri

        extra["calendar"] = "hijri"
        if y >= 1600 and "marker" not in a.extra:
            # a Hijri month with a Gregorian year (رمضان 2024): the Hijri year whose month starts then
            gy = y
            for h in (gy - 580, gy - 579, gy - 578):
                if _hijri_to_greg(Hijri, h, a.m, 1).year == gy:
                    y = h
                    break
            else:
                return None, extra
            extra["year_calendar"] = "gregorian"
        if not _UQ_YEARS[0] <= y <= _UQ_YEARS[1]:
            extra["conversion"] = "tabular"
        try:
            if a.kind == "date":
                g1 = _hijri_to_greg(Hijri, y, a.m, a.d)
                extra["hijri"] = f"{y:04d}-{a.m:02d}-{a.d:02d}"
                extra["granularity"] = "day"
                self._weekday_check(a, g1, extra)
                if a.d2:
                    g2 = _hijri_to_greg(Hijri, y, a.m, a.d2)
                    return f"{g1.isoformat()}/{g2.isoformat()}", extra
                return g1.isoformat(), extra
            if a.kind == "month":
                extra["hijri"] = f"{y:04d}-{a.m:02d}"
                extra["granularity"] = "month"
                first = _hijri_to_greg(Hijri, y, a.m, 1)
                last = _hijri_to_greg(Hijri, y, a.m, _hijri_month_length(Hijri, y, a.m))
                return f"{first.isoformat()}/{last.isoformat()}", extra
            extra["hijri"] = f"{y:04d}"
            extra["granularity"] = "year"
            first = _hijri_to_greg(Hijri, y, 1, 1)
            last = _hijri_to_greg(Hijri, y, 12, _hijri_month_length(Hijri, y, 12))
            return f"{first.isoformat()}/{last.isoformat()}", extra
        except (ValueError, OverflowError):
            extra["invalid"] = True
            return None, extra

    # ------------------------------------------------------------------ stage
    def __call__(self, doc: Document) -> Document:
        vt = doc.view.text
        atoms = self._combine(self.atoms(vt), vt)
        explicit: list[tuple[int, int, str]] = []
        for a in atoms:
            for x in (a, a.end):
                if x is not None and x.explicit_year and x.y:
                    explicit.append((x.ns, x.y, "gregorian" if x.y >= 1600 else x.cal))
        explicit.sort()
        dm = doc.meta.get("dateline_dm")
        if dm is not None:
            doc.add_candidate(doc.make_entity("date", dm[0], dm[1], dm[2], "date.dateline.dm",
                                              self.lx.rules.get("date.dateline.dm", 0.8), "dateline",
                                              granularity="day"))
        for a in atoms:
            prev = _prev_word(vt, a.ns)
            if prev in self._name_heads or len(prev) > 2 and prev[0] in "وبل" and prev[1:] in self._name_heads:
                # a place or street named after a date (مدينة السادس من أكتوبر، شارع 26 يوليو):
                # no date; the span is left to the place stage
                s, e = doc.view.to_original(a.ns, a.ne)
                doc.meta.setdefault("date_names", []).append((s, e))
                continue
            self._emit(doc, a, explicit)
        doc.meta.pop("_date_bounds", None)
        return doc

    def _emit(self, doc: Document, a: Atom, explicit) -> None:
        lx = self.lx
        score = lx.rules.get(a.rule, 0.8)
        if a.end is not None:
            b = a.end
            first: Atom = a.extra.get("_first", a)
            if first.y is None and b.y is not None:
                first.y = b.y
                first.cal = b.cal
                if (first.m or 0, first.d or 0) > (b.m or 0, b.d or 0):
                    first.y = b.y - 1
            elif b.y is None and first.y is not None:
                b.y = first.y
                b.cal = first.cal
                if (b.m or 0, b.d or 0) < (first.m or 0, first.d or 0):
                    b.y = first.y + 1
            elif first.y is None and b.y is None and b.extra.get("relative_month") and doc.reference_date:
                # "بين العشرين من يونيو والسابع من الشهر الحالي": the start precedes the resolved end
                by, bm = _add_months(doc.reference_date.year, doc.reference_date.month, b.suf or 0)
                first.y = by if (first.m or 0, first.d or 0) <= (bm, b.d or 0) else by - 1
            elif first.y is None and b.y is None and first.kind in ("date", "month") and first.cal == b.cal:
                # neither has a year: resolve the start, the end follows it
                y1, _ = self._year_for(doc, first, explicit)
                if y1 is not None:
                    first.y = y1
                    b.y = y1 + 1 if (b.m or 0, b.d or 0) < (first.m or 0, first.d or 0) else y1
            v1, e1 = self._value(doc, first, explicit)
            v2, e2 = self._value(doc, b, explicit)
            value = None
            if v1 and v2:
                s1 = v1.split("/")[0]
                s2 = v2.split("/")[-1]
                value = f"{s1}/{s2}" if s1 <= s2 else None
            extra = {k: v for k, v in e1.items() if k in ("granularity", "calendar", "relative")}
            if "hijri" in e1 and "hijri" in e2:
                extra["hijri"] = f"{e1['hijri']}/{e2['hijri']}"
            extra["range"] = True
            if e1.get("weekday_mismatch") or e2.get("weekday_mismatch"):
                extra["weekday_mismatch"] = True
                score *= 0.7
        else:
            value, extra = self._value(doc, a, explicit)
            if extra.get("weekday_mismatch"):
                score *= 0.7
            pair = a.extra.get("_pair")
            if pair is not None and value:
                gv, _ = self._value(doc, pair, explicit)
                if gv and gv != value:
                    extra["hijri_converted"] = value
                    extra["agrees_with_gregorian"] = False
                    value = gv
                    score *= 0.9
                elif gv:
                    extra["agrees_with_gregorian"] = True
        if a.extra.get("pair_mismatch"):
            score *= 0.8
            extra["paired_month_mismatch"] = True
        if extra.get("year_from") in ("tense", "document"):
            score *= 0.9
        if a.part:
            extra["part"] = a.part
        if extra.get("granularity") == "day" and a.end is None:
            t = _time_near(self.lx, doc.view.text, a.ns, a.ne)
            if t:
                extra["time"] = t
        s, e = doc.view.to_original(a.ns, a.ne)
        text = doc.text[s:e]
        if not text.strip():
            return
        # never end on white space; keep trailing marks the view deleted (tatweel of هـ, tanween of غداً)
        while e > s and doc.text[e - 1].isspace():
            e -= 1
        while e < len(doc.text) and not doc.text[e].isspace() and _deleted(doc.text[e]):
            e += 1
        evidence = a.evidence or text
        extra = {k: v for k, v in extra.items() if not k.startswith("_")}
        doc.add_candidate(doc.make_entity("date", s, e, value, a.rule, min(1.0, max(0.0, score)), evidence, **extra))


class DatelineDetector:
    """Stage ``reference``: sets the reference date from the dateline when none was given.

    A dateline opens one of the first three lines (a headline may come first): one to four place
    words, an optional comma, a date with day, month and year (or a numeric date), an optional
    ``(agency)``, then ``-``, ``--`` or ``:``. ``doc.meta["dateline"]`` records its original offsets and those of the place part.
    """

    name = "reference"

    def __init__(self) -> None:
        self._dates = DateExtractor()
        # a dateline place is never a function word (في 5 صفر ... - is running text)
        self._function = frozenset(normalize(r["form"]) for r in load_table(
            "lexicons/stopwords.tsv", ("form", "kind")) if r["kind"] == "function")

    def __call__(self, doc: Document) -> Document:
        vt = doc.view.text
        # the dateline opens the first line, or the second or third one after a headline
        ls = 0
        for _ in range(3):
            while ls < len(vt) and vt[ls] in " \n":
                ls += 1
            if ls >= min(len(vt), 400):
                return doc
            nl = vt.find("\n", ls)
            head = vt[ls:(nl if nl >= 0 else len(vt))][:200]
            found = self.detect(head, vt)
            if found is not None:
                break
            if nl < 0:
                return self._day_month_dateline(doc, vt)
            ls = nl + 1
        else:
            return self._day_month_dateline(doc, vt)
        a, tail_end, value = found
        place_txt = head[:a.ns]
        place_txt = place_txt[:_PLACE_TRIM.search(place_txt).start()]
        ps, pe = doc.view.to_original(ls, ls + len(place_txt))
        s, e = doc.view.to_original(ls, ls + tail_end)
        doc.meta["dateline"] = {"start": s, "end": e, "place_start": ps, "place_end": pe}
        if doc.reference_date is None and value is not None:
            doc.reference_date = value
            doc.reference_source = "dateline"
        return doc

    def _day_month_dateline(self, doc: Document, vt: str) -> Document:
        """A dateline with day and month only (KUNA style); the year is the reference year or
        the nearest year written in the text."""
        m, start = None, 0
        for _ in range(3):  # the first line, or the second or third one after a headline
            m = _DATELINE_DM.match(vt, start)
            nl = vt.find("\n", start)
            if m is not None or nl < 0 or nl > 400:
                break
            start = nl + 1
        if m is None or normalize(m.group(1).split()[0]) in self._function:
            return doc
        d, mo = int(m.group(2)), int(m.group(3))
        if doc.reference_date is not None:
            y = doc.reference_date.year
        else:
            explicit = sorted((x.ns, x.y, x.cal) for x in self._dates.atoms(vt[:5000]) if x.explicit_year and x.y)
            y = self._dates._nearest_year(explicit, m.start(2), "gregorian")
        value = None
        if y is not None:
            try:
                value = dt.date(y, mo, d)
            except ValueError:
                return doc
        ps, pe = doc.view.to_original(m.start(1), m.end(1))
        s, e = doc.view.to_original(m.start(1), m.end())
        ds, de = doc.view.to_original(m.start(2), m.end(3))
        doc.meta["dateline"] = {"start": s, "end": e, "place_start": ps, "place_end": pe}
        doc.meta["dateline_dm"] = (ds, de, value.isoformat() if value else None)
        if doc.reference_date is None and value is not None:
            doc.reference_date = value
            doc.reference_source = "dateline"
        return doc

    def detect(self, head: str, vt: str) -> tuple[Atom, int, dt.date | None] | None:
        atoms = self._dates.atoms(head)
        if not atoms:
            return None
        a = atoms[0]
        if a.kind != "date" or a.d2 or a.rel is not None:
            return None
        if not _DATELINE_PLACE.match(head[:a.ns]):
            return None
        words = head[:a.ns].split()
        w0 = normalize(words[0]) if words else ""
        if not w0 or w0 in self._function or len(w0) > 2 and w0[0] in "وف" and w0[1:] in self._function:
            return None
        first = a
        tail = _DATELINE_TAIL.match(head, a.ne)
        if tail is None:
            # "الرياض 15 رمضان 1445 هـ الموافق 25 مارس 2024 -": the date and its equivalent
            agree = self._dates.lx.aux["agree_dates"]
            for b in atoms[1:]:
                if b.kind != "date" or not agree.match(head[a.ne:b.ns]):
                    break
                tail = _DATELINE_TAIL.match(head, b.ne)
                if tail is not None:
                    if a.y is None or (a.cal == "hijri" and b.cal != "hijri" and b.y is not None):
                        a = b  # the Gregorian equivalent gives the reference date directly
                    break
            if tail is None:
                return None
        y = a.y
        if y is None:
            explicit = sorted((x.ns, x.y, x.cal) for x in self._dates.atoms(vt[:5000]) if x.explicit_year and x.y)
            y = self._dates._nearest_year(explicit, a.ns, a.cal)
        value = None
        if y is not None:
            try:
                if a.cal == "hijri":
                    from hijridate import Hijri

                    value = _hijri_to_greg(Hijri, y, a.m, a.d)
                else:
                    value = dt.date(y, a.m, a.d)
            except ValueError:
                value = None
        return first, tail.end(), value


# ---------------------------------------------------------------------- helpers
def _tabular_to_greg(y: int, m: int, d: int) -> dt.date:
    """Arithmetic (tabular) Islamic calendar, for years outside hijridate's Umm al-Qura table."""
    jdn = d + -(-59 * (m - 1) // 2) + 354 * (y - 1) + (3 + 11 * y) // 30 + 1948439
    return dt.date.fromordinal(jdn - 1721425)


def _hijri_month_length(Hijri, y: int, m: int) -> int:
    if _UQ_YEARS[0] <= y <= _UQ_YEARS[1]:
        return Hijri(y, m, 1).month_length()
    if m == 12:
        return 30 if (14 + 11 * y) % 30 < 11 else 29
    return 30 if m % 2 else 29


_UQ_YEARS = (1343, 1500)  # the years hijridate's Umm al-Qura table covers


def _hijri_to_greg(Hijri, y: int, m: int, d: int) -> dt.date:
    if not _UQ_YEARS[0] <= y <= _UQ_YEARS[1]:
        if not (1 <= m <= 12 and 1 <= d <= 30) or y < 1:
            raise ValueError("bad Hijri date")
        return _tabular_to_greg(y, m, d)
    try:
        g = Hijri(y, m, d).to_gregorian()
    except ValueError:
        if d == 30:  # a 29-day month in Umm al-Qura: the 30th is the next month's first day
            g = Hijri(y, m, 29).to_gregorian()
            return dt.date(g.year, g.month, g.day) + dt.timedelta(days=1)
        raise
    return dt.date(g.year, g.month, g.day)


def _time_near(lx: DateLexicon, vt: str, ns: int, ne: int) -> str | None:
    """A clock time written right after (or right before) a day: "HH:MM" (24 h), else None."""
    m = lx.aux["time_after"].match(vt, ne, min(len(vt), ne + 40))
    if m is None:
        off = max(0, ns - 30)
        m = lx.aux["time_before"].search(vt[off:ns])
    if m is None:
        return None
    h, mi = int(m.group(1)), int(m.group(2))
    if m.group(3) in lx.markers["meridiem_pm"] and h < 12:
        h += 12
    return f"{h:02d}:{mi:02d}"


def _from_word(lx: DateLexicon, vt: str, ns: int) -> tuple[str, int] | None:
    """The range opener (من، بين، ما بين) right before a view position, with its start."""
    off = max(0, ns - 9)
    m = lx.aux["range_opener"].search(vt[off:ns])
    if m is None:
        return None
    return m.group(1), off + m.start(1)


def _deleted(ch: str) -> bool:
    """True for a diacritic or tatweel the normalized view drops (not for bidi/format marks)."""
    if ch not in _DELETED:
        # (a tatweel alone reads as a dash; after a letter, as here, the view drops it)
        _DELETED[ch] = ch == "\u0640" or (normalize(ch) == "" and unicodedata.category(ch) == "Mn")
    return _DELETED[ch]


_DELETED: dict[str, bool] = {}


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _prev_word(vt: str, pos: int) -> str:
    j = pos
    while j > 0 and vt[j - 1] == " ":
        j -= 1
    i = j
    while i > 0 and (vt[i - 1].isalnum() or vt[i - 1] in "$+"):
        i -= 1
    return vt[i:j]


def _next_word(vt: str, pos: int) -> str:
    i = pos
    n = len(vt)
    while i < n and vt[i] == " ":
        i += 1
    j = i
    while j < n and vt[j].isalnum():
        j += 1
    if j == i and i < n and vt[i] in "%$":
        return vt[i]
    return vt[i:j]

