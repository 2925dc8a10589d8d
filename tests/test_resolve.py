"""Overlap policy (Resolver) and person coreference (Linker), table-driven.

The sentences are written for these tests (none comes from the shared evaluation data).
"""

from __future__ import annotations

import pytest

from pipeline.document import Document
from pipeline.extract.people.coref import Linker
from pipeline.extract.resolve import Resolver
from pipeline.normalize import normalize, normalize_view
from pipeline.tokenize import tokenize
from tests.conftest import assert_offsets


def _doc(text: str) -> Document:
    doc = Document("t", text)
    doc.view = normalize_view(text)
    return tokenize(doc)


def _cand(doc: Document, typ: str, surface: str, score: float = 0.8, **extra):
    start = doc.text.index(surface)
    return doc.make_entity(typ, start, start + len(surface), surface, f"test.{typ}", score, **extra)


# (text, candidates as (type, surface, score, extra), expected accepted (type, surface))
RESOLVER_CASES = [
    # a blocking organization wins over the place inside it
    ("درس في جامعة القاهرة", [("organization", "جامعة القاهرة", 0.6, {"blocks": True}),
                              ("place", "القاهرة", 0.9, {})],
     [("organization", "جامعة القاهرة")]),
    # the longer span wins
    ("زار الولايات المتحدة", [("place", "الولايات المتحدة", 0.7, {}), ("place", "المتحدة", 0.9, {})],
     [("place", "الولايات المتحدة")]),
    # same span: higher score wins, whatever the type
    ("وصل صالح", [("person", "صالح", 0.9, {}), ("place", "صالح", 0.5, {})], [("person", "صالح")]),
    # same span and score: type priority date > organization > person > place
    ("قرية سعيد", [("place", "سعيد", 0.8, {}), ("person", "سعيد", 0.8, {})], [("person", "سعيد")]),
    # a suppressing blocker reserves its span and is never emitted
    ("على ملعب محمد الخامس", [("place", "ملعب محمد الخامس", 0.9, {"suppress": True}),
                              ("person", "محمد الخامس", 0.9, {})],
     []),
    # topics live in their own layer and never block names
    ("قال ماجد الهاشمي", [("keyphrase", "ماجد الهاشمي", 0.9, {}), ("person", "ماجد الهاشمي", 0.5, {})],
     [("person", "ماجد الهاشمي"), ("keyphrase", "ماجد الهاشمي")]),
    # disjoint candidates are all kept
    ("سافر خالد إلى عمان", [("person", "خالد", 0.8, {}), ("place", "عمان", 0.8, {})],
     [("person", "خالد"), ("place", "عمان")]),
]


@pytest.mark.parametrize("text, cands, expected", RESOLVER_CASES)
def test_resolver_policy(text, cands, expected):
    doc = _doc(text)
    for typ, surface, score, extra in cands:
        doc.add_candidate(_cand(doc, typ, surface, score, **extra))
    Resolver()(doc)
    assert_offsets(doc)
    assert sorted((e.type, e.text) for e in doc.entities) == sorted(expected)
    # every candidate that was not accepted is kept with a reason
    assert len(doc.entities) + len(doc.rejected) == len({(c.type, c.start, c.end) for c in doc.candidates})


