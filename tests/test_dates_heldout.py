"""Dates: fixes from the held-out generalization check (agency styles of several regions).

Every sentence here is written for these tests (none comes from an evaluation corpus).
"""

from __future__ import annotations

import datetime as dt

import pytest

from .test_dates import dates, run

REF = dt.date(2023, 6, 14)  # a Wednesday


# agency style: the Syriac month name right after the Gregorian one, no brackets or slash
@pytest.mark.parametrize("text,expected", [
    ("ارتفعت الأسعار في أكتوبر تشرين الأول بنسبة كبيرة", [("أكتوبر تشرين الأول", "2022-10")]),  # past verb, month ahead: last year
    ("وقع الاتفاق في الحادي عشر من مايو أيار الماضي", [("الحادي عشر من مايو أيار الماضي", "2023-05-11")]),
    ("صدر القرار في 2 يوليو تموز 2019", [("2 يوليو تموز 2019", "2019-07-02")]),
    ("تراجع الإنتاج في ديسمبر كانون الأول 2021", [("ديسمبر كانون الأول 2021", "2021-12")]),
])
def test_month_pair_after_a_space(text, expected):
    assert dates(text, REF) == expected


@pytest.mark.parametrize("text,expected", [
    # two different months in a row are not a pair: the first stays alone
    ("بين مارس وأبريل تراجع الطلب", None),
    # a month name followed by an ordinary word
    ("في أغسطس أعلنت الشركة", [("أغسطس", "2022-08")]),
])
def test_month_pair_negative(text, expected):
    out = dates(text, REF)
    if expected is None:
        assert not any("مارس" in t and "ابريل" in t.replace("أ", "ا") and "و" not in t for t, _ in out)
    else:
        assert out == expected


# WAM style: the agency between slashes closes the dateline
@pytest.mark.parametrize("text,ref,place", [
    ("الشارقة في 9 يناير 2022 / وام / افتتح المعرض أمس", dt.date(2022, 1, 9), "الشارقة"),
    ("العين في 30 نوفمبر 2020 /وام/ أعلنت البلدية", dt.date(2020, 11, 30), "العين"),
])
def test_dateline_agency_between_slashes(text, ref, place):
    doc = run(text, None)
    assert doc.reference_date == ref
    meta = doc.meta["dateline"]
    assert doc.text[meta["place_start"]:meta["place_end"]] == place


@pytest.mark.parametrize("text", [
    "افتتح المعرض في 9 يناير 2022 / 2023 وسط حضور",   # a slash inside running text
    "قال الوزير في 30 نوفمبر 2020 إن المشروع / الخطة جاهزة",
])
def test_no_dateline_in_running_text(text):
    doc = run(text, None)
    assert doc.reference_date is None and "dateline" not in doc.meta


def test_range_with_suffix_resolves_from_slash_dateline():
    text = "الفجيرة في 5 فبراير 2024 / وام / ينظم المهرجان من 10 إلى 12 مارس المقبل"
    assert ("من 10 إلى 12 مارس المقبل", "2024-03-10/2024-03-12") in dates(text, None)


@pytest.mark.parametrize("text,expected", [
    # the sentence's full stop after هـ is punctuation, not part of the marker
    ("وقعت الحادثة في 3 صفر 1446هـ.", [("3 صفر 1446هـ", "2024-08-07")]),
    ("صدر المرسوم في 20 شعبان 1445 هـ. وقال الناطق", [("20 شعبان 1445 هـ", "2024-03-01")]),
    # أمس الأول: the day before yesterday
    ("عاد الوفد أمس الأول من الرباط", [("أمس الأول", "2023-06-12")]),
    ("قال أمس إن الفريق الأول فاز", [("أمس", "2023-06-13")]),
])
def test_hijri_dot_and_day_before_yesterday(text, expected):
    assert dates(text, REF) == expected


@pytest.mark.parametrize("text,expected", [
    # masculine ordinals 13..19 for days (الثالث عشر), as well as the feminine form
    ("افتتح المعرض في الرابع عشر من مارس الماضي", [("الرابع عشر من مارس الماضي", "2023-03-14")]),
    ("وقعت المعركة في السابع عشر من رمضان 1445", [("السابع عشر من رمضان 1445", "2024-03-27")]),
    ("في الخامس عشرة من أبريل", [("الخامس عشرة من أبريل", "2023-04-15")]),
    # an ordinal that counts something else is no date
    ("ناقش الفصل الرابع عشر من الدستور", []),
])
def test_teen_ordinal_days(text, expected):
    assert dates(text, REF) == expected


