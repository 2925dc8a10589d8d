"""Shared word-frequency signals (wordfreq's Arabic list), read from a cached table.

:func:`zipf` returns exactly what ``wordfreq.zipf_frequency(word, "ar")`` returns, without
running wordfreq's tokenizer for each word (nor importing wordfreq at all, once the table is
cached): a word made only of letters that wordfreq's preprocessing leaves alone (Arabic letters
that NFKC keeps, ASCII letters, which it lower-cases) is one token of its own, so its Zipf value is
read from the table built from wordfreq's frequency dict (:func:`_build_word_zipf`; 0 when it is
not listed). Any other word (marks, tatweel, digits, upper case, presentation forms, other scripts)
is looked up by wordfreq itself.
"""

from __future__ import annotations

import math
import unicodedata
from functools import lru_cache
from itertools import islice
from typing import Any, Callable

from ..cache import cached_table

#: characters of a word whose wordfreq token is the word itself (NFKC- and casefold-stable letters)
PLAIN_LETTERS = frozenset(
    [c for c in map(chr, range(0x0600, 0x0700)) if unicodedata.category(c) == "Lo"
     and unicodedata.normalize("NFKC", c) == c] + list("abcdefghijklmnopqrstuvwxyz"))
_PLAIN_OR_UPPER = PLAIN_LETTERS | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")  # wordfreq lower-cases
#: the Zipf value of a plain word wordfreq does not list (its minimum, checked at build time)
UNLISTED = 0.0
_CHECK_EVERY = 97  # every n-th entry of the built table is checked against wordfreq itself


def _listed_zipf(freq: float) -> float:
    """wordfreq's Zipf value of a one-token word of frequency ``freq`` (``zipf_frequency`` with the
    default minimum: the frequency rounded to three significant digits, then to centibels)."""
    freq = max(1.0 / (1.0 / freq), 1e-9)
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


def _build_word_zipf() -> dict[str, float]:
    from wordfreq import get_frequency_dict, zipf_frequency

    table = {w: _listed_zipf(f) for w, f in get_frequency_dict("ar").items()
             if w and all(c in PLAIN_LETTERS for c in w)}
    wrong = [w for w in list(table)[::_CHECK_EVERY] if zipf_frequency(w, "ar") != table[w]]
    if wrong or zipf_frequency("ظظظظظظظظ", "ar") != UNLISTED:
        # another wordfreq version: take its own values (slower to build, always exact)
        table = {w: zipf_frequency(w, "ar") for w in table}
    return table


@lru_cache(maxsize=1)
def word_zipf_table():
    """Zipf value of every plain word of wordfreq's Arabic list (cached on disk)."""
    return cached_table("wordzipf", _build_word_zipf)


def zipf(word: str) -> float:
    """Zipf frequency of a word in Arabic (0 = unknown, 7 = the most frequent words), exactly
    ``wordfreq.zipf_frequency(word, "ar")``."""
    if PLAIN_LETTERS.issuperset(word):
        return word_zipf_table().get(word, UNLISTED)
    if _PLAIN_OR_UPPER.issuperset(word):
        return word_zipf_table().get(word.lower(), UNLISTED)
    return _wordfreq_zipf(word)


@lru_cache(maxsize=20_000)
def _wordfreq_zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "ar")


#: look-ups a seeded memo misses before it loads its precomputed table (a batch run; a single
#: article never pays for loading it)
SEED_AFTER = 2_000
#: the most frequent Arabic words of wordfreq whose per-type analyses are precomputed (seed tables)
SEED_WORDS = 100_000


def frequent_spellings() -> list[str]:
    """The :data:`SEED_WORDS` most frequent Arabic words of wordfreq that are letters only, most
    frequent first: the keys of the seed tables (normalized by the tables that key by norm). Read
    from the cached frequency table, which keeps wordfreq's order (most frequent first), so a
    seed build does not load wordfreq's whole list again (about 100 MB)."""
    return list(islice(word_zipf_table(), SEED_WORDS))


def seed_table(fn: Callable[[str], Any], spellings: list[str], key: Callable[[str], str] | None = None) -> dict:
    """The seed table of a :class:`TypeMemo`: ``fn`` of each spelling (or of its ``key``, e.g. its
    normalized form, each key once), most frequent first."""
    out: dict[str, Any] = {}
    for w in spellings:
        k = key(w) if key else w
        if k not in out:
            out[k] = fn(k)
    return out
_ABSENT = object()


class TypeMemo(dict):
    """A bounded memo of a pure function of one word type (a spelling, a key): ``memo[key]`` is
    ``fn(key)``, computed on the first look-up and kept across documents. When it holds ``limit``
    entries it is emptied before the next one is added (memory stays bounded on any corpus; a
    look-up that hits costs one dict access, no Python call).

    ``seed``: a callable returning a precomputed ``{key: fn(key)}`` table for frequent keys (an
    on-disk cached table, :func:`pipeline.cache.cached_table`); it is called once, after
    :data:`SEED_AFTER` misses, and then consulted before ``fn`` on every miss."""

    __slots__ = ("fn", "limit", "seed", "_table", "_misses")

    def __init__(self, fn: Callable[[str], Any], limit: int = 200_000, seed: Callable[[], dict] | None = None):
        super().__init__()
        if limit < 1:
            raise ValueError(f"TypeMemo limit must be positive, not {limit}")
        self.fn = fn
        self.limit = limit
        self.seed = seed
        self._table: dict | None = None
        self._misses = 0

    def __missing__(self, key: str) -> Any:
        if len(self) >= self.limit:
            self.clear()
        table = self._table
        if table is None and self.seed is not None:
            self._misses += 1
            if self._misses >= SEED_AFTER:
                table = self._table = self.seed()
        if table:
            value = table.get(key, _ABSENT)
            if value is not _ABSENT:
                self[key] = value
                return value
        value = self[key] = self.fn(key)
        return value

    def __reduce__(self):
        # pickled empty: a memo is rebuilt, never stored (its seed table is loaded again)
        return (TypeMemo, (self.fn, self.limit, self.seed))
