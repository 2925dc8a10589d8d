"""Normalization: the view, its offset map and the single normalizer."""

from __future__ import annotations

import pytest

from pipeline.normalize import normalize, normalize_view


@pytest.mark.parametrize("raw, expected", [
    ("الرِّيَاضُ", "الرياض"),                 # diacritics
    ("الريـــاض", "الرياض"),                  # tatweel
    ("أحمد إبراهيم آمنة", "احمد ابراهيم امنه"),  # alef forms, teh marbuta
    ("مصطفى", "مصطفي"),                       # alef maksura
    ("١٩ يناير ٢٠٢٤", "19 يناير 2024"),       # Arabic-Indic digits
    ("۱۴۰۲", "1402"),                         # Persian digits
    ("ﻻ ﺑﻴﺮﻭﺕ", "لا بيروت"),                   # presentation forms (ligature expands)
    ("بيروت\u200f", "بيروت"),                 # bidi mark
    ("a\u200bb", "ab"),                       # zero width space
    ("غزة  \t  رفح", "غزه رفح"),              # white space runs collapse
    ("ك\u064eت\u064eب\u064e", "كتب"),
    ("القاهرة ـ أعلن", "القاهره - اعلن"),      # a tatweel alone between spaces is a dash
    ("كتب ـــ سامر", "كتب - سامر"),            # ... also a run of them
    ("1445 هـ", "1445 ه"),                    # ... but not one that ends a word
    ("الـ15", "ال15"),
])
def test_normalize_examples(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw", [
    "الرِّيَاضُ ١٩ يناير ٢٠٢٤",
    "ﻻ ﺑﻴﺮﻭﺕ\u200f  \n\n  غزة",
    "plain ascii text",
    "",
    "ـــ",
    "القاهرة ـ أعلن ـــ الوزير ـ",
])
def test_normalize_view_offset_map_is_monotonic_and_in_range(raw):
    v = normalize_view(raw)
    if v.origin is None:
        assert len(v.text) == len(raw)
        return
    assert len(v.origin) == len(v.text)
    assert all(0 <= o < len(raw) for o in v.origin)
    assert v.origin == sorted(v.origin)


def test_normalize_view_maps_word_back_to_original():
    raw = "زار الرَّئيسُ بيـروتَ أمس"
    v = normalize_view(raw)
    s = v.text.index("بيروت")
    a, b = v.to_original(s, s + len("بيروت"))
    assert raw[a:b] == "بيـروتَ"  # inner tatweel and the final vowel mark belong to the word


def test_normalize_view_never_changes_original():
    raw = "القاهرة ١٩ يناير"
    copy = str(raw)
    normalize_view(raw)
    assert raw == copy


@pytest.mark.parametrize("raw, text, origin, ends", [
    # plain runs (single spaces included) are copied one to one; white space runs, deleted marks and
    # expanded characters are mapped one by one between them
    ("ab  cd", "ab cd", [0, 1, 2, 4, 5], [1, 2, 3, 5, 6]),
    ("كَتَب زيد", "كتب زيد", [0, 2, 4, 5, 6, 7, 8], [2, 4, 5, 6, 7, 8, 9]),
    ("a \u064eb", "a b", [0, 1, 3], [1, 2, 4]),  # a mark after a space belongs to no letter
    ("x\n \ny", "x\ny", [0, 1, 4], [1, 2, 5]),
    ("ﻻ ب", "لا ب", [0, 0, 1, 2], [1, 1, 2, 3]),
    ("a b\u00a0 c", "a b c", [0, 1, 2, 3, 5], [1, 2, 3, 4, 6]),
    ("زيد\u200c عمرو", "زيد عمرو", [0, 1, 2, 4, 5, 6, 7, 8], [1, 2, 3, 5, 6, 7, 8, 9]),
])
def test_normalize_view_offsets_around_plain_runs(raw, text, origin, ends):
    v = normalize_view(raw)
    assert (v.text, v.origin, v.ends) == (text, origin, ends)


@pytest.mark.parametrize("raw", ["زار الوزير بيروت أمس", "a b c", "بيروت"])
def test_normalize_view_of_plain_text_is_the_identity(raw):
    v = normalize_view(raw)
    assert v.origin is None and len(v.text) == len(raw)
