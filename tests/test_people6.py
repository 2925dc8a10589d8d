"""People, sixth pass: the list of well-known people (``lexicons/person_known.tsv``) and its
``alone`` column.

Every sentence here is written for these tests (none comes from the shared evaluation data).
"""

from __future__ import annotations

import pytest

from pipeline.resources import ResourceError
from tests.conftest import mentions, spoil_first_row


def names(nlp, text):
    return mentions(nlp, text, "person")


@pytest.mark.parametrize("text, expected", [
    # a person known by one name is found with no context at all
    ("وناقش المؤتمر أفكار سقراط عن العدالة.", ["سقراط"]),
    ("وألقى الطالب بحثا عن فلسفة أفلاطون في المدرسة.", ["أفلاطون"]),
    ("وقارن المؤرخ بين جيوش هتلر وستالين.", ["هتلر", "ستالين"]),
    # a full name of the list, with no context
    ("وفي عهد هاري ترومان انتهت الحرب العالمية الثانية.", ["هاري ترومان"]),
    # ... and its surname alone, once the document has given the full name (the linker)
    ("وفي عهد هاري ترومان انتهت الحرب. ثم جاء عهد خلفه فزادت شعبية ترومان في الجنوب.",
     ["هاري ترومان", "ترومان"]),
    # a surname alone matches when its row says alone=1 (the press names this person so) ...
    ("وانتقدت حكومة كاميرون القرار.", ["كاميرون"]),
    # a title that is part of a listed name stays in it (titles in front of other rows are dropped)
    ("وغنى الشاب خالد أغنيته الشهيرة.", ["الشاب خالد"]),
    # a spaced hyphen inside a well-known name joins it
    ("واستقبل الزعيم كيم جونغ - أون ضيفه الروسي.", ["كيم جونغ - أون"]),
])
def test_well_known_people(nlp, text, expected):
    assert names(nlp, text) == expected


@pytest.mark.parametrize("text", [
    # the surname of a name marked alone=0 is no evidence by itself (here a common word: عمرو
    # واكد، مصطفى النحاس، جابر عصفور; each case fails when its row says alone=1)
    "وأكد الخبراء أن الخسائر كبيرة.",
    "وقررت الحكومة رفع أسعار النحاس والحديد.",
    "وحلق عصفور صغير فوق الشجرة.",
])
def test_no_person_from_a_surname_alone(nlp, text):
    assert names(nlp, text) == []


def test_known_list_rejects_a_bad_alone_value(monkeypatch):
    import pipeline.extract.people.words as words

    assert len(words.known_rows()) > 4000
    spoil_first_row(monkeypatch, words, "lexicons/person_known.tsv", alone="yes")
    with pytest.raises(ResourceError, match="alone must be 0 or 1"):
        words.known_rows()


@pytest.mark.parametrize("text, expected", [
    # role and profession nouns announce the name after them (rows ti9014-ti9032, ti9039-ti9040)
    ("وقالت الناقدة ليلى بركات إن القراء ينتظرون الرواية.", ["ليلى بركات"]),
    ("وأكد المؤرخ كمال الصليبي أن الوثائق قليلة.", ["كمال الصليبي"]),
    # ... but announce nothing when no name follows
    ("وقال الناقد إن الرواية جميلة.", []),
    ("وتحدث الطفل عن المدرسة.", []),
    # reporting verbs that were missing (rows sv836-sv853): the unknown word after them is the subject
    ("وأصر كيسلر على أن الاتفاق قائم.", ["كيسلر"]),
    ("وتساءلت فيدوروفا عن جدوى الخطة.", ["فيدوروفا"]),
    ("ورجح بوغدانوف أن ترتفع الأسعار.", ["بوغدانوف"]),
    # ... a title or a plural noun after them is no name
    ("وتحدث الوزير عن الخطة الجديدة.", []),
    ("وتوقع البنك المركزي ارتفاع الأسعار.", []),
    # a given name that spells a verb of another word (روي / روى) is still a name
    ("وقال المدرب البرتغالي روي كارفاليو إن الفريق جاهز.", ["روي كارفاليو"]),
    # a foreign particle (فان، فون، دي) takes a foreign surname, never a word with the article:
    # فإن (so, indeed) normalizes to فان (van) and ends the name
    ("وقال كوفمان فإن الأسعار سترتفع.", ["كوفمان"]),
    ("وسجل يوهان فان دونغن هدفا.", ["يوهان فان دونغن"]),
])
def test_context_words(nlp, text, expected):
    assert names(nlp, text) == expected


def test_no_trigger_verb_is_also_a_given_name():
    """A verb of the trigger lists blocks the word as a name word: روى (narrated) normalizes to
    روي (the name Rui) and, listed as a speech verb, hid every Rui. Only هاجر (Hajar, emigrated)
    is both, on purpose."""
    from pipeline.extract.people.words import shared_words

    x = shared_words()
    assert sorted(w for w in x.verb_forms if w in x.given) == ["هاجر"]
