"""Holidays and named days (resources/dates/holidays.tsv) and named events with a fixed date
(resources/dates/events.tsv). Hijri days through hijridate (Umm al-Qura).

Every sentence is written for these tests. Reference date: Monday 2024-10-28 (1446-04-24 AH)
unless a case says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest

from .test_dates import REF, check, run
from .test_dates_periods import one


# ---------------------------------------------------------------- holidays with a year
@pytest.mark.parametrize("text,expected", [
    ("عمت الفرحة الشوارع في عيد الفطر 1444 هـ", [("عيد الفطر 1444 هـ", "2023-04-21")]),
    ("ارتفعت أسعار المواشي قبل عيد الأضحى لعام 1443", [("عيد الأضحى لعام 1443", "2022-07-09")]),
    # a Gregorian year: the holiday's day in that year
    ("ازدحمت المطارات في عيد الأضحى 2023", [("عيد الأضحى 2023", "2023-06-28")]),
    ("أعلنت العطلة بمناسبة رأس السنة الهجرية 1445", [("رأس السنة الهجرية 1445", "2023-07-19")]),
    ("أقيمت الاحتفالات في رأس السنة الميلادية 2023", [("رأس السنة الميلادية 2023", "2023-01-01")]),
    ("أغلقت المتاجر في عيد الميلاد 2022", [("عيد الميلاد 2022", "2022-12-25")]),
])
def test_holidays_with_a_year(text, expected):
    check(text, expected)


# ---------------------------------------------------------------- holidays from the reference date
@pytest.mark.parametrize("text,ref,expected", [
    # a suffix: the last or next one
    ("تراجعت المبيعات بعد عيد الفطر الماضي", REF, [("عيد الفطر الماضي", "2024-04-10")]),
    ("تبدأ العطلة المدرسية قبل عيد الفطر المقبل", REF, [("عيد الفطر المقبل", "2025-03-30")]),
    ("سافر آلاف الحجاج قبل عيد الأضحى الفائت", REF, [("عيد الأضحى الفائت", "2024-06-16")]),
    # the tense of the sentence
    ("زار الرئيس الجنود في المولد النبوي", REF, [("المولد النبوي", "2024-09-15")]),
    ("ستوزع الجمعية الهدايا في عيد الميلاد", REF, [("عيد الميلاد", "2024-12-25")]),
    ("يصوم كثيرون يوم عاشوراء", dt.date(2024, 7, 12), [("يوم عاشوراء", "2024-07-16")]),
    ("تحتفل الجمعيات بعيد الأم", dt.date(2025, 3, 1), [("عيد الأم", "2025-03-21")]),
    ("نظمت النقابة وقفة في عيد العمال", dt.date(2024, 5, 3), [("عيد العمال", "2024-05-01")]),
    ("خرجت المسيرات في يوم المرأة العالمي", dt.date(2024, 3, 10), [("يوم المرأة العالمي", "2024-03-08")]),
    ("سيعتكف المصلون في ليلة القدر", dt.date(2025, 3, 2), [("ليلة القدر", "2025-03-27")]),
    ("يتوافد الحجاج على الجبل في يوم عرفة", dt.date(2024, 6, 10), [("يوم عرفة", "2024-06-15")]),
    # the day of a holiday, the eve
    ("استقبل الأمير المهنئين في ثاني أيام عيد الفطر الماضي", REF, [("ثاني أيام عيد الفطر الماضي", "2024-04-11")]),
    ("ازدحمت الشوارع عشية رأس السنة الميلادية", dt.date(2024, 12, 20), [("عشية رأس السنة الميلادية", "2024-12-31")]),
])
def test_holidays_from_the_reference(text, ref, expected):
    check(text, expected, ref=ref)


def test_holiday_extras():
    e = one("صلى المسلمون صلاة عيد الأضحى 1445 هـ")
    assert e.value == "2024-06-16" and e.extra["holiday"] == "eid_al_adha" and e.extra["calendar"] == "hijri"
    assert e.extra["hijri"] == "1445-12-10" and e.extra["granularity"] == "day" and e.rule == "date.holiday"
    assert e.extra["year_source"] == "text"
    assert one("تستعد الأسواق لعيد الأضحى المقبل").extra["year_source"] == "reference"
    assert one("سيحيي المصلون ليلة القدر", dt.date(2025, 3, 2)).extra["approximate"] is True


def test_holiday_without_reference_is_null_or_from_a_written_year():
    assert one("ارتفعت الأسعار قبيل عيد الأضحى", None).value is None
    doc = run("نظمت الجمعية معرضها عام 2022، وفي عيد الأضحى وزعت اللحوم", None)
    e = [e for e in doc.candidates if "عيد" in e.text][0]
    assert e.value == "2022-07-09" and e.extra["year_source"] == "nearby_date"
    assert e.extra["year_source_text"] == "عام 2022"


@pytest.mark.parametrize("text", [
    "احتفلت الممثلة بعيد ميلادها الثلاثين",          # a birthday
    "أقامت الأسرة حفل عيد الميلاد الخامس لابنها",
    "أطفأ الشموع في عيد الميلاد الـ60",
    "وقال المهندس محمود عيد إن المشروع تأخر",        # a name
    "ينتظر الأطفال العيد بفارغ الصبر",               # a bare العيد: which one is not said
])
def test_not_holidays(text):
    check(text, [])


# ---------------------------------------------------------------- named events
@pytest.mark.parametrize("text,expected", [
    ("تغيرت قوانين السفر بعد هجمات 11 سبتمبر", [("11 سبتمبر", "2001-09-11")]),
    ("أحيا الأمريكيون ذكرى اعتداءات الحادي عشر من سبتمبر", [("الحادي عشر من سبتمبر", "2001-09-11")]),
    ("كتب المؤرخ عن ثورة 23 يوليو وقادتها", [("23 يوليو", "1952-07-23")]),
    ("طالب الشباب بأهداف ثورة 25 يناير", [("25 يناير", "2011-01-25")]),
    ("يحتفل العراقيون بذكرى ثورة 14 تموز", [("14 تموز", "1958-07-14")]),
    ("تضررت الأحياء القريبة من المرفأ في انفجار 4 آب", [("4 آب", "2020-08-04")]),
    ("أعلن الجيش حصيلة جديدة منذ هجوم 7 أكتوبر", [("7 أكتوبر", "2023-10-07")]),
    ("يطالب ناشطو حراك 22 فبراير بالإصلاح", [("22 فبراير", "2019-02-22")]),
    ("ما زال المقاتلون القدامى يروون قصص حرب أكتوبر", [("أكتوبر", "1973-10")]),
    ("تغيرت حدود المنطقة منذ نكسة حزيران", [("حزيران", "1967-06")]),
    ("دمرت الجسور في حرب تموز", [("تموز", "2006-07")]),
    ("أعلن القذافي قيام ثورة الفاتح من سبتمبر", [("الفاتح من سبتمبر", "1969-09-01")]),
    # a written year is read as written
    ("اندلعت ثورة 25 يناير 2011 في القاهرة", [("25 يناير 2011", "2011-01-25")]),
])
def test_named_events(text, expected):
    check(text, expected)


def test_named_event_says_where_its_year_came_from():
    e = one("تغير العالم بعد أحداث 11 سبتمبر")
    assert e.rule == "date.event" and e.extra["event"] == "ev-sep11" and e.extra["year_source"] == "named_event"


@pytest.mark.parametrize("text,expected", [
    # the same day and month without an event noun: the reference year
    ("عقد المجلس جلسته في 11 سبتمبر", [("11 سبتمبر", "2024-09-11")]),
    ("تنطلق المعارض في 25 يناير", [("25 يناير", "2025-01-25")]),
    # an event noun with another date: no table entry
    ("اندلعت الاحتجاجات بعد أحداث 3 مارس", [("3 مارس", "2024-03-03")]),
    # a month after حرب that names no war in the table
    ("اندلعت الحرب في مارس الماضي", [("مارس الماضي", "2024-03")]),
])
def test_not_named_events(text, expected):
    check(text, expected)
