"""Writers: CSV-injection neutralization, atomic files, the four formats agree."""

from __future__ import annotations

import csv
import json
import os

import pytest

from pipeline.export import CSV_COLUMNS, csv_safe, write_csv, write_json, write_jsonl
from pipeline.outputs import OutputSet


def _doc(doc_id="d1", text="القاهرة", value="القاهرة", **extra):
    ent = {"type": "place", "text": text, "start": 0, "end": 7, "value": value, "rule": "place.gaz",
           "score": 0.9, "evidence": "gazetteer"}
    ent.update(extra)
    return {"id": doc_id, "reference_date": None, "reference_source": None, "entities": [ent], "topics": []}


@pytest.mark.parametrize("cell, expected", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+201234", "'+201234"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tcmd", "'\tcmd"),
    ("\rcmd", "'\rcmd"),
    # negatives: nothing to neutralize
    ("القاهرة", "القاهرة"),
    ("a=b", "a=b"),
    ("", ""),
    (12, 12),
    (-3, -3),
    (0.5, 0.5),
    (None, None),
])
def test_csv_safe(cell, expected):
    assert csv_safe(cell) == expected


@pytest.mark.parametrize("column", ["doc_id", "text", "value", "rule", "evidence"])
def test_every_csv_column_is_neutralized_and_json_keeps_the_exact_text(tmp_path, column):
    d = _doc()
    payload = "=1+cmd|' /C calc'!A0"
    if column == "doc_id":
        d["id"] = payload
    else:
        d["entities"][0][column] = payload
    write_csv([d], tmp_path / "e.csv")
    write_json([d], tmp_path / "e.json")
    with open(tmp_path / "e.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == CSV_COLUMNS
    assert rows[0][column] == "'" + payload
    exported = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))["documents"][0]
    got = exported["id"] if column == "doc_id" else exported["entities"][0][column]
    assert got == payload


def test_all_formats_hold_the_same_documents(tmp_path):
    import pyarrow.parquet as pq

    docs = [_doc("a"), _doc("b", calendar="hijri"), {**_doc("c"), "entities": []}]
    with OutputSet(tmp_path, ["csv", "json", "jsonl", "parquet"]) as out:
        for d in docs:
            out.write(d)
    assert sorted(os.listdir(tmp_path)) == ["entities.csv", "entities.json", "entities.jsonl", "entities.parquet"]
    as_json = json.loads((tmp_path / "entities.json").read_text(encoding="utf-8"))["documents"]
    as_jsonl = [json.loads(l) for l in (tmp_path / "entities.jsonl").read_text(encoding="utf-8").splitlines()]
    assert as_json == as_jsonl == docs
    table = pq.read_table(tmp_path / "entities.parquet").to_pylist()
    assert [r["doc_id"] for r in table] == ["a", "b"]
    assert table[1]["extra"] == '{"calendar": "hijri"}' and table[0]["extra"] is None
    assert table[0]["start"] == 0 and table[0]["score"] == 0.9
    with open(tmp_path / "entities.csv", encoding="utf-8-sig", newline="") as fh:
        assert [r["doc_id"] for r in csv.DictReader(fh)] == ["a", "b"]


def test_empty_run_still_writes_valid_files(tmp_path):
    import pyarrow.parquet as pq

    with OutputSet(tmp_path, ["csv", "json", "jsonl", "parquet"]):
        pass
    assert json.loads((tmp_path / "entities.json").read_text()) == {"documents": []}
    assert (tmp_path / "entities.jsonl").read_text() == ""
    assert (tmp_path / "entities.csv").read_text(encoding="utf-8") == "\ufeff" + ",".join(CSV_COLUMNS) + "\n"
    assert pq.read_table(tmp_path / "entities.parquet").num_rows == 0


def test_interrupted_write_leaves_no_file_that_looks_complete(tmp_path):
    (tmp_path / "entities.json").write_text('{"documents": []}')  # an older complete run
    with pytest.raises(KeyboardInterrupt):
        with OutputSet(tmp_path, ["csv", "json", "jsonl", "parquet"]) as out:
            out.write(_doc("a"))
            raise KeyboardInterrupt
    # the old file is untouched, no new file appeared, no temporary file is left
    assert sorted(os.listdir(tmp_path)) == ["entities.json"]
    assert (tmp_path / "entities.json").read_text() == '{"documents": []}'


