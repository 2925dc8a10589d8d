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
    """Optional weekday head: [relative day] [يوم] weekday [،] [في] [(] — or just يوم before a day."""
    rd = _alt(lx.kind_forms("day"))
    wd = _alt(lx.weekdays)
    yw = _alt(lx.markers["day_prefix"])
    link = _alt(lx.markers["weekday_link"])
    return (rf"(?:(?:(?P<{p}_rd>{rd})[ ])?(?:(?P<{p}_yw>{yw})[ ])?(?P<{p}_wd>{wd})(?:[ ]?[،,])?[ ]?"
            rf"(?:(?P<{p}_lk>{link})[ ])?(?P<{p}_op>\([ ]?)?|(?P<{p}_yw2>{yw})[ ])?")


def _with_lam(forms) -> set[str]:
    """The forms and the forms after the preposition ل (عام → لعام, العام → للعام)."""
    out = set(forms)
    out |= {"لل" + f[2:] if f.startswith("ال") else "ل" + f for f in forms}
    return out


def _tokens(lx: DateLexicon) -> dict[str, str]:
    """The shared sub-patterns of the grammar."""
    t = {
        "gm": _alt(lx.greg_months), "hm": _alt(lx.hijri_months), "ordn": _alt(lx.ordinals),
        "day": r"(?:3[01]|[12][0-9]|0?[1-9])(?!\d)", "y4": r"[12][0-9]{3}(?![\d%])",
        "mk": _alt(lx.markers["hijri"] | lx.markers["gregorian"]) + r"(?!\w)",
        "suf": _alt(lx.kind_forms("suffix")) + r"(?!\w)", "part": _alt(lx.kind_forms("part")),
        "yp": _alt(lx.markers["year_prefix"]), "ypl": _alt(_with_lam(lx.markers["year_prefix"])),
        "mp": _alt(lx.markers["month_prefix"]), "nw": _alt(lx.numwords),
        "rto": _alt(lx.markers["range_to"]), "rbet": _alt(lx.markers["range_between"]),
        "rfrom": _alt(lx.markers["range_from"]), "comma": r"(?:[ ]?[،,])?[ ]", "ofw": _alt(lx.markers["of"]),
        "per": _alt(lx.kind_forms("period")), "this": _alt(lx.kind_forms("this")),
        "pery": _alt(_with_lam(f for f in lx.kind_forms("period") if lx.relative[f]["unit"] == "year")),
        "wd": _alt(lx.weekdays), "yw": _alt(lx.markers["day_prefix"]), "same": _alt(lx.markers["same"]),
        # العام الدراسي، العام المالي: a school or fiscal year, not the calendar year
        "notcal": rf"(?![ ]{_alt(lx.context('year_not_calendar_after'))}(?!\w))",
        "hday": _alt(f for f in lx.kind_forms("holiday_day") if lx.relative[f]["offset"] >= 0),
    }
    t["anym"] = f"(?:{t['gm']}|{t['hm']})"
    t["nwseq"] = rf"{t['nw']}(?:[ ]و[ ]?{t['nw']}){{0,4}}(?!\w)"
    t["dayrange"] = rf"(?:[ ]?[-–][ ]?|[ ]{t['rto']}[ ]|[ ]و[ ]?)"
    return t


def _pair(p: str, t: dict[str, str]) -> str:
    """The same month in the other naming system: "(سبتمبر)", "/نوفمبر", or after a plain space in
    agency style ("مارس آذار", "يناير كانون الثاني"); the space form is Gregorian only."""
    return (rf"(?:[ ]?\([ ]?(?P<{p}_pm>{t['anym']})[ ]?\)|[ ]?/[ ]?(?P<{p}_pm2>{t['anym']})"
            rf"|[ ](?P<{p}_pm3>{t['gm']})(?!\w))?")


