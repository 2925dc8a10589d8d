"""Key-phrase noise filters: verbs, vague heads/adjectives/tails, false constructs, adjective fragments.

All sentences are written for these tests (none comes from the shared evaluation data).
"""

from __future__ import annotations

import pytest

from pipeline.extract.keyphrases import _verb_shape, load_filters
from pipeline.extract.topics import TopicExtractor
from pipeline.normalize import normalize
from pipeline.pipeline import FunctionStage, Pipeline, _normalize, _tokenize


@pytest.fixture(scope="module")
def topics_only():
    return Pipeline([FunctionStage("normalize", _normalize), FunctionStage("tokenize", _tokenize), TopicExtractor()])


def _values(doc):
    return [e.value for e in doc.candidates if e.type == "keyphrase"]


def test_filter_kinds_are_known():
    kinds = set().union(*load_filters().values())
    assert kinds == {"verb_marker", "clause_opener", "generic_head", "generic_adj", "generic_tail",
                     "generic_phrase", "sequence_head", "ordinal"}


@pytest.mark.parametrize("text, phrase", [
    # false construct kept whole
    ("وفرت البلدية خدمات سريعة الاستجابة للسكان.", "خدمات سريعة الاستجابة"),
    ("تستخدم المصانع أدوات متعددة الاستخدامات في الإنتاج.", "أدوات متعددة الاستخدامات"),
    ("نفذت القوات عملية واسعة النطاق في المنطقة.", "عملية واسعة النطاق"),
    # a vague adjective is trimmed, the rest stays
    ("اقتنت الشركة علامة تجارية جديدة حاملة لاسم المدينة.", "علامة تجارية"),
    ("يشمل مشروع القانون المتعلق بالاستثمار عدة فصول.", "مشروع القانون"),
    ("افتتح المعرض بحضور جماهيري كبير في العاصمة.", "حضور جماهيري"),
    # an adjective chain after its noun stays with the noun
    ("قدم الخبراء آراء ثاقبة عالمية حول الاقتصاد.", "آراء ثاقبة عالمية"),
    ("يتابع الملايين أخبار مواقع عالمية عديدة.", "مواقع عالمية"),
    ("تعمل الحكومة على تطوير الأنظمة الذكية الجديدة.", "تطوير الأنظمة الذكية"),
    # the phrase after a verb or a generic head is kept
    ("ناقش المؤتمر القضايا التي تهم الشباب العربي.", "الشباب العربي"),
    ("انتشرت المبادرة في أنحاء العالم العربي.", "العالم العربي"),
    ("تتابع القناة الأخبار الرياضية والسياسية المحلية يوميا.", "الأخبار الرياضية"),
    ("أطلقت الحكومة برامج التعليم العالي والتنمية المستدامة.", "التنمية المستدامة"),
    # a noun after a تفعيل noun (not a verb after a nisba adjective)
    ("أحالت النيابة المتهمين إلى المحكمة بعد توجيه تهم السرقة إليهم.", "تهم السرقة"),
    ("ناقش الخبراء الأمن السيبراني والتحولات الرقمية.", "الأمن السيبراني"),
    ("ناقش الخبراء الأمن السيبراني والتحولات الرقمية.", "التحولات الرقمية"),
    # a noun written with ة opens a phrase at the start of a sentence
    ("حملة التطعيم الموسمية انطلقت أمس في المدارس.", "حملة التطعيم الموسمية"),
    # after a verb the subject phrase is found
    ("صادق المجلس البلدي على الميزانية.", "المجلس البلدي"),
    ("ارتفعت أسعار المواد الغذائية في الأسواق.", "أسعار المواد الغذائية"),
])
def test_filtered_keyphrase_still_found(topics_only, text, phrase):
    assert phrase in _values(topics_only.process(text))


