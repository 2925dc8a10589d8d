"""People, eighth pass: long Arabic names (family names built on a given name, double family
names, علي as a father's name), definite given names of the Maghreb and the Sudan, the
multi-word title that ends a name, and relation nouns with a pronoun (ابنتها هدى).

Every sentence here is written for these tests (none comes from the shared evaluation data).
"""

from __future__ import annotations

import pytest

from tests.conftest import mentions


def names(nlp, text):
    return mentions(nlp, text, "person")


@pytest.mark.parametrize("text, expected", [
    # --- a title of two words or more ends the name (title_next) ---
    # its first word would otherwise read as a family name built on a given name (الأمين)
    ("وقال السيد حسن نصر الله الأمين العام للحزب إن الحوار مستمر.", ["حسن نصر الله"]),
    ("وصرح كمال عوض الناطق باسم الوزارة بأن الاجتماع انتهى.", ["كمال عوض"]),
    # ... a one-word title after a given name is still read by the later steps (حسام القاضي)
    ("وقال المحامي حسام القاضي إن الجلسة تأجلت.", ["حسام القاضي"]),
    # --- ال + a given name after two name words is the family name (definite step) ---
    ("والتقى الوزير حسين عوض الأمين نظيره في الخرطوم.", ["حسين عوض الأمين"]),
    ("وقال النائب سالم خالد الحمد إن الجلسة علنية.", ["سالم خالد الحمد"]),
    # ... a common definite word that is no given name still ends the name
    ("وقال الوزير حسين عوض الجديد إن الخطة جاهزة.", ["حسين عوض"]),
    ("وأكد المدير سالم خالد الإجراءات الجديدة.", ["سالم خالد"]),
    # --- a definite nisba after a family name is a double family name (next_person) ---
    ("وقال المستثمر نادر الفاسي الفهري إن السوق واعدة.", ["نادر الفاسي الفهري"]),
    ("وقال الباحث منصور سعيد الحارثي الغامدي إن الدراسة اكتملت.", ["منصور سعيد الحارثي الغامدي"]),
    # ... a given name after a family name still begins the next person of a list
    ("وشارك المهندس سامي الحربي محمد العتيبي في الندوة.", ["سامي الحربي", "محمد العتيبي"]),
    # --- علي as a father's name before a rare family name (ali) ---
    ("وقالت المديرة سعاد علي باسنبل إن المدرسة جاهزة.", ["سعاد علي باسنبل"]),
    # ... but the preposition على before a frequent or definite word (written with ي)
    ("ووضع أحمد علي الطاولة كتابا.", ["أحمد"]),
    ("وحصل الطالب فراس علي جائزة التفوق.", ["فراس"]),
    # --- definite given names (person_given_names.tsv, common = 1) ---
    ("وقال الصادق العبيدي إن الحزب سيشارك في الانتخابات.", ["الصادق العبيدي"]),
    ("وأكد رئيس الجمعية المنصف الورغي أن المعرض يفتتح غدا.", ["المنصف الورغي"]),
    # ... as a common word (الحديث الصادق) or after a definite noun it is no name
    ("وطالب الحزب بالحوار الصادق بين الأطراف.", []),
    # --- a relation noun with a possessive pronoun (kind relation of person_titles.tsv) ---
    # the pronoun is its genitive, so the noun is closed and the name follows in apposition
    ("وقالت السيدة إنها فقدت ابنتها هدى في الحادث.", ["هدى"]),
    ("ودعا النائب زميله نبيل عون إلى جلسة.", ["نبيل عون"]),
    ("وقال أخي يونس إن الطريق طويلة.", ["يونس"]),
    ("وقال إن ابنه الأكبر مازن سافر أمس.", ["مازن"]),
    # ... an adjective or a preposition after it announces nobody
    ("وكانت زوجته المريضة في المستشفى.", []),
    ("وذهب مع صديقه إلى السوق.", []),
    # --- the first part of a hyphenated word is a name part (hyphen_first) ---
    ("وقالت الوزيرة كلير دوبوا-مارتان إن المشروع مكلف.", ["كلير دوبوا-مارتان"]),
    # ... a frequent word before a hyphen is no name part
    ("وقال السفير جان إن الموقف-الرسمي واضح.", ["جان"]),
    # --- credit nouns (kind credit_noun): a given name follows as a name ---
    ("والمسلسل من إنتاج عمر لحلو.", ["عمر لحلو"]),
    ("والأغنية من غناء منى زكي وتوزيع كريم فهمي.", ["منى زكي", "كريم فهمي"]),
    # ... their own complement is no name
    ("وارتفع إنتاج النفط في الربع الأول.", []),
    ("وسأبدأ تصوير فيلمي الجديد بعد رمضان.", []),
    # --- a list of names: inside a list, a comma item may begin with a fairly rare word ---
    ("وضمت القائمة: فهد الدوسري، خالد العتيبي، ضرغام جبار ومنى الشمري.",
     ["فهد الدوسري", "خالد العتيبي", "ضرغام جبار", "منى الشمري"]),
    # ... not after a name that is no list item, and no common noun phrase
    ("وزار فهد الدوسري، ضرغام جبار.", ["فهد الدوسري"]),
    ("وحضر الاجتماع: فهد الدوسري، خالد العتيبي، ممثلو الشركات الكبرى.", ["فهد الدوسري", "خالد العتيبي"]),
    # --- a circumstantial accusative (haal) ends the name ---
    ("وعلق الكاتب أديب نصار مازحا بأن ضيفه كريم.", ["أديب نصار"]),
    ("وأضاف اللاعب سامر حداد ضاحكا إن الأمر بسيط.", ["سامر حداد"]),
    ("وقال المدرب كارلوس مبتسما إن الفريق جاهز.", ["كارلوس"]),
    # ... and between a speech verb's subject and إن it does not hide the subject
    ("وقال كريم مبتسما إن الفريق جاهز.", ["كريم"]),
    # ... a transliterated name in -ا has no such verb
    ("وقال الرئيس مارك مونيكا إن الحفل رائع.", ["مارك مونيكا"]),
    # --- an adjective of the title after the name (role_adj) ---
    ("أشاد الوزير بالفنان سمير حداد الراحل وبأعماله.", ["سمير حداد"]),
    # (a well-known name's words continue it, but not into the adjective: no title family name)
    ("وتحدث الرئيس العراقي برهم صالح الراحل عن صديقه.", ["برهم صالح"]),
    ("وقال الملك عبد الله الثاني إن السلام ممكن.", ["عبد الله الثاني"]),
    # --- a facility or work noun after a name begins a new phrase ---
    ("وبنى السلطان سليمان جامع السليمانية في إسطنبول.", ["سليمان"]),
])
def test_names(nlp, text, expected):
    assert names(nlp, text) == expected


