"""End to end on the bundled sample article (data/sample_article.txt).

The expected mentions are the ones the foundation issue lists for this article. The rules that
find them are general (no word of this article appears in a rule or lexicon).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import assert_offsets

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample_article.txt"


@pytest.fixture(scope="module")
def sample_doc(nlp):
    return nlp.process(SAMPLE.read_text("utf-8"), "sample")


def _mentions(doc, typ):
    return Counter((e.text, e.value) for e in doc.entities if e.type == typ)


def test_sample_people(sample_doc):
    assert _mentions(sample_doc, "person") == Counter({("ليو خه", "ليو خه"): 1, ("ليو", "ليو خه"): 4})


def test_sample_places(sample_doc):
    assert _mentions(sample_doc, "place") == Counter({("الصين", "الصين"): 5, ("ووتشن", "ووتشن"): 2,
                                                      ("تشجيانغ", "تشجيانغ"): 1})


def test_sample_dates(sample_doc):
    assert _mentions(sample_doc, "date") == Counter({("2021", "2021"): 3,
                                                     ("يوم الأحد (26 سبتمبر)", "2021-09-26"): 1,
                                                     ("28 سبتمبر", "2021-09-28"): 1})


@pytest.mark.parametrize("surface, typ", [
    ("الصيني", "place"),      # nisba adjective
    ("كوفيد-19", "date"),
    ("19", "date"),
    ("20 منتدى", "date"),
    ("20", "date"),
    ("15", "date"),
])
def test_sample_non_entities(sample_doc, surface, typ):
    assert not [e for e in sample_doc.entities if e.type == typ and e.text == surface]


def test_sample_place_span_excludes_clitic(sample_doc):
    text = sample_doc.text
    i = text.index("بالصين")
    assert any(e.type == "place" and e.start == i + 1 and e.end == i + 6 for e in sample_doc.entities)


def test_sample_offsets(sample_doc):
    assert_offsets(sample_doc)


def test_sample_key_phrases(sample_doc):
    values = {e.value for e in sample_doc.entities if e.type == "keyphrase"}
    for phrase in ("الحضارة الرقمية", "الذكاء الاصطناعي", "شبكات الجيل الخامس", "حوكمة البيانات"):
        assert phrase in values


def test_sample_primary_topic_is_science_and_technology(sample_doc):
    assert sample_doc.topics and sample_doc.topics[0].id == "medtop:13000000"
