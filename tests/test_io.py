"""Readers: formats, encodings, odd files, locations and the exact messages users see."""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from pipeline.io import (
    InputDoc,
    InputError,
    ReadOptions,
    UsageError,
    check_inputs,
    dedupe_ids,
    iter_inputs,
    looks_binary,
    parse_date,
    read_csv,
    read_jsonl,
    read_parquet,
    read_txt,
)

AR = "وصل وزير الخارجية إلى عمّان صباح الأحد في زيارة رسمية تستمر يومين."
DEFAULT = Path("/nonexistent/sample.txt")


def _items(*inputs, **opts):
    return list(iter_inputs([str(i) for i in inputs], DEFAULT, ReadOptions(**opts)))


# --- encodings ------------------------------------------------------------------------

@pytest.mark.parametrize("data, opts", [
    (AR.encode("utf-8"), {}),
    (codecs.BOM_UTF8 + AR.encode("utf-8"), {}),
    (AR.encode("utf-16"), {}),                       # BOM written by the codec
    (codecs.BOM_UTF16_BE + AR.encode("utf-16-be"), {}),
    (AR.encode("cp1256"), {"encoding": "cp1256"}),
    (AR.replace("ّ", "").encode("iso-8859-6"), {"encoding": "iso-8859-6"}),
])
def test_txt_encodings_decode_to_the_same_text(tmp_path, data, opts):
    p = tmp_path / "a.txt"
    p.write_bytes(data)
    item = read_txt(p, opts=ReadOptions(**opts))
    assert isinstance(item, InputDoc), item
    assert item.text in (AR, AR.replace("ّ", ""))
    assert item.id == "a"


@pytest.mark.parametrize("data, offset", [
    (AR.encode("cp1256"), 0),
    (b"News: " + AR.encode("cp1256"), 6),
    (AR.encode("utf-8") + b"\xff tail", len(AR.encode("utf-8"))),
])
def test_invalid_utf8_reports_file_and_byte_offset(tmp_path, data, offset):
    p = tmp_path / "legacy.txt"
    p.write_bytes(data)
    item = read_txt(p)
    assert isinstance(item, InputError)
    assert item.source == str(p)
    assert item.reason == (f"invalid UTF-8 at byte {offset} (use --encoding cp1256 (or iso-8859-6) "
                           f"for legacy Arabic text, or --errors replace)")


