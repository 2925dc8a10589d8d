"""Topics end to end on the bundled sample article (data/sample_article.txt, the seed article).

The key phrases come from general noun-phrase rules; no phrase of this article is listed in
any resource file (checked below).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.normalize import normalize
from pipeline.resources import read_text

from .conftest import assert_offsets

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample_article.txt"
EXPECTED = ["الحضارة الرقمية", "الذكاء الاصطناعي", "شبكات الجيل الخامس", "حوكمة البيانات"]


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp.process(SAMPLE.read_text("utf-8"), "sample")


@pytest.mark.parametrize("phrase", EXPECTED)
def test_sample_keyphrase_present(doc, phrase):
    values = {e.value for e in doc.entities if e.type == "keyphrase"}
    assert phrase in values, sorted(values)


@pytest.mark.parametrize("phrase", ["الحضارة الرقمية", "حوكمة البيانات", "شبكات الجيل الخامس"])
def test_sample_keyphrases_are_not_listed_in_resources(phrase):
    for rel in ("topics/keywords.tsv", "lexicons/stopwords.tsv"):
        assert normalize(phrase) not in normalize(read_text(rel)), (phrase, rel)


def test_sample_keyphrases_never_cross_a_sentence_or_a_comma(doc):
    assert_offsets(doc)
    topics = [e for e in doc.entities if e.type == "keyphrase"]
    assert topics
    for e in topics:
        assert not any(ch in e.text for ch in "،,.;؛:!؟?\n\"«»()"), e
        inside = [s for s in doc.sentences if s.start <= e.start and e.end <= s.end]
        assert inside, e
        # the span holds no proclitic: the value has the span's words, up to the article
        # (a fused ل restored to ال, or the definite variant of the same phrase)
        vws, tws = normalize(e.value).split(), normalize(e.text).split()
        assert len(vws) == len(tws), e
        assert all(v in (t, "ا" + t, "ال" + t) for v, t in zip(vws, tws)), e
        assert e.extra["category"] is None or e.extra["category"].startswith("medtop:")


def test_sample_variants_share_one_canonical_value(doc):
    variants = {e.text for e in doc.entities if e.type == "keyphrase" and e.value == "الحضارة الرقمية"}
    assert {"الحضارة الرقمية", "حضارة رقمية"} <= variants, variants


def test_sample_category_is_science_and_technology(doc):
    assert doc.topics[0].id == "medtop:13000000"
    assert doc.topics[0].label_ar and doc.topics[0].label == "science and technology"
    ev = doc.topics[0].evidence
    assert normalize("الذكاء الاصطناعي") in {normalize(k) for k in ev}
