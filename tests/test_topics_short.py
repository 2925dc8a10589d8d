"""Topic categories on any length of news: match modes, entity spans, the evidence gate, titles
and institutions, subtopics and the calibrated score.

All sentences are written for these tests (none comes from the shared evaluation data).
"""

from __future__ import annotations

import pytest

from pipeline.extract.topics import TopicExtractor, TopicLexicon, load_subtopics, load_taxonomy
from pipeline.normalize import normalize
from pipeline.pipeline import FunctionStage, Pipeline, _normalize, _tokenize
from pipeline.resources import load_table


@pytest.fixture(scope="module")
def topics_only():
    return Pipeline([FunctionStage("normalize", _normalize), FunctionStage("tokenize", _tokenize), TopicExtractor()])


def _stage(nlp) -> TopicExtractor:
    return next(s for s in nlp.stages if s.name == "topics")


def _terms(nlp, text: str) -> set[str]:
    """The keyword terms counted in a text."""
    stage = _stage(nlp)
    doc = nlp.process(text)
    per_term, _ = stage.collect_cues(doc, stage.position_weights(doc))
    return {normalize(term) for _, term in per_term}


def _top(nlp, text: str) -> str | None:
    doc = nlp.process(text)
    return doc.topics[0].id if doc.topics else None


# --- false keyword matches ------------------------------------------------------------------

@pytest.mark.parametrize("text, term", [
    # hamza folding: إجراءات (measures) is not الأجراء (wage earners)
    ("اتخذت البلدية إجراءات جديدة لتنظيم حركة المرور في وسط المدينة.", "الأجراء"),
    ("وتواصل الإجراءات الإدارية لتسجيل الطلبة.", "الأجراء"),
    # the verb أثار (stirred) is not آثار (antiquities)
    ("أثار القرار جدلا واسعا بين السكان.", "آثار"),
    # بطاقة (card) is not ب + طاقة (energy), with or without a suffix
    ("استخرج المواطن بطاقة التعريف من البلدية.", "طاقة"),
    ("فقد المسافر بطاقته البنكية في المطار.", "طاقة"),
    # indefinite قاعدة (a base) is not al-Qaeda
    ("أقام الجيش قاعدة جديدة قرب الحدود.", "القاعدة"),
    # إبل (camels) is not آبل (Apple)
    ("يربي البدو الإبل في الصحراء منذ قرون.", "آبل"),
    ("ارتفع سعر الإبل في السوق الأسبوعية.", "آبل"),
    # أمام (in front of) is not إمام (imam); أية (any) and ولاية (state) are not آية (verse)
    ("وقف المحتجون أمام مقر الولاية صباحا.", "إمام"),
    ("لم تسجل أية خسائر في ولاية القصرين.", "آية"),
    # بعيد (far), بهدف (aiming to), بمناسبة (on the occasion of), لقطة (shot): words of their own
    ("يقع المستودع في حي بعيد عن وسط المدينة.", "عيد"),
    ("أطلقت الجمعية حملة بهدف توعية الشباب.", "هدف"),
    ("نظمت المدرسة حفلا بمناسبة نهاية السنة.", "مناسبة"),
    ("انتشرت لقطة طريفة على الشبكة.", "قطة"),
    # a masculine noun + ه "his" is not a feminine noun in ة: مكتبه (his office) is not مكتبة (library)
    ("استقبل المسؤول الوفد في مكتبه صباح اليوم.", "مكتبة"),
    # آمن (safe) is not أمن (security); مرآة (mirror) is not المرأة; أعلام (flags) is not إعلام (media)
    ("أكد الأطباء أن الدواء آمن للأطفال.", "أمن"),
    ("نظرت الفتاة إلى وجهها في المرآة.", "المرأة"),
    ("رفعت الجماهير الأعلام في المدرجات.", "إعلام"),
])
def test_false_keyword_match_is_not_counted(topics_only, text, term):
    key = normalize(term)
    assert not any(key in t for t in _terms(topics_only, text))