def _year_of(p: str, t: dict[str, str]) -> str:
    """The year a season, a part of a year or a holiday belongs to: written ("2024", "عام 2024",
    "لعام 1445 هـ") or relative ("العام الماضي", "هذا العام", "للعام الجاري")."""
    return (rf"(?:(?:(?P<{p}_yp>{t['ypl']})[ ])?(?P<{p}_y>{t['y4']})(?:[ ]?(?P<{p}_mk>{t['mk']}))?"
            rf"|(?:(?P<{p}_th>{t['this']})[ ])?(?P<{p}_pe>{t['pery']}){t['notcal']}"
            rf"(?:[ ](?P<{p}_suf>{t['suf']})|[ ](?P<{p}_same>{t['same']})(?!\w))?"
            rf"(?:[ ]?[،,]?[ ](?P<{p}_y2>{t['y4']}))?)")


def _core_pieces(lx: DateLexicon, t: dict[str, str]) -> dict[str, str]:
    """Days, months, years, weekdays, relative days, offsets and relative periods."""
    dayrange, suf, mk, y4, day, ordn = t["dayrange"], t["suf"], t["mk"], t["y4"], t["day"], t["ordn"]
    # the second day of a range may carry its own weekday (من السبت 16 إلى الأحد 24 مارس)
    d2 = rf"{dayrange}(?:{t['yw']}[ ])?(?:(?P<dm_wd2>{t['wd']})(?:[ ]?[،,])?[ ])?(?P<dm_d2>{day})"
    rd = _alt(lx.kind_forms("day") + lx.kind_forms("day_weekday"))
    p = {
        "dm": (rf"(?:(?P<dm_fr>{t['rfrom']}|{t['rbet']})[ ])?{_head('dm', lx)}(?:ال[ ]?)?(?P<dm_d1>{day}|{ordn})"
               rf"(?:{d2})?(?:[ ](?P<dm_of>{t['ofw']}))?[ ](?:(?P<dm_mp>{t['mp']})[ ])?(?P<dm_m>{t['anym']}){_pair('dm', t)}"
               rf"(?:{t['comma']}(?:(?P<dm_yp>{t['yp']})[ ])?(?:(?P<dm_y>{y4})|(?P<dm_yn>{t['nwseq']}))(?:[ ]?(?P<dm_mk>{mk}))?)?"
               rf"(?:[ ](?P<dm_suf>{suf}))?(?(dm_op)[ ]?\))"),
        "dr": (rf"{_head('dr', lx)}(?:ال[ ]?)?(?P<dr_d>{day}|{ordn})(?:{dayrange}(?P<dr_d2>{day}))?(?:[ ]{t['ofw']})?"
               rf"[ ](?P<dr_n>{t['per']})[ ](?P<dr_suf>{suf})(?(dr_op)[ ]?\))"),
        "nu": (rf"{_head('nu', lx)}(?P<nu_a>\d{{1,4}})[ ]?(?P<nu_s>[/.-])[ ]?(?P<nu_b>\d{{1,2}})[ ]?(?P=nu_s)[ ]?"
               rf"(?P<nu_c>\d{{2,4}})(?![\d%]|[/.,-]\d)(?:[ ]?(?P<nu_mk>{mk}))?(?(nu_op)[ ]?\))"),
        "nm": r"(?P<nm_m>1[0-2]|0?[1-9])[ ]?/[ ]?(?P<nm_y>(?:19|20)[0-9]{2})(?![\d%]|[/.,-]\d)",
        # month first (من يوليو 13 إلى 15، يونيو 13، 2024): needs a second day or a year
        "md": (rf"(?P<md_m>{t['gm']})[ ](?P<md_d1>{day})(?:{dayrange}(?P<md_d2>{day})(?:{t['comma']}(?P<md_y>{y4}))?"
               rf"|{t['comma']}(?P<md_y2>{y4}))(?!\w)"),
        "mo": (rf"(?:(?P<mo_pt>{t['part']})[ ])?(?:(?P<mo_mp>{t['mp']})[ ])?(?P<mo_m>{t['anym']}){_pair('mo', t)}"
               rf"(?:{t['comma']}(?:(?P<mo_yp>{t['yp']})[ ])?(?P<mo_y>{y4})(?:[ ]?(?P<mo_mk>{mk}))?)?(?:[ ](?P<mo_suf>{suf}))?(?!\w)"),
        "yr": (rf"(?:(?P<yr_fr>{t['rfrom']}|{t['rbet']})[ ])?(?:(?P<yr_pt>{t['part']})[ ])?(?:(?P<yr_p>{t['yp']})[ ]?(?P<yr_op>\([ ]?)?)?"
               rf"(?:(?P<yr_y>{y4})(?(yr_op)[ ]?\))(?:(?P<yr_rc>[ ]?[-–/][ ]?|[ ](?:{t['rto']})[ ]|[ ]و[ ]?)(?:{t['yp']}[ ])?(?P<yr_y2>{y4}))?"
               rf"|(?P<yr_w>{t['nwseq']}))(?:[ ]?(?P<yr_mk>{mk}))?(?!\w)"),
        # a weekday and an ordinal day without a month (السبت السادس عشر); a month has at most five
        # of each weekday, so only an ordinal above five is a day (الأحد الثاني counts Sundays)
        "wo": (rf"(?:(?P<wo_yw>{t['yw']})[ ])?(?P<wo_wd>{t['wd']})(?:[ ]?[،,])?[ ](?:ال[ ]?)?"
               rf"(?P<wo_d>{_alt(f for f, v in lx.ordinals.items() if v > 5)})(?!\w)"
               rf"(?![ ]{_alt(lx.context('ordinal_not_day_after'))}(?!\w))"),
        "wk": (rf"(?:(?P<wk_rd>{rd})(?:[ ](?:(?P<wk_yw>{t['yw']})[ ])?(?P<wk_wd>{t['wd']}))?|(?:(?P<wk_yw2>{t['yw']})[ ])?(?P<wk_wd2>{t['wd']}))"
               rf"(?:[ ](?P<wk_suf>{suf}))?(?!\w)"),
        "of": (rf"(?P<of_p>{_alt(lx.kind_forms('offset_prep'))})[ ](?:(?P<of_n>\d{{1,3}}|{t['nwseq']})[ ])?"
               rf"(?P<of_u>{_alt(lx.kind_forms('unit'))})(?!\w)(?![ ]?\d)"),
        "pe": (rf"(?:(?P<pe_pt>{t['part']})[ ])?(?:(?P<pe_th>{t['this']})[ ])?(?P<pe_n>{t['per']}){t['notcal']}"
               rf"(?:[ ](?P<pe_suf>{suf})|[ ](?P<pe_same>{t['same']})(?!\w))?(?:[ ]?[،,]?[ ](?P<pe_y>{y4}))?(?!\w)"),
        # the first (second …) day of a month: "أول أيام شهر رمضان"، "ثاني أيام مارس"
        "hd": (rf"(?P<hd_day>{t['hday']})[ ](?:{t['mp']}[ ])?(?P<hd_m>{t['anym']})"
               rf"(?:{t['comma']}(?P<hd_y>{y4})(?:[ ]?(?P<hd_mk>{mk}))?)?(?:[ ](?P<hd_suf>{suf}))?(?!\w)"),
    }
    return p


