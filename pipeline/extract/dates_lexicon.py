"""Lexicon of the date extractor, built once from data (the regex: :mod:`.dates_grammar`).

Sources:

* Gregorian month names: CLDR through babel, every ``ar`` / ``ar_*`` locale, format and
  stand-alone, wide and abbreviated; plus ``resources/dates/month_variants.tsv``.
* Weekday names: CLDR (babel ``ar``) plus ``weekday_variants.tsv``.
* Hijri month names: ``hijri_months.tsv``.
* Day ordinals: pyarabic ``number2ordinal`` (2..31, nominative and oblique forms) plus
  ``ordinal_extras.tsv``; cardinal number words: pyarabic ``number_const.NUMBER_WORDS``.
* Decades, seasons, parts of a year, holidays and named events: ``decades.tsv``, ``seasons.tsv``,
  ``year_parts.tsv``, ``holidays.tsv``, ``events.tsv``.
* Relative words, markers, context words, tense cues, rule ids: the other ``dates/*.tsv`` files.

All keys go through :func:`pipeline.normalize.normalize`, like the text (the grammar runs on the
normalized view). The lexicon is built once and cached on disk (:func:`date_lexicon`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..normalize import normalize
from ..resources import ResourceError, load_table

D = "dates/"


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
    ctx: dict[str, frozenset[str]]  # context.tsv, by kind
    future: frozenset[str]
    past: frozenset[str]
    clause: frozenset[str]
    rules: dict[str, float]
    ordinals_need_of: frozenset[str] = frozenset()
    decades: dict[str, int] = field(default_factory=dict)
    seasons: dict[str, dict] = field(default_factory=dict)
    year_parts: dict[str, dict] = field(default_factory=dict)
    holidays: dict[str, dict] = field(default_factory=dict)
    events: dict[tuple[str, int, int], list[dict]] = field(default_factory=dict)
    regex: re.Pattern = field(repr=False, default=None)
    regex_periods: re.Pattern = field(repr=False, default=None)
    triggers: frozenset = field(repr=False, default=frozenset())
    period_triggers: frozenset = field(repr=False, default=frozenset())
    aux: dict[str, re.Pattern] = field(repr=False, default_factory=dict)

    def kind_forms(self, kind: str) -> list[str]:
        return [f for f, r in self.relative.items() if r["kind"] == kind]

    def context(self, kind: str) -> frozenset[str]:
        return self.ctx.get(kind, frozenset())


def _by_kind(rel: str) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for r in load_table(D + rel, ("form", "kind")):
        out.setdefault(r["kind"], set()).add(normalize(r["form"]))
    return {k: frozenset(v) for k, v in out.items()}


def _int(rel: str, row: dict, key: str, lo: int, hi: int, optional: bool = False) -> int | None:
    """An integer column within [lo, hi] (a clear error otherwise)."""
    raw = row.get(key)
    if optional and raw in (None, ""):
        return None
    try:
        v = int(raw)
    except (TypeError, ValueError):
        raise ResourceError(f"{D}{rel}: id {row['id']!r}: {key} {raw!r} is not a number") from None
    if not lo <= v <= hi:
        raise ResourceError(f"{D}{rel}: id {row['id']!r}: {key} {v} outside [{lo}, {hi}]")
    return v


def _relative() -> dict[str, dict]:
    out: dict[str, dict] = {}
    for row in load_table(D + "relative.tsv", ("form", "kind")):
        if row.get("narrow") not in (None, "", "first", "last"):
            raise ResourceError(f"{D}relative.tsv: id {row['id']!r}: narrow must be first or last")
        out[normalize(row["form"])] = {"id": row["id"], "kind": row["kind"], "offset": int(row.get("offset") or 0),
                                       "unit": row.get("unit") or "", "narrow": row.get("narrow") or ""}
    return out


def _markers() -> dict[str, set[str]]:
    markers: dict[str, set[str]] = {}
    for row in load_table(D + "markers.tsv", ("form", "kind")):
        markers.setdefault(row["kind"], set()).add(normalize(row["form"]))
    for need in ("hijri", "gregorian", "year_prefix", "month_prefix", "range_to", "range_between", "range_from",
                 "agree", "clock", "meridiem_am", "meridiem_pm", "range_and", "century", "era_hijri",
                 "era_gregorian", "bce", "season_prefix", "holiday_adj", "weekday_link", "same"):
        if need not in markers:
            raise ResourceError(f"dates/markers.tsv: no {need!r} entry")
    return markers


def _periods_of_time() -> tuple[dict[str, int], dict[str, dict], dict[str, dict]]:
    """Decades, seasons and parts of a year (decades.tsv, seasons.tsv, year_parts.tsv)."""
    decades = {normalize(r["form"]): _int("decades.tsv", r, "decade", 10, 90)
               for r in load_table(D + "decades.tsv", ("form", "decade"))}
    seasons = {normalize(r["form"]): {"season": r["season"],
                                      "first_month": _int("seasons.tsv", r, "first_month", 1, 12),
                                      "year_shift": _int("seasons.tsv", r, "year_shift", -1, 0)}
               for r in load_table(D + "seasons.tsv", ("form", "season", "first_month", "year_shift"))}
    parts: dict[str, dict] = {}
    for r in load_table(D + "year_parts.tsv", ("form", "kind", "value")):
        if r["kind"] not in ("part", "ordinal", "months", "first_last"):
            raise ResourceError(f"{D}year_parts.tsv: id {r['id']!r}: unknown kind {r['kind']!r}")
        parts[normalize(r["form"])] = {"kind": r["kind"], "value": _int("year_parts.tsv", r, "value", -1, 12)}
    return decades, seasons, parts


def _holidays() -> dict[str, dict]:
    out: dict[str, dict] = {}
    for r in load_table(D + "holidays.tsv", ("form", "holiday", "calendar", "month", "day")):
        if r["calendar"] not in ("hijri", "gregorian"):
            raise ResourceError(f"{D}holidays.tsv: id {r['id']!r}: calendar must be hijri or gregorian")
        out[normalize(r["form"])] = {
            "id": r["id"], "holiday": r["holiday"], "calendar": r["calendar"],
            "month": _int("holidays.tsv", r, "month", 1, 12), "day": _int("holidays.tsv", r, "day", 1, 31),
            "approximate": r.get("approximate") == "yes", "birthday_guard": r.get("birthday_guard") == "yes"}
    return out


def _events() -> dict[tuple[str, int, int], list[dict]]:
    """(head noun, month, day or 0) -> the named events with that date."""
    out: dict[tuple[str, int, int], list[dict]] = {}
    for r in load_table(D + "events.tsv", ("heads", "month", "year")):
        m = _int("events.tsv", r, "month", 1, 12)
        d = _int("events.tsv", r, "day", 1, 31, optional=True) or 0
        entry = {"id": r["id"], "year": _int("events.tsv", r, "year", 1, 2200),
                 "month_names": frozenset(normalize(f) for f in (r.get("month_names") or "").split("|") if f)}
        for head in r["heads"].split("|"):
            out.setdefault((normalize(head), m, d), []).append(entry)
    return out


@lru_cache(maxsize=1)
def date_lexicon() -> DateLexicon:
    """The date lexicon and its regexes, built once and cached on disk (:mod:`pipeline.cache`)."""
    from ..cache import cached_table

    return cached_table("date-lexicon", _build_date_lexicon)


def _build_date_lexicon() -> DateLexicon:
    greg = _cldr_months()
    for row in load_table(D + "month_variants.tsv", ("form", "month")):
        greg.setdefault(normalize(row["form"]), int(row["month"]))
    hijri = {normalize(r["form"]): int(r["month"]) for r in load_table(D + "hijri_months.tsv", ("form", "month"))}
    wds = _cldr_weekdays()
    for row in load_table(D + "weekday_variants.tsv", ("form", "weekday")):
        wds.setdefault(normalize(row["form"]), int(row["weekday"]))
    tense = _by_kind("tense.tsv")
    decades, seasons, parts = _periods_of_time()
    lx = DateLexicon(
        greg_months=greg, hijri_months=hijri, weekdays=wds, ordinals=_ordinals(), numwords=_number_words(),
        relative=_relative(), markers=_markers(), ctx=_by_kind("context.tsv"),
        future=tense.get("future", frozenset()), past=tense.get("past", frozenset()),
        clause=tense.get("clause", frozenset()),
        rules={r["id"]: float(r["score"]) for r in load_table(D + "rules.tsv", ("score",))},
        ordinals_need_of=frozenset(normalize(r["form"]) for r in load_table(D + "ordinal_extras.tsv", ("form",))
                                   if r.get("needs_of") == "yes"),
        decades=decades, seasons=seasons, year_parts=parts, holidays=_holidays(), events=_events(),
    )
    from .dates_grammar import aux_regexes, build_period_regex, build_regex, period_triggers, triggers

    lx.regex = build_regex(lx)
    lx.regex_periods = build_period_regex(lx)
    lx.triggers = triggers(lx)
    lx.period_triggers = period_triggers(lx)
    lx.aux = aux_regexes(lx)
    return lx


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
