"""The one normalizer: a normalized *view* of a text plus a map back to the original.

The original text is never modified. :func:`normalize_view` returns a :class:`NormView`
whose ``text`` is the normalized string and whose ``origin`` list gives, for every
normalized character, the index of the original character it came from. Lexicon keys go
through :func:`normalize` (the same code path), so lookups and text always agree.

What the view does (the table lives in ``resources/charmaps/ar_norm.json``):

* deletes diacritics (tashkeel, superscript alef, Quranic marks), tatweel, zero-width and
  bidi control characters (a tatweel standing alone between spaces is a dash, ``القاهرة ـ X``,
  and becomes ``-``);
* folds alef forms (أ إ آ ٱ) to ا, ى to ي, ة to ه, Persian ی/ک to ي/ك;
* maps Arabic-Indic and Persian digits to ASCII digits;
* folds Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) with NFKC, char by char
  (ligatures such as ﻻ expand to two characters that both point at the ligature);
* collapses runs of white space to one space (a newline when the run holds one).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_LONE_TATWEEL = re.compile(r"(?<!\S)\u0640+(?!\S)")
_WS = frozenset(" \t\r\n\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\u2028\u2029\u0085")


@dataclass(frozen=True)
class NormView:
    """A normalized view of an original text.

    Attributes:
        text: the normalized text.
        origin: ``origin[i]`` is the index in the original text of the character that
            produced ``text[i]``; ``None`` when the view is the identity (same length, same
            positions), which keeps the common case cheap.
        original_length: length of the original text.
        ends: ``ends[i]`` is the original end (exclusive) of ``text[i]``: past the character
            and the deleted combining marks (diacritics) that follow it, so a span ending in a
            word keeps that word's last vowel mark. ``None`` with the identity view.
    """

    text: str
    origin: list[int] | None
    original_length: int
    ends: list[int] | None = None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Maps a half-open span of the view to a half-open span of the original text."""
        if self.origin is None:
            return start, end
        if start >= end:
            pos = self.origin[start] if start < len(self.origin) else self.original_length
            return pos, pos
        return self.origin[start], self.ends[end - 1]


def _expand_key(key: str) -> list[str]:
    if len(key) == 3 and key[1] == "-":
        return [chr(c) for c in range(ord(key[0]), ord(key[2]) + 1)]
    return [key]


@lru_cache(maxsize=1)
def _charmap() -> dict[str, str]:
    """Loads and validates the character map (one time)."""
    raw = json.loads(resources.files("pipeline").joinpath("resources/charmaps/ar_norm.json").read_text("utf-8"))
    table: dict[str, str] = {}
    for key, value in raw["charMap"].items():
        chars = _expand_key(key)
        if not isinstance(value, str):
            raise ValueError(f"ar_norm.json: value for {key!r} must be a string")
        if len(chars) > 1 and len(value) == 3 and value[1] == "-":
            targets = _expand_key(value)
            if len(targets) != len(chars):
                raise ValueError(f"ar_norm.json: range {key!r} -> {value!r} lengths differ")
            table.update(zip(chars, targets))
        else:
            for ch in chars:
                table[ch] = value
    # Presentation forms: NFKC of each code point, then the map again on the result.
    for block in ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF)):
        for cp in range(block[0], block[1] + 1):
            ch = chr(cp)
            if ch in table:
                continue
            folded = unicodedata.normalize("NFKC", ch)
            if folded != ch and len(folded) <= 4:
                table[ch] = "".join(table.get(c, c) for c in folded if not c.isspace())
    return table


@lru_cache(maxsize=1)
def _translate_table() -> dict[int, str]:
    return {ord(k): v for k, v in _charmap().items()}


@lru_cache(maxsize=1)
def _specials() -> tuple[frozenset[str], re.Pattern]:
    """The characters the view does not copy one to one (deleted, expanded, white space), and a
    regex of *plain runs*: stretches copied one to one, single spaces between plain characters
    included (a space that neither follows nor precedes white space or a deleted mark is kept as
    it is)."""
    table = _translate_table()
    uneven = frozenset(chr(k) for k, v in table.items() if len(v) != 1)
    special = uneven | _WS | {chr(k) for k, v in table.items() if v == " "}
    cls = "".join(f"\\U{ord(c):08x}" for c in sorted(special))
    return uneven, re.compile(f"[^{cls}](?:[^{cls}]| (?=[^{cls}]))*")


def normalize_view(text: str) -> NormView:
    """Builds the normalized view of ``text`` with its offset map.

    Args:
        text: the original text (never modified).

    Returns:
        A :class:`NormView`; ``view.to_original(s, e)`` maps view spans back.
    """
    table = _translate_table()
    uneven, plain_runs = _specials()
    has_ws_runs = "  " in text or "\r" in text or "\t" in text or "\n " in text or " \n" in text or "\n\n" in text
    # a tatweel run standing alone between white space is a dash (القاهرة ـ X), not elongation
    lone = {m.start(): m.end() for m in _LONE_TATWEEL.finditer(text)} if "\u0640" in text else {}
    if not has_ws_runs and not lone and uneven.isdisjoint(text):
        out = text.translate(table)
        # characters mapped to a space (NBSP, controls) can still form a white-space run
        if "  " not in out and " \n" not in out and "\n " not in out and "\n\n" not in out:
            return NormView(out, None, len(text))
    chars: list[str] = []
    origin: list[int] = []
    ends: list[int] = []
    state = [False, False]  # previous character was white space; the pending run holds a newline
    pos = 0
    for m in plain_runs.finditer(text):
        a, b = m.span()
        if pos < a:
            _special_chars(text, pos, a, table, lone, chars, origin, ends, state)
        chars.append(text[a:b].translate(table))
        origin.extend(range(a, b))
        ends.extend(range(a + 1, b + 1))
        state[0] = False
        pos = b
    if pos < len(text):
        _special_chars(text, pos, len(text), table, lone, chars, origin, ends, state)
    return NormView("".join(chars), origin, len(text), ends)


def _special_chars(text: str, a: int, b: int, table: dict[int, str], lone: dict[int, int],
                   chars: list[str], origin: list[int], ends: list[int], state: list[bool]) -> None:
    """The view of ``text[a:b]``, one character at a time (white space, deleted marks, expanded
    or single characters between them)."""
    prev_ws, pending_newline = state
    for i in range(a, b):
        ch = text[i]
        mapped = table.get(ord(ch), ch)
        if ch in _WS or mapped == " ":
            if prev_ws:
                if (ch == "\n" or ch == "\r" or ch == "\u2029") and chars and chars[-1] == " " and not pending_newline:
                    chars[-1] = "\n"
                    pending_newline = True
                continue
            prev_ws = True
            pending_newline = ch in "\n\r\u2029"
            chars.append("\n" if pending_newline else " ")
            origin.append(i)
            ends.append(i + 1)
            continue
        if i in lone:
            mapped = "-"  # one dash for the whole run; the rest of the run is deleted like any tatweel
        if not mapped:
            # a deleted combining mark right after a kept letter belongs to that letter
            if ends and ends[-1] == i and not prev_ws and unicodedata.category(ch) == "Mn":
                ends[-1] = i + 1
            continue
        prev_ws = False
        for m in mapped:
            chars.append(m)
            origin.append(i)
            ends.append(lone.get(i, i + 1))
    state[0], state[1] = prev_ws, pending_newline


def normalize(text: str) -> str:
    """Normalizes a string (lexicon key, query) exactly like the document view.

    Leading and trailing white space is removed.
    """
    return normalize_view(text).text.strip()
