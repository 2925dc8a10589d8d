"""Lexicon and the one combined regex of the date extractor, built once from data.

Sources:

* Gregorian month names: CLDR through babel, every ``ar`` / ``ar_*`` locale, format and
  stand-alone, wide and abbreviated; plus ``resources/dates/month_variants.tsv``.
* Weekday names: CLDR (babel ``ar``) plus ``weekday_variants.tsv``.
* Hijri month names: ``hijri_months.tsv``.
* Day ordinals: pyarabic ``number2ordinal`` (2..31, nominative and oblique forms) plus
  ``ordinal_extras.tsv``; cardinal number words: pyarabic ``number_const.NUMBER_WORDS``.
* Relative words, markers, context words, tense cues, rule ids: the other ``dates/*.tsv`` files.

All keys go through :func:`pipeline.normalize.normalize` and the regex runs on the normalized
view. The regex is a single alternation of bounded pieces (no nested unbounded quantifiers), so
matching is linear in the text length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..normalize import normalize
from ..resources import ResourceError, load_proclitics, load_table

D = "dates/"


def _alt(forms) -> str:
    """A regex alternation of literal normalized forms, longest first; spaces match one space."""
    uniq = sorted({f for f in forms if f}, key=lambda s: (-len(s), s))
    return "(?:" + "|".join(re.escape(f).replace(r"\ ", "[ ]") for f in uniq) + ")"


def _cldr_months() -> dict[str, int]:
    from babel import Locale
    from babel.localedata import locale_identifiers

    out: dict[str, int] = {}
    for loc in locale_identifiers():
        if loc != "ar" and not loc.startswith("ar_"):
            continue
        months = Locale.parse(loc).months
        for ctx in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for num, name in months.get(ctx, {}).get(width, {}).items():
                    key = normalize(name)
                    if key and not key.isdigit():
                        out.setdefault(key, int(num))
    return out


def _cldr_weekdays() -> dict[str, int]:
    from babel import Locale

    out: dict[str, int] = {}
    days = Locale.parse("ar").days
    for ctx in ("format", "stand-alone"):
        for num, name in days[ctx]["wide"].items():
            out[normalize(name)] = int(num)
    return out


def _ordinals() -> dict[str, int]:
    """Day ordinals 1..31: pyarabic's forms (…ون) and the oblique forms (…ين) news uses."""
    from pyarabic.number import number2ordinal

    out: dict[str, int] = {}
    for n in range(2, 32):
        form = normalize(number2ordinal(n))
        variants = {form}
        if form.endswith("ون"):
            variants.add(form[:-2] + "ين")
        if form.endswith(" عشره"):
            variants.add(form[:-1])  # pyarabic's 13..19 are feminine (الثالث عشرة); days are الثالث عشر
        for v in list(variants):
            if " و" in v:
                variants.add(v.replace(" و", " و "))
        for v in variants:
            out[v] = n
    for row in load_table(D + "ordinal_extras.tsv", ("form", "value")):
        out[normalize(row["form"])] = int(row["value"])
    # compounds with الأول for 21 and 31 are written with الحادي, which pyarabic gives.
    return out


def _number_words() -> dict[str, int]:
    from pyarabic.number_const import NUMBER_WORDS

    out: dict[str, int] = {}
    for w, v in NUMBER_WORDS.items():
        key = normalize(w)
        if key and v:
            out.setdefault(key, int(v))
    return out


@dataclass
class DateLexicon:
    greg_months: dict[str, int]
    hijri_months: dict[str, int]
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    numwords: dict[str, int]
    relative: dict[str, dict]
    markers: dict[str, set[str]]
    context_before: frozenset[str]
    context_after: frozenset[str]
    after_today: frozenset[str]
    offset_event: frozenset[str]
    not_day_ordinal_before: frozenset[str]
    recurring_before: frozenset[str]
    not_weekday_before: frozenset[str]
    future: frozenset[str]
    past: frozenset[str]
    rules: dict[str, float]
    regex: re.Pattern = field(repr=False, default=None)
    triggers: frozenset = field(repr=False, default=frozenset())
    aux: dict[str, re.Pattern] = field(repr=False, default_factory=dict)

    def kind_forms(self, kind: str) -> list[str]:
        return [f for f, r in self.relative.items() if r["kind"] == kind]


