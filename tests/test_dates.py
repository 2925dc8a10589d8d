"""Date extractor and dateline detector: one table per family, negative cases included.

Every sentence here is written for these tests (not taken from the evaluation material).
Reference date for relative expressions: Monday 2024-10-28 unless a case says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.document import Document
from pipeline.extract.dates import DateExtractor, DatelineDetector
from pipeline.normalize import normalize_view
from pipeline.tokenize import tokenize

REF = dt.date(2024, 10, 28)  # a Monday

_EX = DateExtractor()
_DL = DatelineDetector()


def run(text: str, ref: dt.date | None = REF) -> Document:
    doc = Document("t", text, ref, "input" if ref else None)
    doc.view = normalize_view(text)
    tokenize(doc)
    _DL(doc)
    _EX(doc)
    for e in doc.candidates:
        assert doc.text[e.start:e.end] == e.text
    return doc


def dates(text: str, ref: dt.date | None = REF) -> list[tuple[str, str | None]]:
    return [(e.text, e.value) for e in run(text, ref).candidates if e.type == "date" and not e.extra.get("suppress")]


def check(text, expected, ref=REF):
    got = dates(text, ref)
    assert got == expected, got


# ---------------------------------------------------------------- Gregorian month names, every region
@pytest.mark.parametrize("text,expected", [
    ("افتتح المعرض في 3 يناير 2023 بحضور الوزير", [("3 يناير 2023", "2023-01-03")]),
    ("وقعت الاتفاقية في 17 أغسطس 2019", [("17 أغسطس 2019", "2019-08-17")]),
    ("وقعت الاتفاقية في 17 اغسطس 2019", [("17 اغسطس 2019", "2019-08-17")]),
    ("جرت الانتخابات في 9 آب 2020", [("9 آب 2020", "2020-08-09")]),
    ("انتهت الهدنة في 2 تشرين الثاني 2022", [("2 تشرين الثاني 2022", "2022-11-02")]),
    ("بدأت الدراسة في 14 كانون الأول 2021", [("14 كانون الأول 2021", "2021-12-14")]),
    ("صدر القرار في 5 شباط 2018 ونفذ في 20 حزيران 2018",
     [("5 شباط 2018", "2018-02-05"), ("20 حزيران 2018", "2018-06-20")]),
    ("انطلق المهرجان يوم 6 جانفي 2025", [("يوم 6 جانفي 2025", "2025-01-06")]),
    ("يختتم الموسم في 30 جوان 2025", [("30 جوان 2025", "2025-06-30")]),
    ("أعلن عن النتائج في 21 جويلية 2023", [("21 جويلية 2023", "2023-07-21")]),
    ("عيد الاستقلال في 5 أوت 2022", [("5 أوت 2022", "2022-08-05")]),
    ("صدر الظهير في 12 يوليوز 2016", [("12 يوليوز 2016", "2016-07-12")]),
    ("وصل الوفد في 3 شتنبر 2015 وغادر في 9 دجنبر 2015",
     [("3 شتنبر 2015", "2015-09-03"), ("9 دجنبر 2015", "2015-12-09")]),
    ("اجتماع 4 نونبر 2014", [("4 نونبر 2014", "2014-11-04")]),
    ("الموسم يبدأ 1 أفريل 2026", [("1 أفريل 2026", "2026-04-01")]),
    ("وبحلول 15 فيفري 2027", [("15 فيفري 2027", "2027-02-15")]),
    ("انطلقت الحملة في 2 غشت 2013", [("2 غشت 2013", "2013-08-02")]),
    ("وأشار إلى أن المؤتمر يعقد بسبتمبر 2020", [("سبتمبر 2020", "2020-09")]),
    ("وفي 12 مارس 2022 وقع الاتفاق", [("12 مارس 2022", "2022-03-12")]),
])
def test_gregorian_months(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text,expected", [
    ("عقدت الجلسة في 11 أيلول (سبتمبر) 2019", [("11 أيلول (سبتمبر) 2019", "2019-09-11")]),
    ("أقر في 15 كانون الثاني/يناير 2020", [("15 كانون الثاني/يناير 2020", "2020-01-15")]),
    ("حتى 3 نيسان (أبريل) 2017", [("3 نيسان (أبريل) 2017", "2017-04-03")]),
])
def test_paired_month_names(text, expected):
    check(text, expected)


def test_paired_month_mismatch_lowers_score():
    doc = run("في 11 أيلول (أكتوبر) 2019")
    (e,) = doc.candidates
    assert e.value == "2019-09-11" and e.extra.get("paired_month_mismatch") and e.score < 0.9


# ---------------------------------------------------------------- digits
@pytest.mark.parametrize("text,expected", [
    ("صدر في ١٩ يناير ٢٠٢٤ بيان", [("١٩ يناير ٢٠٢٤", "2024-01-19")]),
    ("صدر في ۱۹ يناير ۲۰۲۴ بيان", [("۱۹ يناير ۲۰۲۴", "2024-01-19")]),
    ("ولد عام 1987م في القرية", [("عام 1987م", "1987")]),
    ("تأسس العام 1955 وتوسع سنة 1970", [("العام 1955", "1955"), ("سنة 1970", "1970")]),
    ("وانتهت الحرب عام ١٩٤٥", [("عام ١٩٤٥", "1945")]),
    ("وثيقة تعود إلى عام ( 1931 ) محفوظة", [("عام ( 1931 )", "1931")]),
])
def test_digits_and_year_markers(text, expected):
    check(text, expected)


# ---------------------------------------------------------------- numeric dates
@pytest.mark.parametrize("text,expected", [
    ("بتاريخ 20/7/2024 صدر التعميم", [("20/7/2024", "2024-07-20")]),
    ("بتاريخ 2024-10-28 صدر التعميم", [("2024-10-28", "2024-10-28")]),
    ("بتاريخ 28-10-2024 صدر التعميم", [("28-10-2024", "2024-10-28")]),
    ("بتاريخ 28.10.2024 صدر التعميم", [("28.10.2024", "2024-10-28")]),
    ("بتاريخ 3/4/2023", [("3/4/2023", "2023-04-03")]),  # day first
    ("بتاريخ 7/25/2023", [("7/25/2023", "2023-07-25")]),  # only month-first is possible
    ("بتاريخ ٥/٦/٢٠٢٢", [("٥/٦/٢٠٢٢", "2022-06-05")]),
    ("بتاريخ 15 / 1 / 1999", [("15 / 1 / 1999", "1999-01-15")]),
    ("بتاريخ 05-03-1440 هـ", [("05-03-1440 هـ", "2018-11-13")]),
    ("بتاريخ 1440/03/05هـ", [("1440/03/05هـ", "2018-11-13")]),
    ("صدر العدد في 03/2024", [("03/2024", "2024-03")]),
])
def test_numeric(text, expected):
    check(text, expected)


# ---------------------------------------------------------------- Hijri
@pytest.mark.parametrize("text,expected,hijri", [
    ("يبدأ الحج في 8 ذو الحجة 1445 هـ", [("8 ذو الحجة 1445 هـ", "2024-06-14")], "1445-12-08"),
    ("صدر المرسوم في 3 ربيع الأول 1440 هـ", [("3 ربيع الأول 1440 هـ", "2018-11-11")], "1440-03-03"),
    ("انتهى التسجيل في 10 جمادى الآخرة 1443 للهجرة", [("10 جمادى الآخرة 1443 للهجرة", "2022-01-13")], "1443-06-10"),
    ("في 12 ربيع الآخر 1444 هجري", [("12 ربيع الآخر 1444 هجري", "2022-11-06")], "1444-04-12"),
    ("بدأ الصوم في الأول من رمضان 1444 هـ", [("الأول من رمضان 1444 هـ", "2023-03-23")], "1444-09-01"),
    ("الموافق 20 ذي القعدة 1442 هـ", [("20 ذي القعدة 1442 هـ", "2021-06-30")], "1442-11-20"),
])
def test_hijri(text, expected, hijri):
    doc = run(text)
    assert [(e.text, e.value) for e in doc.candidates] == expected
    assert doc.candidates[0].extra["calendar"] == "hijri"
    assert doc.candidates[0].extra["hijri"] == hijri


def test_hijri_outside_umm_al_qura_table_uses_tabular_calendar():
    doc = run("وفي 5 رجب 1300 هـ صدر الفرمان")
    (e,) = doc.candidates
    assert e.value == "1883-05-12" and e.extra["conversion"] == "tabular"


def test_hijri_year_alone_is_a_day_range():
    check("تأسست عام 1445 هـ", [("عام 1445 هـ", "2023-07-19/2024-07-06")])


@pytest.mark.parametrize("text,expected", [
    ("تكثر الزيارات خلال شهر رمضان", [("شهر رمضان", "2025-03-01/2025-03-29")]),
    ("ويعود في رمضان المقبل", [("رمضان المقبل", "2025-03-01/2025-03-29")]),
    ("في 15 رمضان 2024", [("15 رمضان 2024", "2024-03-25")]),  # Hijri month, Gregorian year
    ("ولعب رجب في الوسط", []),  # a bare Hijri month name is a name, not a date
    ("انتظر صفر دقيقة", []),
])
def test_hijri_months_without_hijri_year(text, expected):
    check(text, expected)


def test_hijri_gregorian_pair_agrees():
    doc = run("صدر الأمر في 28 ذو الحجة 1444 هـ الموافق 16 يوليو 2023")
    assert [(e.text, e.value) for e in doc.candidates] == [
        ("28 ذو الحجة 1444 هـ", "2023-07-16"), ("16 يوليو 2023", "2023-07-16")]
    assert doc.candidates[0].extra["agrees_with_gregorian"] is True


def test_hijri_gregorian_pair_disagrees_trusts_gregorian():
    doc = run("صدر الأمر في 27 ذو الحجة 1444 هـ الموافق 16 يوليو 2023")
    h = doc.candidates[0]
    assert h.value == "2023-07-16" and h.extra["agrees_with_gregorian"] is False
    assert h.extra["hijri_converted"] == "2023-07-15"


def test_hijri_without_year_uses_reference_hijri_year():
    # REF 2024-10-28 is 1446-04-24; a past verb and a later Hijri month -> the previous Hijri year
    check("وقال إن الحجاج وصلوا في الثامن من ذي الحجة", [("الثامن من ذي الحجة", "2024-06-14")])


# ---------------------------------------------------------------- ordinals and number words
@pytest.mark.parametrize("text,expected", [
    ("جرى ذلك في الأول من شباط 2022", [("الأول من شباط 2022", "2022-02-01")]),
    ("الموعد في السادس والعشرين من أيار 2021", [("السادس والعشرين من أيار 2021", "2021-05-26")]),
    ("الموعد في الحادي عشر من مارس 2020", [("الحادي عشر من مارس 2020", "2020-03-11")]),
    ("الموعد في الثلاثين من يونيو 2013", [("الثلاثين من يونيو 2013", "2013-06-30")]),
    ("يسري القرار اعتبارا من أول يناير 2025", [("أول يناير 2025", "2025-01-01")]),
    ("ينطلق في الـ15 من مارس 2024", [("الـ15 من مارس 2024", "2024-03-15")]),
    ("ولد في الخامس من يوليو عام ألفين وأربعة وعشرين",
     [("الخامس من يوليو عام ألفين وأربعة وعشرين", "2024-07-05")]),
    ("انتهى في عام ألفين وعشرين", [("عام ألفين وعشرين", "2020")]),
])
def test_ordinals_and_number_words(text, expected):
    check(text, expected)


# ---------------------------------------------------------------- weekdays
@pytest.mark.parametrize("text,expected", [
    ("افتتحت الدورة يوم الأحد (27 أكتوبر)", [("يوم الأحد (27 أكتوبر)", "2024-10-27")]),
    ("ويعقد يوم الخميس 31 أكتوبر الجاري", [("يوم الخميس 31 أكتوبر الجاري", "2024-10-31")]),
    ("أعلن اليوم الاثنين (28 أكتوبر) أن", [("اليوم الاثنين (28 أكتوبر)", "2024-10-28")]),
    ("قال الوزير اليوم الاثنين إن", [("اليوم الاثنين", "2024-10-28")]),
    ("التقى الرئيس أمس الأحد نظيره", [("أمس الأحد", "2024-10-27")]),
    ("وقال الوزير كولن باول أمس إن", [("أمس", "2024-10-27")]),  # not "اول أمس" inside باول
    ("ستنطلق المباراة غدا الثلاثاء", [("غدا الثلاثاء", "2024-10-29")]),
    ("وقال إن الجولة ستعقد الخميس المقبل", [("الخميس المقبل", "2024-10-31")]),
    ("وزار الوزير المصنع السبت الماضي", [("السبت الماضي", "2024-10-26")]),
    ("أعلن الوزير الجمعة أن المشروع اكتمل", [("الجمعة", "2024-10-25")]),  # past verb -> last Friday
    ("صرح الوزير الاثنين بأن المشروع اكتمل", [("الاثنين", "2024-10-28")]),  # past verb, reference weekday -> that day
    ("وزار الوزير المصنع الاثنين الماضي", [("الاثنين الماضي", "2024-10-21")]),  # explicit الماضي -> a week ago
    # the verb before the weekday governs it, not the future verb of the reported clause
    ("وقال في بيان صدر مساء الأحد إن الانتخابات ستجرى قريبا", [("الأحد", "2024-10-27")]),
    ("وسيصل الوفد الأربعاء إلى العاصمة", [("الأربعاء", "2024-10-30")]),  # سـ future -> next Wednesday
    ("الاجتماع يوم الثلاثاء في العاصمة", [("يوم الثلاثاء", "2024-10-29")]),  # no cue -> nearest
])
def test_weekdays(text, expected):
    check(text, expected)
    assert not any(e.extra.get("weekday_mismatch") for e in run(text).candidates)


@pytest.mark.parametrize("text,expected", [
    # REF 2024-10-28; 2024-03-28 is a Thursday, 2025-03-28 a Friday: the weekday picks the year
    ("وتبدأ العطلة يوم الخميس 28 مارس", [("يوم الخميس 28 مارس", "2024-03-28")]),
    ("وتبدأ العطلة يوم الجمعة 28 مارس", [("يوم الجمعة 28 مارس", "2025-03-28")]),
    ("وتبدأ العطلة يوم الخميس الموافق 28 مارس", [("يوم الخميس", "2024-03-28"), ("28 مارس", "2024-03-28")]),
    ("تبدأ الامتحانات يوم السبت المقبل الموافق 9 نوفمبر",
     [("يوم السبت المقبل", "2024-11-09"), ("9 نوفمبر", "2024-11-09")]),
])
def test_weekday_chooses_between_neighbouring_years(text, expected):
    check(text, expected)
    assert not any(e.extra.get("weekday_mismatch") for e in run(text).candidates)


def test_weekday_mismatch_trusts_date_and_lowers_score():
    doc = run("عقد الاجتماع يوم الجمعة 28 أكتوبر 2024")
    (e,) = doc.candidates
    assert e.value == "2024-10-28" and e.extra["weekday_mismatch"] is True
    ok = run("عقد الاجتماع يوم الاثنين 28 أكتوبر 2024").candidates[0]
    assert e.score < ok.score


# ---------------------------------------------------------------- relative expressions
@pytest.mark.parametrize("text,expected", [
    ("وقال الوزير اليوم إن", [("اليوم", "2024-10-28")]),
    ("وصل الوفد أمس إلى", [("أمس", "2024-10-27")]),
    ("وصل الوفد البارحة إلى", [("البارحة", "2024-10-27")]),
    ("وصل الوفد أول أمس إلى", [("أول أمس", "2024-10-26")]),
    ("يصل الوفد غداً إلى", [("غداً", "2024-10-29")]),
    ("يصل الوفد بعد غد إلى", [("بعد غد", "2024-10-30")]),
    ("وقع الحادث يوم أمس", [("يوم أمس", "2024-10-27")]),
    ("تراجعت الأسعار الأسبوع الماضي", [("الأسبوع الماضي", "2024-10-21/2024-10-27")]),
    ("تعقد الجلسة الأسبوع المقبل", [("الأسبوع المقبل", "2024-11-04/2024-11-10")]),
    ("ارتفع التضخم الشهر الماضي", [("الشهر الماضي", "2024-09")]),
    ("ينتهي العمل الشهر الجاري", [("الشهر الجاري", "2024-10")]),
    ("ينتهي العمل الشهر المقبل", [("الشهر المقبل", "2024-11")]),
    ("نما الاقتصاد العام الماضي", [("العام الماضي", "2023")]),
    ("ينمو الاقتصاد العام الحالي", [("العام الحالي", "2024")]),
    ("تجرى الانتخابات العام المقبل", [("العام المقبل", "2025")]),
    ("نما الاقتصاد خلال العام الماضي 2023", [("العام الماضي 2023", "2023")]),
    ("سقط المطر منذ ثلاثة أيام", [("منذ ثلاثة أيام", "2024-10-25")]),
    ("وصل قبل يومين", [("قبل يومين", "2024-10-26")]),
    ("يعود بعد أسبوعين", [("بعد أسبوعين", "2024-11-11")]),
    ("غادر منذ 5 سنوات", [("منذ 5 سنوات", "2019")]),
    ("هاجر قبل عشرين عاما", [("قبل عشرين عاما", "2004")]),
    ("بني الجسر قبل عام 2000", [("عام 2000", "2000")]),
    ("يعود بعد 3 أشهر", [("بعد 3 أشهر", "2025-01")]),
    ("يصدر القرار مطلع الشهر المقبل", [("مطلع الشهر المقبل", "2024-11")]),
    ("تنتهي الأشغال أواخر الشهر الجاري", [("أواخر الشهر الجاري", "2024-10")]),
    ("يفتتح الجسر في 16 مايو المقبل", [("16 مايو المقبل", "2025-05-16")]),
    ("افتتح الجسر في 16 مايو الماضي", [("16 مايو الماضي", "2024-05-16")]),
    ("ويبدأ البث في يونيو المقبل", [("يونيو المقبل", "2025-06")]),
    ("توقف البث في ديسمبر الماضي", [("ديسمبر الماضي", "2023-12")]),
    ("وعاد إلى بلده بالأمس", [("الأمس", "2024-10-27")]),
    ("وسلمت الجائزة يوم 5 من الشهر الجاري", [("يوم 5 من الشهر الجاري", "2024-10-05")]),
    ("وقع في العاشر من الشهر الماضي", [("العاشر من الشهر الماضي", "2024-09-10")]),
    ("تقام من 13 إلى 15 الشهر المقبل", [("من 13 إلى 15 الشهر المقبل", "2024-11-13/2024-11-15")]),
    # an ordinal after a noun qualifies the noun: the second week, not the 2nd of the month
    ("خلال الأسبوع الثاني من الشهر الجاري", [("الشهر الجاري", "2024-10")]),
])
def test_relative(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text,expected", [
    ("وصل الوفد أمس إلى", [("أمس", None)]),
    ("تعقد الجلسة الأسبوع المقبل", [("الأسبوع المقبل", None)]),
    ("وسيصل الوفد الأربعاء", [("الأربعاء", None)]),
    ("غادر منذ ثلاثة أيام", [("منذ ثلاثة أيام", None)]),
    ("يفتتح الجسر في 16 مايو المقبل", [("16 مايو المقبل", None)]),
])
def test_relative_without_reference_is_null(text, expected):
    doc = run(text, None)
    assert [(e.text, e.value) for e in doc.candidates] == expected
    assert doc.reference_date is None


# ---------------------------------------------------------------- ranges
@pytest.mark.parametrize("text,expected", [
    ("يقام المعرض من 6 إلى 9 نوفمبر 2025", [("من 6 إلى 9 نوفمبر 2025", "2025-11-06/2025-11-09")]),
    ("يقام المعرض بين 6 و9 نوفمبر 2025", [("بين 6 و9 نوفمبر 2025", "2025-11-06/2025-11-09")]),
    ("يقام المعرض 6-9 نوفمبر 2025", [("6-9 نوفمبر 2025", "2025-11-06/2025-11-09")]),
    ("تقام الدورة من 12 وحتى 20 يناير 2025", [("من 12 وحتى 20 يناير 2025", "2025-01-12/2025-01-20")]),
    ("ارتفع الإنتاج بين عامي 2010 و2015", [("بين عامي 2010 و2015", "2010/2015")]),
    ("من عام 2001 إلى عام 2004", [("من عام 2001 إلى عام 2004", "2001/2004")]),
    ("تمتد الحملة من الأحد 3 نوفمبر إلى الخميس 7 نوفمبر",
     [("من الأحد 3 نوفمبر إلى الخميس 7 نوفمبر", "2024-11-03/2024-11-07")]),
    ("من 28 ديسمبر إلى 3 يناير 2025", [("من 28 ديسمبر إلى 3 يناير 2025", "2024-12-28/2025-01-03")]),
    ("يفتح التسجيل من 1 رجب إلى 15 شعبان 1446 هـ",
     [("من 1 رجب إلى 15 شعبان 1446 هـ", "2025-01-01/2025-02-14")]),
    ("الموسم 2023/2024 كان صعبا", [("2023/2024", "2023/2024")]),
    ("تقام الدورة من 28 ديسمبر إلى 3 يناير", [("من 28 ديسمبر إلى 3 يناير", "2024-12-28/2025-01-03")]),
    ("ارتفعت الأسعار بين مارس ويونيو 2023", [("بين مارس ويونيو 2023", "2023-03/2023-06")]),
    ("تراجع العدد في الفترة من يناير إلى سبتمبر الماضيين", [("من يناير إلى سبتمبر الماضيين", "2024-01/2024-09")]),
    ("نما الطلب بين العشرين من يونيو والسابع من الشهر الحالي",
     [("بين العشرين من يونيو والسابع من الشهر الحالي", "2024-06-20/2024-10-07")]),
    ("نما بين العامين 1990 و1995", [("بين العامين 1990 و1995", "1990/1995")]),
])
def test_ranges(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text,expected", [
    # two years listed, not a range
    ("في عامي 2012 و2016", [("عامي 2012", "2012"), ("2016", "2016")]),
    # a duration range, not dates
    ("يغيب اللاعب بين 10 و15 يوما", []),
])
def test_not_ranges(text, expected):
    check(text, expected)


# ---------------------------------------------------------------- missing year
def test_current_month_suffix_keeps_reference_year():
    check("وكان قد أعلن في شهر أكتوبر الحالي", [("شهر أكتوبر الحالي", "2024-10")])


def test_span_keeps_tatweel_and_tanween_but_not_bidi_marks():
    check("وفي 1 رجب 1446 هـ\u200f صدر", [("1 رجب 1446 هـ", "2025-01-01")])
    check("يصل غداً\u200f", [("غداً", "2024-10-29")])


def test_missing_year_from_reference():
    check("وتستمر الحملة حتى 30 نوفمبر", [("30 نوفمبر", "2024-11-30")])


def test_missing_year_past_tense_month_after_reference_is_last_year():
    check("وكان الوزير قد أعلن في 12 ديسمبر أن", [("12 ديسمبر", "2023-12-12")])


def test_decimal_point_does_not_end_the_tense_sentence():
    # REF is October 2024; "قال" (past) is before the decimal 2.5, the month is later than the reference
    check("قال المكتب إن النمو بلغ 2.5 في المئة في نوفمبر", [("نوفمبر", "2023-11")])


@pytest.mark.parametrize("text,expected", [
    # past verb, but the day is only weeks after the reference: still this year's (an announcement)
    ("أعلنت الوزارة أن الحملة تستمر إلى غاية 20 نوفمبر", [("20 نوفمبر", "2024-11-20")]),
    # past verb, months after the reference: last year's
    ("وكانت الوزارة أعلنت في 20 فبراير أن الحملة انتهت", [("20 فبراير", "2024-02-20")]),
    ("وقال إن المصنع افتتح في 15 ديسمبر", [("15 ديسمبر", "2023-12-15")]),
    # future verb, months before the reference: next year's
    ("وستفتتح الوزارة المصنع في 10 يونيو", [("10 يونيو", "2025-06-10")]),
    ("وستفتتح الوزارة المصنع في 10 أكتوبر", [("10 أكتوبر", "2024-10-10")]),
])
def test_missing_year_with_tense(text, expected):
    check(text, expected)


def test_missing_year_from_nearest_explicit_year_without_reference():
    got = dates("نظم المؤتمر الدولي للطاقة 2019 في العاصمة. وافتتح يوم الثلاثاء (12 مارس) وينتهي في 15 مارس.", None)
    assert got == [("2019", "2019"), ("يوم الثلاثاء (12 مارس)", "2019-03-12"), ("15 مارس", "2019-03-15")]


def test_missing_year_without_any_year_is_null():
    check("ويختتم في 15 مارس", [("15 مارس", None)], ref=None)


# ---------------------------------------------------------------- not dates
@pytest.mark.parametrize("text", [
    "ارتفعت إصابات كوفيد-19 في المنطقة",
    "أطلقت الشركة شبكات الجيل الخامس",
    "اجتمع قادة مجموعة العشرين",
    "شارك في 20 منتدى فرعيا",
    "تنص المادة 15 من الدستور",
    "والمادة 2015 من القانون",
    "ارتفعت الأسعار بنسبة 12% خلال",
    "بلغت الصادرات 1.6 مليار دولار",
    "فاز الفريق 3-1 على ضيفه",
    "للاتصال 0123-456-789",
    "ارتفعت الحرارة 5.5 درجات",
    "بلغت الكلفة 2024 مليون دولار",
    "استفاد 1999 طالب من المنحة",
    "استمرت الزيارة يومين",
    "احتفلت المدارس باليوم الوطني",
    "وفي اليوم الأول من البطولة",
    "بعد عامين من الحرب",
    "مارس الرياضة منذ صغره",
    "الساعة العاشرة صباحا",
    "المباراتين المقبلتين",
    "صدر القرار رقم 2017",
    "صرفت منح بواقع 2000 لكل أسرة",
    "أكل ثلثي 2/3 الكمية",
    "وقع خلاف بين الاثنين على الحصة",
    "دخل من باب المسجد وباب الحديد",
    "من مارس الرياضة منذ صغره",
    "يؤدي المصلون صلاة الجمعة في المسجد الكبير",
    "يفتح السوق كل يوم الأحد",
])
def test_not_dates(text):
    assert dates(text) == []


@pytest.mark.parametrize("text,span,time", [
    ("تبدأ الجلسة في 4 مايو 2024، الساعة 05:16 مساءً", "4 مايو 2024", "17:16"),
    ("تنطلق الساعة 10:30 صباح يوم الأحد 27 أكتوبر 2024", "يوم الأحد 27 أكتوبر 2024", "10:30"),
    ("في 3 مايو 2024 بنسبة 3.45 بالمئة", "3 مايو 2024", None),
])
def test_clock_time_is_an_extra_outside_the_span(text, span, time):
    (e,) = run(text).candidates
    assert e.text == span and e.extra.get("time") == time


@pytest.mark.parametrize("text,ref,place", [
    ("القاهرة - 12 مارس 2024 (وكالة) - الخبر", dt.date(2024, 3, 12), "القاهرة"),
    ("مكة المكرمة في 5 رجب 1446 هـ (واس) - الخبر", dt.date(2025, 1, 5), "مكة المكرمة"),
    ("الرياض، الأحد 27 أكتوبر 2024 (واس) - الخبر", dt.date(2024, 10, 27), "الرياض"),
    ("الرياض 28/10/2024 - الخبر", dt.date(2024, 10, 28), "الرياض"),
    # a Hijri date and its Gregorian equivalent: the Gregorian one gives the reference
    ("جدة 15 ربيع الآخر 1446 هـ الموافق 18 أكتوبر 2024 (واس) - الخبر", dt.date(2024, 10, 18), "جدة"),
])
def test_dateline_variants(text, ref, place):
    doc = run(text, None)
    meta = doc.meta["dateline"]
    assert doc.reference_date == ref and doc.text[meta["place_start"]:meta["place_end"]] == place


def test_time_of_day_does_not_corrupt_date():
    check("في الساعة العاشرة صباح يوم الأحد 27 أكتوبر 2024", [("يوم الأحد 27 أكتوبر 2024", "2024-10-27")])
    check("6 مايو، 2015، الساعة 05:16 مساءً", [("6 مايو، 2015", "2015-05-06")])


# ---------------------------------------------------------------- spans: clitics and prepositions
@pytest.mark.parametrize("text,span", [
    ("وفي 12 مارس 2022 وقع", "12 مارس 2022"),
    ("منذ 3 يونيو 2020 لم", "3 يونيو 2020"),
    ("حتى 30 أبريل 2021 فقط", "30 أبريل 2021"),
    ("بتاريخ 4 مايو 2019 صدر", "4 مايو 2019"),
    ("ولعام 2020 خطة", "عام 2020"),
    ("فجر أمس الأحد هاجم", "أمس الأحد"),
])
def test_span_excludes_clitics_and_prepositions(text, span):
    assert [t for t, _ in dates(text)] == [span]


# ---------------------------------------------------------------- dateline
@pytest.mark.parametrize("text,ref,place", [
    ("وهران 5 مايو 2023 (وكالة) - افتتح الوزير أمس", dt.date(2023, 5, 5), "وهران"),
    ("دمشق، 14 شباط 2022 (سانا) -- أعلن", dt.date(2022, 2, 14), "دمشق"),
    ("جدة 2023-06-11 (وكالة) - قال", dt.date(2023, 6, 11), "جدة"),
    ("الدار البيضاء ٧ أكتوبر ٢٠٢٢ (وكالة) - أكد", dt.date(2022, 10, 7), "الدار البيضاء"),
    ("عمّان 3 أيلول 2021: أعلن", dt.date(2021, 9, 3), "عمّان"),
])
def test_dateline_sets_reference(text, ref, place):
    doc = run(text, None)
    assert doc.reference_date == ref and doc.reference_source == "dateline"
    meta = doc.meta["dateline"]
    assert doc.text[meta["place_start"]:meta["place_end"]] == place
    # the dateline's date is an ordinary mention, and أمس resolves against it
    assert any(e.value == ref.isoformat() for e in doc.candidates)


def test_dateline_after_a_headline():
    text = "الحكومة تقر خطة جديدة للنقل\nطنجة 9 يونيو 2023 (وكالة) - أقرت الحكومة أمس خطة"
    doc = run(text, None)
    assert doc.reference_date == dt.date(2023, 6, 9)
    meta = doc.meta["dateline"]
    assert doc.text[meta["place_start"]:meta["place_end"]] == "طنجة"
    assert doc.text[meta["start"]:meta["end"]] == "طنجة 9 يونيو 2023 (وكالة) -"
    assert ("أمس", "2023-06-08") in [(e.text, e.value) for e in doc.candidates]


def test_dateline_without_year_takes_nearest_explicit_year():
    doc = run("شنغهاي، 20 سبتمبر (وكالة) -- افتتح معرض 2022 للتقنية", None)
    assert doc.reference_date == dt.date(2022, 9, 20)


def test_dateline_relative_dates_follow_it():
    doc = run("وهران 5 مايو 2023 (وكالة) - افتتح الوزير أمس الخميس المعرض", None)
    assert [(e.text, e.value) for e in doc.candidates] == [("5 مايو 2023", "2023-05-05"), ("أمس الخميس", "2023-05-04")]


@pytest.mark.parametrize("text", [
    "أعلن الوزير في 5 مايو 2023 أن المشروع - كما قال - تأخر",  # a date in a sentence, not a dateline
    "وهران (وكالة) - افتتح",  # no date
    "ذكرت الوكالة أن 12 مارس 2020 كان يوما صعبا",
])
def test_no_dateline(text):
    doc = run(text, None)
    assert doc.reference_date is None and "dateline" not in doc.meta


def test_given_reference_wins_over_dateline():
    doc = run("وهران 5 مايو 2023 (وكالة) - افتتح الوزير أمس", dt.date(2023, 5, 6))
    assert doc.reference_date == dt.date(2023, 5, 6) and doc.reference_source == "input"
    assert doc.meta["dateline"]["start"] == 0


# ---------------------------------------------------------------- provenance and robustness
def test_every_date_has_rule_score_and_granularity():
    doc = run("في 3 يناير 2023 وأمس والعام المقبل ومنذ 4 أيام وبين عامي 2001 و2003")
    assert len(doc.candidates) == 5
    for e in doc.candidates:
        assert e.rule.startswith("date.") and 0 < e.score <= 1 and e.extra.get("granularity")


def test_full_pipeline_keeps_dates(nlp):
    doc = nlp.process("القدس 2 يناير 2024 (وكالة) - قال المتحدث أمس الاثنين إن الجلسة تعقد يوم 9 يناير.", "p")
    got = [(e.text, e.value) for e in doc.entities if e.type == "date"]
    assert got == [("2 يناير 2024", "2024-01-02"), ("أمس الاثنين", "2024-01-01"), ("يوم 9 يناير", "2024-01-09")]


_ALPHABET = st.sampled_from(list("0123456789/-. ()،,") + ["مارس", "الأحد", "يوم", "من", "إلى", "بين", "و", "عام",
                                                           "2024", "هـ", "رمضان", "المقبل", "أمس", "١٩", "ـ", "\u064b"])


@settings(max_examples=150, deadline=None)
@given(st.lists(_ALPHABET, max_size=30).map("".join))
def test_random_text_offsets_hold(text):
    run(text)  # run() asserts the offset invariant
