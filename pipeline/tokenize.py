"""Tokens and sentences with original offsets, and proclitic peeling.

Tokenization runs on the normalized view (so Arabic-Indic digits are numbers and diacritics
do not split words) and maps every token back to the original text.
"""

from __future__ import annotations

import operator
import re
from functools import lru_cache
from typing import NamedTuple

from .document import Document, Sentence, Token
from .resources import load_proclitics

# letters (any script, digits excluded) | numbers with inner . or , | any other non-space char
_TOKEN_RE = re.compile(r"(?P<word>[^\W\d_]+)|(?P<number>\d+(?:[.,]\d+)*)|(?P<punct>[^\w\s]|_)")
_SENT_END = frozenset(".!?؟")


def tokenize_view(view_text: str) -> list[tuple[int, int, str]]:
    """Returns ``(start, end, kind)`` spans of the tokens of a normalized string."""
    return [(m.start(), m.end(), m.lastgroup) for m in _TOKEN_RE.finditer(view_text)]


def tokenize(doc: Document) -> Document:
    """Stage: fills ``doc.tokens`` and ``doc.sentences`` (needs ``doc.view``)."""
    view = doc.view
    vt = view.text
    origin, ends = view.origin, view.ends
    tokens: list[Token] = []
    append = tokens.append
    new = tuple.__new__
    sentences: list[Sentence] = []
    sent_i = 0
    sent_tok_start = 0
    prev_end = -1  # the first token always has a gap before it
    i = 0
    for m in _TOKEN_RE.finditer(vt):
        s, e = m.span()
        kind = m.lastgroup
        gap = prev_end != s
        if gap and sent_tok_start < i and "\n" in vt[prev_end:s]:
            sentences.append(_sentence(sent_i, tokens, sent_tok_start, i))
            sent_i += 1
            sent_tok_start = i
        if origin is None:
            append(new(Token, (i, s, e, s, e, vt[s:e], kind, sent_i, gap)))
        else:
            append(new(Token, (i, origin[s], ends[e - 1], s, e, vt[s:e], kind, sent_i, gap)))
        prev_end = e
        i += 1
        if kind == "punct" and vt[s] in _SENT_END:
            nxt = vt[e:e + 1]
            if not nxt or nxt.isspace() or nxt in "\"'»)":
                sentences.append(_sentence(sent_i, tokens, sent_tok_start, i))
                sent_i += 1
                sent_tok_start = i
    if sent_tok_start < len(tokens):
        sentences.append(_sentence(sent_i, tokens, sent_tok_start, len(tokens)))
    doc.tokens = tokens
    doc.sentences = sentences
    return doc


def _sentence(i: int, tokens: list[Token], a: int, b: int) -> Sentence:
    return Sentence(i, tokens[a].start, tokens[b - 1].end, a, b)


class Peel(NamedTuple):
    """One way of reading a word: ``cut`` characters of proclitics, then ``key``.

    ``key`` is the lookup form; it differs from ``norm[cut:]`` only for the fused ل + ال
    (``للرياض`` -> cut 1, key ``الرياض``). A named tuple, built with ``tuple.__new__``.
    """

    cut: int
    key: str
    clitic: str


@lru_cache(maxsize=1)
def _prefix_table() -> tuple[tuple[str, str, str], ...]:
    """(written prefix, clitic part removed, key prefix to add) from the proclitic data."""
    pro = load_proclitics()
    conj = [""] + pro["conjunction"]
    prep = [""] + pro["preposition"]
    art = pro["article"]
    combos: set[tuple[str, str, str]] = set()
    for c in conj:
        for p in prep:
            if c or p:
                combos.add((c + p, c + p, ""))
            for a in art:
                combos.add((c + p + a, c + p + a, ""))  # peel article too: key without ال
        for fused in pro["fused_lam_article"]:
            # ل + ال is written لل: cut only the preposition, restore the article in the key
            combos.add((c + fused, c + "ل", art[0]))
    return tuple(sorted(combos, key=lambda x: -len(x[0])))


@lru_cache(maxsize=1)
def _prefixes_by_first() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """:func:`_prefix_table` indexed by the first letter of the written prefix (each list in the
    table's order): a word is compared only with the prefixes it can begin with."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for combo in _prefix_table():
        out.setdefault(combo[0][:1], []).append(combo)
    return {k: tuple(v) for k, v in out.items()}


MIN_STEM = 2
_CUT = operator.itemgetter(0)  # Peel.cut


@lru_cache(maxsize=65536)
def peels(norm: str) -> tuple[Peel, ...]:
    """All readings of a normalized word, the whole word first, then by shorter stems.

    ``وبالقاهره`` -> whole, ``بالقاهره`` (و), ``القاهره`` (وب), ``قاهره`` (وبال); ``للرياض`` ->
    whole, ``الرياض`` (cut ``ل``), ``رياض`` (لل).
    """
    new = tuple.__new__
    out = [new(Peel, (0, norm, ""))]
    seen = {norm}
    for written, cut, add in _prefixes_by_first().get(norm[:1], ()):
        if norm.startswith(written) and len(norm) - len(written) >= MIN_STEM:
            key = add + norm[len(written):]
            if key not in seen:
                seen.add(key)
                # fused: the span keeps the ل of the article (لرياض), the key restores ال
                out.append(new(Peel, (len(cut), key, cut) if add else (len(written), key, written)))
    if len(out) > 2:
        out[1:] = sorted(out[1:], key=_CUT)
    return tuple(out)