def test_errors_replace_lets_the_run_proceed(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_bytes(AR.encode("utf-8") + b"\xff\xfe!")
    item = read_txt(p, opts=ReadOptions(errors="replace"))
    assert isinstance(item, InputDoc)
    assert item.text.startswith(AR) and "\ufffd" in item.text


def test_jsonl_invalid_utf8_line_is_reported_with_line_and_byte_offset(tmp_path):
    good = json.dumps({"id": "g", "text": AR}, ensure_ascii=False).encode("utf-8") + b"\n"
    bad = b'{"id": "b", "text": "' + "تونس".encode("cp1256") + b'"}\n'
    p = tmp_path / "c.jsonl"
    p.write_bytes(good + bad + good.replace(b'"g"', b'"h"'))
    items = list(read_jsonl(p))
    assert [type(i).__name__ for i in items] == ["InputDoc", "InputError", "InputDoc"]
    assert items[1].source == f"{p}:2"
    assert items[1].reason.startswith(f"invalid UTF-8 at byte {len(good) + 21} ")


def test_jsonl_in_utf16_with_bom(tmp_path):
    p = tmp_path / "u16.jsonl"
    lines = "".join(json.dumps({"id": f"d{i}", "text": AR}, ensure_ascii=False) + "\n" for i in range(3))
    p.write_bytes(lines.encode("utf-16"))
    items = list(read_jsonl(p))
    assert [i.id for i in items] == ["d0", "d1", "d2"]
    assert all(isinstance(i, InputDoc) and i.text == AR for i in items)


def test_unknown_encoding_is_a_usage_error(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(AR)
    with pytest.raises(UsageError, match=r"^unknown encoding: 'arabic-7' \(e\.g\. utf-8, utf-16, cp1256, iso-8859-6\)$"):
        check_inputs([str(p)], ReadOptions(encoding="arabic-7"))


# --- JSONL ------------------------------------------------------------------------------

def test_jsonl_bad_lines_are_reported_and_the_rest_is_read(tmp_path):
    p = tmp_path / "news.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "1", "text": AR, "date": "2023-05-01"}, ensure_ascii=False),
        '{"id": "2", "text": ',                                  # truncated
        "",                                                       # blank lines are ignored
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "4", "body": AR}, ensure_ascii=False),
        json.dumps({"id": "5", "text": 42}),
        json.dumps({"id": "6", "text": "   "}),
        json.dumps({"text": AR, "date": "yesterday"}, ensure_ascii=False),
        json.dumps({"id": "8", "text": AR, "date": "2023-05-01T08:30:00Z"}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    items = list(read_jsonl(p))
    got = [(i.source.rsplit(":", 1)[1], type(i).__name__, getattr(i, "reason", None)) for i in items]
    assert got == [
        ("1", "InputDoc", None),
        ("2", "InputError", "invalid JSON: Expecting value (column 21)"),
        ("4", "InputError", "expected a JSON object, got list"),
        ("5", "InputError", 'field "text" is missing'),
        ("6", "InputError", 'field "text" is not a string (int)'),
        ("7", "InputError", 'empty "text"'),
        ("8", "InputDoc", None),
        ("9", "InputDoc", None),
    ]
    assert items[0].date == dt.date(2023, 5, 1)
    assert items[6].id == "news-8" and items[6].date is None
    assert items[6].notes == ("date ignored: not a YYYY-MM-DD date: 'yesterday'",)
    assert items[7].date == dt.date(2023, 5, 1)


def test_jsonl_gz_and_custom_columns(tmp_path):
    p = tmp_path / "arch.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        for i in range(3):
            fh.write(json.dumps({"guid": f"x{i}", "body": AR, "published": "2020-01-0%d" % (i + 1)},
                                ensure_ascii=False) + "\n")
    items = list(read_jsonl(p, opts=ReadOptions(text_column="body", id_column="guid", date_column="published")))
    assert [(i.id, i.date.day) for i in items] == [("x0", 1), ("x1", 2), ("x2", 3)]


def test_truncated_gzip_is_reported(tmp_path):
    p = tmp_path / "cut.jsonl.gz"
    data = gzip.compress(("\n".join(json.dumps({"id": str(i), "text": AR}, ensure_ascii=False)
                                    for i in range(200)) + "\n").encode())
    p.write_bytes(data[: len(data) // 2])
    items = list(read_jsonl(p))
    assert isinstance(items[-1], InputError)
    assert items[-1].reason.startswith("cannot read the rest of the file: ")
    assert all(isinstance(i, InputDoc) for i in items[:-1])


@pytest.mark.parametrize("name, reader", [("bad.jsonl.gz", read_jsonl), ("bad.csv.gz", read_csv)])
def test_file_that_is_not_gzip_is_one_error(tmp_path, name, reader):
    # a .gz name over bytes that are not gzip: one error for the file, no traceback (CSV too)
    p = tmp_path / name
    p.write_bytes(b"this is not gzip data at all")
    items = list(reader(p))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert items[0].source == str(p) and items[0].reason.startswith("cannot read file: ")


# --- CSV and Parquet --------------------------------------------------------------------

def test_csv_rows_with_quotes_newlines_and_locations(tmp_path):
    p = tmp_path / "feed.csv"
    p.write_text('id,text,date\n'
                 f'a,"{AR}",2022-02-02\n'
                 f'b,"سطر أول\nسطر ثان",\n'
                 'c,,2022-02-03\n', encoding="utf-8")
    items = list(read_csv(p))
    assert [(type(i).__name__, i.source) for i in items] == [  # a row's first physical line
        ("InputDoc", f"{p}:2"), ("InputDoc", f"{p}:3"), ("InputError", f"{p}:5")]
    assert items[0].date == dt.date(2022, 2, 2)
    assert items[1].text == "سطر أول\nسطر ثان"
    assert items[2].reason == 'empty "text"'


def test_csv_without_text_column_is_a_usage_error(tmp_path):
    p = tmp_path / "feed.csv"
    p.write_text("id,body\n1,x\n")
    with pytest.raises(UsageError) as err:
        check_inputs([str(p)])
    assert str(err.value) == f"{p}: no column 'text' (columns: id, body); choose one with --text-column"
    check_inputs([str(p)], ReadOptions(text_column="body"))  # accepted


def test_parquet_rows(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    p = tmp_path / "t.parquet"
    pq.write_table(pa.table({"id": ["p1", "p2", "p3"], "text": [AR, None, AR],
                             "date": [dt.date(2021, 1, 1), None, None]}), p)
    items = list(read_parquet(p, batch_size=2))
    assert [(type(i).__name__, i.source.rsplit(":", 1)[1]) for i in items] == [
        ("InputDoc", "row 1"), ("InputError", "row 2"), ("InputDoc", "row 3")]
    assert items[0].date == dt.date(2021, 1, 1)
    with pytest.raises(UsageError, match="no column 'body'"):
        check_inputs([str(p)], ReadOptions(text_column="body"))


# --- odd files --------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b" \n\t\n", "empty file"),
    ("bom_only.txt", codecs.BOM_UTF8, "empty file"),
    ("image.txt", PNG, "binary file, not text"),
    ("zeros.txt", b"\x00" * 5000, "binary file, not text"),
    ("controls.txt", bytes(range(1, 9)) * 200, "binary file, not text"),
])
def test_odd_files_are_reported(tmp_path, name, data, reason):
    p = tmp_path / name
    p.write_bytes(data)
    item = read_txt(p)
    assert isinstance(item, InputError)
    assert (item.source, item.reason) == (str(p), reason)


@pytest.mark.parametrize("text", [
    "Breaking news without any Arabic letter at all.",
    f"Reuters — {AR} (AP) 2024",
    AR.replace(" ", "\x00 ", 2),            # a few stray NUL bytes: still text
    "\u202b" + AR + "\u202c",               # bidi embedding controls
    "\ufef3\ufeee\ufee3 \ufe8d\ufedf\ufea8\ufee4\ufef4\ufeb2",  # presentation forms
])
def test_odd_but_textual_content_is_read(tmp_path, text):
    p = tmp_path / "odd.txt"
    p.write_text(text, encoding="utf-8")
    item = read_txt(p)
    assert isinstance(item, InputDoc) and item.text == text


@pytest.mark.parametrize("sample, expected", [
    (AR.encode("utf-8"), False),
    (AR.encode("utf-16"), False),
    (b"plain ascii text\n" * 10, False),
    (b"%PDF-1.7 ...", True),
    (b"PK\x03\x04rest", True),
])
def test_looks_binary(sample, expected):
    assert looks_binary(sample) is expected


def test_too_long_documents_are_skipped_with_the_limit_named(tmp_path):
    p = tmp_path / "long.txt"
    p.write_text("ا" * 120, encoding="utf-8")
    item = read_txt(p, opts=ReadOptions(max_chars=100))
    assert isinstance(item, InputError)
    assert item.reason == "document too long: 120 characters, over the --max-chars limit of 100"
    big = tmp_path / "huge.txt"
    big.write_bytes(b"a" * 1000)  # over 4 bytes per allowed character: not even read
    assert read_txt(big, opts=ReadOptions(max_chars=100)).reason == (
        "document too long: 1,000 bytes, over the --max-chars limit of 100")
    jl = tmp_path / "l.jsonl"
    jl.write_text(json.dumps({"id": "x", "text": "ب" * 150}) + "\n" + json.dumps({"id": "y", "text": "ب"}) + "\n")
    items = list(read_jsonl(jl, opts=ReadOptions(max_chars=100)))
    assert items[0].reason == "document too long: 150 characters, over the --max-chars limit of 100"
    assert isinstance(items[1], InputDoc)


# --- directories, ids, options ----------------------------------------------------------

def test_directory_is_read_in_sorted_order_with_path_ids(tmp_path):
    for rel in ["b/2.txt", "a.txt", "b/1.txt", "c/skip.md"]:
        f = tmp_path / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(AR, encoding="utf-8")
    assert [i.id for i in _items(tmp_path)] == ["a", "b__1", "b__2"]


def test_duplicate_ids_are_kept_under_distinct_ids_and_noted():
    docs = [InputDoc("x", AR, None, f"f:{n}") for n in range(3)] + [InputDoc("x~2", AR, None, "f:4")]
    out = list(dedupe_ids(docs))
    assert [d.id for d in out] == ["x", "x~2", "x~3", "x~2~2"]
    assert out[1].notes == ("duplicate id 'x' renamed to 'x~2'",)
    assert out[0].notes == ()


@pytest.mark.parametrize("inputs, message", [
    (["/no/such/file.txt"], "input not found: /no/such/file.txt"),
    (["-", "-"], "standard input (-) can be named only once"),
])
def test_check_inputs_usage_errors(inputs, message):
    with pytest.raises(UsageError) as err:
        check_inputs(inputs)
    assert str(err.value) == message


@pytest.mark.parametrize("value, expected", [
    ("2024-03-04", dt.date(2024, 3, 4)),
    (" 2024-03-04 ", dt.date(2024, 3, 4)),
    ("2024-03-04T10:00:00+03:00", dt.date(2024, 3, 4)),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["04/03/2024", "2024-13-01", "", "أمس"])
def test_parse_date_rejects(value):
    with pytest.raises(ValueError, match="not a YYYY-MM-DD date"):
        parse_date(value)


# --- .json files: an array of articles, or {"documents": [...]} --------------------------

AR2 = "افتتح المعرض الدولي للكتاب أبوابه أمام الزوار بمشاركة مئات الناشرين."
AR3 = "أعلنت الحكومة يوم الثلاثاء عن خطة جديدة لدعم المزارعين في الجنوب."


def _articles(n=3):
    return [{"id": f"a{i}", "text": (AR, AR2, AR3)[i % 3], "date": f"2024-03-0{i + 1}"} for i in range(n)]


@pytest.mark.parametrize("name, payload", [
    ("array.json", _articles()),
    ("object.json", {"source": "feed", "documents": _articles()}),
    ("object_docs_last.json", {"meta": {"count": 3, "list": [1, [2]]}, "documents": _articles()}),
])
def test_json_array_or_documents_object_gives_one_document_per_article(tmp_path, name, payload):
    p = tmp_path / name
    p.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    docs = _items(p)
    assert [(d.id, d.text, d.date) for d in docs] == [(a["id"], a["text"], dt.date.fromisoformat(a["date"]))
                                                      for a in _articles()]
    assert [d.source for d in docs] == [f"{p}:item {i}" for i in (1, 2, 3)]


def test_json_gz_and_a_single_article_object(tmp_path):
    gz = tmp_path / "feed.json.gz"
    gz.write_bytes(gzip.compress(json.dumps(_articles(2), ensure_ascii=False).encode("utf-8")))
    assert [d.id for d in _items(gz)] == ["a0", "a1"]
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "solo", "text": AR}, ensure_ascii=False), encoding="utf-8")
    (d,) = _items(one)
    assert (d.id, d.text) == ("solo", AR)


