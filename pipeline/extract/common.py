"""Shared word-frequency signals (wordfreq), computed once per process."""

from __future__ import annotations

from functools import lru_cache

from ..normalize import normalize


@lru_cache(maxsize=4)
def common_words(n: int = 3000) -> frozenset[str]:
    """The ``n`` most frequent Arabic words (wordfreq), normalized."""
    from wordfreq import top_n_list

    return frozenset(normalize(w) for w in top_n_list("ar", n))


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency of a word in Arabic (0 = unknown, 7 = the most frequent words)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "ar")
