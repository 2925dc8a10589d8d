"""Lexicon of the date extractor, built once from data (the regex: :mod:`.dates_grammar`).

Sources:

* Gregorian month names: CLDR through babel, every ``ar`` / ``ar_*`` locale, format and
  stand-alone, wide and abbreviated; plus ``resources/dates/month_variants.tsv``.
* Weekday names: CLDR (babel ``ar``) plus ``weekday_variants.tsv``.
* Hijri month names: ``hijri_months.tsv``.
* Day ordinals: pyarabic ``number2ordinal`` (2..31, nominative and oblique forms) plus
  ``ordinal_extras.tsv``; cardinal number words: pyarabic ``number_const.NUMBER_WORDS``.
* Relative words, markers, context words, tense cues, rule ids: the other ``dates/*.tsv`` files.

All keys go through :func:`pipeline.normalize.normalize`, like the text (the grammar runs on the
normalized view).
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
    from .dates_grammar import aux_regexes, build_regex, triggers

    lx.regex = build_regex(lx)
    lx.triggers = triggers(lx)
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