def test_json_bad_records_cost_themselves_only(tmp_path):
    p = tmp_path / "mixed.json"
    p.write_text("[" + ", ".join([
        json.dumps({"id": "ok1", "text": AR}, ensure_ascii=False),
        '{"id": "no-text"}',
        '{not json}',
        '"a string"',
        json.dumps({"id": "ok2", "text": AR2}, ensure_ascii=False),
    ]) + "]", encoding="utf-8")
    got = [(type(i).__name__, i.source.rsplit(":", 1)[1], getattr(i, "reason", i.id)) for i in _items(p)]
    assert got == [("InputDoc", "item 1", "ok1"),
                   ("InputError", "item 2", 'field "text" is missing'),
                   ("InputError", "item 3", "invalid JSON: Expecting property name enclosed in double quotes"),
                   ("InputError", "item 4", "expected a JSON object, got str"),
                   ("InputDoc", "item 5", "ok2")]


@pytest.mark.parametrize("content, reason", [
    ('{"a": 1}', 'field "text" is missing'),                    # one object without text
    ("[1, 2", "expected a JSON object, got int"),                 # then the cut end is reported
    ("", "empty file"),
    ("42", 'not a JSON array of records or an object with a "documents" list'),
])
def test_json_that_is_not_articles_is_reported(tmp_path, content, reason):
    p = tmp_path / "odd.json"
    p.write_text(content, encoding="utf-8")
    items = _items(p)
    assert isinstance(items[0], InputError) and items[0].reason == reason
    assert not any(isinstance(i, InputDoc) for i in items)


