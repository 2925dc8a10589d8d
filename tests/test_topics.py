"""Topics: IPTC categories from keyword lexicons, key phrases from noun-phrase rules.

All sentences are written for these tests (none comes from the shared evaluation data).
"""

from __future__ import annotations

import pytest

from pipeline.extract.keyphrases import _nominal_template, load_stopwords
from pipeline.extract.topics import TopicExtractor, load_taxonomy
from pipeline.normalize import normalize
from pipeline.pipeline import FunctionStage, Pipeline, _normalize, _tokenize
from pipeline.resources import load_table

from .conftest import assert_offsets


@pytest.fixture(scope="module")
def topics_only():
    """normalize + tokenize + topics: fast, and independent of the other extractors."""
    return Pipeline([FunctionStage("normalize", _normalize), FunctionStage("tokenize", _tokenize), TopicExtractor()])


def _phrases(doc):
    return [e for e in doc.candidates if e.type == "keyphrase"]


# --- taxonomy and lexicons ----------------------------------------------------------------

def test_taxonomy_has_the_17_iptc_top_level_codes():
    tax = load_taxonomy()
    assert sorted(tax) == [f"medtop:{i:02d}000000" for i in range(1, 18)]
    assert all(en and ar for en, ar in tax.values())


def test_every_category_has_a_lexicon_and_every_keyword_a_known_category():
    tax = load_taxonomy()
    rows = load_table("topics/keywords.tsv", ("category", "term", "weight"))
    cats = {r["category"] for r in rows}
    assert cats == set(tax)
    for cat in tax:
        assert sum(1 for r in rows if r["category"] == cat) >= 30, cat


def test_stopwords_have_known_kinds():
    kinds = set(load_stopwords().values())
    assert kinds <= {"function", "reporting_verb", "weak_head", "modifier", "adj_particle"}
    assert load_stopwords()[normalize("غير")] == "adj_particle"


# --- categories ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("فوز المنتخب الوطني على نظيره في نهائي البطولة\nسجل المهاجم هدفين في المباراة التي احتضنها الملعب الأولمبي، "
     "وتأهل الفريق إلى كأس العالم بعد أن تصدر ترتيب المجموعة.", "medtop:15000000"),
    ("البرلمان يصادق على مشروع قانون الانتخابات\nصوت النواب في الجلسة العامة على القانون الانتخابي الجديد، "
     "وقالت المعارضة إن الحكومة تجاهلت مقترحات الأحزاب.", "medtop:11000000"),
    ("ارتفاع نسبة التضخم وتراجع قيمة العملة\nأعلن البنك المركزي رفع سعر الفائدة لمواجهة غلاء الأسعار، "
     "فيما سجلت البورصة خسائر وتراجعت الصادرات.", "medtop:04000000"),
    ("حملة تلقيح وطنية ضد الحصبة\nدعت وزارة الصحة الأولياء إلى تلقيح أطفالهم في المراكز الصحية والمستشفيات، "
     "وأكد الأطباء أن المرض معد وأن اللقاح آمن.", "medtop:07000000"),
    ("القبض على عصابة لترويج المخدرات\nتمكنت الشرطة من إيقاف ثلاثة متهمين بتهريب المخدرات وحجز كمية من الأسلحة، "
     "وأذنت النيابة العمومية بالاحتفاظ بهم في انتظار المحاكمة.", "medtop:02000000"),
    ("زلزال عنيف يضرب المنطقة\nخلف الزلزال عشرات القتلى والجرحى، وواصلت فرق الإنقاذ والحماية المدنية البحث "
     "عن المفقودين تحت الأنقاض.", "medtop:03000000"),
    ("شركة ناشئة تطلق تطبيقا للهواتف الذكية\nيعتمد التطبيق على الذكاء الاصطناعي وتقنيات التعلم الآلي لتحليل "
     "البيانات، ويعمل على نظام التشغيل أندرويد.", "medtop:13000000"),
    ("نتائج امتحان الباكالوريا\nأعلنت وزارة التربية نسبة النجاح في الامتحانات الوطنية، وتفوق التلاميذ في المعاهد "
     "والمدارس العمومية، واستعدت الجامعات لاستقبال الطلبة الجدد.", "medtop:05000000"),
    ("أمطار غزيرة ورياح قوية منتظرة\nتوقع المعهد الوطني للرصد الجوي تساقط الأمطار وانخفاض درجات الحرارة مع هبوب "
     "رياح قوية وبحر مضطرب.", "medtop:17000000"),
    ("مهرجان السينما يفتتح دورته الجديدة\nيعرض المهرجان أفلاما من عدة بلدان بحضور مخرجين وممثلين، إلى جانب "
     "حفلات موسيقية وعروض مسرحية.", "medtop:01000000"),
    ("غارات جوية على مواقع المسلحين\nقصفت الطائرات الحربية مواقع الجماعات المسلحة، واندلعت اشتباكات بين الجيش "
     "والمتمردين رغم اتفاق وقف إطلاق النار.", "medtop:16000000"),
    ("آلاف الحجاج يؤدون مناسك الحج\nتوافد الحجاج على مكة المكرمة لأداء الصلاة في المسجد الحرام، استعدادا "
     "ليوم عرفة وعيد الأضحى.", "medtop:12000000"),
    ("تلوث الهواء يهدد المدن الكبرى\nحذر خبراء البيئة من ارتفاع الانبعاثات وتراكم النفايات، ودعوا إلى إعادة "
     "التدوير وحماية التنوع البيولوجي ومواجهة التغير المناخي.", "medtop:06000000"),
    ("إضراب عام في قطاع النقل\nدعت النقابة العمال إلى الإضراب للمطالبة بالزيادة في الأجور وتحسين ظروف العمل، "
     "فيما ارتفعت نسبة البطالة.", "medtop:09000000"),
    ("أطباق رمضانية سهلة التحضير\nنقدم لكم وصفات شهية من المطبخ التونسي مع نصائح للطبخ الصحي والحلويات "
     "التقليدية في المطاعم والمقاهي.", "medtop:10000000"),
    ("ارتفاع نسب الفقر في الأحياء الشعبية\nتعاني العائلات المعوزة من التهميش، وتطالب الجمعيات بحماية حقوق "
     "الطفل والمرأة وتحسين ظروف السكن والإدماج الاجتماعي للشباب.", "medtop:14000000"),
])
def test_category_top1(topics_only, text, expected):
    doc = topics_only.process(text)
    assert doc.topics, "no category"
    assert doc.topics[0].id == expected, [(t.id, round(t.score, 2)) for t in doc.topics]
    scores = [t.score for t in doc.topics]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 1 for s in scores)
    assert doc.topics[0].evidence and all(v > 0 for v in doc.topics[0].evidence.values())