# (text, expected person mentions as (text, value))
LINKER_CASES = [
    # a nisba surname alone right after a speech verb is the person of this document ...
    ("أعلن وزير المالية العراقي طارق جاسم اللبناني، الأحد، أن الموازنة جاهزة. وقال اللبناني إن العجز تراجع.",
     [("طارق جاسم اللبناني", "طارق جاسم اللبناني"), ("اللبناني", "طارق جاسم اللبناني")]),
    # ... but as an adjective elsewhere it is no mention
    ("أعلن وزير المالية العراقي طارق جاسم اللبناني، الأحد، أن الموازنة جاهزة. ورحب الجانب اللبناني بالقرار.",
     [("طارق جاسم اللبناني", "طارق جاسم اللبناني")]),
    # surname after the full name; the linker finds the unlabelled mention after "ولفت"
    ("صرح رئيس البلدية ماتياس كروغر بأن الطريق جاهز. ولفت كروغر إلى أن",
     [("ماتياس كروغر", "ماتياس كروغر"), ("كروغر", "ماتياس كروغر")]),
    # first name of a Chinese-order name, with the clitic outside the span
    ("وألقى وزير التجارة الصيني وانغ هوي كلمة. وأشار وانغ إلى",
     [("وانغ هوي", "وانغ هوي"), ("وانغ", "وانغ هوي")]),
    # multi-word suffix starting with a particle: the longest form wins
    ("وقالت الوزيرة الألمانية أنيتا فون دير هايدن إن الخطة جاهزة. وأكدت فون دير هايدن أن",
     [("أنيتا فون دير هايدن", "أنيتا فون دير هايدن"), ("فون دير هايدن", "أنيتا فون دير هايدن")]),
    # kunya suffix
    ("وقال الطبيب سامر أبو النور إن الفحوص سليمة. وأوضح أبو النور أن",
     [("سامر أبو النور", "سامر أبو النور"), ("أبو النور", "سامر أبو النور")]),
    # a shorter full name joins the fullest one (canonical = fullest form)
    ("وقالت الدكتورة ليلى بنت فهد آل سعود إن البرنامج بدأ. وأضافت آل سعود أن",
     [("ليلى بنت فهد آل سعود", "ليلى بنت فهد آل سعود"), ("آل سعود", "ليلى بنت فهد آل سعود")]),
    # two different people with the same first name: each short form goes to the nearest before it
    ("قال المدرب جورج سميث إن ... ثم قال جورج إن ... وقال اللاعب جورج براون إن ... وأضاف جورج أن",
     [("جورج سميث", "جورج سميث"), ("جورج", "جورج سميث"), ("جورج براون", "جورج براون"),
      ("جورج", "جورج براون")]),
    # a neighbour with a proclitic or a pronoun suffix is not part of the same name
    ("صرح المدرب ماركو ليندغرين بأن الفريق جاهز. وعاقب الاتحاد أيضا ليندغرين بإيقافه مباراتين.",
     [("ماركو ليندغرين", "ماركو ليندغرين"), ("ليندغرين", "ماركو ليندغرين")]),
    ("وقال الحكم توماس فيلدنر إن القرار صائب. واحتج الجمهور على فيلدنر لقراره.",
     [("توماس فيلدنر", "توماس فيلدنر"), ("فيلدنر", "توماس فيلدنر")]),
]


@pytest.mark.parametrize("text, expected", LINKER_CASES)
def test_linker(nlp, text, expected):
    doc = nlp.process(text)
    assert_offsets(doc)
    assert [(e.text, e.value) for e in doc.entities if e.type == "person"] == expected


@pytest.mark.parametrize("text", [
    # a common word equal to a name part is not a mention
    "وقال الرئيس حسن سالم إن الوضع حسن. ثم عاد الأمن إلى المدينة",
    # لصالح is a word, not ل + صالح
    "وقال المهندس سامي صالح إن التصويت جاء لصالح المشروع",
])
def test_linker_does_not_link_common_words(nlp, text):
    doc = nlp.process(text)
    assert_offsets(doc)
    persons = [e for e in doc.entities if e.type == "person"]
    assert len(persons) == 1 and len(persons[0].text.split()) == 2


@pytest.mark.parametrize("words, forms", [
    (("وانغ", "يي"), [("وانغ",), ("يي",)]),
    (("عبد", "الرحيم", "سلامي"), [("عبد", "الرحيم"), ("سلامي",)]),
    # the word after a particle never stands alone (ابو | العلا)
    (("محمد", "ابو", "العلا"), [("محمد",), ("ابو", "العلا")]),
])
def test_short_forms(words, forms):
    assert Linker().short_forms(tuple(normalize(w) for w in words)) == forms


