"""Key phrases: no fragments of names or of longer phrases, broken-plural heads, generic phrases
dropped, near-duplicates merged, evidence kept.

All sentences are written for these tests (none comes from the shared evaluation data).
"""

from __future__ import annotations

import pytest

from pipeline.document import Document
from pipeline.extract.keyphrases import _nominal_template
from pipeline.extract.topics import TopicExtractor
from pipeline.normalize import normalize
from pipeline.pipeline import FunctionStage, Pipeline, _normalize, _tokenize


@pytest.fixture(scope="module")
def topics_only():
    return Pipeline([FunctionStage("normalize", _normalize), FunctionStage("tokenize", _tokenize), TopicExtractor()])


def _phrases(doc) -> list:
    return [e for e in doc.candidates if e.type == "keyphrase"]


def _values(doc) -> set[str]:
    return {normalize(e.value) for e in _phrases(doc)} | {normalize(e.text) for e in _phrases(doc)}


# --- fragments of names ---------------------------------------------------------------------

@pytest.mark.parametrize("text, fragment", [
    # a piece of an organization name
    ("وافق صندوق النقد الدولي على قرض جديد للحكومة.", "النقد الدولي"),
    ("أطلقت وزارة الصحة والسكان المصرية حملة جديدة للتطعيم.", "السكان المصرية"),
    ("أطلقت وزارة الصحة والسكان المصرية حملة جديدة للتطعيم.", "وزارة الصحة"),
    # a piece of a place name, and a place trigger + the place
    ("وصل الوفد إلى الإمارات العربية المتحدة مساء أمس.", "الإمارات العربية"),
    ("قصفت الطائرات مدينة الرقة الشمالية ليلا.", "مدينة الرقة الشمالية"),
    ("زار الوفد إمارة الشارقة صباحا.", "إمارة الشارقة"),
])
def test_no_fragment_of_a_recognized_name(nlp, text, fragment):
    doc = nlp.process(text)
    assert normalize(fragment) not in _values(doc), [(e.type, e.text) for e in doc.entities]


@pytest.mark.parametrize("text, fragment", [
    # the head of an institution name whose complement follows
    ("أعلن المعهد الوطني للرصد الجوي عن أمطار غزيرة.", "المعهد الوطني"),
    ("دعت الهيئة العليا للانتخابات الأحزاب إلى الحوار.", "الهيئة العليا"),
    # a phrase that runs into a name
    ("أقيمت المباراة على ملعب مولاي عبد الله بالعاصمة.", "ملعب مولاي"),
])
def test_no_truncated_institution_or_name(topics_only, text, fragment):
    assert normalize(fragment) not in _values(topics_only.process(text))


@pytest.mark.parametrize("text, phrase", [
    ("تعافت اقتصادات دول مجلس التعاون الخليجي من الأزمة.", "دول مجلس التعاون الخليجي"),
    ("تراجعت إيرادات قناة السويس هذا العام.", "إيرادات قناة السويس"),
])
def test_a_whole_phrase_that_holds_a_name_is_kept(nlp, text, phrase):
    doc = nlp.process(text)
    assert normalize(phrase) in _values(doc), [(e.type, e.text) for e in doc.candidates]


# --- nouns: broken plurals and common heads -------------------------------------------------

@pytest.mark.parametrize("text, phrase, fragment", [
    ("ونقلت وسائل الإعلام المحلية الخبر عن مصادر في الوزارة.", "وسائل الإعلام المحلية", "الإعلام المحلية"),
    ("وزع صندوق الزكاة مساعدات على العائلات.", "صندوق الزكاة", None),
    ("أشار التقرير إلى ضعف الأنظمة الصحية في الأرياف.", "الأنظمة الصحية", None),
])
def test_broken_plural_and_common_heads(topics_only, text, phrase, fragment):
    values = _values(topics_only.process(text))
    assert normalize(phrase) in values, values
    if fragment:
        assert normalize(fragment) not in values


@pytest.mark.parametrize("word, nominal", [
    ("وسائل", True), ("رسائل", True), ("شوارع", True), ("صندوق", True), ("صناديق", True),
    ("ستزور", False), ("يقول", False), ("تضم", False),
])
def test_broken_plural_templates(word, nominal):
    assert _nominal_template(normalize(word)) is nominal


# --- generic phrases ------------------------------------------------------------------------