@pytest.mark.parametrize("text", [
    "ذهب أحمد إلى البيت ثم عاد إلى صديقه في المساء.",
    "قال إنه سيأتي غدا، وأضاف أن الأمر بسيط.",
    "",
    "هذا وقد كان ذلك من قبل.",
    "قرار.",  # a single weak hint is not enough evidence
    "قال الوزير إن الاجتماع كان مفيدا.",  # a weak title alone
])
def test_no_category_without_evidence(topics_only, text):
    assert topics_only.process(text).topics == []


def test_title_counts_more_than_body(topics_only):
    # same words, the sport term placed in the title vs. in the body
    a = topics_only.process("المنتخب يفوز بالمباراة\nوقالت الحكومة إن البرلمان سيناقش القانون.")
    b = topics_only.process("وقالت الحكومة إن البرلمان سيناقش القانون.\nالمنتخب يفوز بالمباراة")
    sport = "medtop:15000000"
    sa = next(t.score for t in a.topics if t.id == sport)
    sb = next((t.score for t in b.topics if t.id == sport), 0.0)
    assert sa > sb


def test_clitics_and_suffixes_still_count(topics_only):
    doc = topics_only.process("وبالانتخابات الرئاسية والبرلمانيين والأحزاب السياسية والناخبين تتغير الحكومة.")
    assert doc.topics and doc.topics[0].id == "medtop:11000000"
    ev = doc.topics[0].evidence
    keys = {normalize(k) for k in ev}
    assert normalize("الانتخابات الرئاسية") in keys, ev  # multi-word term behind وب
    assert normalize("برلماني") in keys, ev  # والبرلمانيين -> برلماني (clitic + plural nisba)
    assert normalize("ناخب") in keys or normalize("ناخبين") in keys, ev


# --- key phrases --------------------------------------------------------------------------

