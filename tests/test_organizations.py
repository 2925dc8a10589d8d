"""Organizations: fixed names and head-noun chains. Sentences written for these tests."""

from __future__ import annotations

import pytest

from .conftest import mentions


def orgs(nlp, text):
    return mentions(nlp, text, "organization")


def reserved(nlp, text):
    """Organization chains without a proper name: they reserve their span, not emitted."""
    doc = nlp.process(text)
    return [e.text for e, _ in doc.rejected if e.type == "organization" and e.extra.get("suppress")]


@pytest.mark.parametrize("text, expected", [
    # fixed names
    ("دعت الأمم المتحدة إلى وقف القتال.", ["الأمم المتحدة"]),
    ("وافق الاتحاد الأوروبي على الخطة.", ["الاتحاد الأوروبي"]),
    ("عقد مجلس الأمن الدولي جلسة طارئة.", ["مجلس الأمن الدولي"]),
    # head + place
    ("تخرج في جامعة دمشق عام 1990.", ["جامعة دمشق"]),
    # company/media head + a name: the name alone (a fixed name or an unknown word)
    ("وقعت شركة تويوتا عقدا جديدا.", ["تويوتا"]),
    ("نشرت صحيفة لوفيغارو تقريرا.", ["لوفيغارو"]),
    # a facility named after a king: the whole chain is one organization
    ("درس في جامعة الملك سعود بالرياض.", ["جامعة الملك سعود"]),
    # proclitics stay out of the span
    ("التقى الوفد بجامعة بغداد أمس.", ["جامعة بغداد"]),
    # parties and universities are named by their complement, even a common noun
    ("فاز حزب العمال في الانتخابات.", ["حزب العمال"]),
    ("تخرج في جامعة الأزهر قبل عامين.", ["جامعة الأزهر"]),
])
def test_organizations_found(nlp, text, expected):
    assert orgs(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # head + definite nouns, conjoined nouns and a nisba adjective
    ("أصدرت وزارة الزراعة والصيد البحري التونسية تقريرا.", ["وزارة الزراعة والصيد البحري التونسية"]),
    # head + ل complement
    ("قرر الاتحاد الجزائري لكرة السلة تأجيل المباراة.", ["الاتحاد الجزائري لكرة السلة"]),
    # definite head with adjectives; the chain ends before the object
    ("انتقد الحزب الزراعي الفنلندي القرار.", ["الحزب الزراعي الفنلندي"]),
    # proclitics stay out of the span
    ("التقى الوفد بوزارة الخارجية الأردنية.", ["وزارة الخارجية الأردنية"]),
])
def test_common_noun_chains_are_generic_organizations(nlp, text, expected):
    assert orgs(nlp, text) == expected
    doc = nlp.process(text)
    assert [e.rule for e in doc.entities if e.type == "organization"] == ["org.chain.generic"]


@pytest.mark.parametrize("text, expected", [
    # a definite head that needs a name, with only a nisba adjective: a description
    ("انتقدت الإدارة الأمريكية القرار.", ["الإدارة الأمريكية"]),
])
def test_descriptions_reserve_their_span_without_being_emitted(nlp, text, expected):
    assert orgs(nlp, text) == []
    assert reserved(nlp, text) == expected


@pytest.mark.parametrize("text, person", [
    # government offices: the chain stops before a title, so the person stays a person
    ("وأكدت إدارة الرئيس جو بايدن دعمها للاتفاق.", "جو بايدن"),
    ("وصدر عن مكتب الشيخ خالد الحمد بيان.", "خالد الحمد"),
])
def test_office_chain_stops_before_title_and_name(nlp, text, person):
    doc = nlp.process(text)
    assert person in [e.text for e in doc.entities if e.type == "person"]


@pytest.mark.parametrize("text", [
    "عاد الوزير إلى الوزارة مساء.",               # a bare definite head is an anaphor
    "تحدث الحزب عن برنامجه.",
    "ارتفعت حركة المرور في الشوارع.",             # حركة needs a name
    "أعلنت اللجنة نتائج الامتحانات.",
    "قال الرئيس إن البلاد بخير.",
])
def test_organizations_negative(nlp, text):
    assert orgs(nlp, text) == []


@pytest.mark.parametrize("text, person", [
    ("افتتح الوزير مستشفى الملك فهد الجديد.", "فهد"),
    ("يدرس الطلاب في جامعة الملك عبد العزيز.", "عبد العزيز"),
])
def test_facility_named_after_a_person_yields_no_person(nlp, text, person):
    doc = nlp.process(text)
    assert not [e for e in doc.entities if e.type == "person" and person in e.text]


def test_chain_stops_before_the_name_after_it(nlp):
    text = "وقال رئيس مجلس الوزراء اللبناني نجيب ميقاتي إن الحكومة مستمرة."
    assert orgs(nlp, text) == ["مجلس الوزراء اللبناني"]
    doc = nlp.process(text)
    assert [e.text for e in doc.entities if e.type == "person"] == ["نجيب ميقاتي"]


@pytest.mark.parametrize("text, org, place", [
    # a city named as a club after a sports word, then everywhere in the document
    ("سجل مهاجم ليفربول هدفين. وتصدر ليفربول الترتيب.", ["ليفربول", "ليفربول"], []),
    # a city followed by a masculine nationality adjective is a club, with its foreign prefix
    ("فاز دينامو بوخارست الروماني على ضيفه.", ["دينامو بوخارست"], []),
    # the same city with a preposition stays a place
    ("يعيش اللاعب في ليفربول منذ سنوات.", [], ["ليفربول"]),
    # a country after a sports word stays a place (national team named by its country)
    ("سجل مدافع البرازيل هدفا.", [], ["البرازيل"]),
])
def test_clubs(nlp, text, org, place):
    doc = nlp.process(text)
    assert [e.text for e in doc.entities if e.type == "organization"] == org
    assert [e.text for e in doc.entities if e.type == "place"] == place


def test_council_chain_is_a_generic_organization(nlp):
    assert orgs(nlp, "قرر مجلس الإدارة رفع رأس المال.") == ["مجلس الإدارة"]


@pytest.mark.parametrize("text, expected", [
    # a reserving description stops before the named organization it would swallow
    ("وهو عضو في المكتب السياسي للجنة المركزية للحزب الاشتراكي الفرنسي منذ سنوات.",
     ["الحزب الاشتراكي الفرنسي"]),
])
def test_reserving_chain_does_not_swallow_an_organization(nlp, text, expected):
    doc = nlp.process(text)
    assert [e.value for e in doc.entities if e.type == "organization"] == expected


@pytest.mark.parametrize("text, expected", [
    # one indefinite noun in construct between the head and its definite complement
    ("قضت محكمة استئناف الرباط بتأييد الحكم.", ["محكمة استئناف الرباط"]),
    ("أصدرت هيئة كبار العلماء بيانا.", ["هيئة كبار العلماء"]),
])
def test_construct_noun_inside_chain(nlp, text, expected):
    assert orgs(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "عقد المجلس جلسة طويلة أمس.",          # an indefinite noun with no definite complement
    "ستعقد المحكمة جلسة جديدة غدا.",
])
def test_construct_noun_needs_a_complement(nlp, text):
    assert orgs(nlp, text) == []
