"""Linker, third pass: one-word names of more rules are spread over the document.

Every sentence here is written for these tests (none comes from the shared evaluation data).
"""

from __future__ import annotations

import pytest

from tests.conftest import assert_offsets, mentions


@pytest.mark.parametrize("text, expected", [
    # a dynasty named after a family noun is spread to its bare mentions
    ("وازدهرت الفنون في عهد أسرة كوريانغ القديمة. وانهارت كوريانغ بعد قرنين.",
     [("كوريانغ", "كوريانغ"), ("كوريانغ", "كوريانغ")]),
])
def test_family_name_spread(nlp, text, expected):
    doc = nlp.process(text)
    assert_offsets(doc)
    assert [(e.text, e.value) for e in doc.entities if e.type == "person"] == expected


@pytest.mark.parametrize("text", [
    # a family noun before a common word finds nothing, so nothing is spread
    "وساعدت الجمعية أسرة فقيرة. وكانت فقيرة جدا.",
])
def test_family_name_spread_negatives(nlp, text):
    doc = nlp.process(text)
    assert [e for e in doc.entities if e.type == "person"] == []


@pytest.mark.parametrize("text, expected", [
    # the Latin-script form in brackets right after a name is a mention of the same person
    ("وحكم الملك تشارلز الأول ( Charles I ) البلاد.",
     [("تشارلز الأول", "تشارلز الأول"), ("Charles I", "تشارلز الأول")]),
    # negatives: an acronym or an age in brackets is no name
    ("وزار سامر حداد ( CNN ) المكتب.", [("سامر حداد", "سامر حداد")]),
    ("وقال سامر حداد ( 25 عاما ) إن الفريق جاهز.", [("سامر حداد", "سامر حداد")]),
    # ... nor Latin words in brackets after a common noun
    ("وزار الوفد المدينة ( Old Town ) أمس.", []),
])
def test_latin_form_in_brackets(nlp, text, expected):
    doc = nlp.process(text)
    assert_offsets(doc)
    assert [(e.text, e.value) for e in doc.entities if e.type == "person"] == expected


@pytest.mark.parametrize("text, expected", [
    # a family name with the article ends a name: a verb after its lone mention does not make it
    # part of another person's name
    ("وقال الوزير سامي الحداد إن الخطة جاهزة. وتمنى النواب لو أن الحداد انتهز الفرصة.",
     ["سامي الحداد", "الحداد"]),
])
def test_definite_surname_mention_before_a_verb(nlp, text, expected):
    assert mentions(nlp, text, "person") == expected


@pytest.mark.parametrize("text, expected", [
    # a compound name (صلاح الدين) is not the short form of another person's name (X صلاح)
    ("وقال الوزير سامي صلاح إن قلعة صلاح الدين أعيد ترميمها.", ["سامي صلاح"]),
])
def test_compound_name_is_no_short_form(nlp, text, expected):
    assert mentions(nlp, text, "person") == expected