def _head(p: str, lx: "DateLexicon") -> str:
    """Optional weekday head: [relative day] [يوم] weekday [،] [(] — or just يوم before a day."""
    rd = _alt(lx.kind_forms("day"))
    wd = _alt(lx.weekdays)
    yw = _alt(lx.markers["day_prefix"])
    return (rf"(?:(?:(?P<{p}_rd>{rd})[ ])?(?:(?P<{p}_yw>{yw})[ ])?(?P<{p}_wd>{wd})(?:[ ]?[،,])?[ ]?(?P<{p}_op>\([ ]?)?"
            rf"|(?P<{p}_yw2>{yw})[ ])?")


def _build_regex(lx: DateLexicon) -> re.Pattern:
    gm = _alt(lx.greg_months)
    hm = _alt(lx.hijri_months)
    anym = f"(?:{gm}|{hm})"
    ordn = _alt(lx.ordinals)
    day = r"(?:3[01]|[12][0-9]|0?[1-9])(?!\d)"
    y4 = r"[12][0-9]{3}(?![\d%])"
    mk = _alt(lx.markers["hijri"] | lx.markers["gregorian"]) + r"(?!\w)"
    suf = _alt(lx.kind_forms("suffix")) + r"(?!\w)"
    part = _alt(lx.kind_forms("part"))
    yp = _alt(lx.markers["year_prefix"])
    mp = _alt(lx.markers["month_prefix"])
    nw = _alt(lx.numwords)
    nwseq = rf"{nw}(?:[ ]و[ ]?{nw}){{0,4}}(?!\w)"
    rto = _alt(lx.markers["range_to"])
    rbet = _alt(lx.markers["range_between"])
    rfrom = _alt(lx.markers["range_from"])
    comma = r"(?:[ ]?[،,])?[ ]"
    ofw = _alt(lx.markers["of"])

    def pair(p):
        # the same month in the other naming system: "(سبتمبر)", "/نوفمبر", or after a plain space
        # in agency style ("مارس آذار", "يناير كانون الثاني"); the space form is Gregorian only
        return (rf"(?:[ ]?\([ ]?(?P<{p}_pm>{anym})[ ]?\)|[ ]?/[ ]?(?P<{p}_pm2>{anym})"
                rf"|[ ](?P<{p}_pm3>{gm})(?!\w))?")

    dayrange = rf"(?:[ ]?[-–][ ]?|[ ]{rto}[ ]|[ ]و[ ]?)"

    dm = (rf"(?P<dm>(?:(?P<dm_fr>{rfrom}|{rbet})[ ])?{_head('dm', lx)}(?:ال[ ]?)?(?P<dm_d1>{day}|{ordn})"
          rf"(?:{dayrange}(?P<dm_d2>{day}))?(?:[ ]{ofw})?[ ](?P<dm_m>{anym}){pair('dm')}"
          rf"(?:{comma}(?:(?P<dm_yp>{yp})[ ])?(?:(?P<dm_y>{y4})|(?P<dm_yn>{nwseq}))(?:[ ]?(?P<dm_mk>{mk}))?)?"
          rf"(?:[ ](?P<dm_suf>{suf}))?(?(dm_op)[ ]?\)))")
    nu = (rf"(?P<nu>{_head('nu', lx)}(?P<nu_a>\d{{1,4}})[ ]?(?P<nu_s>[/.-])[ ]?(?P<nu_b>\d{{1,2}})[ ]?(?P=nu_s)[ ]?"
          rf"(?P<nu_c>\d{{2,4}})(?![\d%]|[/.,-]\d)(?:[ ]?(?P<nu_mk>{mk}))?(?(nu_op)[ ]?\)))")
    per = _alt(lx.kind_forms("period"))
    dr = (rf"(?P<dr>{_head('dr', lx)}(?:ال[ ]?)?(?P<dr_d>{day}|{ordn})(?:{dayrange}(?P<dr_d2>{day}))?(?:[ ]{ofw})?[ ](?P<dr_n>{per})[ ](?P<dr_suf>{suf})(?(dr_op)[ ]?\)))")
    nm = (r"(?P<nm>(?P<nm_m>1[0-2]|0?[1-9])[ ]?/[ ]?(?P<nm_y>(?:19|20)[0-9]{2})(?![\d%]|[/.,-]\d))")
    mo = (rf"(?P<mo>(?:(?P<mo_pt>{part})[ ])?(?:(?P<mo_mp>{mp})[ ])?(?P<mo_m>{anym}){pair('mo')}"
          rf"(?:{comma}(?:(?P<mo_yp>{yp})[ ])?(?P<mo_y>{y4})(?:[ ]?(?P<mo_mk>{mk}))?)?(?:[ ](?P<mo_suf>{suf}))?(?!\w))")
    yr = (rf"(?P<yr>(?:(?P<yr_fr>{rfrom}|{rbet})[ ])?(?:(?P<yr_pt>{part})[ ])?(?:(?P<yr_p>{yp})[ ]?(?P<yr_op>\([ ]?)?)?"
          rf"(?:(?P<yr_y>{y4})(?(yr_op)[ ]?\))(?:(?P<yr_rc>[ ]?[-–/][ ]?|[ ](?:{rto})[ ]|[ ]و[ ]?)(?:{yp}[ ])?(?P<yr_y2>{y4}))?"
          rf"|(?P<yr_w>{nwseq}))(?:[ ]?(?P<yr_mk>{mk}))?(?!\w))")
    rd = _alt(lx.kind_forms("day") + lx.kind_forms("day_weekday"))
    wd = _alt(lx.weekdays)
    yw = _alt(lx.markers["day_prefix"])
    wk = (rf"(?P<wk>(?:(?P<wk_rd>{rd})(?:[ ](?:(?P<wk_yw>{yw})[ ])?(?P<wk_wd>{wd}))?|(?:(?P<wk_yw2>{yw})[ ])?(?P<wk_wd2>{wd}))"
          rf"(?:[ ](?P<wk_suf>{suf}))?(?!\w))")
    this = _alt(lx.kind_forms("this"))
    pe = (rf"(?P<pe>(?:(?P<pe_pt>{part})[ ])?(?:(?P<pe_th>{this})[ ])?(?P<pe_n>{per})(?:[ ](?P<pe_suf>{suf}))?(?:[ ]?[،,]?[ ](?P<pe_y>{y4}))?(?!\w))")
    prep = _alt(lx.kind_forms("offset_prep"))
    unit = _alt(lx.kind_forms("unit"))
    of = (rf"(?P<of>(?P<of_p>{prep})[ ](?:(?P<of_n>\d{{1,3}}|{nwseq})[ ])?(?P<of_u>{unit})(?!\w)(?![ ]?\d))")
    # order: longest / most specific first at a given start
    body = "|".join([dm, dr, nu, nm, mo, yr, wk, of, pe])
    pro = load_proclitics()
    conj = "".join(sorted(set("".join(pro["conjunction"]))))
    prep = "".join(sorted(set("".join(pro["preposition"]))))
    # a slash right before is allowed only after a word (1445هـ/2024م), never after a digit (12/2024)
    pattern = rf"(?<![\w\-.:,])(?<![\d\s]/)(?<![\d][ ]/)(?P<cl>[{conj}]?[{prep}]?)(?:{body})"
    return re.compile(pattern)


