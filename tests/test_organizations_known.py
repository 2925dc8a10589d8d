"""Organizations known by name (``lexicons/org_known.tsv``) and its ``alone`` column.

Every sentence here is written for these tests (none comes from the shared evaluation data).
"""

from __future__ import annotations

import pytest

from pipeline.resources import ResourceError
from tests.conftest import mentions, spoil_first_row


def orgs(nlp, text):
    return mentions(nlp, text, "organization")


@pytest.mark.parametrize("text, expected", [
    # a name marked alone=1 is found with no context (clubs, companies, media, parties)
    ("وتغلب فولهام على منافسه بهدفين.", ["فولهام"]),
    ("وأعلنت شركة أرامكو وفودافون عن اتفاق.", ["أرامكو", "فودافون"]),
    ("ونشرت مجلة فوربس قائمتها السنوية.", ["فوربس"]),
    # a one-word club name that is also a common word (alone=0) needs a sports word before it ...
    ("وفاز فريق النصر على ضيفه.", ["النصر"]),
    # ... and then its other bare mentions in the document are the club too
    ("وتعادل لاعبو الوحدة مع منافسيهم. وكان الوحدة قد خسر مباراته السابقة.", ["الوحدة", "الوحدة"]),
])
def test_known_organizations(nlp, text, expected):
    assert orgs(nlp, text) == expected


@pytest.mark.parametrize("text", [
    # alone=0 names are common words, names or places without a sports word
    "وحقق الجيش النصر في المعركة.",
    "ودعا الرئيس إلى الوحدة الوطنية.",
    # a company name that is also a verb once normalized (أودي / أودى) is not matched alone
    "وقال إن الانفجار أودى بحياة ثلاثة أشخاص.",
    # found in review: a verb (يوفي), a preposition + noun (بالتل) are no club or company
    "وتعهدت الحكومة بأن يوفي البنك المركزي بالتزاماته.",
    "وتمركزت القوات بالتل المطل على القرية.",
])
def test_alone_zero_names_need_context(nlp, text):
    assert orgs(nlp, text) == []


def test_fused_lam_value_restores_the_article(nlp):
    doc = nlp.process("وهو عضو في اللجنة المركزية للحزب الشيوعي الصيني منذ سنوات.")
    assert [(e.text, e.value) for e in doc.entities if e.type == "organization"] == \
        [("لحزب الشيوعي الصيني", "الحزب الشيوعي الصيني")]


def test_club_names_keep_words_out_of_persons(nlp):
    text = "وفاز إيفرتون على ضيفه وتغلب توتنهام على منافسه."
    assert mentions(nlp, text, "person") == []
    assert orgs(nlp, text) == ["إيفرتون", "توتنهام"]


@pytest.mark.parametrize("field, value, message", [
    ("alone", "yes", "alone must be 0 or 1"),
    ("kind", "band", "unknown kind"),
])
def test_known_list_is_validated(monkeypatch, field, value, message):
    import pipeline.extract.organizations as org

    assert len(org.known_rows()) > 2000
    spoil_first_row(monkeypatch, org, org.KNOWN, **{field: value})
    with pytest.raises(ResourceError, match=message):
        org.known_rows()


@pytest.mark.parametrize("text, expected", [
    # a sports word that begins with ف is no ف + word (فريق, not ف + ريق): the city is a club
    ("وفاز فريق برشلونة على ضيفه.", ["برشلونة"]),
    # (و + a fixed name begins a second organization: شركة أرامكو وفودافون, in the first table)
    # a verb with the future prefix is no unknown name after a company head
    ("وصرح المدير بأن الشركة ستتوسع في آسيا.", []),
    ("وقال إن شركة ستاربكس ستفتح فروعا جديدة.", ["ستاربكس"]),
])
def test_club_and_chain_fixes(nlp, text, expected):
    assert orgs(nlp, text) == expected


@pytest.mark.parametrize("text, orgs_expected, persons_expected", [
    # a definite head is in construct with nothing: the unknown words after it are no part of
    # the organization (here a person after a title)
    ("وقال رئيس الاتحاد برند غوتشالك إن المبيعات تراجعت.", [], ["برند غوتشالك"]),
    # ... an indefinite head still takes an unknown name
    ("وأعلنت شركة كوميتا عن منتج جديد.", ["كوميتا"], []),
])
def test_definite_head_takes_no_unknown_word(nlp, text, orgs_expected, persons_expected):
    assert orgs(nlp, text) == orgs_expected
    assert mentions(nlp, text, "person") == persons_expected