@pytest.mark.parametrize("text,expected", [
    # Moroccan فاتح = the first day of the month
    ("تدخل الزيادة حيز التنفيذ في فاتح يوليوز المقبل", [("فاتح يوليوز المقبل", "2023-07-01")]),
    ("خرج العمال في مسيرات فاتح ماي 2022", [("فاتح ماي 2022", "2022-05-01")]),
    # فاتح as a name or a colour is no date
    ("قال فاتح أوغلو إن القرار نهائي", []),
    ("اختار لونا فاتحا للواجهة", []),
])
def test_maghreb_first_of_month(text, expected):
    assert dates(text, REF) == expected


@pytest.mark.parametrize("text", [
    # running text that opens with a preposition and a date before a dash is no dateline
    "في 12 رجب 1445 هـ - الموافق لمنتصف الشتاء - وقعت الحادثة",
    "وفي 4 مايو 2021 - بعد أشهر من المفاوضات - وقع الاتفاق",
    "منذ 9 يونيو 2020: لم يتغير شيء",
])
def test_no_dateline_after_a_function_word(text):
    doc = run(text, None)
    assert "dateline" not in doc.meta and doc.reference_date is None


@pytest.mark.parametrize("text,expected", [
    # a Hijri year and its Gregorian year joined by a slash are two mentions
    ("أطلقت الهيئة خطتها لعام 1444هـ/2023م", [("عام 1444هـ", "2022-07-30/2023-07-18"), ("2023م", "2023")]),
    # a slash after a digit still belongs to a numeric date
    ("انتهت المهلة في 06/2023", [("06/2023", "2023-06")]),
])
def test_hijri_and_gregorian_years_with_slash(text, expected):
    assert dates(text, REF) == expected


@pytest.mark.parametrize("text,expected", [
    # a place or a street named after a date is no date
    ("افتتح مستشفى جديد في مدينة العاشر من رمضان", []),
    ("أغلقت السلطات جسر 15 مايو للصيانة", []),
    ("تظاهر المئات في ميدان 23 يوليو", []),
    # an event named by its date keeps the date
    ("يحيي المصريون ذكرى ثورة 23 يوليو 1952", [("23 يوليو 1952", "1952-07-23")]),
    ("وصل الوفد إلى المدينة في 5 مايو", [("5 مايو", "2023-05-05")]),
])
def test_names_after_dates(text, expected):
    assert dates(text, REF) == expected


@pytest.mark.parametrize("text,expected", [
    ("يصل الوفد غد الخميس إلى الرباط", [("غد الخميس", "2023-06-15")]),
    ("نتطلع إلى غد أفضل لأبنائنا", []),
])
def test_bare_tomorrow_needs_a_weekday(text, expected):
    assert dates(text, REF) == expected


@pytest.mark.parametrize("text,ref,span,value,source", [
    # KUNA style: day - month (agency) --, the year from the reference
    ("الأحمدي - 7 - 3 (كونا) -- افتتح المحافظ أمس مركزا صحيا", dt.date(2024, 3, 7), "7 - 3", "2024-03-07",
     "reference"),
    # ... or from the nearest year written in the text (the dateline then sets the reference)
    ("الجهراء - 21 - 11 (كونا) -- أطلقت البلدية خطة 2022 للطرق", None, "21 - 11", "2022-11-21", "nearby_date"),
])
def test_day_month_dateline(text, ref, span, value, source):
    doc = run(text, ref)
    got = {(e.text, e.value): e.extra for e in doc.candidates if e.type == "date"}
    assert got[(span, value)]["year_source"] == source
    assert doc.reference_date is not None


@pytest.mark.parametrize("text", [
    "ارتفع المؤشر 12 - 5 نقاط (تقريبا) - وفق البيانات",      # a score or a count, not a dateline
    "في - 3 - 4 (كونا) -- أعلنت",                             # a function word is no place
    "تقدم الفريق 3 - 1 (شوط أول) -- ثم تعادل",
])
def test_day_month_dateline_negative(text):
    doc = run(text, None)
    assert "dateline_dm" not in doc.meta
