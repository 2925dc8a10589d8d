"""The misses and false dates listed in issue 17, each with positive and negative cases, and
``year_source`` on every date whose year was not written.

Every sentence is written for these tests. Reference date: Monday 2024-10-28 unless a case says
otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest

from .test_dates import check, dates, run
from .test_dates_periods import one


# ---------------------------------------------------------------- offsets followed by على / عن
@pytest.mark.parametrize("text,expected", [
    ("نشرت الفنانة الصورة قبل يومين على حسابها", [("قبل يومين", "2024-10-26")]),
    ("وصل المصابون قبل ثلاثة أيام على متن مروحية", [("قبل ثلاثة أيام", "2024-10-25")]),
    ("التقى الوزيران قبل أسبوع على هامش القمة", [("قبل أسبوع", "2024-10-21")]),
    ("أعلنت الشركة قبل يومين عن أرباحها", [("قبل يومين", "2024-10-26")]),
    ("سجل الهدف قبل أسبوعين على الأقل", [("قبل أسبوعين", "2024-10-14")]),
    ("تنطلق البطولة بعد ثلاثة أيام من الآن", [("بعد ثلاثة أيام", "2024-10-31")]),
])
def test_offset_before_an_adverb_is_a_date(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text", [
    "اكتمل التسجيل قبل أسبوع على موعد الاقتراع",     # a week before the vote
    "أفرج عنه بعد عامين على اعتقاله",
    "هدأت الأوضاع بعد شهرين من الاتفاق",
])
def test_offset_relative_to_an_event_is_no_date(text):
    check(text, [])


# ---------------------------------------------------------------- الفاتح من
@pytest.mark.parametrize("text,expected", [
    ("تبدأ العروض في الفاتح من ديسمبر", [("الفاتح من ديسمبر", "2024-12-01")]),
    ("صدر القانون في الفاتح من شهر يوليو 2021", [("الفاتح من شهر يوليو 2021", "2021-07-01")]),
    ("يحتفل العمال في فاتح ماي", [("فاتح ماي", "2024-05-01")]),
])
def test_first_of_the_month_fatih(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text", [
    "زار الوفد جامع محمد الفاتح",
    "قال إن السلطان الفاتح مارس الحكم بحزم",         # الفاتح is a name, مارس a verb
])
def test_fatih_as_a_name_is_no_date(text):
    check(text, [])


# ---------------------------------------------------------------- tense across a complementizer
@pytest.mark.parametrize("text,ref,expected", [
    # an announcement of a day a few days ahead: this year's, though the main verb is past
    ("أعلنت اللجنة أن غرة شهر رمضان توافق الأحد", dt.date(2025, 2, 24), [("غرة شهر رمضان", "2025-03-01")]),
    ("أكد المرصد أن غرة رمضان ستكون السبت", dt.date(2025, 2, 24), [("غرة رمضان", "2025-03-01")]),
    ("أوضحت الهيئة أن شهر رمضان يبدأ بعد أيام", dt.date(2025, 2, 24), [("شهر رمضان", "2025-03-01/2025-03-29")]),
    # a past verb in the date's own clause still governs it
    ("قال التقرير إن المبيعات تراجعت وسجلت أدنى مستوى في ديسمبر", dt.date(2024, 10, 28),
     [("ديسمبر", "2023-12")]),
])
def test_tense_of_the_clause(text, ref, expected):
    got = [(t, v) for t, v in dates(text, ref) if t != "الأحد" and t != "السبت"]
    assert got == expected, got


# ---------------------------------------------------------------- weekday and ordinals
@pytest.mark.parametrize("text,ref,expected", [
    ("تقام الدورة من الخميس 7 إلى السبت 9 نوفمبر", dt.date(2024, 10, 28),
     [("من الخميس 7 إلى السبت 9 نوفمبر", "2024-11-07/2024-11-09")]),
    ("يفتح المعرض أبوابه يوم الأحد السابع عشر", dt.date(2024, 11, 10), [("يوم الأحد السابع عشر", "2024-11-17")]),
    ("انعقدت الجلسة الثلاثاء الخامس عشر", dt.date(2024, 10, 28), [("الثلاثاء الخامس عشر", "2024-10-15")]),
    ("صدر المرسوم في الثالث من شهر آب", dt.date(2024, 10, 28), [("الثالث من شهر آب", "2024-08-03")]),
    ("افتتح الجسر يوم الخميس في 10 تشرين الأول", dt.date(2024, 10, 28),
     [("يوم الخميس في 10 تشرين الأول", "2024-10-10")]),
])
def test_weekday_heads_and_ordinal_days(text, ref, expected):
    check(text, expected, ref=ref)


@pytest.mark.parametrize("text,ref,expected", [
    # a weekday after the date it names (توافق، الموافق) is that date, whatever the tense
    ("أعلن المرصد أن غرة شوال توافق يوم الأحد", dt.date(2025, 3, 27),
     [("غرة شوال", "2025-03-30"), ("يوم الأحد", "2025-03-30")]),
    ("عقد الاجتماع يوم الخميس الموافق 31 أكتوبر", dt.date(2024, 10, 28),
     [("يوم الخميس", "2024-10-31"), ("31 أكتوبر", "2024-10-31")]),
])
def test_weekday_written_with_its_date(text, ref, expected):
    check(text, expected, ref=ref)


def test_weekday_range_member_is_checked():
    e = one("تقام الدورة من الخميس 7 إلى الأحد 9 نوفمبر")  # 9 November 2024 is a Saturday
    assert e.extra.get("weekday_mismatch") is True


@pytest.mark.parametrize("text,expected", [
    # an ordinal up to الخامس may count weekdays (the second Sunday): no date without a month
    ("يجتمع المجلس يوم الأحد الثاني", [("يوم الأحد", "2024-10-27")]),
    # a weekday, then an ordinal of something else
    ("فاز الفريق يوم الجمعة السادس على التوالي", [("يوم الجمعة", "2024-10-25")]),
])
def test_weekday_ordinal_negatives(text, expected):
    check(text, expected)


def test_weekday_ordinal_needs_the_reference():
    assert one("يفتح المعرض يوم الأحد السابع عشر", None).value is None


# ---------------------------------------------------------------- months joined by و
@pytest.mark.parametrize("text,expected", [
    ("تراجعت الواردات في مارس وأبريل", [("مارس", "2024-03"), ("أبريل", "2024-04")]),
    ("ارتفعت الأسعار في يونيو ويوليو وأغسطس", [("يونيو", "2024-06"), ("يوليو", "2024-07"), ("أغسطس", "2024-08")]),
    # the year written on the last member is the list's
    ("تراجعت الواردات في مارس وأبريل 2021", [("مارس", "2021-03"), ("أبريل 2021", "2021-04")]),
    ("وقعت الحوادث في 3 مايو و9 يونيو 2020", [("3 مايو", "2020-05-03"), ("9 يونيو 2020", "2020-06-09")]),
])
def test_months_joined_by_and(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text,expected", [
    ("يمارس الرياضة ومارس السباحة", []),            # verbs
    ("دخل من باب المسجد وآب إلى بيته", []),
])
def test_months_joined_by_and_negative(text, expected):
    check(text, expected)


# ---------------------------------------------------------------- month before the day
@pytest.mark.parametrize("text,expected", [
    ("يقام المؤتمر من سبتمبر 9 إلى 12", [("من سبتمبر 9 إلى 12", "2025-09-09/2025-09-12")]),
    ("تنظم الدورة من أغسطس 5 حتى 9 في العاصمة", [("من أغسطس 5 حتى 9", "2025-08-05/2025-08-09")]),
    ("وقعت الاتفاقية في يونيو 13، 2019", [("يونيو 13، 2019", "2019-06-13")]),
])
def test_month_first(text, expected):
    check(text, expected, ref=dt.date(2025, 5, 1))


@pytest.mark.parametrize("text,expected", [
    ("قتل في يونيو 13 شخصا", [("يونيو", "2024-06")]),   # a count after the month (last June: a past verb)
])
def test_month_first_negative(text, expected):
    check(text, expected, ref=dt.date(2025, 5, 1))


# ---------------------------------------------------------------- false dates
@pytest.mark.parametrize("text", [
    "استقبل الرئيس الأمين العام السابق للجامعة",
    "عين المدير العام الجديد للشركة",
    "وقال النائب العام المقبل إن التحقيق مستمر",
    "بلغ سعر الحاسوب 1999 دولارا",
    "شارك في الماراثون 2024 عداء",
    "استقبل المخيم 2015 نازحا",
    "سجلت الوزارة 2023 إصابة",
])
def test_false_dates(text):
    check(text, [])


@pytest.mark.parametrize("text,expected", [
    ("ارتفعت الأسعار العام السابق", [("العام السابق", "2023")]),
    ("فاز الفريق باللقب العام الماضي", [("العام الماضي", "2023")]),
    ("بلغت الأرباح في 2023 أيضا", [("2023", "2023")]),
])
def test_false_date_guards_keep_real_dates(text, expected):
    check(text, expected)


# ---------------------------------------------------------------- year_source
@pytest.mark.parametrize("text,ref,source", [
    ("وقع الاتفاق في 5 مارس 2021", dt.date(2024, 10, 28), "text"),
    ("وتستمر الحملة حتى 30 نوفمبر", dt.date(2024, 10, 28), "reference"),
    ("وصل الوفد أمس", dt.date(2024, 10, 28), "reference"),
    ("من 3 إلى 7 مارس 2021", dt.date(2024, 10, 28), "text"),
])
def test_year_source(text, ref, source):
    assert one(text, ref).extra["year_source"] == source


def test_year_from_a_nearby_date_says_which():
    doc = run("وقعت الاتفاقية في أكتوبر 2019. وفي 15 آذار/مارس اجتمع الطرفان.", None)
    got = {e.text: e.extra for e in doc.candidates}
    e = got["15 آذار/مارس"]
    assert e["year_source"] == "nearby_date" and e["year_source_text"] == "أكتوبر 2019"
    assert got["أكتوبر 2019"]["year_source"] == "text"


def test_year_moved_by_the_tense_is_marked():
    e = one("وكان الوزير قد أعلن في 12 ديسمبر أن")
    assert e.value == "2023-12-12" and e.extra["year_source"] == "reference" and e.extra["year_from_tense"] is True


# ---------------------------------------------------------------- found on the second sentence set
@pytest.mark.parametrize("text,ref,expected", [
    ("تبدأ العطلة في ثالث أيام شهر شوال", dt.date(2025, 3, 20), [("ثالث أيام شهر شوال", "2025-04-01")]),
    ("يصوم المسلمون أول أيام رمضان", dt.date(2025, 2, 20), [("أول أيام رمضان", "2025-03-01")]),
    ("أغلقت المدارس في ثاني أيام مارس 2022", dt.date(2024, 10, 28), [("ثاني أيام مارس 2022", "2022-03-02")]),
])
def test_nth_day_of_a_month(text, ref, expected):
    check(text, expected, ref=ref)


@pytest.mark.parametrize("text,ref,expected", [
    # a copula links a weekday to its date
    ("أعلن المجلس أن أول أيام رمضان سيكون السبت", dt.date(2025, 2, 20),
     [("أول أيام رمضان", "2025-03-01"), ("السبت", "2025-03-01")]),
    ("قالت الهيئة إن غرة ذي الحجة هي يوم الأربعاء", dt.date(2025, 5, 20),
     [("غرة ذي الحجة", "2025-05-28"), ("يوم الأربعاء", "2025-05-28")]),
])
def test_weekday_linked_by_a_copula(text, ref, expected):
    check(text, expected, ref=ref)


@pytest.mark.parametrize("text,expected", [
    ("تنتهي الدروس في نهاية العام الدراسي", []),
    ("نشرت الشركة نتائج الربع الأول من العام المالي", []),
    ("يبدأ العام القضائي الجديد الشهر المقبل", [("الشهر المقبل", "2024-11")]),
])
def test_school_and_fiscal_years_are_not_calendar_years(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text,ref,expected", [
    # before a month that has not begun: a past verb does not move it a year back
    ("ازدحمت الأسواق قبيل شهر رمضان", dt.date(2025, 2, 20), [("شهر رمضان", "2025-03-01/2025-03-29")]),
    ("ارتفعت أسعار الأضاحي عشية شهر ذي الحجة", dt.date(2025, 5, 20), [("شهر ذي الحجة", "2025-05-28/2025-06-25")]),
    # without قبيل the month is last year's
    ("ارتفعت الأسعار في شهر رمضان", dt.date(2025, 2, 20), [("شهر رمضان", "2024-03-11/2024-04-09")]),
])
def test_before_a_month_in_the_past_tense(text, ref, expected):
    check(text, expected, ref=ref)


@pytest.mark.parametrize("text,expected", [
    ("تجرى المباريات في يناير وفبراير المقبلين", [("يناير", "2025-01"), ("فبراير المقبلين", "2025-02")]),
    ("تراجع الإنتاج في أغسطس وسبتمبر الماضيين", [("أغسطس", "2024-08"), ("سبتمبر الماضيين", "2024-09")]),
])
def test_list_shares_its_suffix(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text", [
    "اشترى الصندوق 1977 سهما في البورصة",
    "أطلق الجيش 2016 صاروخا",          # in the counted-noun list as well
    "عثر المحققون على الجثة عند الكيلومتر 2015",
    "ألغيت الرحلة 2022 المتجهة إلى باريس",
    "عقدت الندوة في صالة 2010 بالمعرض",   # a hall named by a number
])
def test_counts_and_references_after_a_number(text):
    check(text, [])


@pytest.mark.parametrize("text,expected", [
    ("تراجعت الأرباح في 2019 أيضا", [("2019", "2019")]),
    ("وفي 2021 رسميا أعلن الاندماج", [("2021", "2021")]),
])
def test_adverb_after_a_year_keeps_it(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text,ref,expected", [
    ("أسس النادي عام 1998، وفاز باللقب في العام نفسه", dt.date(2024, 10, 28),
     [("عام 1998", "1998"), ("العام نفسه", "1998")]),
    ("تخرج عام 2005 وعمل في ربيع العام ذاته في الصحافة", None,
     [("عام 2005", "2005"), ("ربيع العام ذاته", "2005-03/2005-05")]),
    ("وقال الأمين العام نفسه إن الاجتماع مهم", dt.date(2024, 10, 28), []),
])
def test_the_same_year(text, ref, expected):
    check(text, expected, ref=ref)


def test_the_same_year_says_where_it_came_from():
    doc = run("أسس النادي عام 1998، وفاز باللقب في العام نفسه", dt.date(2024, 10, 28))
    e = [e for e in doc.candidates if e.text == "العام نفسه"][0]
    assert e.extra["year_source"] == "nearby_date" and e.extra["year_source_text"] == "عام 1998"


def test_every_valued_date_has_a_year_source():
    text = ("وقع الاتفاق في 5 مارس 2021، ثم وصل الوفد أمس. وتستمر الحملة حتى 30 نوفمبر وخلال الربع الأول من 2025. "
            "وكان ذلك بعد أحداث 11 سبتمبر وفي التسعينيات وخلال الصيف الماضي وفي عيد الفطر المقبل ومنذ عامين.")
    found = [e for e in run(text).candidates if e.value is not None]
    assert len(found) >= 9
    sources = {"text", "reference", "nearby_date", "named_event", "default_century"}
    for e in found:
        assert e.extra.get("year_source") in sources, e
