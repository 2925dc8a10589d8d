"""Stage ``reference``: the dateline at the top of an article (``المدينة، 12 مارس 2024 (وكالة) -``)
sets the reference date when none was given."""

from __future__ import annotations

import datetime as dt
import re

from ..document import Document
from ..normalize import normalize
from ..resources import load_table
from .dates_atoms import Atom, AtomParser
from .dates_calendar import hijri_to_greg
from .dates_lexicon import date_lexicon
from .dates_resolve import Resolver

_DATELINE_TAIL = re.compile(r"[ ]?(?:\([^()\n]{1,60}\)[ ]?)?(?:-{1,2}|–|—|:)|[ ]?/[ ]?[^/\d\n]{2,30}[ ]?/")
_DATELINE_PLACE = re.compile(r"^[ \n]*[^\W\d_]+(?:[ ][^\W\d_]+){0,3}(?:[ ]?[،,\-–])?[ ]?(?:في[ ])?$")
# KUNA style: "الكويت - 12 - 5 (كونا) --": day and month without a year, then the agency
_DATELINE_DM = re.compile(r"[ \n]*([^\W\d_]+(?:[ ][^\W\d_]+){0,3})[ ]?[-–][ ]?(\d{1,2})[ ]?[-/][ ]?(\d{1,2})"
                          r"[ ]?\([^()\n]{1,40}\)[ ]?(?:-{1,2}|–|—|:)")
_TAIL_CHARS = frozenset("-–—:/")  # every dateline tail (_DATELINE_TAIL) holds one of them
_PLACE_TRIM = re.compile(r"(?:[ ]?[،,\-–])?[ ]?(?:[ ]في)?[ ]?$")


class DatelineDetector:
    """Stage ``reference``: sets the reference date from the dateline when none was given.

    A dateline opens one of the first three lines (a headline may come first): one to four place
    words, an optional comma, a date with day, month and year (or a numeric date), an optional
    ``(agency)``, then ``-``, ``--`` or ``:``. ``doc.meta["dateline"]`` records its original offsets and those of the place part.
    """

    name = "reference"

    def __init__(self) -> None:
        self._dates = AtomParser(date_lexicon())
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
            y = Resolver.nearest_year(explicit, m.start(2), "gregorian")
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
        source = "reference" if doc.reference_date is not None else "nearby_date"
        doc.meta["dateline_dm"] = (ds, de, value.isoformat() if value else None, source)
        if doc.reference_date is None and value is not None:
            doc.reference_date = value
            doc.reference_source = "dateline"
        return doc

    def detect(self, head: str, vt: str) -> tuple[Atom, int, dt.date | None] | None:
        if not _TAIL_CHARS.intersection(head):
            return None  # no dateline tail can match (-, –, —, : or /): skip the date grammar
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
            y = Resolver.nearest_year(explicit, a.ns, a.cal)
        value = None
        if y is not None:
            try:
                if a.cal == "hijri":
                    value = hijri_to_greg(y, a.m, a.d)
                else:
                    value = dt.date(y, a.m, a.d)
            except ValueError:
                value = None
        return first, tail.end(), value