@pytest.mark.parametrize("text, forbidden", [
    # verb + noun
    ("يدرس الباحثون مواضيع أخرى تهم المستهلكين.", "تهم المستهلكين"),
    ("ناقش الوزراء القرارات التي تخص المواطنين.", "تخص المواطنين"),
    ("ناقش المؤتمر القضايا التي تهم الشباب العربي.", "تهم الشباب العربي"),
    ("تأجلت الجلسة، فيما صادق النواب على القانون.", "صادق النواب"),
    ("وسجل اللاعب هدفا رائعا.", "سجل اللاعب"),
    ("صادق المجلس البلدي على الميزانية.", "صادق المجلس البلدي"),
    ("تأجلت الجلسة، فيما طالب النواب بالتحقيق.", "طالب النواب"),
    ("وأطلق الجيش عملية واسعة.", "أطلق الجيش"),
    # generic heads, adjectives and tails
    ("انتشرت الظاهرة في أنحاء البلاد.", "أنحاء البلاد"),
    ("انتشرت المبادرة في أنحاء العالم العربي.", "أنحاء العالم العربي"),
    ("يتابع الملايين أخبار مواقع عالمية عديدة.", "مواقع عالمية عديدة"),
    ("تعمل الحكومة على تطوير الأنظمة الذكية الجديدة.", "تطوير الأنظمة الذكية الجديدة"),
    ("دعت المنظمة جميع الحكومات إلى التحرك.", "جميع الحكومات"),
    ("عقد البرلمان جلسة جديدة يوم الاثنين.", "جلسة جديدة"),
    ("تعتمد الوزارة على شبكة المراكز في المدن.", "شبكة المراكز"),
    ("اختار المخرج ممثلين شبابا للفيلم.", "اختار المخرج"),
    ("تتابع القناة الأخبار الرياضية والسياسية المحلية يوميا.", "السياسية المحلية"),
    ("ألغت المحكمة الحكمين السابقين في القضية.", "الحكمين السابقين"),
    ("تستعد الجامعة للدورة القادمة من المعرض.", "الدورة القادمة"),
    ("بلغت قيمة الصفقة مليون دولار أمريكي.", "دولار أمريكي"),
    ("اقتنت الشركة علامة تجارية جديدة حاملة لاسم المدينة.", "علامة تجارية جديدة حاملة"),
    ("يشمل مشروع القانون المتعلق بالاستثمار عدة فصول.", "مشروع القانون المتعلق"),
    ("أمطار متفرقة تكون مؤقتا رعدية بالمناطق الغربية.", "مؤقتا رعدية"),
    ("تعمل الإدارات التابعة للوزارة على تحسين الخدمات.", "الإدارات التابعة"),
    ("يتابع آلاف المشجعين المباريات عبر الشاشات.", "المشجعين المباريات"),
    ("شارك الرئيس في قمة منتدى الدول المصدرة للغاز.", "قمة منتدى الدول"),
    ("تمتلك البلدية الإمكانيات المادية اللازمة.", "المادية اللازمة"),
    # truncated false construct, adjective-headed fragment
    ("أطلقت الجامعة مكتبة مفتوحة المصدر.", "مكتبة مفتوحة"),
    ("أطلقت الشركة منصة مفتوحة المصدر لتحليل البيانات.", "منصة مفتوحة"),
    ("قدم الخبراء آراء ثاقبة عالمية حول الاقتصاد.", "ثاقبة عالمية"),
])
def test_noise_phrase_not_found(topics_only, text, forbidden):
    assert forbidden not in _values(topics_only.process(text))


@pytest.mark.parametrize("text", [
    "وقد طالبت النقابات بالحوار.",
    "فيما أكد المسؤولون ذلك.",
    "في جميع أنحاء البلاد.",
    "زار الوفد مقر الجديد للشركة.",
    "عاد المعرض مجددا إلى العاصمة.",  # trimming the vague genitive leaves no construct (and no crash)
])
def test_no_keyphrase_in_verb_or_generic_clauses(topics_only, text):
    assert _values(topics_only.process(text)) == []


@pytest.mark.parametrize("word, verb", [
    ("سجل", True), ("صادق", True), ("أطلق", True), ("يواصل", True), ("تشهد", True), ("تجددت", True),
    ("طالبوا", True),
    ("تعزيز", False), ("تقرير", False), ("حملة", False), ("قوات", False), ("مؤشر", False),
    ("استكشاف", False), ("مفاوضات", False),
])
def test_verb_shape(word, verb):
    assert _verb_shape(normalize(word), word) is verb


# --- categories: human interest vocabulary, exact forms before stripped stems -------------------

@pytest.mark.parametrize("text, expected", [
    ("بعد ثلاثين عاما من الفراق، عاد رجل ثمانيني إلى قريته والتقى أحفاده في لقاء مؤثر، "
     "وذرف الحاضرون الدموع وهم يستعيدون ذكريات الطفولة.", "medtop:08000000"),
    ("روت سيدة سبعينية قصتها مع الكفاح، بعدما عملت بائعة متجولة لتعليم أبنائها وتحقيق حلمها.",
     "medtop:08000000"),
    ("حذر خبراء من تراجع الشعاب المرجانية ونفوق الأسماك بسبب التلوث البحري والصيد الجائر، "
     "ودعوا إلى حماية الأحياء البحرية المهددة بالانقراض.", "medtop:06000000"),
])
def test_category_from_new_vocabulary(topics_only, text, expected):
    doc = topics_only.process(text)
    assert doc.topics and doc.topics[0].id == expected, [(t.id, t.evidence) for t in doc.topics]


@pytest.mark.parametrize("word, category, absent", [
    ("ملابسات", "medtop:02000000", "medtop:10000000"),  # circumstances (of a case), not clothes
    ("والملابسات", "medtop:02000000", "medtop:10000000"),
])
def test_exact_form_wins_over_stripped_stem(topics_only, word, category, absent):
    cats = {cue.cat for cue, _, _ in topics_only.stages[-1].lexicon.word_hits(normalize(word))}
    assert category in cats and absent not in cats