def test_json_invalid_bytes_cost_their_record(tmp_path):
    p = tmp_path / "bytes.json"
    good = json.dumps({"id": "g", "text": AR}, ensure_ascii=False).encode("utf-8")
    p.write_bytes(b"[" + good + b", " + good.replace(b'"g"', b'"bad\xff"') + b", " + good.replace(b'"g"', b'"h"') + b"]")
    got = [(type(i).__name__, getattr(i, "id", None) or i.reason.split(" (")[0]) for i in _items(p)]
    assert got == [("InputDoc", "g"), ("InputError", "invalid UTF-8 in this record"), ("InputDoc", "h")]


def test_json_huge_record_is_skipped_while_read_in_bounded_memory(tmp_path):
    import tracemalloc

    p = tmp_path / "huge.json"
    with open(p, "w", encoding="utf-8") as fh:
        fh.write('[{"id": "a", "text": "%s"}, {"id": "big", "text": "' % AR)
        for _ in range(200):
            fh.write("كلمة " * 10_000)  # 20 MB of text in one record
        fh.write('"}, {"id": "c", "text": "%s"}]' % AR2)
    tracemalloc.start()
    try:
        items = _items(p, max_chars=1000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [type(i).__name__ for i in items] == ["InputDoc", "InputError", "InputDoc"]
    assert items[1].reason.startswith("record too long: ")
    assert peak < 3_000_000, f"peak {peak:,} bytes for a 20 MB record"


# --- inputs that cannot be read: a usage error before anything is written ----------------

@pytest.mark.parametrize("name, message", [
    ("pyproject.toml", "unknown kind of input: {p}; the inputs read are .txt files, folders of .txt files, "
                       ".json, .jsonl and .csv files (also .gz), .parquet files, or - for standard input"),
    ("article.txt.gz", "unknown kind of input: {p} (for a compressed text: zcat FILE | arabic-news-extract run -); "
                       "the inputs read are"),
    ("report.pdf", "unknown kind of input: {p};"),
])
def test_unknown_file_kind_is_a_usage_error(tmp_path, name, message):
    p = tmp_path / name
    p.write_bytes(b"[project]\n")
    with pytest.raises(UsageError) as exc:
        check_inputs([str(p)])
    assert str(exc.value).startswith(message.format(p=p))


@pytest.mark.parametrize("name", ["article.txt", "article.TXT", "article.text", "ARTICLE"])
def test_text_files_by_suffix_or_without_one_are_read(tmp_path, name):
    p = tmp_path / name
    p.write_text(AR, encoding="utf-8")
    check_inputs([str(p)])
    (d,) = _items(p)
    assert d.text == AR


@pytest.mark.parametrize("layout", [[], ["notes.md", "data.jsonl"], ["sub/deeper/"]])
def test_directory_without_txt_files_is_a_usage_error(tmp_path, layout):
    d = tmp_path / "corpus"
    d.mkdir()
    for name in layout:
        (d / name).parent.mkdir(parents=True, exist_ok=True)
        if not name.endswith("/"):
            (d / name).write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match=rf"^no \.txt file in directory {d} \(a directory is read for the \.txt"):
        check_inputs([str(d)])


def test_directory_with_a_txt_file_deep_down_is_accepted(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text(AR, encoding="utf-8")
    check_inputs([str(tmp_path / "a")])
    assert [d.id for d in _items(tmp_path / "a")] == ["b__x"]


def test_json_skipped_record_respects_quotes_and_escapes(tmp_path):
    """A record skipped for its length may hold escaped quotes, backslashes and brackets in
    its strings: the next record is still found."""
    tricky = '\\" ] } , [ { \\\\' * 8000  # JSON text: escaped quote, brackets, comma, an escaped backslash
    p = tmp_path / "escapes.json"
    p.write_text('[{"id": "big", "text": "%s"}, {"id": "after", "text": "نص قصير"}]' % tricky, encoding="utf-8")
    items = _items(p, max_chars=10)
    assert [type(i).__name__ for i in items] == ["InputError", "InputDoc"] and items[1].id == "after"
    assert items[0].reason.startswith("record too long: ")
