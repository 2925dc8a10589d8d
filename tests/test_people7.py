"""People, seventh pass: name extent and organization names that keep words out of persons.

Every sentence here is written for these tests (none comes from the shared evaluation data).
"""

from __future__ import annotations

import pytest

from tests.conftest import mentions


def names(nlp, text):
    return mentions(nlp, text, "person")


@pytest.mark.parametrize("text, expected", [
    # a word nobody writes whose only proclitic reading leaves a two-letter fragment (ب + ال +
    # اش) is no preposition + noun: the foreign surname stays in the name
    ("وأعرب المهاجم توماس بالاش عن سعادته بالهدف.", ["توماس بالاش"]),
    # ... a real proclitic reading still ends the name (a pronoun, a frequent noun)
    ("وقال السفير جان وهو يبتسم إن الاتفاق قريب.", ["جان"]),
    ("وقال المدرب كارل بالأمس إن الفريق جاهز.", ["كارل"]),
])
def test_extent_after_a_two_letter_fragment(nlp, text, expected):
    assert names(nlp, text) == expected