@pytest.mark.parametrize("text, generic", [
    ("فاز الفريق للمرة الأولى بالكأس.", "المرة الأولى"),
    ("تأهل المنتخب في الجولة الثالثة من التصفيات.", "الجولة الثالثة"),
    ("عادل المنافس النتيجة في بداية الشوط الثاني من اللقاء.", "بداية الشوط الثاني"),
    ("افتتحت الدورة الخامسة للمهرجان.", "الدورة الخامسة"),
    ("وقال الوزير في مؤتمر صحفي إن الأسعار ستنخفض.", "مؤتمر صحفي"),
    ("يقع الحقل جنوب غربي البلاد.", "جنوب غربي"),
    ("سجلت الإصابة الأولى في المخيم.", "الإصابة الأولى"),  # any noun + an ordinal, unless a known term
])
def test_generic_phrase_is_dropped(topics_only, text, generic):
    assert normalize(generic) not in _values(topics_only.process(text))


@pytest.mark.parametrize("text, phrase", [
    ("تطورت شبكات الجيل الخامس بسرعة.", "شبكات الجيل الخامس"),  # الجيل is no sequence noun
    ("ارتفعت أسعار المواد الغذائية في الأسواق.", "أسعار المواد الغذائية"),
])
def test_specific_phrase_with_an_ordinal_or_common_words_is_kept(topics_only, text, phrase):
    assert normalize(phrase) in _values(topics_only.process(text))


# --- near-duplicates ------------------------------------------------------------------------

def _by_value(doc) -> dict[str, list]:
    out: dict[str, list] = {}
    for e in _phrases(doc):
        out.setdefault(e.value, []).append(e)
    return out


def test_construct_holding_a_phrase_found_elsewhere_is_merged(topics_only):
    doc = topics_only.process("انتشر فيروس شلل الأطفال في المنطقة.\nوتهدف الحملة إلى القضاء على شلل الأطفال نهائيا.")
    groups = _by_value(doc)
    assert "فيروس شلل الأطفال" not in groups, groups
    assert len(groups["شلل الأطفال"]) == 2
    assert all(e.text == "شلل الأطفال" for e in groups["شلل الأطفال"])
    assert all("merged: فيروس شلل الأطفال" in e.evidence for e in groups["شلل الأطفال"])


def test_two_phrases_sharing_a_phrase_merge_into_it(topics_only):
    doc = topics_only.process("تطورت تقنيات الذكاء الاصطناعي بسرعة.\nويتزايد استخدام الذكاء الاصطناعي في المصانع.")
    groups = _by_value(doc)
    assert len(groups.get("الذكاء الاصطناعي", [])) == 2, groups
    assert "تقنيات الذكاء الاصطناعي" not in groups and "استخدام الذكاء الاصطناعي" not in groups


def test_adjective_extension_merges_into_the_shorter_phrase(topics_only):
    doc = topics_only.process("يغير الذكاء الاصطناعي التوليدي عمل الصحفيين.\nويثير الذكاء الاصطناعي مخاوف كثيرة.")
    groups = _by_value(doc)
    assert len(groups.get("الذكاء الاصطناعي", [])) == 2, groups


def test_a_longer_phrase_that_dominates_is_not_merged(topics_only):
    doc = topics_only.process("تتوسع شبكات الجيل الخامس.\nوتغطي شبكات الجيل الخامس المدن.\nويعد الجيل الخامس مهما.")
    groups = _by_value(doc)
    assert len(groups.get("شبكات الجيل الخامس", [])) == 2, groups


def test_every_key_phrase_keeps_its_evidence(topics_only):
    doc = topics_only.process("تطورت تقنيات الذكاء الاصطناعي بسرعة.\nويتزايد استخدام الذكاء الاصطناعي في المصانع.")
    for e in _phrases(doc):
        assert e.rule.startswith("keyphrase.") and e.evidence.split(";")[0] == e.rule.split(".", 1)[1]
        assert f"x{len(_by_value(doc)[e.value])}" in e.evidence
        assert doc.text[e.start:e.end] == e.text


