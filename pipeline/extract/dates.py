"""Date extraction: every common way Arabic news writes a date, normalized to ISO 8601.

The stage is assembled from four seams, each in its own module:

* :mod:`~pipeline.extract.dates_lexicon` and :mod:`~pipeline.extract.dates_grammar`: the data
  (``resources/dates/*``, CLDR, pyarabic) and the one combined regex built from it;
* :mod:`~pipeline.extract.dates_atoms`: the candidate grammar's matches parsed into atoms
  (:mod:`~pipeline.extract.dates_model`: a day-month-year, a numeric date, a month, a year, a
  weekday or relative day, a relative period, an offset such as ``منذ ثلاثة أيام``), then joined
  into ranges, lists and Hijri/Gregorian or weekday/date pairs;
* :mod:`~pipeline.extract.dates_resolve`: every atom's value and ``year_source``, relative
  expressions only against ``doc.reference_date``;
* :mod:`~pipeline.extract.dates_periods`: decades, centuries, seasons, parts of a year and
  holidays, parsed and valued;
* :mod:`~pipeline.extract.dates_calendar`: Hijri conversion (hijridate) and calendar arithmetic.

Stage ``reference`` (:class:`DatelineDetector`, :mod:`~pipeline.extract.dates_dateline`) reads the
dateline at the top of an article when no reference date was given.
"""

from __future__ import annotations

from ..document import Document
from .dates_atoms import Atom, AtomParser
from .dates_calendar import add_months
from .dates_dateline import DatelineDetector
from .dates_lexicon import DateLexicon, date_lexicon
from .dates_resolve import Explicit, Resolver
from .dates_text import deleted, prev_word, time_near

__all__ = ["Atom", "DateExtractor", "DatelineDetector"]