@lru_cache(maxsize=1)
def date_lexicon() -> DateLexicon:
    greg = _cldr_months()
    for row in load_table(D + "month_variants.tsv", ("form", "month")):
        greg.setdefault(normalize(row["form"]), int(row["month"]))
    hijri = {normalize(r["form"]): int(r["month"]) for r in load_table(D + "hijri_months.tsv", ("form", "month"))}
    wds = _cldr_weekdays()
    for row in load_table(D + "weekday_variants.tsv", ("form", "weekday")):
        wds.setdefault(normalize(row["form"]), int(row["weekday"]))
    relative: dict[str, dict] = {}
    for row in load_table(D + "relative.tsv", ("form", "kind")):
        key = normalize(row["form"])
        relative[key] = {"id": row["id"], "kind": row["kind"], "offset": int(row.get("offset") or 0),
                         "unit": row.get("unit") or ""}
    markers: dict[str, set[str]] = {}
    for row in load_table(D + "markers.tsv", ("form", "kind")):
        markers.setdefault(row["kind"], set()).add(normalize(row["form"]))
    for need in ("hijri", "gregorian", "year_prefix", "month_prefix", "range_to", "range_between", "range_from"):
        if need not in markers:
            raise ResourceError(f"dates/markers.tsv: no {need!r} entry")
    ctx = load_table(D + "context.tsv", ("form", "kind"))
    tense = load_table(D + "tense.tsv", ("form", "kind"))
    rules = {r["id"]: float(r["score"]) for r in load_table(D + "rules.tsv", ("score",))}
    lx = DateLexicon(
        greg_months=greg, hijri_months=hijri, weekdays=wds, ordinals=_ordinals(), numwords=_number_words(),
        relative=relative, markers=markers,
        context_before=frozenset(normalize(r["form"]) for r in ctx if r["kind"] == "before"),
        context_after=frozenset(normalize(r["form"]) for r in ctx if r["kind"] == "after"),
        after_today=frozenset(normalize(r["form"]) for r in ctx if r["kind"] == "after_today"),
        not_day_ordinal_before=frozenset(normalize(r["form"]) for r in ctx if r["kind"] == "not_day_ordinal_before"),
        recurring_before=frozenset(normalize(r["form"]) for r in ctx if r["kind"] == "recurring_before"),
        offset_event=frozenset(normalize(r["form"]) for r in ctx if r["kind"] == "offset_event"),
        not_weekday_before=frozenset(normalize(r["form"]) for r in ctx if r["kind"] == "not_weekday_before"),
        future=frozenset(normalize(r["form"]) for r in tense if r["kind"] == "future"),
        past=frozenset(normalize(r["form"]) for r in tense if r["kind"] == "past"),
        rules=rules,
    )
    for need in ("agree", "clock", "meridiem_am", "meridiem_pm", "range_and"):
        if need not in markers:
            raise ResourceError(f"dates/markers.tsv: no {need!r} entry")
    lx.regex = _build_regex(lx)
    lx.triggers = _triggers(lx)
    lx.aux = _aux_regexes(lx)
    return lx