@pytest.mark.parametrize("text, term", [
    ("طالب الأجراء بالزيادة في الأجور.", "الأجراء"),
    ("اكتشف علماء الآثار موقعا قديما في الجنوب.", "آثار"),
    ("زار الوفد مواقع الآثار والمتاحف.", "آثار"),
    ("ارتفع إنتاج الطاقة في المحطات الجديدة.", "طاقة"),
    ("وبالطاقة الشمسية تضيء القرية ليلا.", "طاقة"),
    ("كشفت آبل عن حاسوب جديد.", "آبل"),
    ("ألقى الإمام خطبة الجمعة في المسجد.", "الإمام"),
    ("تلا القارئ آية من سورة البقرة.", "آية"),
    ("عززت الحكومة الأمن في المناطق الحدودية.", "أمن"),
    ("افتتحت البلدية مكتبة عمومية جديدة.", "مكتبة"),
    ("طالبت الجمعيات بحماية حقوق المرأة.", "المرأة"),
    ("تطور الإعلام الرقمي بسرعة.", "إعلام"),
    ("سجل المهاجم هدفا رائعا في الدقيقة الأخيرة.", "هدف"),
    ("احتفل المسلمون بعيد الفطر.", "عيد"),  # ب + عيد when the stem is definite or in a phrase
])
def test_true_keyword_match_is_counted(topics_only, text, term):
    key = normalize(term)
    assert any(key in t for t in _terms(topics_only, text))


def test_al_qaeda_is_named_strongly_only_with_its_name(topics_only):
    assert normalize("تنظيم القاعدة") in _terms(topics_only, "تبنى تنظيم القاعدة الهجوم على الثكنة.")
    stage = _stage(topics_only)
    weak = [c for c, _, _ in stage.lexicon.word_hits(normalize("القاعدة")) if c.term == "القاعدة"]
    assert weak and weak[0].mode == "exact" and not weak[0].strong


@pytest.mark.parametrize("text, term", [
    ("استقبل الوزير السيد أحمد كرمان في مكتبه بالعاصمة.", "كرم"),  # كرمان is a name, not كرم
    ("قال رئيس حزب العدالة إن الحزب سيشارك في الحوار.", "عدالة"),  # a party's name is not its topic
])
def test_tokens_inside_names_do_not_count(nlp, text, term):
    assert normalize(term) not in _terms(nlp, text)


def test_the_head_of_a_party_name_and_named_keywords_still_count(nlp):
    terms = _terms(nlp, "قال رئيس حزب العدالة إن الحزب سيشارك في الحوار.")
    assert normalize("حزب") in terms
    # a club is a named keyword: it counts although it is an organization name
    doc = nlp.process("فاز الترجي على منافسه بهدفين في مباراة الجولة الأولى.")
    assert doc.topics and doc.topics[0].id == "medtop:15000000"


# --- match modes as data --------------------------------------------------------------------

def test_keyword_modes_and_names_are_known_values():
    rows = load_table("topics/keywords.tsv", ("category", "term", "weight"))
    assert {r.get("mode") or "" for r in rows} <= {"", "exact", "hamza"}
    assert {r.get("name") or "" for r in rows} <= {"", "1"}
    assert any(r.get("mode") == "exact" for r in rows) and any(r.get("mode") == "hamza" for r in rows)


def test_an_unknown_mode_is_rejected():
    tax = load_taxonomy()
    with pytest.raises(ValueError, match="unknown mode"):
        TopicLexicon._cue({"id": "x", "category": "medtop:01000000", "term": "فن", "weight": 1.0, "mode": "fuzzy"},
                          tax, {})


def test_subtopics_are_narrower_iptc_topics_with_arabic_labels():
    tax = load_taxonomy()
    subs = load_subtopics()
    assert len(subs) >= 30
    for sid, row in subs.items():
        assert sid.startswith("medtop:2") and row["parent"] in tax and row["label"] and row["label_ar"]
        assert row["level"] in (2, 3) and (row["level"] == 2) == (row["broader"] == row["parent"])
    rows = load_table("topics/subtopic_keywords.tsv", ("subtopic", "term", "weight"))
    assert {r["subtopic"] for r in rows} == set(subs)


# --- the evidence gate ----------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("زلزال يضرب شمال البلاد", "medtop:03000000"),
    ("مباراة حاسمة مساء الغد", "medtop:15000000"),
    ("البرلمان يناقش الميزانية", "medtop:11000000"),
    ("رئيس الوزراء يستقبل وفدا أوروبيا", "medtop:11000000"),
    ("مجلس الأمن يعقد جلسة طارئة", "medtop:11000000"),
    ("وزير الصحة يزور المستشفى الجهوي", "medtop:07000000"),
    ("وزير الرياضة يهنئ المنتخب بعد الفوز", "medtop:15000000"),
    ("وزير المالية يعلن ارتفاع نسبة التضخم", "medtop:04000000"),
    # titles of other domains do not pull a story to politics
    ("رئيس النادي يعلن رحيل المدرب", "medtop:15000000"),
    ("الرئيس التنفيذي للشركة يعلن أرباحا قياسية", "medtop:04000000"),
    ("رئيسة الوزراء تستقبل السفيرة الجديدة", "medtop:11000000"),
])
def test_one_strong_cue_decides_a_headline(topics_only, text, expected):
    assert _top(topics_only, text) == expected