@pytest.mark.parametrize("words", [
    ["والانتخابات", "الانتخابات", "بالانتخابات", "للانتخابات"],  # one key, several spellings
    ["الرقمية", "والرقمية", "رقمية", "رقميه"],                  # adjective; ة and ه spellings
    ["المباريات", "والمباريات"],                                 # a -يات noun (rare masculine nisba)
    ["وتوجيه", "توجيه", "التوجيه"],                              # تفعيل of a root in ه: no nisba
    ["قال", "في", "الذي", "مؤقتا"],                              # negative: stop-words, adverb (no analysis)
])
def test_word_analysis_does_not_depend_on_the_order_spellings_are_met(words):
    """The key-level parts of a word's analysis are memoized by key (TypeMemo): a spelling gets the
    same analysis whether another spelling of its key came first or not."""
    from pipeline.extract.keyphrases import KeyphraseFinder, _strip_marks

    lex = TopicExtractor().lexicon

    def analyses(order):
        finder = KeyphraseFinder(lex.is_keyword)
        return {w: finder._analyze(normalize(w), _strip_marks(w)) for w in order}

    forward, backward = analyses(words), analyses(words[::-1])
    assert forward == backward
    if words[0] == "قال":
        assert all(a is None or not isinstance(a, tuple) for a in forward.values())
    else:
        assert all(isinstance(a, tuple) for a in forward.values())


@pytest.mark.parametrize("text, skipped", [
    ("استقبل الرئيس محمد الحربي وفد الشركة الوطنية للطاقة المتجددة في العاصمة.", False),
    ("وقع الاتفاق يوم 12 مارس 2024 في قاعة المؤتمرات الكبرى بحضور وزير الطاقة المتجددة.", False),
    ("محمد الحربي محمد الحربي محمد الحربي التنمية المستدامة", True),
])
def test_phrases_over_persons_and_dates_are_matched_but_not_built(nlp, text, skipped):
    """The finder skips building a phrase over a person or a date (``blocked``), which the topic
    stage drops anyway; such a phrase still takes its words, so the phrases after it do not move."""
    doc = Document(id="t", text=text)
    stages = nlp.stages[: nlp.stage_names.index("topics")]
    for stage in stages:
        doc = stage(doc)
    topics = nlp.stages[nlp.stage_names.index("topics")]
    pos_weight = topics.position_weights(doc)
    ranges = topics.name_ranges(doc)
    index = topics.name_index(ranges)
    blocked = topics.hard_tokens(ranges, len(doc.tokens))
    assert blocked == [any(kind == "hard" for _, _, kind in index.get(k, ())) for k in range(len(doc.tokens))]
    assert blocked is not None and any(blocked)

    def spans(occs):
        return [(o.start, o.end, o.value, o.pattern) for o in occs]

    every = topics.keyphrases.find(doc, pos_weight)
    kept = [o for o in every if not any(blocked[o.tokens[0]:o.tokens[1] + 1])]
    assert (len(kept) < len(every)) == skipped
    assert spans(topics.keyphrases.find(doc, pos_weight, blocked)) == spans(kept)
    assert all(topics.respects_names(o, index, doc) is False for o in every if o not in kept)


SEED_SPELLINGS = ["الحكومة", "والحكومة", "للحكومة", "الاقتصادية", "جديدة", "غير", "الرئيس", "قال", "في",
                  "مؤقتا", "المباريات", "وتوجيه", "الذكاء", "الاصطناعي"]


def test_precomputed_entries_are_what_the_finder_computes(tmp_path, monkeypatch):
    """The on-disk table of precomputed analyses (``seed``) gives each spelling exactly the entry
    the finder computes, the sentinels (WEAK, ADJ_PARTICLE) as themselves; a spelling not in the
    table is analysed as before; a finder without a seed name never loads one."""
    from pipeline.extract import common
    from pipeline.extract import keyphrases as kp

    monkeypatch.setenv("ANE_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(common, "SEED_AFTER", 1)
    monkeypatch.setattr(kp, "frequent_spellings", lambda: SEED_SPELLINGS[:10])
    lex = TopicExtractor().lexicon
    plain = kp.KeyphraseFinder(lex.is_keyword)
    expected = {w: plain._entry(w) for w in SEED_SPELLINGS}
    for round_ in ("built", "loaded"):
        seeded = kp.KeyphraseFinder(lex.is_keyword, seed="keyphrase-seed-test")
        got = {w: seeded._entry(w) for w in SEED_SPELLINGS}
        assert got == expected, round_
        assert got["غير"][0] is kp.ADJ_PARTICLE and got["الرئيس"][0] is kp.WEAK, round_
        assert seeded._cache._table is not None and "الذكاء" not in seeded._cache._table, round_
    assert list(tmp_path.glob("keyphrase-seed-test-*"))
    assert plain._cache._table is None