@pytest.mark.parametrize("text, phrase", [
    ("تحدث الخبراء عن الذكاء الاصطناعي في الندوة.", "الذكاء الاصطناعي"),
    ("ناقش المؤتمر حوكمة البيانات في المؤسسات.", "حوكمة البيانات"),
    ("تطورت شبكات الجيل الخامس بسرعة.", "شبكات الجيل الخامس"),
    ("يدعم البرنامج الاقتصاد الرقمي في البلاد.", "الاقتصاد الرقمي"),
    ("أطلقت الوزارة حملة وطنية ضد التدخين.", "حملة وطنية"),
    ("تتراجع الهجرة غير النظامية هذا العام.", "الهجرة غير النظامية"),
    ("دعا إلى دعم الطاقات المتجددة والنقل العمومي.", "الطاقات المتجددة"),
    ("وشارك في مؤتمر التجارة الإلكترونية خبراء.", "مؤتمر التجارة الإلكترونية"),
    ("نجحت عملية زراعة الكبد في المستشفى.", "عملية زراعة الكبد"),
    ("تراجعت جودة مياه الشرب في الصيف.", "جودة مياه الشرب"),
    ("تعمل الشركة على تطوير صناعة البرمجيات.", "تطوير صناعة البرمجيات"),
])
def test_keyphrase_found(topics_only, text, phrase):
    doc = topics_only.process(text)
    values = [e.value for e in _phrases(doc)]
    assert phrase in values, values
    for e in _phrases(doc):
        assert doc.text[e.start:e.end] == e.text


@pytest.mark.parametrize("text, value, span", [
    ("ويهتم الباحثون بالذكاء الاصطناعي كثيرا.", "الذكاء الاصطناعي", "الذكاء الاصطناعي"),
    ("خصصت الحكومة ميزانية للقطاع الخاص هذا العام.", "القطاع الخاص", "لقطاع الخاص"),
    ("وتعزيز الابتكار هدف أساسي.", "تعزيز الابتكار", "تعزيز الابتكار"),
    ("يستعد الاتحاد لكرة القدم الشاطئية.", "كرة القدم الشاطئية", "كرة القدم الشاطئية"),
    ("قدم الدعم للجنة الوطنية في العاصمة.", "اللجنة الوطنية", "لجنة الوطنية"),
])
def test_keyphrase_value_drops_clitics(topics_only, text, value, span):
    doc = topics_only.process(text)
    hit = [e for e in _phrases(doc) if e.value == value]
    assert hit, [e.value for e in _phrases(doc)]
    assert hit[0].text == span


@pytest.mark.parametrize("text, forbidden", [
    # never across a comma or a sentence end
    ("تحدث عن الاقتصاد، الرقمي موضوع آخر.", "الاقتصاد الرقمي"),
    ("انتهى الاجتماع. الاقتصادي الأول غائب.", "الاجتماع الاقتصادي"),
    # a verb does not head a construct phrase
    ("أعلن الاتحاد عن موعد المباراة.", "أعلن الاتحاد"),
    ("افتتحت القمة أعمالها أمس.", "افتتحت القمة"),
    # titles are not key phrases, and coordination splits phrases
    ("قال الرئيس التونسي إن الوضع مستقر.", "الرئيس التونسي"),
    ("تطور الإنترنت والاقتصاد بسرعة.", "الإنترنت والاقتصاد"),
    # a future verb, a possessive pronoun or an -ى noun does not make a phrase
    ("سيخوضون مباراة صعبة غدا.", "سيخوضون مباراة"),
    ("التقى الوزير نظيره الفرنسي أمس.", "نظيره الفرنسي"),
    ("ورفض وصفه الاتفاق بالفاشل.", "وصفه الاتفاق"),
    ("شارك في قمة منتدى رجال الأعمال.", "قمة منتدى"),
    # a definite noun followed by another definite noun (subject, object) is not one phrase
    ("يدرس الباحثون الذكاء الاصطناعي.", "الباحثون الذكاء الاصطناعي"),
])
def test_keyphrase_not_found(topics_only, text, forbidden):
    doc = topics_only.process(text)
    values = [e.value for e in _phrases(doc)] + [e.text for e in _phrases(doc)]
    assert forbidden not in values, values


@pytest.mark.parametrize("text", [
    "ذهب إلى هناك ثم عاد.",
    "قال إنه لن يأتي، وأضاف أنه مشغول.",
    "هو في البيت.",
])
def test_no_keyphrase_in_plain_sentences(topics_only, text):
    assert _phrases(topics_only.process(text)) == []


def test_keyphrase_nested_chain_when_it_recurs(topics_only):
    doc = topics_only.process("يتقدم الذكاء الاصطناعي بسرعة.\nوتستخدم الشركات تقنيات الذكاء الاصطناعي في الإنتاج.")
    ai = [e for e in _phrases(doc) if e.value == "الذكاء الاصطناعي"]
    assert len(ai) == 2, [(e.text, e.value) for e in _phrases(doc)]
    assert all(e.text == "الذكاء الاصطناعي" for e in ai)
    # alone, the construct stays whole
    doc = topics_only.process("وتستخدم الشركات تقنيات الذكاء الاصطناعي في الإنتاج.")
    assert "تقنيات الذكاء الاصطناعي" in [e.value for e in _phrases(doc)]


