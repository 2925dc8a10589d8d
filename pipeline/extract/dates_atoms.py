"""Atoms of the date extractor: the matches of the candidate grammar, parsed into values.

:class:`AtomParser` runs the combined regex (:mod:`pipeline.extract.dates_grammar`) at the start
of every number and trigger word of the normalized view and turns each match into an
:class:`Atom` (a day-month-year, a numeric date, a month, a year, a weekday or relative day, a
relative period, an offset such as ``منذ ثلاثة أيام``), or rejects it from its context. A second
pass (:meth:`AtomParser.combine`) joins atoms into ranges (``من … إلى …``, ``بين … و…``) and pairs
a Hijri date with its Gregorian equivalent (``الموافق``).
"""

from __future__ import annotations

import re

from ..resources import load_proclitics
from .dates_lexicon import DateLexicon, words_to_number
from .dates_model import SKIP, Atom
from .dates_periods import PeriodParsing
from .dates_text import from_word, next_word, prev_word

__all__ = ["SKIP", "Atom", "AtomParser"]

class AtomParser(PeriodParsing):
    """Finds and parses the atoms of a normalized text."""

    # the named group of each atom kind in the combined regex, in the order they are tried
    KINDS = ("dm", "nu", "dr", "nm", "md", "hd", "ho", "qu", "dc", "ce", "se", "mo", "yr", "wo", "wk", "of", "pe")

    def __init__(self, lx: DateLexicon) -> None:
        self.lx = lx
        import ahocorasick

        auto = ahocorasick.Automaton()
        pro = load_proclitics()
        clitics = {c + p for c in [""] + pro["conjunction"] for p in [""] + pro["preposition"]}
        for t in lx.triggers:
            period = t in lx.period_triggers
            for c in clitics:
                auto.add_word(c + t, (len(c + t), period))
        auto.make_automaton()
        self._auto = auto
        letters = "".join(sorted(set("".join(pro["conjunction"] + pro["preposition"]))))
        # a number, possibly glued to clitics or to the article (و20، ب2024، الـ15): found from its
        # digits (a fast scan), then extended back over what may stand before them
        self._digits = re.compile(r"\d+")
        self._num_prefix = re.compile(rf"[{letters}]{{0,2}}(?:ال ?)?")
        self._word_char = re.compile(r"\w")
        self._unit_words = frozenset(lx.kind_forms("unit"))
        from .common import zipf

        self._zipf = zipf
        self.between = frozenset(lx.markers["range_between"]) | {
            f.replace(" ", "") for f in lx.markers["range_between"]}
        self._parsers = {k: getattr(self, "_p_" + k) for k in self.KINDS}
        self._event_heads = frozenset(h for h, _, _ in lx.events)
        self._last: Atom | None = None  # the atom found before the current match

    # ------------------------------------------------------------------ scanning
    def atoms(self, vt: str) -> list[Atom]:
        """All atoms of a normalized text, left to right (no overlap). At a word that may open a
        decade, century, season, part of a year or holiday, the grammar of those is tried first,
        then the core grammar (days, months, years, weekdays, relative expressions)."""
        out: list[Atom] = []
        pos = 0
        self._last = None
        for start, period in self._candidates(vt):
            if start < pos:
                continue
            self._last = out[-1] if out else None
            a, m = (self._try(self.lx.regex_periods, vt, start) if period else (None, None))
            if a is None:
                a, m = self._try(self.lx.regex, vt, start)
            if m is None:
                continue
            if a is SKIP:
                pos = m.end()  # not a date, and nothing inside it is one either
            elif a is not None:
                out.append(a)
                pos = a.ne if m.start() < a.ne < m.end() else m.end()
            else:
                pos = start + 1  # a rejected match: the words inside it may still open a date
        return out

    def _try(self, regex: re.Pattern, vt: str, start: int) -> tuple[Atom | None, re.Match | None]:
        m = regex.match(vt, start)
        if m is None or m.end() == m.start():
            return None, None
        return self._parse(m, vt), m

    def _candidates(self, vt: str) -> list[tuple[int, bool]]:
        """Start positions of words that may open a date: numbers (with their clitics) and trigger
        words (Aho-Corasick over the view, whole words only), with whether the word may open a
        period (a decade, a season, a holiday …)."""
        out = [(self._number_start(vt, m.start()), 1) for m in self._digits.finditer(vt)]
        out = [x for x in out if x[0] >= 0]
        n = len(vt)
        for end, (klen, period) in self._auto.iter(vt):
            s = end - klen + 1
            if (s == 0 or not vt[s - 1].isalnum()) and (end + 1 >= n or not vt[end + 1].isalpha()):
                out.append((s, 0 if period else 1))
        out.sort()  # at one start, a period word (0) before the core grammar (1)
        return [(s, k == 0) for s, k in out]

    def _number_start(self, vt: str, i: int) -> int:
        """Where a number starting at ``i`` opens, with its clitics or article (و20، بالـ2024), or
        -1 when it is glued to another word (كوفيد19)."""
        for p in range(max(0, i - 5), i + 1):
            if (p == 0 or not self._word_char.match(vt, p - 1)) and self._num_prefix.fullmatch(vt, p, i):
                return p
        return -1

    def _parse(self, m: re.Match, vt: str) -> Atom | None:
        cl = m.group("cl") or ""
        kind = m.lastgroup
        return self._parsers[kind](m, m.start() + len(cl), cl, vt) if kind in self._parsers else None

    # ------------------------------------------------------------------ shared pieces
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
        prev = prev_word(vt, pos)
        if prev[:1] in ("و", "ف") and prev[1:] in self.lx.context("not_day_ordinal_before"):
            return True
        return prev in self.lx.context("not_day_ordinal_before")

    def _month(self, key: str) -> tuple[str, int]:
        """(calendar, month number) of a month name (a name of both calendars is Gregorian)."""
        lx = self.lx
        if key in lx.hijri_months and key not in lx.greg_months:
            return "hijri", lx.hijri_months[key]
        return "gregorian", lx.greg_months[key]

    def _day_range(self, a: Atom, m: re.Match, group: str, day: int) -> bool:
        """Reads the second day of "6-9 نوفمبر"; False when it does not follow the first."""
        a.d2 = int(m.group(group))
        if a.d2 <= day:
            return False
        fr = from_word(self.lx, m.string, a.ns)
        if fr is not None:
            a.ns = fr[1]  # the range connector belongs to the span (من 6 إلى 9 نوفمبر)
        return True

    def _set_part(self, a: Atom, form: str | None) -> None:
        """A part of the period (مطلع، منتصف، أواخر …): its place, and whether it narrows a year to
        its first or last month."""
        if form:
            a.part = self.lx.relative[form]["unit"]
            if self.lx.relative[form]["narrow"]:
                a.extra["narrow"] = self.lx.relative[form]["narrow"]

    def _event(self, a: Atom, vt: str) -> bool:
        """A day or month without a year right after an event noun that names a historical event
        (أحداث 11 سبتمبر، حرب أكتوبر): the year comes from the event table."""
        if a.y is not None or a.suf is not None or a.d2 or a.cal != "gregorian":
            return False
        prev = prev_word(vt, a.ns)
        for w in (prev, prev[1:], prev[2:]):
            entries = self.lx.events.get((w, a.m, a.d or 0)) if w in self._event_heads else None
            for e in entries or ():
                if not e["month_names"] or a.evidence in e["month_names"]:
                    a.y = e["year"]
                    a.rule = "date.event"
                    a.extra["event"] = e["id"]
                    a.extra["_year_source"] = "named_event"
                    return True
            if w[:1] not in ("و", "ف", "ب", "ل"):
                break
        return False

    # ------------------------------------------------------------------ one parser per kind
    def _p_dm(self, m: re.Match, start: int, cl: str, vt: str) -> Atom | None:
        lx = self.lx
        g = m.group
        d1 = g("dm_d1")
        if not d1.isdigit() and not g("dm_yw") and not g("dm_yw2") and self._ordinal_of_noun(vt, m.start()):
            return None
        article = vt[m.start("dm_d1") - 2:m.start("dm_d1")] == "ال"
        if (d1 in lx.ordinals_need_of or article and "ال" + d1 in lx.ordinals_need_of) and not g("dm_of"):
            return None  # "الفاتح من مارس" is the first of March; "محمد الفاتح مارس" is not
        cal, month = self._month(g("dm_m"))
        day = int(d1) if d1.isdigit() else lx.ordinals[d1]
        a = Atom(start, m.end(), "date", "date.dm", cal, m=month, d=day, evidence=g("dm_m"))
        if not d1.isdigit():
            a.extra["ordinal"] = True
        if g("dm_d2"):
            if not self._day_range(a, m, "dm_d2", day):
                return None
        elif g("dm_fr"):
            a.ns = m.end("dm_fr") + 1  # a preposition before a single date is not part of it
        self._head(a, m, "dm")
        if g("dm_wd2"):
            a.extra["wd2"] = lx.weekdays[g("dm_wd2")]
        paired = g("dm_pm") or g("dm_pm2") or g("dm_pm3")
        self._pair_check(a, paired)
        if g("dm_y") or g("dm_yn"):
            y = int(g("dm_y")) if g("dm_y") else words_to_number(g("dm_yn"), lx.numwords)
            if not y or y < 100:
                # "2 مارس ثلاثة" is not a year; keep the date without it
                a.ne = m.end("dm_m") if not paired else a.ne
            else:
                a.y = y
                a.explicit_year = True
                self._marker(a, g("dm_mk"))
        if g("dm_suf"):
            a.suf = lx.relative[g("dm_suf")]["offset"]
        _day_rule(a)
        if a.d2:
            a.rule = "date.range"
        self._event(a, vt)
        return a

    def _p_nu(self, m: re.Match, start: int, cl: str, vt: str) -> Atom | None:
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

    def _p_dr(self, m: re.Match, start: int, cl: str, vt: str) -> Atom | None:
        """A day of a relative month: "5 من الشهر الجاري"."""
        lx = self.lx
        g = m.group
        if lx.relative[g("dr_n")]["unit"] != "month":
            return None
        d1 = g("dr_d")
        if not d1.isdigit() and not g("dr_yw") and not g("dr_yw2") and self._ordinal_of_noun(vt, m.start()):
            return None
        day = int(d1) if d1.isdigit() else lx.ordinals[d1]
        a = Atom(start, m.end(), "date", "date.dm.relative", d=day, suf=lx.relative[g("dr_suf")]["offset"],
                 unit="month", evidence=g("dr_n"))
        a.extra["relative_month"] = True
        if g("dr_d2") and not self._day_range(a, m, "dr_d2", day):
            return None
        self._head(a, m, "dr")
        return a

    def _p_nm(self, m: re.Match, start: int, cl: str, vt: str) -> Atom | None:
        g = m.group
        return Atom(start, m.end(), "month", "date.numeric.my", m=int(g("nm_m")), y=int(g("nm_y")),
                    explicit_year=True, evidence=g("nm"))

    def _p_mo(self, m: re.Match, start: int, cl: str, vt: str) -> Atom | None:
        lx = self.lx
        g = m.group
        cal, month = self._month(g("mo_m"))
        a = Atom(start, m.end(), "month", "date.month", cal, m=month, evidence=g("mo_m"))
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
        elif not self._event(a, vt) and not self._bare_month_licensed(m, cl, vt):
            return None
        self._set_part(a, g("mo_pt"))
        return a

    def _bare_month_licensed(self, m: re.Match, cl: str, vt: str) -> bool:
        """A Gregorian month name without a year or suffix is a date only after a preposition,
        شهر or a part word, or opening a range (a bare مارس is a verb, أيار a name)."""
        g = m.group
        lx = self.lx
        # a clitic ب/ل licenses only a long month name: وباب is a door, not August (آب)
        if g("mo_pt") or g("mo_mp") or (any(c in cl for c in "بل") and len(g("mo_m")) >= 4):
            return True
        prev = prev_word(vt, m.start())
        trig = lx.markers.get("month_trigger", ())
        if prev in trig or (prev[:1] in ("و", "ف") and prev[1:] in trig):
            return True
        if prev in lx.markers["range_from"]:
            # "من يناير إلى سبتمبر": من licenses a month only when a range follows
            return bool(lx.aux["range_month_follows"].match(vt, m.end()))
        # "في يناير وفبراير": a month joined by و to the month or date right before it
        last = self._last
        return (cl[:1] == "و" and last is not None and last.kind in ("month", "date") and last.end is None
                and not vt[last.ne:m.start()].strip())

    def _p_yr(self, m: re.Match, start: int, cl: str, vt: str) -> Atom | None:
        g = m.group
        if g("yr_w"):
            return self._year_words(m, start)
        y = int(g("yr_y"))
        a = Atom(start, m.end(), "year", "date.year", y=y, explicit_year=True, evidence=g("yr_p") or "")
        self._marker(a, g("yr_mk"))
        self._set_part(a, g("yr_pt"))
        if g("yr_y2"):
            self._year_range(a, m, vt)
        elif g("yr_fr"):
            a.ns = m.end("yr_fr") + 1
        if a.cal == "hijri":
            a.rule = "date.hijri.year"
            return a
        if not (g("yr_p") or g("yr_mk") or a.part):
            return self._bare_year(a, m, vt)
        if not 1000 <= y <= 2200:
            return None
        return a

    def _year_words(self, m: re.Match, start: int) -> Atom | None:
        """A year in words after عام/سنة: "عام ألفين وعشرين"."""
        g = m.group
        if not g("yr_p"):
            return None
        y = words_to_number(g("yr_w"), self.lx.numwords)
        if not y or not 1000 <= y <= 2200:
            return None
        a = Atom(start, m.end(), "year", "date.year.words", y=y, explicit_year=True, evidence=g("yr_p"))
        if g("yr_fr"):
            a.ns = m.end("yr_fr") + 1
        self._marker(a, g("yr_mk"))
        return a

    def _year_range(self, a: Atom, m: re.Match, vt: str) -> None:
        """ "2010-2015", "من 2001 إلى 2004", "بين عامي 2010 و2015"; two listed years are not one."""
        g = m.group
        y, y2 = a.y, int(g("yr_y2"))
        a.y2 = y2
        a.rule = "date.range.year"
        rc = g("yr_rc").strip()
        fr = g("yr_fr") or ""
        back = from_word(self.lx, vt, a.ns) if not fr else None
        if back is not None:
            fr = back[0]
        if (rc == "و" and fr not in self.between) or (
                rc not in ("-", "–", "/", "و") and not fr) or not 0 < y2 - y <= 200:
            # "عامي 2010 و2015" lists two years; only "بين" / "من" make a range
            a.y2 = None
            a.rule = "date.year"
            a.ne = m.end("yr_y")
        elif back is not None:
            a.ns = back[1]

    def _bare_year(self, a: Atom, m: re.Match, vt: str) -> Atom | None:
        """A bare four-digit number: a year only in a plausible range and context."""
        lx = self.lx
        if not 1900 <= a.y <= 2100:
            return None
        if a.y2 is None:
            prev = prev_word(vt, m.start())
            if prev[:1] in ("و", "ف") and prev[1:] in lx.context("before"):
                prev = prev[1:]
            nxt = next_word(vt, a.ne)
            if prev in lx.context("before") or self._counted(nxt) or nxt in self._unit_words:
                return None
            if vt[a.ne:a.ne + 1] in ("%", "$"):
                return None
            a.rule = "date.year.bare"
        return a

    def _counted(self, word: str) -> bool:
        """A noun counted by the number before it (1999 دولارا، 2024 مشاركا، 1988 سهما). A number
        ending in 11..99 counts a singular noun in the accusative (-ا); a year is never followed
        by one, so a word ending in the accusative -ا that is not an adverb (أيضا، تقريبا، and the
        -يا adverbs: رسميا، سنويا) makes the number a count."""
        after = self.lx.context("after")
        if word in after or (len(word) > 3 and word[-1] == "ا" and word[:-1] in after):
            return True
        return (len(word) >= 4 and word[-1] == "ا" and word[-2] not in "يا"
                and word not in self.lx.context("adverb_after_number") and self._zipf(word[:-1]) >= 3.0)

    def _p_wk(self, m: re.Match, start: int, cl: str, vt: str) -> Atom | None:
        lx = self.lx
        g = m.group
        rd = g("wk_rd")
        wd = g("wk_wd") or g("wk_wd2")
        a = Atom(start, m.end(), "weekday" if not rd else "relday", "date.relative.day" if rd else "date.weekday")
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
                nxt = next_word(vt, m.end("wk_rd"))
                if nxt in lx.context("after_today") or nxt in lx.ordinals:
                    return None
        else:
            a.evidence = wd
            prev = prev_word(vt, m.start())
            if not g("wk_yw2") and not g("wk_suf") and not cl and prev in lx.context("not_weekday_before"):
                return None  # "بين الاثنين" = between the two
            if not g("wk_suf") and not cl and prev in lx.context("recurring_before"):
                return SKIP  # "كل يوم الأحد"، "صلاة الجمعة": a recurring day, not a date
        if g("wk_suf"):
            a.suf = lx.relative[g("wk_suf")]["offset"]
            if not rd:
                a.rule = "date.weekday.relative"
            else:
                # "أمس الماضي" is not an expression; cut the suffix
                a.ne = m.start("wk_suf") - 1
        return a

    def _p_of(self, m: re.Match, start: int, cl: str, vt: str) -> Atom | None:
        """A counted offset: "منذ ثلاثة أيام"، "بعد أسبوعين"."""
        lx = self.lx
        g = m.group
        unit_key = g("of_u")
        u = lx.relative[unit_key]
        count = u["offset"]
        if g("of_n"):
            n = g("of_n")
            count = int(n) if n.isdigit() else (words_to_number(n, lx.numwords) or 0)
        if not count:
            return None
        if self._after_event(vt, m.end()):
            return None  # relative to an event ("بعد عامين من الحرب"), not to the reference
        prep = lx.relative[g("of_p")]["offset"]
        return Atom(start, m.end(), "offset", "date.relative.offset", unit=u["unit"], count=count * prep,
                    evidence=f"{g('of_p')} {unit_key}")

    def _after_event(self, vt: str, end: int) -> bool:
        """ "قبل أسبوع على الانتخابات": a time relative to an event (من / على + the event), unless
        the preposition opens an adverb of the sentence (على متن، على حسابه، من الآن)."""
        lx = self.lx
        nxt = next_word(vt, end)
        if nxt not in lx.context("offset_event"):
            return False
        after = next_word(vt, vt.index(nxt, end) + len(nxt))
        return not _stems(after) & lx.context("offset_not_event")

    def _p_pe(self, m: re.Match, start: int, cl: str, vt: str) -> Atom | None:
        """A relative period: "الأسبوع الماضي"، "هذا الشهر"، "مطلع العام"."""
        lx = self.lx
        g = m.group
        if not (g("pe_suf") or g("pe_th") or g("pe_pt") or g("pe_same")):
            return None
        unit = lx.relative[g("pe_n")]["unit"]
        if g("pe_same") and unit != "year":
            return None  # "الشهر نفسه": the month of another date, not resolved
        if unit == "year" and not (g("pe_th") or g("pe_pt")) and self._general(vt, m.start()):
            return SKIP  # "الأمين العام السابق": العام is "general" here, not the year
        if g("pe_y"):
            if unit == "year":
                # "العام الجاري 2024": the written year is the value
                return Atom(start, m.end(), "year", "date.year", y=int(g("pe_y")), explicit_year=True,
                            evidence=g("pe"))
            a_end = m.start("pe_y")
            while a_end > start and vt[a_end - 1] in " ،,":
                a_end -= 1
            a = Atom(start, a_end, "period", "date.relative.period", unit=unit)
        else:
            a = Atom(start, m.end(), "period", "date.relative.period", unit=unit)
        a.suf = lx.relative[g("pe_suf")]["offset"] if g("pe_suf") else 0
        if g("pe_same"):
            a.extra["same_year"] = True  # "في العام نفسه": the year written before
        self._set_part(a, g("pe_pt"))
        a.evidence = g("pe")
        return a

    def _general(self, vt: str, pos: int) -> bool:
        prev = prev_word(vt, pos)
        general = self.lx.context("general_before")
        return prev in general or (prev[:1] in ("و", "ف") and prev[1:] in general)

    def _p_md(self, m: re.Match, start: int, cl: str, vt: str) -> Atom | None:
        """Month before the day: "من يوليو 13 إلى 15"، "يونيو 13، 2024" (a second day or a year is
        needed: "في يونيو 13 قتيلا" is a count)."""
        g = m.group
        day = int(g("md_d1"))
        a = Atom(start, m.end(), "date", "date.md", m=self.lx.greg_months[g("md_m")], d=day, evidence=g("md_m"))
        if g("md_d2") and not self._day_range(a, m, "md_d2", day):
            return None
        if g("md_y") or g("md_y2"):
            a.y = int(g("md_y") or g("md_y2"))
            a.explicit_year = True
        return a

    def _p_hd(self, m: re.Match, start: int, cl: str, vt: str) -> Atom | None:
        """The first, second … day of a month: "أول أيام شهر رمضان"، "ثالث أيام مارس"."""
        lx = self.lx
        g = m.group
        cal, month = self._month(g("hd_m"))
        a = Atom(start, m.end(), "date", "date.dm", cal, m=month, d=lx.relative[g("hd_day")]["offset"] + 1,
                 evidence=g("hd_m"))
        if g("hd_y"):
            a.y = int(g("hd_y"))
            a.explicit_year = True
            self._marker(a, g("hd_mk"))
        if g("hd_suf"):
            a.suf = lx.relative[g("hd_suf")]["offset"]
        _day_rule(a)
        return a

    def _p_wo(self, m: re.Match, start: int, cl: str, vt: str) -> Atom | None:
        """A weekday and an ordinal day above five without a month (يوم السبت السادس عشر): a day of
        the month around the reference date that falls on that weekday."""
        lx = self.lx
        g = m.group
        day = lx.ordinals[g("wo_d")]
        a = Atom(start, m.end(), "date", "date.weekday.ordinal", d=day, wd=lx.weekdays[g("wo_wd")],
                 evidence=g("wo_wd"))
        a.extra["month_from_weekday"] = True
        a.extra["ordinal"] = True
        return a

    # ------------------------------------------------------------------ combining
    def combine(self, atoms: list[Atom], vt: str) -> list[Atom]:
        """Joins ranges and marks Hijri/Gregorian and weekday/date pairs."""
        out: list[Atom] = []
        i = 0
        n = len(atoms)
        while i < n:
            a = atoms[i]
            if i + 1 < n:
                r = self._range(a, atoms[i + 1], vt)
                if r is not None:
                    out.append(r)
                    i += 2
                    continue
            out.append(a)
            i += 1
        self._share_list_year(out, vt)
        aux = self.lx.aux
        for x, y in zip(out, out[1:]):
            if {x.kind, y.kind} == {"weekday", "date"} and x.end is None and y.end is None \
                    and aux["agree_weekday"].match(vt[x.ne:y.ns]):
                # "يوم الخميس الموافق 28 مارس"، "غرة رمضان توافق يوم السبت": the weekday is that date
                wk, day = (x, y) if x.kind == "weekday" else (y, x)
                if day.wd is None:
                    day.wd = wk.wd
                if day.suf is None and wk.suf is not None:
                    day.suf = wk.suf  # "السبت المقبل الموافق 8 يونيو": the next 8 June
                wk.extra["_same_day"] = day
                continue
            if x.kind == "date" and y.kind == "date" and x.cal != y.cal and x.end is None and y.end is None:
                if aux["agree_dates"].match(vt[x.ne:y.ns]):
                    h, gr = (x, y) if x.cal == "hijri" else (y, x)
                    h.extra["_pair"] = gr
        return out

    def _share_list_year(self, out: list[Atom], vt: str) -> None:
        """ "في يناير وفبراير 2024"، "في 5 مارس و7 أبريل 2024": the members of a list joined by و
        take the year written on the last one (when they come before it in the year)."""
        and_re = self.lx.aux["range_and"]
        for i in range(len(out) - 2, -1, -1):
            x, y = out[i], out[i + 1]
            if not (x.kind in ("date", "month") and y.kind in ("date", "month") and x.y is None and x.end is None
                    and y.end is None and x.cal == y.cal and x.suf is None and not x.extra.get("relative_month")
                    and and_re.match(vt[x.ne:y.ns])):
                continue
            if y.y is not None and (x.m or 0, x.d or 0) <= (y.m or 0, y.d or 0):
                x.y = y.y
                x.extra["_year_source"] = y.extra.get("_year_source", "text")
            elif y.y is None and y.suf is not None:
                x.suf = y.suf  # "في مارس وأبريل المقبلين": the suffix is the list's

    def _range(self, a: Atom, b: Atom, vt: str) -> Atom | None:
        if a.kind not in ("date", "month", "year") or a.kind != b.kind or a.end or b.end:
            return None
        if a.d2 or b.d2 or a.y2 or b.y2:
            return None
        between = vt[a.ne:b.ns]
        opener = from_word(self.lx, vt, a.ns)
        fr = opener[1] if opener else None
        if self.lx.aux["range_to"].match(between):
            if fr is None and "-" not in between and "–" not in between:
                return None
        elif self.lx.aux["range_and"].match(between):
            # "بين X و Y" only; "X و Y" lists two dates
            if opener is None or opener[0] not in self.between:
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


_SUFFIXES = ("هما", "هم", "ها", "ه", "نا", "ي", "ك")  # pronoun suffixes, normalized


def _stems(word: str) -> set[str]:
    """A word and its stem without a pronoun suffix (حسابه → حساب، صفحتها → صفحه)."""
    out = {word}
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            stem = word[:-len(suf)]
            out |= {stem, stem[:-1] + "ه"} if stem.endswith("ت") else {stem}
            break
    return out


def _day_rule(a: Atom) -> None:
    """The rule id of a day and month, with or without its year, in its calendar."""
    if a.cal == "hijri":
        a.rule = "date.hijri.dmy" if a.y else "date.hijri.dm"
    else:
        a.rule = "date.dmy" if a.y else "date.dm"