def _aux_regexes(lx: DateLexicon) -> dict[str, re.Pattern]:
    """Small anchored patterns for the text between or around atoms (all from markers.tsv)."""
    mk = lx.markers
    agree = _alt(mk["agree"])
    rto = _alt(mk["range_to"])
    rand = _alt(mk["range_and"])
    opener = _alt(mk["range_from"] | mk["range_between"] | {f.replace(" ", "") for f in mk["range_between"]})
    mer = _alt(mk["meridiem_am"] | mk["meridiem_pm"])
    clock = _alt(mk["clock"])
    hhmm = r"([01]?\d|2[0-3])[:.]([0-5]\d)(?!\d)"
    return {
        # between a Hijri date and its Gregorian equivalent (or the reverse)
        "agree_dates": re.compile(rf"^[ ]?[،,]?[ ]?(?:{agree}[ ]?|\([ ]?|/[ ]?)?$"),
        # between a lone weekday and the date it names
        "agree_weekday": re.compile(rf"^[ ]?[،,]?[ ]?{agree}[ ]?$"),
        "range_to": re.compile(rf"^(?:[ ]?[-–][ ]?|[ ]{rto}[ ])$"),
        "range_month_follows": re.compile(rf"(?:[ ]?[-–][ ]?|[ ]{rto}[ ])(?:[وف]?[بل]?)?(?:{_alt(lx.greg_months)})(?!\w)"),
        "range_and": re.compile(rf"^[ ]{rand}[ ]?$"),
        # the opener right before the first date of a range (search in a short window)
        "range_opener": re.compile(rf"(?:^|[^\w])[وف]?({opener})[ ]?$"),
        "time_after": re.compile(rf"[ ]?[،,]?[ ]?(?:في[ ])?(?:{clock}[ ])?{hhmm}(?:[ ]?({mer})(?!\w))?"),
        "time_before": re.compile(rf"(?:{clock}[ ])?{hhmm}(?:[ ]?({mer})(?!\w))?[ ]?(?:من[ ])?$"),
    }


def _triggers(lx: DateLexicon) -> frozenset[str]:
    """First words that can open a date expression (numbers aside): the regex is tried only there."""
    forms: set[str] = set(lx.greg_months) | set(lx.hijri_months) | set(lx.weekdays) | set(lx.ordinals)
    forms |= {f for f, r in lx.relative.items() if r["kind"] != "suffix"}
    # range_from / range_between (من، بين) are not triggers: they are too frequent, and a range
    # is found from its first date, then extended back over them (DateExtractor._extend_back).
    for kind in ("year_prefix", "month_prefix", "day_prefix"):
        forms |= lx.markers.get(kind, set())
    return frozenset(f.split(" ")[0] for f in forms if f)


def words_to_number(text: str, numwords: dict[str, int]) -> int | None:
    """Value of a normalized number-word sequence (``الفين واربعه وعشرين`` -> 2024)."""
    total = 0
    current = 0
    for raw in text.split():
        w = raw if raw in numwords or raw in _MULTIPLIERS else raw[1:] if raw.startswith("و") else raw
        if not w:
            continue
        v = _MULTIPLIERS.get(w) or numwords.get(w)
        if v is None:
            return None
        if v in (1000, 10**6, 10**9):
            total += (current or 1) * v
            current = 0
        elif v >= 1000:
            total += v
            current = 0
        elif v == 100 and current:
            current *= 100
        else:
            current += v
    return total + current


# plural multipliers that pyarabic's word list lacks (normalized)
_MULTIPLIERS = {"الاف": 1000, "ملايين": 10**6}