def test_keyphrase_records_supported_category(topics_only):
    doc = topics_only.process("الذكاء الاصطناعي يغير الصناعة.\nيطور الباحثون الذكاء الاصطناعي في المختبرات.")
    ai = [e for e in _phrases(doc) if e.value == "الذكاء الاصطناعي"]
    assert len(ai) == 2
    assert all(e.extra["category"] == "medtop:13000000" for e in ai)
    assert all(e.rule.startswith("keyphrase.") and 0 < e.score <= 1 for e in ai)


@pytest.mark.parametrize("word, nominal", [
    ("تطوير", True), ("اقتصاد", True), ("استثمار", True), ("مؤتمر", True), ("اسعار", True),
    ("قطاع", True), ("شبكات", True), ("ذكاء", True),
    ("يقول", False), ("اعلن", False), ("تضم", False), ("اختتم", False), ("يحشد", False),
])
def test_nominal_template(word, nominal):
    assert _nominal_template(normalize(word)) is nominal


def test_full_pipeline_offsets_and_topic_layer(nlp):
    text = ("مؤتمر دولي حول الذكاء الاصطناعي في القاهرة\n"
            "افتتح وزير الاتصالات المؤتمر يوم الأحد بحضور خبراء في الأمن السيبراني والحوسبة السحابية.")
    doc = nlp.process(text)
    assert_offsets(doc)
    assert any(e.type == "keyphrase" and e.value == "الذكاء الاصطناعي" for e in doc.entities)
    assert doc.topics and doc.topics[0].id == "medtop:13000000"
    d = doc.to_dict()
    assert {"id", "label", "label_ar", "score", "evidence"} <= set(d["topics"][0]) <= {
        "id", "label", "label_ar", "score", "evidence", "subtopics"}


# --- invariants ---------------------------------------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

_WORDS = ["الذكاء", "الاصطناعي", "وبالذكاء", "للشركات", "حوكمة", "البيانات", "رقمية", "حضارة", "غير",
          "النظامية", "قال", "إن", "في", "،", ".", "\n", "مباراة", "المنتخب", "2024", "ٱلْحَضَارَةُ", "ـالرقمية",
          "الرئيس", "لجنة", "للجنة", "المقبل", "منتدى", "سيخوضون"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=30), st.sampled_from([" ", "  ", " \u200f"]))
def test_topic_candidates_keep_offsets_and_stay_inside_sentences(topics_only, words, sep):
    text = sep.join(words)
    doc = topics_only.process(text)
    for e in doc.candidates:
        assert e.type == "keyphrase"
        assert doc.text[e.start:e.end] == e.text
        assert not any(ch in e.text for ch in "،.\n"), e
        assert e.value and len(e.value.split()) >= 2
    for t in doc.topics:
        assert t.id.startswith("medtop:") and 0 <= t.score <= 1


@pytest.mark.parametrize("text, name_word", [
    ("وصل الوزير خميس الجهيناوي إلى الجزائر. وأكدت زيارة الجهيناوي عمق العلاقات.", "الجهيناوي"),
])
def test_full_pipeline_no_keyphrase_over_person_names(nlp, text, name_word):
    doc = nlp.process(text)
    if not any(e.type == "person" for e in doc.candidates):
        pytest.fail("the person extractor found no name; this test needs one")
    assert not [e for e in doc.entities if e.type == "keyphrase" and name_word in e.text]


@pytest.mark.parametrize("word, category", [
    ("والانتخابات", "medtop:11000000"),   # clitics + sound plural
    ("للاعبين", "medtop:15000000"),       # fused ل + ال, masculine plural
    ("الرقمية", "medtop:13000000"),       # nisba feminine
    ("بحكومته", "medtop:11000000"),       # feminine noun + pronoun
    ("منتخبها", "medtop:15000000"),       # noun + pronoun
    ("المستشفيات", "medtop:07000000"),
])
def test_lexicon_word_variants(topics_only, word, category):
    lex = topics_only.stages[-1].lexicon
    assert category in {cue.cat for cue, _, _ in lex.word_hits(normalize(word))}


@pytest.mark.parametrize("word", ["البيت", "ذهب", "قال", "الطاولة", "رياض"])
def test_lexicon_plain_words_have_no_category(topics_only, word):
    assert topics_only.stages[-1].lexicon.word_hits(normalize(word)) == ()
