"""People, ninth pass: what ends a name after it is complete (an apposed role made of a
common-word given name heading a construct: X Y | أمين المتحف; the object after a foreign name:
X Y | الفطر).

Every sentence here is written for these tests (none comes from the shared evaluation data).
"""

from __future__ import annotations

import pytest

from tests.conftest import mentions


def names(nlp, text):
    return mentions(nlp, text, "person")


@pytest.mark.parametrize("text, expected", [
    # --- after two name words, a common-word given name + a frequent definite noun (construct) ---
    ("وقال ديفد فرانكلين أمين المتحف إن اللوحة نادرة.", ["ديفد فرانكلين"]),
    ("وسجل المهاجم سامي خليل نجم المنتخب هدفين.", ["سامي خليل"]),
    ("وأوضحت سلمى حداد أمين الصندوق أن الميزانية متوازنة.", ["سلمى حداد"]),
    # ... a family name with the article is rarer than such nouns: it goes on
    ("وقال أحمد محمد سعيد الخطيب إن الوضع هادئ.", ["أحمد محمد سعيد الخطيب"]),
    ("وقال حسن علي جمال النجار إن الورشة مغلقة.", ["حسن علي جمال النجار"]),
    # ... so do a nisba, ال + a given name and a compound tail
    ("وقال محمد أمين الحسيني إن الوضع هادئ.", ["محمد أمين الحسيني"]),
    ("وقال علي حسن خليفة الحسن إن الوضع هادئ.", ["علي حسن خليفة الحسن"]),
    ("وقال خالد يوسف نجم الدين إن الوضع هادئ.", ["خالد يوسف نجم الدين"]),
    # ... a compound is one unit: the word after it is the second name (عبد الحميد سالم)
    ("وقال المستشار عبد الحميد سالم المحامي العام إن الجلسة علنية.", ["عبد الحميد سالم"]),
])
def test_construct_after_name(nlp, text, expected):
    assert names(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # --- a foreign name takes no Arabic family name with the article: a definite word after it
    # is the verb's object or the next phrase ---
    ("وعزل الباحث جان كيلابير الفطر المسبب للمرض.", ["جان كيلابير"]),
    ("ورفع القائد ماركوس بيليني الكأس أمام الجماهير.", ["ماركوس بيليني"]),
    # ... a nisba after it is still read by the nisba steps (its epithet or nationality)
    ("وقال الفيلسوف أوغسطين الهيبوني إن الزمن لغز.", ["أوغسطين الهيبوني"]),
    # ... and an Arabic family name after a name whose n-grams only look foreign goes on
    ("وقال الوزير سمير نبيل الخطيب إن الخطة جاهزة.", ["سمير نبيل الخطيب"]),
    ("وقال النائب جورج حبيب الراسي إن الجلسة علنية.", ["جورج حبيب الراسي"]),
])
def test_definite_word_after_foreign_name(nlp, text, expected):
    assert names(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # --- the linker: a full name refused after a facility noun lends none of its words to a
    # shorter form (مطار هواري بومدين is the airport, بومدين there is no mention) ---
    ("قاد هواري بومدين البلاد. ويحمل مطار هواري بومدين اسمه اليوم.", ["هواري بومدين"]),
    ("ولد الحبيب بورقيبة في المنستير. ويحمل شارع الحبيب بورقيبة اسمه.", ["الحبيب بورقيبة"]),
    # ... the surname alone elsewhere is still linked
    ("قاد سالم بوزيدي الفريق. وعاد بوزيدي إلى المدينة عام 1990.", ["سالم بوزيدي", "بوزيدي"]),
])
def test_linker_skips_a_refused_full_name(nlp, text, expected):
    assert names(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # --- historical and noble titles (person_titles.tsv) are no part of the name ---
    ("وعاد إلى مصر بعفو من الخديوي توفيق.", ["توفيق"]),
    ("وزار الشاه عباس مدينة أصفهان.", ["عباس"]),
    ("واستقبل الدوق فرديناند ضيوفه في قصره.", ["فرديناند"]),
    # --- a regnal ordinal after a one-word name that a sovereign's title announced ---
    ("وهزم السلطان سليمان ملك المجر لايوش الثاني في المعركة.", ["سليمان", "لايوش الثاني"]),
    ("وحكم الإمبراطور بطليموس الثاني مصر.", ["بطليموس الثاني"]),
    # ... after another title an ordinal is a rank, not part of the name
    ("وحل العداء البرازيلي سيلفا الثاني في السباق.", ["سيلفا"]),
    # ... and ملك as a noun (property) announces nobody
    ("وتعد هذه الأرض ملك للدولة حسب القانون.", []),
])
def test_sovereign_titles_and_regnal_ordinals(nlp, text, expected):
    assert names(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # --- a perfect verb of the derived forms (افتعل، انفعل، استفعل) is no ism before ابن ---
    ("امتحن ابن حنبل في فتنة خلق القرآن.", ["ابن حنبل"]),
    ("واستقبل ابن سلمان الوفد.", ["ابن سلمان"]),
    # ... nor, in use, a name word after a list comma (Words.derived_perfect; its imperfect يمتحن is
    # in use, unlike a transliteration of that shape)
    ("ووصل القائد سالم بوزيد، وامتحن الجنود في الميدان.", ["سالم بوزيد"]),
    # ... a given name or a rare word before the particle is still the ism
    ("وكتب سهل بن حنيف رسالة إلى الوالي.", ["سهل بن حنيف"]),
    # --- relation nouns of teaching and discipleship, and duals, with a pronoun ---
    ("ومن أبرز تلاميذها فاضل حسون.", ["فاضل حسون"]),
    ("وقال تلميذه ناصر العبدلي إن الشيخ كان متواضعا.", ["ناصر العبدلي"]),
    ("وابناه صالح وعبد الله رويا عنه.", ["صالح", "عبد الله"]),
    # ... and a dual relative pronoun ends the name (person_stopwords.tsv)
    ("وابناه صالح وعبد الله اللذان رويا عنه.", ["صالح", "عبد الله"]),
    # ... with no name after it the noun announces nobody
    ("وجلس تلاميذه في الصف الأول.", []),
])
def test_ism_verbs_and_relation_nouns(nlp, text, expected):
    assert names(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # --- a given name + a definite given name is a compound first name: the family name follows ---
    ("ونشرت الباحثة فاطمة الزهراء بلقايد خريطة جديدة.", ["فاطمة الزهراء بلقايد"]),
    ("وخلفه ابنه محمد المصطفى امباكي في قيادة الطريقة.", ["محمد المصطفى امباكي"]),
    # ... a family name with the article still ends the name before a common word
    ("وقال فيصل سالم العمري شارحا إن الخطة جاهزة.", ["فيصل سالم العمري"]),
])
def test_compound_first_name_with_the_article(nlp, text, expected):
    assert names(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # --- a word that begins like the article but is a noun + the pronoun ه (the text writes ه) ---
    ("أطلق الفنان حمد العامري ألبومه الجديد في دبي.", ["حمد العامري"]),
    # ... a family name ending in a root ه goes on (الفقيه is more frequent than الفقي)
    ("وقال الشيخ مصطفى الفقيه إن الدرس انتهى.", ["مصطفى الفقيه"]),
    # --- an unknown word shaped like a derived-form participle (مفتعل، منفعل، مستفعل) ends a name ---
    ("وأوضح المبعوث في بيان مقتضب أن المحادثات تناولت الوضع.", []),
    # ... a listed given name of that shape does not (منتصر)
    ("وقال المدرب سامي منتصر إن الفريق جاهز.", ["سامي منتصر"]),
])
def test_pronoun_after_al_and_participle_shapes(nlp, text, expected):
    assert names(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # --- occupation titles with their other common spellings (الصحافي beside الصحفي) announce the
    # name, even a one-word name that is a common word ---
    ("وقال الصحافي جميل إن الخبر صحيح.", ["جميل"]),
    ("وأكدت المصورة نور أن الصور حقيقية.", ["نور"]),
    ("وقالت المترجمة هالة صبري إن الكتاب صعب.", ["هالة صبري"]),
    # ... with no name after it the title announces nobody
    ("وقال الصحافي إن الخبر صحيح.", []),
])
def test_occupation_titles(nlp, text, expected):
    assert names(nlp, text) == expected