def _century(p: str, lx: DateLexicon, t: dict[str, str]) -> str:
    """القرن + an ordinal (العشرين، التاسع عشر), a suffix (الماضي) or a number (الـ21), with an
    optional era (الهجري، الميلادي) and قبل الميلاد."""
    era = _alt(lx.markers["era_hijri"] | lx.markers["era_gregorian"])
    return (rf"{_alt(lx.markers['century'])}[ ](?:(?P<{p}_cn>{t['ordn']})|(?P<{p}_cs>{t['suf']})"
            rf"|(?:ال[ ]?)?(?P<{p}_cd>[12]?[0-9])(?![\d%]))(?:[ ](?P<{p}_era>{era})(?!\w))?"
            rf"(?:[ ](?P<{p}_bce>{_alt(lx.markers['bce'])})(?!\w))?")


def _period_pieces(lx: DateLexicon, t: dict[str, str]) -> dict[str, str]:
    """Decades, centuries, seasons, parts of a year and holidays."""
    part, suf, comma = t["part"], t["suf"], t["comma"]
    yp = lx.year_parts
    kinds = {k: _alt(f for f, r in yp.items() if r["kind"] == k) for k in ("part", "ordinal", "months", "first_last")}
    return {
        "dc": (rf"(?:(?P<dc_pt>{part})[ ])?(?:ال)?(?P<dc_w>{_alt(lx.decades)})"
               rf"(?:[ ](?:{t['ofw']}[ ])?{_century('dc', lx, t)})?(?!\w)"),
        "ce": rf"(?:(?P<ce_pt>{part})[ ])?{_century('ce', lx, t)}(?!\w)",
        "se": (rf"(?:(?P<se_pt>{part})[ ])?(?:(?P<se_th0>{t['this']})[ ])?(?:{_alt(lx.markers['season_prefix'])}[ ])?"
               rf"(?:ال)?(?P<se_n>{_alt(lx.seasons)})(?:[ ](?P<se_ssuf>{suf})|(?:{comma}|[ ]{t['ofw']}[ ]){_year_of('se', t)})?(?!\w)"),
        "qu": (rf"(?:(?P<qu_n>{kinds['part']})[ ](?P<qu_o>{kinds['ordinal']})"
               rf"|(?P<qu_mn>{kinds['months']})[ ](?:ال)?(?P<qu_c>{t['nw']})[ ](?P<qu_fl>{kinds['first_last']}))"
               rf"(?:[ ]{t['ofw']}[ ]|[ ]?[،,][ ]|[ ]){_year_of('qu', t)}(?!\w)"),
        "ho": (rf"(?:(?P<ho_day>{_alt(lx.kind_forms('holiday_day'))})[ ])?(?P<ho_n>{_alt(lx.holidays)})"
               rf"(?:[ ](?P<ho_adj>{_alt(lx.markers['holiday_adj'])}))?"
               rf"(?:[ ](?P<ho_ssuf>{suf})|[ ](?:{t['ofw']}[ ]|ل)?{_year_of('ho', t)})?(?!\w)"),
    }