@pytest.mark.parametrize("text", [
    "قرار جديد",                    # a weak cue alone
    "وصل الوزير إلى المدينة",        # a title alone
    "ذهب الرجل إلى البيت مساء",      # no cue
])
def test_a_headline_without_a_real_cue_stays_uncategorized(topics_only, text):
    assert _top(topics_only, text) is None


def test_a_long_text_needs_more_than_one_cue(topics_only):
    filler = "ذهب الرجل إلى البيت ثم عاد إلى صديقه في المساء وتحدثا طويلا عن أمور كثيرة. " * 8
    assert _top(topics_only, "زلزال. " + filler) is None
    assert _top(topics_only, "زلزال قوي. " + filler + "وتواصل فرق الإنقاذ البحث عن ضحايا الزلزال.") == "medtop:03000000"


def test_required_evidence_grows_with_length():
    stage = TopicExtractor()
    needs = [stage.required(n) for n in (5, 20, 40, 60, 500)]
    assert needs == sorted(needs) and needs[0] < needs[-1] == stage.min_score


# --- calibrated score -----------------------------------------------------------------------

def test_score_rises_with_evidence_and_falls_with_a_rival(topics_only):
    one = topics_only.process("مباراة حاسمة مساء الغد").topics[0].score
    two = topics_only.process("مباراة حاسمة للمنتخب في البطولة مساء الغد").topics[0].score
    mixed = topics_only.process("مباراة حاسمة للمنتخب والبرلمان يناقش الميزانية").topics
    assert 0 < one < two <= 1
    assert mixed[0].score < two


def test_headline_and_article_on_the_same_evidence_share_the_scale(topics_only):
    # a headline with two clear sport cues and an article with many: both confident
    short = topics_only.process("المنتخب يفوز بالمباراة").topics[0].score
    long = topics_only.process(
        "المنتخب يفوز بالمباراة\nفاز المنتخب الوطني على منافسه في مباراة الجولة الثانية من البطولة، "
        "وسجل المهاجم هدفين، فيما أشاد المدرب بأداء اللاعبين والجماهير في الملعب.").topics[0].score
    assert short > 0.8 and long > 0.8


# --- subtopics ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, parent, sub", [
    ("ركلة جزاء في الدقيقة الأخيرة تمنح المنتخب الفوز في مباراة كرة القدم", "medtop:15000000", "medtop:20001065"),
    ("انطلاق الحملة الانتخابية وفتح مكاتب الاقتراع أمام الناخبين", "medtop:11000000", "medtop:20000574"),
    ("البنك المركزي يرفع سعر الفائدة لكبح التضخم", "medtop:04000000", "medtop:20000344"),
    ("تسجيل إصابات جديدة بالكوليرا وانتشار الوباء في القرى", "medtop:07000000", "medtop:20000446"),
    ("اشتباكات وغارات جوية وقصف مدفعي على مواقع المتمردين", "medtop:16000000", "medtop:20000056"),
])
def test_subtopic_when_the_evidence_is_clear(topics_only, text, parent, sub):
    doc = topics_only.process(text)
    assert doc.topics and doc.topics[0].id == parent
    subs = doc.topics[0].subtopics
    assert subs and subs[0].id == sub and subs[0].label_ar, subs
    assert 0 < subs[0].score <= doc.topics[0].score
    assert doc.topics[0].to_dict()["subtopics"][0]["id"] == sub


@pytest.mark.parametrize("text", [
    "فاز الفريق بالبطولة بعد موسم طويل",                                  # no discipline named
    "مباراة في كرة القدم وأخرى في كرة السلة والتنس مساء اليوم",          # several disciplines
])
def test_no_subtopic_when_the_evidence_is_not_clear(topics_only, text):
    doc = topics_only.process(text)
    assert doc.topics and doc.topics[0].id == "medtop:15000000"
    assert doc.topics[0].subtopics == ()
    assert "subtopics" not in doc.topics[0].to_dict()
