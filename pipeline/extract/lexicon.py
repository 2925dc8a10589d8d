"""Gazetteer matching over the normalized view with Aho-Corasick (pyahocorasick).

Keys and text go through the same :func:`pipeline.normalize.normalize`. A hit counts only on
word boundaries: it must end where a token ends and start where a token starts, or after a
run of proclitics (و ف ب ل ك ال and their combinations) inside that token, so ``بالقاهرة``
yields the span ``القاهرة`` with clitic ``ب`` when the key is ``القاهره``.
Keys that begin with ال also match the fused ل + ال spelling (``للرياض`` -> span ``لرياض``,
key ``الرياض``), following the annotation convention.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any, Iterable, NamedTuple

import ahocorasick

from ..document import Document
from ..normalize import normalize
from ..tokenize import _prefix_table


class Hit(NamedTuple):
    """A gazetteer hit (a named tuple: cheap to create).

    Attributes:
        key: the normalized lexicon key that matched.
        nstart, nend: span of the hit in the normalized view (clitics excluded).
        start, end: the same span in the original text.
        tok_first, tok_last: indices of the first and last token touched.
        clitic: the normalized proclitics before the hit inside the first token ("" if none).
        payloads: what the lexicon stores for this key.
    """

    key: str
    nstart: int
    nend: int
    start: int
    end: int
    tok_first: int
    tok_last: int
    clitic: str
    payloads: tuple[Any, ...]


def _prefixes() -> tuple[frozenset[str], frozenset[str]]:
    plain = {""}
    fused = set()
    for written, cut, add in _prefix_table():
        if add:
            fused.add(cut)  # before the kept ل of the article: و ف or nothing, plus ل
        else:
            plain.add(written)
    return frozenset(plain), frozenset(fused)


class Gazetteer:
    """A set of normalized keys with payloads, matched on word boundaries."""

    def __init__(self, entries: Iterable[tuple[str, Any]], allow_clitics: bool = True):
        table: dict[str, list[Any]] = {}
        for surface, payload in entries:
            key = normalize(surface)
            if key:
                table.setdefault(key, []).append(payload)
        self.keys = table
        self.allow_clitics = allow_clitics
        self._plain, self._fused = _prefixes()
        auto = ahocorasick.Automaton()
        # value: (key, fused, payloads, length of the span in the view)
        for key, payloads in table.items():
            auto.add_word(key, (key, False, tuple(payloads), len(key)))
        if allow_clitics:
            for key, payloads in table.items():
                if key.startswith("ال") and len(key) > 3:
                    variant = "ل" + key[2:]
                    if variant not in table:
                        auto.add_word(variant, (key, True, tuple(payloads), len(key) - 1))
        if len(auto):
            auto.make_automaton()
        self._auto = auto

    def __len__(self) -> int:
        return len(self.keys)

    def __contains__(self, key: str) -> bool:
        return key in self.keys

    def get(self, key: str) -> tuple[Any, ...]:
        return tuple(self.keys.get(key, ()))

    def find(self, doc: Document) -> list[Hit]:
        """All boundary-respecting hits in the document, longest first at each start."""
        auto = self._auto
        if not len(auto) or not doc.tokens:
            return []
        vt = doc.view.text
        toks = doc.tokens
        starts = doc.meta.get("_tok_nstarts")
        if starts is None:
            starts = [t.nstart for t in toks]
            doc.meta["_tok_nstarts"] = starts
        n = len(vt)
        plain, fused_prefixes, clitics = self._plain, self._fused, self.allow_clitics
        to_original = doc.view.to_original
        new = tuple.__new__
        hits: list[Hit] = []
        for end_idx, (key, fused, payloads, length) in auto.iter(vt):
            me = end_idx + 1
            if me < n:
                c = vt[me]
                if c.isalpha() or c.isdigit():
                    continue  # the match ends inside a word
            ms = me - length
            ti = bisect_right(starts, ms) - 1
            if ti < 0:
                continue
            tok = toks[ti]
            if ms >= tok.nend:
                continue
            prefix = vt[tok.nstart:ms] if ms > tok.nstart else ""
            if fused:
                if prefix not in fused_prefixes:
                    continue
            elif prefix and (not clitics or prefix not in plain):
                continue
            tj = bisect_right(starts, me - 1) - 1
            os_, oe = to_original(ms, me)
            hits.append(new(Hit, (key, ms, me, os_, oe, ti, tj, prefix, payloads)))
        hits.sort(key=_hit_order)
        return hits


def _hit_order(h: Hit) -> tuple[int, int]:
    return h.nstart, h.nstart - h.nend
