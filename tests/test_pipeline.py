"""Stage contract and the document model."""

from __future__ import annotations

import pytest

from pipeline import Document, Entity, Pipeline
from pipeline.pipeline import FunctionStage
from tests.conftest import assert_offsets

EXPECTED_STAGES = ["normalize", "tokenize", "reference", "dates", "organizations", "places", "people",
                   "topics", "resolve", "link"]


def test_default_pipeline_stage_order(nlp):
    assert nlp.stage_names == EXPECTED_STAGES
    for stage in nlp.stages:
        assert callable(stage) and isinstance(stage.name, str)


def test_pipeline_rejects_stage_returning_non_document():
    bad = Pipeline([FunctionStage("bad", lambda doc: "oops")])
    with pytest.raises(TypeError, match="bad"):
        bad(Document("x", "نص"))


def test_pipeline_rejects_duplicate_stage_names():
    with pytest.raises(ValueError):
        Pipeline([FunctionStage("a", lambda d: d), FunctionStage("a", lambda d: d)])


@pytest.mark.parametrize("kwargs, message", [
    (dict(type="person", text="x", start=3, end=3, value="x", rule="r", score=0.5), "bad span"),
    (dict(type="person", text="x", start=-1, end=3, value="x", rule="r", score=0.5), "bad span"),
    (dict(type="animal", text="x", start=0, end=1, value="x", rule="r", score=0.5), "unknown entity type"),
    (dict(type="place", text="x", start=0, end=1, value="x", rule="r", score=1.5), "outside"),
])
def test_entity_validation(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Entity(**kwargs)


def test_add_candidate_checks_text_matches_span():
    doc = Document("x", "زار بيروت")
    doc.add_candidate(doc.make_entity("place", 4, 9, "بيروت", "test", 0.9))
    with pytest.raises(ValueError):
        doc.add_candidate(Entity("place", "دمشق", 4, 8, "دمشق", "test", 0.9))


@pytest.mark.parametrize("text", [
    "",
    "   ",
    "no arabic at all, just English text.",
    "قال الرئيس الفرنسي إيمانويل ماكرون في باريس يوم الاثنين 12 مايو 2025 إن فرنسا ستدعم لبنان.",
    "وَقَالَ الـرَّئِيسُ فِي بَيْرُوتَ أَمْسِ",
    "ﺑﻴﺮﻭﺕ \u200f١٢ مارس ٢٠٢٤\u200f (وكالة) - وصل وزير الخارجية إلى دمشق.",
    "\x00\x01 بيروت \ufeff",
])
def test_offsets_hold_for_every_entity(nlp, text):
    doc = nlp.process(text)
    assert doc.text == text  # the text itself is never changed
    assert_offsets(doc)


def test_process_is_deterministic(nlp):
    text = "التقى وزير الخارجية المصري سامح شكري نظيره الأردني أيمن الصفدي في عمان أمس."
    a = nlp.process(text, "a").to_dict()
    b = nlp.process(text, "a").to_dict()
    assert a == b


@pytest.mark.parametrize("enabled", [True, False])
def test_building_the_pipeline_leaves_the_garbage_collector_as_it_was(enabled):
    import gc

    from pipeline.pipeline import build_default_pipeline

    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        build_default_pipeline()
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_default_pipeline_raises_the_collector_thresholds():
    import gc

    from pipeline.pipeline import GC_THRESHOLDS, default_pipeline

    default_pipeline()
    assert gc.get_threshold() == GC_THRESHOLDS
