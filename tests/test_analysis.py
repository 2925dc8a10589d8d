"""Notebook helpers: loading runs, dates on a timeline, comparison with gold."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from pipeline import analysis
from pipeline.analysis import compare, context, parse_iso

D = dt.date


# --- ISO values ---------------------------------------------------------------------------
@pytest.mark.parametrize("value, expected", [
    ("2021", (D(2021, 1, 1), D(2021, 12, 31), "year")),
    ("2024-02", (D(2024, 2, 1), D(2024, 2, 29), "month")),
    ("2023-12", (D(2023, 12, 1), D(2023, 12, 31), "month")),
    ("2021-09-26", (D(2021, 9, 26), D(2021, 9, 26), "day")),
    ("2024-11-06/2024-11-09", (D(2024, 11, 6), D(2024, 11, 9), "range")),
    ("2024-01/2024-03", (D(2024, 1, 1), D(2024, 3, 31), "range")),
    (" 2020 ", (D(2020, 1, 1), D(2020, 12, 31), "year")),
])
def test_analysis_parse_iso(value, expected):
    assert parse_iso(value) == expected


@pytest.mark.parametrize("value", [None, "", "الأسبوع المقبل", "2021-13", "20211", "2021-02-30", "2021/",
                                   float("nan"), pd.NA])
def test_analysis_parse_iso_rejects(value):
    assert parse_iso(value) is None


def test_analysis_date_timeline_keeps_resolved_dates_sorted():
    docs = [{"id": "a", "entities": [
        {"type": "date", "text": "العام الماضي", "start": 0, "end": 12, "value": "2023", "rule": "r"},
        {"type": "date", "text": "أمس", "start": 20, "end": 23, "value": None, "rule": "r"},
        {"type": "place", "text": "دمشق", "start": 30, "end": 34, "value": "دمشق", "rule": "r"},
        {"type": "date", "text": "3 مارس 2022", "start": 40, "end": 51, "value": "2022-03-03", "rule": "r"},
    ]}]
    tl = analysis.date_timeline(analysis.entities_frame(docs))
    assert list(tl["text"]) == ["3 مارس 2022", "العام الماضي"]
    assert list(tl["granularity"]) == ["day", "year"]


# --- frames -------------------------------------------------------------------------------
DOCS = [
    {"id": "n1", "entities": [
        {"type": "person", "text": "ليلى حداد", "start": 0, "end": 9, "value": "ليلى حداد", "rule": "p"},
        {"type": "person", "text": "حداد", "start": 20, "end": 24, "value": "ليلى حداد", "rule": "p"},
        {"type": "place", "text": "حمص", "start": 30, "end": 33, "value": "حمص", "rule": "g"},
        {"type": "keyphrase", "text": "الطاقة الشمسية", "start": 40, "end": 54, "value": None, "rule": "k"},
    ], "topics": [{"id": "medtop:04000000", "label": "economy", "label_ar": "الاقتصاد", "score": 0.4},
                  {"id": "medtop:11000000", "label": "politics", "label_ar": "السياسة", "score": 0.8}]},
    {"id": "n2", "entities": [
        {"type": "person", "text": "لحداد", "start": 5, "end": 10, "value": "ليلى حداد", "rule": "p"},
        {"type": "place", "text": "حمص", "start": 15, "end": 18, "value": None, "rule": "g"},
    ], "topics": []},
]


def test_analysis_top_values_counts_mentions_documents_and_surfaces():
    df = analysis.entities_frame(DOCS)
    top = analysis.top_values(df, "person")
    assert top.to_dict("records") == [
        {"value": "ليلى حداد", "mentions": 3, "documents": 2, "surfaces": "ليلى حداد | حداد | لحداد"}]
    places = analysis.top_values(df, "place")
    assert places.loc[0, "value"] == "حمص" and places.loc[0, "mentions"] == 2  # missing value -> text
    assert analysis.top_values(df, "organization").empty


def test_analysis_topics_frame_ranks_by_score_and_by_type_orders_types():
    t = analysis.topics_frame(DOCS)
    assert list(t["label"]) == ["politics", "economy"] and list(t["rank"]) == [1, 2]
    assert list(analysis.by_type(analysis.entities_frame(DOCS))) == ["person", "place", "keyphrase"]
    assert analysis.topics_frame([{"id": "x", "entities": []}]).empty


def test_analysis_read_entities_csv_keeps_strings(tmp_path):
    p = tmp_path / "entities.csv"
    p.write_text("doc_id,type,text,start,end,value,rule,score,evidence\n"
                 "007,date,أمس,3,6,,dates.rel,0.8,\n"
                 "007,person,'=1+1,10,14,'=1+1,p,0.5,x\n", encoding="utf-8")
    df = analysis.read_entities_csv(p)
    assert df.loc[0, "doc_id"] == "007" and pd.isna(df.loc[0, "value"])
    assert df.loc[1, "text"] == "'=1+1" and df["start"].tolist() == [3, 10]


def test_analysis_read_gold_json_jsonl(tmp_path):
    one = {"id": "g1", "text": "نص", "entities": []}
    (tmp_path / "a.json").write_text(json.dumps(one), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps([one, one]), encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps(one) + "\n\n" + json.dumps(one) + "\n", encoding="utf-8")
    assert [len(analysis.read_gold(tmp_path / n)) for n in ("a.json", "b.json", "c.jsonl")] == [1, 2, 2]


def test_analysis_read_texts_and_run(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "k1", "text": "وصل الوفد إلى عمان أمس."}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    assert analysis.read_texts(src) == {"k1": "وصل الوفد إلى عمان أمس."}
    run = tmp_path / "run"
    assert not analysis.has_run(run)
    path = analysis.ensure_run(run, [src])
    assert path == run / "entities.json" and analysis.has_run(run)
    assert [d["id"] for d in analysis.read_output(run)] == ["k1"]
    stamp = path.stat().st_mtime_ns
    analysis.ensure_run(run, [src], need_ids=["k1"])  # output present: not run again
    assert path.stat().st_mtime_ns == stamp
    docs = analysis.with_texts(analysis.read_output(path), analysis.read_texts(src))
    assert docs[0]["text"] == "وصل الوفد إلى عمان أمس."


# --- context and comparison ------------------------------------------------------------------
@pytest.mark.parametrize("text, start, end, width, expected", [
    ("abcdefghij", 4, 6, 2, "…cd⟦ef⟧gh…"),
    ("abcdefghij", 0, 2, 3, "⟦ab⟧cde…"),
    ("abcdefghij", 8, 10, 3, "…fgh⟦ij⟧"),
    ("ab\ncd", 3, 5, 5, "ab ⏎ ⟦cd⟧"),
    ("", 0, 0, 5, ""),
])
def test_analysis_context(text, start, end, width, expected):
    assert context(text, start, end, width) == expected


GOLD_TEXT = "زار وزير الخارجية خالد منصور بيروت يوم 3 مايو، والتقى الصحفي الليبي."


def _g(surface, etype, canonical, nth=0):
    s = -1
    for _ in range(nth + 1):
        s = GOLD_TEXT.index(surface, s + 1)
    return {"type": etype, "text": surface, "start": s, "end": s + len(surface), "canonical": canonical}


def _p(surface, etype, value):
    s = GOLD_TEXT.index(surface)
    return {"type": etype, "text": surface, "start": s, "end": s + len(surface), "value": value, "rule": "r"}


GOLD = [{
    "id": "t1", "text": GOLD_TEXT,
    "entities": [_g("خالد منصور", "person", "خالد منصور"), _g("بيروت", "place", "بيروت"),
                 _g("يوم 3 مايو", "date", "2024-05-03")],
    "categories": ["medtop:11000000", "medtop:04000000"],
    "not_entities": [{"text": "الليبي", "why": "nisba"}],
}, {"id": "t2", "text": "لا شيء", "entities": [{"type": "place", "text": "شيء", "start": 3, "end": 6,
                                                  "canonical": "شيء"}]}]
PRED = [{"id": "t1", "entities": [
    _p("خالد منصور", "person", "خالد منصور"),       # exact: span and value hit
    _p("بيروت", "person", "بيروت"),                  # wrong type: place miss + person false alarm
    _p("3 مايو", "date", "2024-05-03"),             # boundary: span miss, value hit
    _p("الليبي", "place", "ليبيا"),                  # listed non-entity
    _p("الخارجية", "place", "الخارجية"),             # spurious
    _p("الخارجية خالد", "organization", None),       # unscored type: ignored
], "topics": [{"id": "medtop:11000000", "score": 0.9}, {"id": "medtop:15000000", "score": 0.2}]}]


def test_analysis_compare_scores_like_the_scorer():
    c = compare(GOLD, PRED)
    s = c.scores.set_index("type")
    assert s.loc["person", ["gold", "pred", "span_tp", "value_tp"]].tolist() == [1, 2, 1, 1]
    assert s.loc["place", ["gold", "pred", "span_tp", "value_tp"]].tolist() == [2, 2, 0, 0]
    assert s.loc["date", ["gold", "pred", "span_tp", "value_tp"]].tolist() == [1, 1, 0, 1]
    assert s.loc["micro", ["gold", "pred", "span_tp", "value_tp"]].tolist() == [4, 5, 1, 2]
    assert s.loc["micro", ["span_P", "span_R", "value_P", "value_R"]].tolist() == [0.2, 0.25, 0.4, 0.5]
    assert s.loc["person", "span_F1"] == pytest.approx(2 * 0.5 * 1 / 1.5, abs=1e-4)


def test_analysis_compare_lists_misses_and_false_alarms_by_kind():
    c = compare(GOLD, PRED, width=6)
    misses = {(r.doc_id, r.type, r.text): r.kind for r in c.misses.itertuples()}
    assert misses == {("t1", "place", "بيروت"): "type", ("t1", "date", "يوم 3 مايو"): "boundary",
                      ("t2", "place", "شيء"): "missed"}
    alarms = {(r.type, r.text): r.kind for r in c.false_alarms.itertuples()}
    assert alarms == {("person", "بيروت"): "type", ("date", "3 مايو"): "boundary",
                      ("place", "الليبي"): "not_entity", ("place", "الخارجية"): "spurious"}
    row = c.misses[c.misses["text"] == "يوم 3 مايو"].iloc[0]
    assert row["closest"] == "date: 3 مايو" and row["context"] == "…بيروت ⟦يوم 3 مايو⟧، والت…"


def test_analysis_compare_categories_and_perfect_run():
    c = compare(GOLD, PRED)
    cat = c.categories.set_index("doc_id").loc["t1"]
    assert bool(cat["top1"]) and cat["precision"] == 0.5 and cat["recall"] == 0.5
    perfect = [{"id": g["id"], "entities": [dict(e, value=e["canonical"]) for e in g["entities"]], "topics": []}
               for g in GOLD]
    c2 = compare(GOLD, perfect)
    assert c2.misses.empty and c2.false_alarms.empty
    assert c2.scores.set_index("type").loc["micro", "span_F1"] == 1.0


def test_analysis_rtl_table_escapes():
    html = analysis.rtl_table(pd.DataFrame({"text": ["<script>x</script> & ب"]}))
    assert html.startswith('<div dir="rtl"') and "<script>x" not in html and "&lt;script&gt;" in html


def test_analysis_gold_as_output_for_report():
    out = analysis.gold_documents_as_output(GOLD)
    assert out[0]["entities"][0] == {"type": "person", "text": "خالد منصور", "start": GOLD_TEXT.index("خالد"),
                                     "end": GOLD_TEXT.index("خالد") + 10, "value": "خالد منصور", "rule": "gold",
                                     "score": 1.0, "evidence": ""}
    assert out[0]["text"] == GOLD_TEXT


def test_analysis_read_output_from_csv_only_run(tmp_path):
    (tmp_path / "entities.csv").write_text(
        "doc_id,type,text,start,end,value,rule,score,evidence\n"
        "b,place,حلب,4,7,حلب,g,0.9,\n"
        "a,date,أمس,0,3,,d,0.8,\n"
        "b,person,سامي,10,14,سامي نصر,p,0.7,قال\n", encoding="utf-8")
    assert analysis.has_run(tmp_path) and analysis.output_path(tmp_path).name == "entities.csv"
    docs = analysis.read_output(tmp_path)
    assert [d["id"] for d in docs] == ["b", "a"]
    assert docs[0]["entities"][1] == {"type": "person", "text": "سامي", "start": 10, "end": 14, "value": "سامي نصر",
                                      "rule": "p", "score": 0.7, "evidence": "قال"}
    assert docs[1]["entities"][0]["value"] is None and docs[1]["topics"] == []
    (tmp_path / "entities.json").write_text('{"documents": []}', encoding="utf-8")
    assert analysis.read_output(tmp_path) == []  # the JSON wins when both exist


def test_analysis_compare_matches_and_error_spans():
    c = compare(GOLD, PRED)
    assert c.matches[["type", "text", "value_ok"]].values.tolist() == [["person", "خالد منصور", True]]
    spans = analysis.error_spans(c, "t1")
    kinds = [(e["type"], e["text"]) for e in spans]
    assert kinds == [("false_alarm", "الخارجية"), ("match", "خالد منصور"), ("miss", "بيروت"),
                     ("false_alarm", "بيروت"), ("miss", "يوم 3 مايو"), ("false_alarm", "3 مايو"),
                     ("false_alarm", "الليبي")]
    assert all(GOLD_TEXT[e["start"]:e["end"]] == e["text"] for e in spans)
    assert spans[2]["value"] == "place: بيروت" and spans[2]["rule"] == "type (person: بيروت)"
    wrong = [dict(PRED[0], entities=[_p("خالد منصور", "person", "خالد")])]
    assert analysis.error_spans(compare(GOLD, wrong), "t1")[0]["type"] == "value_error"
    assert analysis.error_spans(c, "nope") == []
