"""Tokenizer and proclitic peeling."""

from __future__ import annotations

import pytest

from pipeline.document import Document
from pipeline.normalize import normalize_view
from pipeline.tokenize import peels, tokenize


def _doc(text: str) -> Document:
    d = Document("t", text)
    d.view = normalize_view(text)
    return tokenize(d)


@pytest.mark.parametrize("text, expected", [
    ("زار الرئيس القاهرة.", [("زار", "word"), ("الرئيس", "word"), ("القاهرة", "word"), (".", "punct")]),
    ("كوفيد-19", [("كوفيد", "word"), ("-", "punct"), ("19", "number")]),
    ("بلغ 1.6 مليار", [("بلغ", "word"), ("1.6", "number"), ("مليار", "word")]),
    ("في ٢٠٢٤،", [("في", "word"), ("٢٠٢٤", "number"), ("،", "punct")]),
    ("الرِّيَاضُ", [("الرِّيَاضُ", "word")]),           # diacritics stay inside the token surface
    ("يوم الأحد (26 سبتمبر)", [("يوم", "word"), ("الأحد", "word"), ("(", "punct"), ("26", "number"),
                               ("سبتمبر", "word"), (")", "punct")]),
])
def test_tokenize_surfaces_and_kinds(text, expected):
    d = _doc(text)
    assert [(d.text[t.start:t.end], t.kind) for t in d.tokens] == expected


@pytest.mark.parametrize("text, n_sentences", [
    ("جملة أولى. جملة ثانية؟ وثالثة!", 3),
    ("سطر أول\nسطر ثان", 2),
    ("بلغ النمو 1.6 في المئة", 1),          # a decimal point ends no sentence
    ("", 0),
    ("   \n\n  ", 0),
])
def test_tokenize_sentences(text, n_sentences):
    d = _doc(text)
    assert len(d.sentences) == n_sentences
    for s in d.sentences:
        toks = d.tokens[s.tok_start:s.tok_end]
        assert toks and all(t.sent == s.i for t in toks)
        assert s.start == toks[0].start and s.end == toks[-1].end


def test_tokenize_offsets_point_into_original():
    text = "وقال الـرئيـس ﻻ بُدَّ من ١٢ مارس\u200f في بيروت"
    d = _doc(text)
    for t in d.tokens:
        assert d.view.text[t.nstart:t.nend] == t.norm
        assert text[t.start:t.end].strip() == text[t.start:t.end]


@pytest.mark.parametrize("word, readings", [
    ("بالقاهرة", [(0, "بالقاهره"), (1, "القاهره"), (3, "قاهره")]),
    ("وبيروت", [(0, "وبيروت"), (1, "بيروت"), (2, "يروت")]),
    ("للرياض", [(0, "للرياض"), (1, "الرياض")]),               # fused ل + ال: cut 1, key restores ال
    ("وللرياض", [(0, "وللرياض"), (1, "للرياض"), (2, "الرياض")]),
    ("من", [(0, "من")]),                                      # too short to peel
])
def test_peels_readings(word, readings):
    from pipeline.normalize import normalize

    got = [(p.cut, p.key) for p in peels(normalize(word))]
    for r in readings:
        assert r in got
    assert got[0] == (0, normalize(word))


def test_peels_never_leave_stem_shorter_than_two():
    for p in peels("وبه"):
        assert len(p.key) >= 2


def _peels_by_full_scan(norm: str) -> list[tuple[int, str, str]]:
    """peels() as it was written before the prefix index: every prefix of the table is tried."""
    from pipeline.tokenize import MIN_STEM, _prefix_table

    out, seen = [(0, norm, "")], {norm}
    for written, cut, add in _prefix_table():
        if norm.startswith(written) and len(norm) - len(written) >= MIN_STEM:
            key = add + norm[len(written):]
            if key not in seen:
                seen.add(key)
                out.append((len(cut), key, cut) if add else (len(written), key, written))
    out[1:] = sorted(out[1:], key=lambda p: p[0])
    return out


@pytest.mark.parametrize("word", [
    "وبالقاهرة", "فللجنة", "وللرياض", "كالبحر", "بالانتخابات", "فسيأتي", "الذكاء",  # clitics, article
    "ولل", "وب", "و", "ال", "",                                                       # too short to peel
    "زار", "مصر", "2024", "google",                                                   # no proclitic letter first
])
def test_peels_through_the_prefix_index_match_a_full_scan(word):
    from pipeline.normalize import normalize

    norm = normalize(word)
    assert [tuple(p) for p in peels(norm)] == _peels_by_full_scan(norm)
    assert [(p.cut, p.key, p.clitic) for p in peels(norm)] == _peels_by_full_scan(norm)


@pytest.mark.parametrize("offset, token", [
    (0, 0), (2, 0), (3, 0), (4, 1), (7, 2), (8, 2), (10, 3),   # inside a token, or in the space after it
    (-1, -1),                                   # before the first token: none
])
def test_token_at(offset, token):
    d = _doc("قال زيد: نعم")  # قال 0-3, زيد 4-7, : 7-8, نعم 9-12
    assert d.token_at(offset) == token


@pytest.mark.parametrize("start, end, first, last", [
    (4, 7, 1, 1), (0, 8, 0, 2), (5, 12, 1, 3),
    (3, 4, 0, 0),   # a span in the space after a token: that token (the caller tests the overlap)
])
def test_token_range(start, end, first, last):
    d = _doc("قال زيد: نعم")
    assert d.token_range(start, end) == (first, last)