def _compile(lx: DateLexicon, pieces: dict[str, str], order: tuple[str, ...]) -> re.Pattern:
    body = "|".join(f"(?P<{k}>{pieces[k]})" for k in order)
    pro = load_proclitics()
    conj = "".join(sorted(set("".join(pro["conjunction"]))))
    prep = "".join(sorted(set("".join(pro["preposition"]))))
    # a slash right before is allowed only after a word (1445هـ/2024م), never after a digit (12/2024)
    return re.compile(rf"(?<![\w\-.:,])(?<![\d\s]/)(?<![\d][ ]/)(?P<cl>[{conj}]?[{prep}]?)(?:{body})")


def build_regex(lx: DateLexicon) -> re.Pattern:
    """The core grammar: days, months, years, weekdays, relative days, offsets, relative periods;
    at a given start the longest, most specific pieces are tried first."""
    pieces = _core_pieces(lx, _tokens(lx))
    return _compile(lx, pieces, ("dm", "dr", "nu", "nm", "md", "hd", "mo", "yr", "wo", "wk", "of", "pe"))


def build_period_regex(lx: DateLexicon) -> re.Pattern:
    """The grammar of decades, centuries, seasons, parts of a year and holidays, tried before the
    core grammar at the words that may open them (:func:`period_triggers`)."""
    pieces = _period_pieces(lx, _tokens(lx))
    return _compile(lx, pieces, ("ho", "qu", "dc", "ce", "se"))


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
    return frozenset(f.split(" ")[0] for f in forms if f) | period_triggers(lx)


def period_triggers(lx: DateLexicon) -> frozenset[str]:
    """First words that can open a decade, century, season, part of a year or holiday."""
    forms: set[str] = set(lx.markers["century"]) | set(lx.markers["season_prefix"])
    for table in (lx.decades, lx.seasons):
        forms |= set(table) | {"ال" + f for f in table}
    forms |= {f for f, r in lx.year_parts.items() if r["kind"] in ("part", "months")}
    forms |= set(lx.holidays)
    forms |= {f for f, r in lx.relative.items() if r["kind"] in ("part", "this", "holiday_day")}
    return frozenset(f.split(" ")[0] for f in forms if f)