class DateExtractor:
    """Stage ``dates``: emits ``date`` candidates with ISO values."""

    name = "dates"

    def __init__(self) -> None:
        self.lx: DateLexicon = date_lexicon()
        self.parser = AtomParser(self.lx)
        self.resolver = Resolver(self.lx)
        # nouns that name a place or a street after a date (مدينة السادس من أكتوبر)
        self._name_heads = self.lx.context("name_before")

    def __call__(self, doc: Document) -> Document:
        vt = doc.view.text
        atoms = self.parser.combine(self.parser.atoms(vt), vt)
        explicit: Explicit = []
        for a in atoms:
            for x in (a, a.end):
                if x is not None and x.explicit_year and x.y:
                    explicit.append((x.ns, x.y, "gregorian" if x.y >= 1600 else x.cal, x.ne))
        explicit.sort()
        dm = doc.meta.get("dateline_dm")
        if dm is not None:
            extra = {"granularity": "day", **({"year_source": dm[3]} if dm[2] else {})}
            doc.add_candidate(doc.make_entity("date", dm[0], dm[1], dm[2], "date.dateline.dm",
                                              self.lx.rules.get("date.dateline.dm", 0.8), "dateline", **extra))
        for a in atoms:
            prev = prev_word(vt, a.ns)
            if prev in self._name_heads or len(prev) > 2 and prev[0] in "وبل" and prev[1:] in self._name_heads:
                # a place or street named after a date (مدينة السادس من أكتوبر، شارع 26 يوليو):
                # no date; the span is left to the place stage
                s, e = doc.view.to_original(a.ns, a.ne)
                doc.meta.setdefault("date_names", []).append((s, e))
                continue
            self._emit(doc, a, explicit)
        doc.meta.pop("_date_bounds", None)
        return doc

    # ------------------------------------------------------------------ values of ranges and pairs
    def _range_years(self, doc: Document, first: Atom, b: Atom, explicit: Explicit) -> None:
        """A range member without a year takes it from the other member (or both from the reference)."""
        if first.y is None and b.y is not None:
            first.y = b.y
            first.cal = b.cal
            first.extra["_year_source"] = b.extra.get("_year_source", "text")
            if (first.m or 0, first.d or 0) > (b.m or 0, b.d or 0):
                first.y = b.y - 1
        elif b.y is None and first.y is not None:
            b.y = first.y
            b.cal = first.cal
            b.extra["_year_source"] = first.extra.get("_year_source", "text")
            if (b.m or 0, b.d or 0) < (first.m or 0, first.d or 0):
                b.y = first.y + 1
        elif first.y is None and b.y is None and b.extra.get("relative_month") and doc.reference_date:
            # "بين العشرين من يونيو والسابع من الشهر الحالي": the start precedes the resolved end
            by, bm = add_months(doc.reference_date.year, doc.reference_date.month, b.suf or 0)
            first.y = by if (first.m or 0, first.d or 0) <= (bm, b.d or 0) else by - 1
            first.extra["_year_source"] = "reference"
        elif first.y is None and b.y is None and first.kind in ("date", "month") and first.cal == b.cal:
            # neither has a year: resolve the start, the end follows it
            y1, how = self.resolver.year_for(doc, first, explicit)
            if y1 is not None:
                first.y = y1
                b.y = y1 + 1 if (b.m or 0, b.d or 0) < (first.m or 0, first.d or 0) else y1
                for x in (first, b):
                    x.extra["_year_source"] = "reference" if how == "tense" else how

    def _range_value(self, doc: Document, a: Atom, explicit: Explicit) -> tuple[str | None, dict, float]:
        """(value, extras, score factor) of a range."""
        b = a.end
        first: Atom = a.extra.get("_first", a)
        self._range_years(doc, first, b, explicit)
        v1, e1 = self.resolver.value(doc, first, explicit)
        v2, e2 = self.resolver.value(doc, b, explicit)
        value = None
        if v1 and v2:
            s1 = v1.split("/")[0]
            s2 = v2.split("/")[-1]
            value = f"{s1}/{s2}" if s1 <= s2 else None
        extra = {k: v for k, v in e1.items() if k in ("granularity", "calendar", "relative", "approximate")}
        sources = [e.get("year_source") for e in (e1, e2) if e.get("year_source") not in (None, "text")]
        if value is not None:
            extra["year_source"] = sources[0] if sources else "text"
        if "hijri" in e1 and "hijri" in e2:
            extra["hijri"] = f"{e1['hijri']}/{e2['hijri']}"
        extra["range"] = True
        factor = 1.0
        if e1.get("weekday_mismatch") or e2.get("weekday_mismatch"):
            extra["weekday_mismatch"] = True
            factor = 0.7
        return value, extra, factor

    def _single_value(self, doc: Document, a: Atom, explicit: Explicit) -> tuple[str | None, dict, float]:
        """(value, extras, score factor) of one atom; a Hijri date paired with its Gregorian
        equivalent takes the Gregorian value when they disagree."""
        value, extra = self.resolver.value(doc, a, explicit)
        factor = 0.7 if extra.get("weekday_mismatch") else 1.0
        day = a.extra.get("_same_day")
        if day is not None:
            # a weekday written with its date ("الخميس الموافق 31 أكتوبر") is that date
            dv, de = self.resolver.value(doc, day, explicit)
            if dv:
                value = dv
                extra.update({k: de[k] for k in ("year_source", "year_source_text") if k in de})
                extra["same_day_as"] = "date"
            return value, extra, factor
        pair = a.extra.get("_pair")
        if pair is not None and value:
            gv, _ = self.resolver.value(doc, pair, explicit)
            if gv and gv != value:
                extra["hijri_converted"] = value
                extra["agrees_with_gregorian"] = False
                value = gv
                factor *= 0.9
            elif gv:
                extra["agrees_with_gregorian"] = True
        return value, extra, factor

    # ------------------------------------------------------------------ emitting
    def _emit(self, doc: Document, a: Atom, explicit: Explicit) -> None:
        if a.end is not None:
            value, extra, factor = self._range_value(doc, a, explicit)
        else:
            value, extra, factor = self._single_value(doc, a, explicit)
        score = self.lx.rules.get(a.rule, 0.8) * factor
        if a.extra.get("pair_mismatch"):
            score *= 0.8
            extra["paired_month_mismatch"] = True
        if extra.get("year_from_tense") or extra.get("year_source") == "nearby_date":
            score *= 0.9
        if a.part:
            extra["part"] = a.part
        if extra.get("granularity") == "day" and a.end is None:
            t = time_near(self.lx, doc.view.text, a.ns, a.ne)
            if t:
                extra["time"] = t
        s, e = doc.view.to_original(a.ns, a.ne)
        text = doc.text[s:e]
        if not text.strip():
            return
        # never end on white space; keep trailing marks the view deleted (tatweel of هـ, tanween of غداً)
        while e > s and doc.text[e - 1].isspace():
            e -= 1
        while e < len(doc.text) and not doc.text[e].isspace() and deleted(doc.text[e]):
            e += 1
        evidence = a.evidence or text
        extra = {k: v for k, v in extra.items() if not k.startswith("_")}
        doc.add_candidate(doc.make_entity("date", s, e, value, a.rule, min(1.0, max(0.0, score)), evidence, **extra))
