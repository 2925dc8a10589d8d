"""Shared word-frequency signals (wordfreq), computed once per process."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency of a word in Arabic (0 = unknown, 7 = the most frequent words)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "ar")
