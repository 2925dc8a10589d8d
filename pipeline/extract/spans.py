"""Shared pieces of the overlap policy: the score floor of named entities and an index of
disjoint spans (used by the resolver and by the person linker)."""

from __future__ import annotations

import bisect

#: named candidates (person, place, organization, date) below this score are dropped before
#: overlaps are settled; persons have calibrated scores (``extract/people/evidence.py``), and the
#: best F1 threshold is about half the F1 reached
MIN_SCORE = 0.4


class Spans:
    """Disjoint half-open spans, sorted by start: overlap test and insertion in O(log n)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlap(self, start: int, end: int) -> tuple[int, int] | None:
        i = bisect.bisect_left(self.starts, end)  # spans starting before ``end``
        if i and self.ends[i - 1] > start:       # the last of them is the only one that can reach in
            return self.starts[i - 1], self.ends[i - 1]
        return None

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)