def test_person_is_never_split(nlp):
    doc = nlp.process("وقالت الدكتورة ليلى بنت فهد آل سعود إن البرنامج بدأ")
    persons = [e for e in doc.entities if e.type == "person"]
    assert [e.text for e in persons] == ["ليلى بنت فهد آل سعود"]


def test_surname_that_is_a_common_word_links_inside_its_document(nlp):
    # الأسد is a common word (lion) but also the surname of a full name found in this document
    text = "وقال الطبيب سمير الأسد إن الحالة مستقرة. ثم أضاف أن الأسد سيزور المستشفى غدا."
    doc = nlp.process(text)
    assert [(e.text, e.value) for e in doc.entities if e.type == "person"] == [
        ("سمير الأسد", "سمير الأسد"), ("الأسد", "سمير الأسد")]


def test_name_announced_by_a_title_links_after_a_stop_word(nlp):
    # منصور is also a common word; after a title made it a name, أن منصور is the person
    text = "وقال الروائي منصور إن الرواية جاهزة. وأشار النقاد إلى أن منصور كان ينوي كتابة جزء ثان."
    doc = nlp.process(text)
    assert [e.text for e in doc.entities if e.type == "person"] == ["منصور", "منصور"]


def test_common_given_name_is_not_linked_without_a_title(nlp):
    # the same word as a plain adjective after a stop word, with no title announcing the name
    text = "وقال المهندس سعيد كامل إن العمل بدأ. وكان الجميع في يوم سعيد."
    doc = nlp.process(text)
    assert [e.text for e in doc.entities if e.type == "person"] == ["سعيد كامل"]


def test_stop_word_one_word_name_is_not_spread(nlp):
    doc = nlp.process("وقال الإمام علي: اصبروا. ثم اعتمد الناس على المطر.")
    assert [e.text for e in doc.entities if e.type == "person"] == ["علي"]


def test_key_phrase_does_not_block_a_linked_mention():
    # a topic-layer key phrase over a later short form must not stop the linker
    text = "قال المهندس كريم زيدان إن المشروع بدأ. وأوضح زيدان أن شبكات زيدان مستقرة."
    doc = _doc(text)
    full = _cand(doc, "person", "كريم زيدان", 0.9)
    i = text.index("شبكات زيدان")
    phrase = doc.make_entity("keyphrase", i, i + len("شبكات زيدان"), "شبكات زيدان", "test.topic", 0.5)
    doc.entities = [full, phrase]
    Linker()(doc)
    assert_offsets(doc)
    linked = [(e.text, e.value) for e in doc.entities if e.type == "person"]
    assert ("زيدان", "كريم زيدان") in linked
    assert sum(1 for e in doc.entities if e.type == "person" and e.start > i) == 1


@pytest.mark.parametrize("span, expected", [
    ((0, 5), (3, 8)),     # overlaps the first span's start
    ((7, 9), (3, 8)),     # overlaps its end
    ((4, 6), (3, 8)),     # inside it
    ((0, 30), (20, 25)),  # covers both: the last one starting before the end is reported
    ((8, 20), None),      # touching ends do not overlap (half-open)
    ((0, 3), None),
    ((25, 40), None),
])
def test_spans_overlap(span, expected):
    from pipeline.extract.spans import Spans

    spans = Spans()
    spans.add(20, 25)
    spans.add(3, 8)
    assert spans.overlap(*span) == expected


@pytest.mark.parametrize("text, expected", [
    # a nisba surname alone is a demonym adjective, not the person
    ("وقال الداعية أبو حمزة المصري إن الخطبة انتهت. وأشاد الشعب المصري بالقرار.", ["أبو حمزة المصري"]),
    # a definite surname right after a definite noun qualifies that noun
    ("وقال الطبيب سمير الأسد إن الحالة مستقرة. وزار الأطفال الحديقة الأسد الجديد.", ["سمير الأسد"]),
])
def test_linker_definite_surname_guards(nlp, text, expected):
    doc = nlp.process(text)
    assert_offsets(doc)
    assert [e.text for e in doc.entities if e.type == "person"] == expected