@pytest.mark.parametrize("noun, some, none", [
    ("زوجة", ["زوجته", "زوجتها", "زوجتي"], ["زوجةه", "زوجه"]),
    ("ابن", ["ابنه", "ابنها", "ابني"], ["ابنته"]),
    ("أخ", ["أخي", "أخوه", "أخيها", "أخاهم"], ["أخه", "أخيي"]),
])
def test_relation_forms(noun, some, none):
    from pipeline.extract.people.words import with_pronouns

    forms = with_pronouns(noun)
    assert all(f in forms for f in some)
    assert not any(f in forms for f in none)


FLAG_WORDS = ["قال", "وقال", "محمد", "ومحمد", "الحربي", "بن", "رفض", "الحكومة", "كوفاتش", "عبد"]


def test_token_flags_from_the_precomputed_table_are_the_computed_ones(tmp_path, monkeypatch):
    """Words.flags reads a table of frequent words precomputed on disk (TypeMemo's seed) in a
    batch run: the flags it gives are the ones computed, for words in the table and not."""
    from pipeline.extract import common
    from pipeline.extract.people import words as words_module
    from pipeline.extract.people.words import Words

    monkeypatch.setenv("ANE_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(common, "SEED_AFTER", 1)
    monkeypatch.setattr(words_module, "frequent_spellings", lambda: FLAG_WORDS[:6])
    words = Words()
    computed = {w: Words.flags(words, w) for w in FLAG_WORDS}
    assert any(computed.values()) and not all(computed.values())
    for round_ in ("built", "loaded"):
        fresh = Words()
        assert {w: fresh.flags(w) for w in FLAG_WORDS} == computed, round_
    assert list(tmp_path.glob("person-flags-seed-1-*"))