def test_files_are_only_visible_after_commit(tmp_path):
    out = OutputSet(tmp_path, ["jsonl"])
    out.write(_doc("a"))
    assert not (tmp_path / "entities.jsonl").exists()
    out.commit()
    assert (tmp_path / "entities.jsonl").exists()
    umask = os.umask(0o022)
    os.umask(umask)
    assert os.stat(tmp_path / "entities.jsonl").st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's 0600


def test_output_names_never_derive_from_document_ids(tmp_path):
    with OutputSet(tmp_path, ["csv", "json", "jsonl"]) as out:
        out.write(_doc("../../etc/passwd"))
        out.write(_doc("a/b\\c:d"))
    assert sorted(os.listdir(tmp_path)) == ["entities.csv", "entities.json", "entities.jsonl"]


def test_jsonl_helper_counts(tmp_path):
    assert write_jsonl([_doc("a"), _doc("b")], tmp_path / "x.jsonl") == 2


def test_unknown_format_is_rejected(tmp_path):
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        OutputSet(tmp_path, ["csv", "xml"])
    assert os.listdir(tmp_path) == []


def test_csv_starts_with_a_bom_for_excel_and_pandas_reads_it_back_exactly(tmp_path):
    import pandas as pd

    from pipeline.analysis import read_entities_csv

    docs = [_doc("a", text="القاهرة", value="القاهرة"), _doc("b", text="=1+2", value=None, evidence="قمة")]
    write_csv(docs, tmp_path / "entities.csv")
    raw = (tmp_path / "entities.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfdoc_id,type,") and raw.count(b"\xef\xbb\xbf") == 1
    df = pd.read_csv(tmp_path / "entities.csv", keep_default_na=False, dtype=str)
    assert list(df.columns) == CSV_COLUMNS  # the BOM is not part of the first column's name
    assert df["text"].tolist() == ["القاهرة", "'=1+2"] and df["evidence"].tolist() == ["gazetteer", "قمة"]
    assert read_entities_csv(tmp_path / "entities.csv")["doc_id"].tolist() == ["a", "b"]


# --- evidence as written in the text ---------------------------------------------------------

@pytest.mark.parametrize("text, entity, evidence, expected", [
    ("عقدت القمة في ووتشن أمس", "ووتشن", "event:قمه", "event:قمة"),              # ة/ه
    ("وأشار ليو إلى التعاون", "ليو", "واشار", "وأشار"),                          # hamza on alef
    ("عقدت القِمّة في ووتشن", "ووتشن", "event:قمه", "event:قِمّة"),               # diacritics kept as written
    ("وصل إلى بمقاطعة  تشجيانغ", "تشجيانغ", "trigger:بمقاطعه تشجيانغ", "trigger:بمقاطعة  تشجيانغ"),
    ("قمة أولى. " + "كلام " * 10 + "ثم قمة في ووتشن", "ووتشن", "event:قمه", "event:قمة"),  # the nearest
    # negatives: nothing to rewrite
    ("قال نائب الرئيس ليو", "ليو", "نائب", "نائب"),                              # already as written
    ("الصين بلد كبير", "الصين", "gazetteer:A", "gazetteer:A"),
    ("الحضارة الرقمية", "الحضارة الرقمية", "construct; x2; medtop:13000000", "construct; x2; medtop:13000000"),
    ("في الصين", "الصين", "", ""),
    ("قمة " + "كلام " * 100 + "في ووتشن", "ووتشن", "event:قمه", "event:قمه"),   # too far: left as it is
])
def test_evidence_as_written(text, entity, evidence, expected):
    from pipeline.export import evidence_as_written
    from pipeline.normalize import normalize_view

    start = text.rindex(entity)
    assert evidence_as_written(text, normalize_view(text), start, start + len(entity), evidence) == expected


def test_a_run_exports_evidence_as_written(tmp_path):
    from pipeline.cli import main

    text = "أُقيمت القمة الاقتصادية في مدينة ووهان بمقاطعة هوبي وسط الصين. وأشار الوزير سامي الخطيب إلى أهميتها."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    assert main(["run", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "--quiet", "-j", "1"]) == 0
    with open(tmp_path / "out" / "entities.csv", encoding="utf-8-sig", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["type"] != "keyphrase"]
    import re

    words = [w for r in rows for w in re.findall("[\u0621-\u064a\u064b-\u0652]+", r["evidence"])]
    assert words and all(w in text for w in words), [(r["text"], r["evidence"]) for r in rows]
