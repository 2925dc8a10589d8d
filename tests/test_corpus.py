"""Corpus outputs and views: the spelling-merge rule, documents.csv, entity_index.csv, the
corpus page of the report and the notebook's corpus functions (same figures on both)."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from pipeline import analysis
from pipeline.corpus import (DOCUMENT_COLUMNS, INDEX_COLUMNS, CorpusIndex, categories_table, cooccurrence_graph,
                             iter_run, merge_key, month_of, month_range, sentence_around)
from pipeline.outputs import CORPUS_OUTPUTS, OutputSet


@pytest.mark.parametrize("a, b", [
    ("أحمد", "احمد"), ("إبراهيم", "ابراهيم"), ("آمنة", "امنه"),          # hamza and madda on alef
    ("مصطفى", "مصطفي"), ("القاهرة", "القاهره"),                          # ى/ي, ة/ه
    ("محـمـد", "محمد"), ("مُحَمَّد", "محمد"),                            # tatweel, diacritics
    ("فائز", "فايز"),                                                   # hamza on yeh dropped
    ("الأمم  المتحدة", "الامم المتحده"),                                  # white space
    ("Google", "google"), ("٢٠٢٤-٠٣", "2024-03"),
])
def test_corpus_merge_key_merges_spellings_of_one_name(a, b):
    assert merge_key(a) == merge_key(b)


@pytest.mark.parametrize("a, b", [
    ("علي", "عليا"), ("سمير", "سميرة"), ("حسن", "حسين"), ("مسؤول", "مسئول"),  # different words (or seats)
    ("2024-03", "2024-03-01"),
])
def test_corpus_merge_key_keeps_different_names_apart(a, b):
    assert merge_key(a) != merge_key(b)


@pytest.mark.parametrize("value, month", [
    ("2024-03-12", "2024-03"), ("2024-03", "2024-03"), ("2024-03-01/2024-03-09", "2024-03"),
    ("2024", None), ("2024-03/2024-05", None), ("1990/1999", None), (None, None), ("", None), ("أمس", None),
])
def test_corpus_month_of(value, month):
    assert month_of(value) == month


def test_corpus_month_range_keeps_the_busy_span_and_counts_the_rest():
    months = Counter({"2024-01": 5, "2024-03": 2, "1948-05": 1, "2030-01": 1})
    series, before, after = month_range(months, max_months=24)
    assert series == [("2024-01", 5), ("2024-02", 0), ("2024-03", 2)]
    assert (before, after) == (1, 1)
    assert month_range(Counter()) == ([], 0, 0)


@pytest.mark.parametrize("text, mention, expected", [
    ("قال الرئيس. وأضاف سامر علي إن الوفد وصل! ثم غادر.", "سامر علي", ("وأضاف", "سامر علي", "إن الوفد وصل!")),
    ("زار سامر\nبيروت أمس. وعاد", "بيروت", ("", "بيروت", "أمس.")),
    ("سامر", "سامر", ("", "سامر", "")),
])
def test_corpus_sentence_around(text, mention, expected):
    s = text.index(mention)
    assert sentence_around(text, s, s + len(mention)) == expected


def test_corpus_sentence_around_cuts_a_long_sentence_at_a_word():
    text = "كلمة " * 100 + "سامر " + "كلمة " * 100
    s = text.index("سامر")
    left, mention, right = sentence_around(text, s, s + 4, limit=30)
    assert left.startswith("…") and right.endswith("…") and mention == "سامر"
    assert len(left) <= 31 and len(right) <= 31 and "كلمة كلمة" in left


def test_corpus_categories_table_months_then_undated_and_other():
    counts = Counter({("2024-02", "medtop:04000000"): 3, ("2024-01", "medtop:15000000"): 1,
                      ("", "medtop:04000000"): 2, ("2024-01", "medtop:11000000"): 1})
    cols, periods, rows = categories_table(counts, {"medtop:04000000": "الاقتصاد"}, top=2)
    assert [c for c, _ in cols] == ["medtop:04000000", "medtop:11000000", "other"]
    assert cols[0][1] == "الاقتصاد" and periods == ["2024-01", "2024-02", ""]
    assert rows == [[0, 1, 1], [3, 0, 0], [2, 0, 0]]


def test_corpus_cooccurrence_counts_documents_in_common():
    nodes = {"a": {"label": "A"}, "b": {"label": "B"}, "c": {"label": "C"}}
    g = cooccurrence_graph([{"a", "b"}, {"a", "b", "c", "x"}, {"c"}, {"a", "a", "b"}], nodes)
    assert {tuple(sorted(e)): d["weight"] for *e, d in g.edges(data=True)} == {("a", "b"): 3, ("a", "c"): 1,
                                                                               ("b", "c"): 1}
    assert cooccurrence_graph([{"a", "b"}], nodes, min_docs=2).number_of_edges() == 0  # negative


AR = {
    "d1": "قال أحمد سالم في القاهرة إن الاجتماع مثمر. وأكد احمد سالم أن القاهره ترحب.",
    "d2": "زار أحمد سالم بيروت يوم 3 مارس 2024.",
    "d3": "لا أسماء في هذا النص القصير.",
}


def _ent(doc, surface, etype, value, nth=0):
    text = AR[doc]
    s = -1
    for _ in range(nth + 1):
        s = text.index(surface, s + 1)
    return {"type": etype, "text": surface, "start": s, "end": s + len(surface), "value": value, "rule": "r",
            "score": 0.9, "evidence": ""}


def _docs():
    return [
        {"id": "d1", "reference_date": "2024-02-10", "reference_source": "input",
         "entities": [_ent("d1", "أحمد سالم", "person", "أحمد سالم"), _ent("d1", "القاهرة", "place", "القاهرة"),
                      _ent("d1", "احمد سالم", "person", "احمد سالم"), _ent("d1", "القاهره", "place", "القاهره")],
         "topics": [{"id": "medtop:11000000", "label": "politics", "label_ar": "السياسة", "score": 0.4},
                    {"id": "medtop:04000000", "label": "economy", "label_ar": "الاقتصاد", "score": 0.7}]},
        {"id": "d2", "reference_date": "2024-03-05", "reference_source": "input",
         "entities": [_ent("d2", "أحمد سالم", "person", "أحمد سالم"), _ent("d2", "بيروت", "place", "بيروت"),
                      _ent("d2", "يوم 3 مارس 2024", "date", "2024-03-03")],
         "topics": []},
        {"id": "d3", "reference_date": None, "reference_source": None, "entities": [], "topics": []},
    ]


@pytest.fixture
def run(tmp_path) -> Path:
    with OutputSet(tmp_path, ["json", *CORPUS_OUTPUTS, "html"]) as out:
        for d in _docs():
            out.write(d, AR[d["id"]], source=f"src:{d['id']}", words=len(AR[d["id"]].split()), date=d["reference_date"])
    return tmp_path


def _csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_corpus_documents_csv_one_row_per_document(run):
    rows = _csv(run / "documents.csv")
    assert list(rows[0]) == DOCUMENT_COLUMNS and [r["doc_id"] for r in rows] == ["d1", "d2", "d3"]
    assert rows[0]["topics"] == "medtop:04000000; medtop:11000000"  # primary (highest score) first
    assert rows[0]["topics_ar"] == "الاقتصاد; السياسة"
    assert (rows[0]["n_person"], rows[0]["n_place"], rows[0]["n_date"]) == ("2", "2", "0")
    assert (rows[1]["reference_date"], rows[1]["source"], rows[1]["n_date"]) == ("2024-03-05", "src:d2", "1")
    assert rows[2]["topics"] == "" and rows[2]["words"] == str(len(AR["d3"].split()))


def test_corpus_entity_index_merges_spellings_and_counts_documents(run):
    rows = _csv(run / "entity_index.csv")
    assert list(rows[0]) == INDEX_COLUMNS
    people = [r for r in rows if r["type"] == "person"]
    assert len(people) == 1  # أحمد سالم and احمد سالم are one entity
    p = people[0]
    assert (p["value"], p["documents"], p["mentions"]) == ("أحمد سالم", "2", "3")
    assert p["variants"] == "أحمد سالم | احمد سالم"
    assert (p["first_date"], p["first_doc"], p["last_date"], p["last_doc"]) == ("2024-02-10", "d1", "2024-03-05", "d2")
    places = {r["value"]: (r["documents"], r["mentions"]) for r in rows if r["type"] == "place"}
    assert places == {"القاهرة": ("1", "2"), "بيروت": ("1", "1")}  # the most documents first, then mentions
    assert [r["type"] for r in rows] == ["person", "place", "place", "date"]


def test_corpus_index_memory_stays_in_the_database(tmp_path):
    """Distinct entities go to the SQLite file, not to memory: the batch is emptied."""
    idx = CorpusIndex(tmp_path)
    try:
        for i in range(CorpusIndex.BATCH * 2):
            idx.add({"id": f"x{i}", "reference_date": None, "topics": [],
                     "entities": [{"type": "keyphrase", "text": f"عبارة {i}", "value": f"عبارة {i}"}]})
        assert len(idx.pending) == 0 and idx.distinct()["keyphrase"] == CorpusIndex.BATCH * 2
    finally:
        idx.close()
    assert not list(tmp_path.iterdir())  # the database file is removed


def test_corpus_report_first_page_shows_the_corpus_views(run):
    page = (run / "report.html").read_text(encoding="utf-8")
    for anchor in ("counts", "top", "categories", "months", "network", "kwic", "pages"):
        assert f'id="{anchor}"' in page
    assert re.search(r'<a href="#kwic-person-1"><bdi>أحمد سالم</bdi></a></td><td class="num">2</td>'
                     r'<td class="num">3</td>', page)
    assert "<svg" in page and "<circle" in page and "<line" in page  # the network: 3 nodes, 2 links
    assert page.count("<circle") == 3 and page.count("stroke-opacity=\".45\"") == 2
    assert 'href="report/page-0001.html#doc-2"' in page  # a mention in context links to its document
    kwic = page[page.index('id="kwic-person-1"'):page.index('id="kwic-place-1"')]
    assert kwic.count('<mark class="person">أحمد سالم</mark>') == 2  # one mention per document it is in
    assert ">2024-03: 1</title>" in page  # the date histogram
    assert "الاقتصاد" in page and "بلا تاريخ" not in page  # categories over time (d3, undated, has none)


def test_corpus_notebook_views_agree_with_the_outputs(run):
    docs = list(iter_run(run))
    assert [d["text"] for d in docs] == [AR["d1"], AR["d2"], AR["d3"]] and docs[1]["source"] == "src:d2"
    index = analysis.read_entity_index(run)
    assert analysis.top_entities(index, "person")["value"].tolist() == ["أحمد سالم"]
    cats = analysis.categories_over_time(analysis.read_documents_csv(run))
    assert cats.to_dict("index") == {"2024-02": {"الاقتصاد": 1}}
    hist, before, after = analysis.date_histogram(docs)
    assert hist.values.tolist() == [["2024-03", 1]] and (before, after) == (0, 0)
    g = analysis.cooccurrence(run, index)
    assert sorted(g.nodes[n]["label"] for n in g) == ["أحمد سالم", "القاهرة", "بيروت"]
    assert analysis.strongest_links(g)["documents"].tolist() == [1, 1]
    hits = analysis.kwic(run, "احمد سالم")  # any spelling
    assert hits[["doc_id", "mention"]].values.tolist() == [["d1", "أحمد سالم"], ["d1", "احمد سالم"], ["d2", "أحمد سالم"]]
    assert hits["right"].iloc[0] == "في القاهرة إن الاجتماع مثمر."
    assert analysis.kwic(run, "أحمد سالم", etype="place").empty  # negative: not a place
    assert analysis.kwic(run, "سالم").empty  # negative: a part of the name is another key
    assert '<mark class="person">احمد سالم</mark>' in analysis.kwic_html(hits)


def test_corpus_documents_jsonl_is_an_input_for_a_new_run(run, tmp_path):
    from pipeline.io import InputDoc, iter_inputs

    items = [i for i in iter_inputs([str(run / "documents.jsonl")], run) if isinstance(i, InputDoc)]
    assert [(i.id, i.text, str(i.date)) for i in items] == [("d1", AR["d1"], "2024-02-10"), ("d2", AR["d2"], "2024-03-05"),
                                                            ("d3", AR["d3"], "None")]
    assert json.loads((run / "documents.jsonl").read_text(encoding="utf-8").splitlines()[0])["words"] == \
        len(AR["d1"].split())
