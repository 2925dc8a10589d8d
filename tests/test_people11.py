"""People, eleventh pass: a word of a well-known name spelled like a trigger verb is no name word
(ليز تراس / ترأس عباس); a complementizer is no East-Asian syllable (أن / ان before the name).

Every sentence here is written for these tests (none comes from the shared evaluation data).
"""

from __future__ import annotations

import pytest

from tests.conftest import mentions


def names(nlp, text):
    return mentions(nlp, text, "person")


@pytest.mark.parametrize("text, expected", [
    # --- a trigger verb before a name is the verb, even where a known name shares its spelling ---
    ("وترأس عباس اجتماعا للحكومة في رام الله.", ["عباس"]),
    # --- negative: the known name itself is still found, and the feminine verb still announces ---
    ("وقالت ليز تراس إن الحكومة ستواصل عملها.", ["ليز تراس"]),
    ("وترأست منى زكي الجلسة الأولى.", ["منى زكي"]),
])
def test_trigger_verb_is_no_known_name_word(nlp, text, expected):
    assert names(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # --- أن / ان after a role chain opens a clause whose subject is the name ---
    ("وذكرت صحيفة الحزب الحاكم أن الزعيم الكوري ان تشاو شينغ سيزور الصين.", ["تشاو شينغ"]),
    ("وقال الزعيم الكوري أن كيم سونغ سيزور الصين.", ["كيم سونغ"]),
    # --- negative: a syllable that is another function word's homograph still begins the name ---
    ("والتقى وزير الخارجية لي مين جونغ نظيره الياباني.", ["لي مين جونغ"]),
])
def test_complementizer_is_no_syllable(nlp, text, expected):
    assert names(nlp, text) == expected
