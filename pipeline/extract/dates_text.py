"""Small helpers of the date extractor over the normalized view: neighbouring words, the range
opener before a date, a clock time next to a day, marks the view drops."""

from __future__ import annotations

import unicodedata

from ..normalize import normalize
from .dates_lexicon import DateLexicon


def prev_word(vt: str, pos: int) -> str:
    j = pos
    while j > 0 and vt[j - 1] == " ":
        j -= 1
    i = j
    while i > 0 and (vt[i - 1].isalnum() or vt[i - 1] in "$+"):
        i -= 1
    return vt[i:j]


def next_word(vt: str, pos: int) -> str:
    i = pos
    n = len(vt)
    while i < n and vt[i] == " ":
        i += 1
    j = i
    while j < n and vt[j].isalnum():
        j += 1
    if j == i and i < n and vt[i] in "%$":
        return vt[i]
    return vt[i:j]


def from_word(lx: DateLexicon, vt: str, ns: int) -> tuple[str, int] | None:
    """The range opener (من، بين، ما بين) right before a view position, with its start."""
    off = max(0, ns - 9)
    m = lx.aux["range_opener"].search(vt[off:ns])
    if m is None:
        return None
    return m.group(1), off + m.start(1)


def time_near(lx: DateLexicon, vt: str, ns: int, ne: int) -> str | None:
    """A clock time written right after (or right before) a day: "HH:MM" (24 h), else None."""
    m = lx.aux["time_after"].match(vt, ne, min(len(vt), ne + 40))
    if m is None:
        off = max(0, ns - 30)
        m = lx.aux["time_before"].search(vt[off:ns])
    if m is None:
        return None
    h, mi = int(m.group(1)), int(m.group(2))
    if m.group(3) in lx.markers["meridiem_pm"] and h < 12:
        h += 12
    return f"{h:02d}:{mi:02d}"


def deleted(ch: str) -> bool:
    """True for a diacritic or tatweel the normalized view drops (not for bidi/format marks)."""
    if ch not in _DELETED:
        # (a tatweel alone reads as a dash; after a letter, as here, the view drops it)
        _DELETED[ch] = ch == "\u0640" or (normalize(ch) == "" and unicodedata.category(ch) == "Mn")
    return _DELETED[ch]


_DELETED: dict[str, bool] = {}
