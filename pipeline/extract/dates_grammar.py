"""The candidate grammar of the date extractor: one combined regex (every atom kind, a named group
each) and a few small anchored patterns for the text between or around atoms, all built from the
lexicon's data.

The regex is a single alternation of bounded pieces (no nested unbounded quantifiers), so matching
is linear in the text length; it runs only at the start positions of numbers and trigger words.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..resources import load_proclitics

if TYPE_CHECKING:
    from .dates_lexicon import DateLexicon


def _alt(forms) -> str:
    """A regex alternation of literal normalized forms, longest first; spaces match one space."""
    uniq = sorted({f for f in forms if f}, key=lambda s: (-len(s), s))
    return "(?:" + "|".join(re.escape(f).replace(r"\ ", "[ ]") for f in uniq) + ")"


def _head(p: str, lx: DateLexicon) -> str:
    """Optional weekday head: [relative day] [يوم] weekday [،] [(] — or just يوم before a day."""
    rd = _alt(lx.kind_forms("day"))
    wd = _alt(lx.weekdays)
    yw = _alt(lx.markers["day_prefix"])
    return (rf"(?:(?:(?P<{p}_rd>{rd})[ ])?(?:(?P<{p}_yw>{yw})[ ])?(?P<{p}_wd>{wd})(?:[ ]?[،,])?[ ]?(?P<{p}_op>\([ ]?)?"
            rf"|(?P<{p}_yw2>{yw})[ ])?")


def build_regex(lx: DateLexicon) -> re.Pattern:
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


def aux_regexes(lx: DateLexicon) -> dict[str, re.Pattern]:
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


def triggers(lx: DateLexicon) -> frozenset[str]:
    """First words that can open a date expression (numbers aside): the regex is tried only there."""
    forms: set[str] = set(lx.greg_months) | set(lx.hijri_months) | set(lx.weekdays) | set(lx.ordinals)
    forms |= {f for f, r in lx.relative.items() if r["kind"] != "suffix"}
    # range_from / range_between (من، بين) are not triggers: they are too frequent, and a range
    # is found from its first date, then extended back over them (DateExtractor._extend_back).
    for kind in ("year_prefix", "month_prefix", "day_prefix"):
        forms |= lx.markers.get(kind, set())
    return frozenset(f.split(" ")[0] for f in forms if f)
