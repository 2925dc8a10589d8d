"""Hostile inputs for the readers (issue 15): each case costs at most its own record, and
every record is accounted for (a document, or an error with its location).

The table gives, for each case, the inputs it builds in ``tmp_path`` and what the readers
must yield: ``("doc", SOURCE, ID)`` or ``("err", SOURCE, REASON_PREFIX)``, with sources
relative to ``tmp_path``. Big inputs are generated here, never committed; reads that
could block (a FIFO) run under a watchdog.
"""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import json
import os
import subprocess
import sys
import threading
import tracemalloc
from pathlib import Path

import pytest

from pipeline.io import InputDoc, InputError, ReadOptions, UsageError, check_inputs, iter_inputs
from tests.test_robust import watchdog

AR = "وصل وزير الخارجية إلى عمّان صباح الأحد في زيارة رسمية تستمر يومين."
AR2 = "افتتح المعرض الدولي للكتاب أبوابه أمام الزوار بمشاركة مئات الناشرين."
DEFAULT = Path("/nonexistent/sample.txt")


def _line(doc_id: str, text: str = AR, **extra) -> str:
    return json.dumps({"id": doc_id, "text": text, **extra}, ensure_ascii=False)


# --- builders: each writes its input under tmp and returns (inputs, ReadOptions kwargs) ----------

def jsonl_huge_integer(tmp):
    p = tmp / "ints.jsonl"
    p.write_text("\n".join([_line("a"), '{"id": "b", "n": ' + "7" * 4400 + ', "text": "x"}', _line("c")]) + "\n",
                 encoding="utf-8")
    return [p], {}


def jsonl_cr_only(tmp):
    p = tmp / "mac.jsonl"
    p.write_bytes("\r".join([_line("a"), _line("b"), _line("c")]).encode("utf-8") + b"\r")
    return [p], {}


def jsonl_mixed_line_ends(tmp):
    p = tmp / "mixed.jsonl"
    p.write_bytes((_line("a") + "\r\n" + _line("b") + "\r" + _line("c") + "\n" + _line("d")).encode("utf-8"))
    return [p], {}


def jsonl_utf16_bad_code_unit(tmp):
    p = tmp / "u16.jsonl"
    good = lambda i: (_line(i) + "\n").encode("utf-16-le")  # noqa: E731
    bad = '{"id": "b", "text": "'.encode("utf-16-le") + b"\x00\xd8" + '"}\n'.encode("utf-16-le")  # lone surrogate
    p.write_bytes(codecs.BOM_UTF16_LE + good("a") + bad + good("c"))
    return [p], {}


def jsonl_gz_huge_line(tmp):
    p = tmp / "big.jsonl.gz"
    with gzip.open(p, "wb", compresslevel=1) as fh:
        fh.write((_line("a") + "\n").encode("utf-8"))
        fh.write(b'{"id": "huge", "text": "' + b"a" * 20_000_000 + b'"}\n')
        fh.write((_line("c") + "\n").encode("utf-8"))
    return [p], {"max_chars": 1000}


def dir_with_fifo(tmp):
    d = tmp / "corpus"
    d.mkdir()
    (d / "a.txt").write_text(AR, encoding="utf-8")
    os.mkfifo(d / "b_pipe.txt")
    (d / "c.txt").write_text(AR2, encoding="utf-8")
    (d / "d_dangling.txt").symlink_to(tmp / "nowhere.txt")
    return [d], {}


def csv_unterminated_quote(tmp):
    p = tmp / "feed.csv"
    p.write_text('id,text\n'
                 f'a,"{AR}"\n'
                 f'b,"{AR2}\n'              # the closing quote is missing
                 f'c,{AR}\n'
                 f'd,{AR2}\n', encoding="utf-8")
    return [p], {}


def csv_runaway_quote_in_a_big_file(tmp):
    p = tmp / "runaway.csv"
    rows = [f"r{i},{AR}" for i in range(400)]
    rows.insert(3, 'bad,"' + AR)             # an opening quote never closed: would swallow every row after it
    p.write_text("id,text\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return [p], {"max_chars": 2000}


def csv_too_many_fields(tmp):
    p = tmp / "shifted.csv"
    p.write_text("id,text,date\n"
                 f"a,{AR},2024-01-02\n"
                 f"b,{AR}, وأضاف,2024-01-03\n"      # an unquoted comma shifts the date
                 f"c,{AR},2024-01-04,\n", encoding="utf-8")  # a trailing empty field is harmless
    return [p], {}


def csv_invalid_utf8_row(tmp):
    p = tmp / "bytes.csv"
    p.write_bytes(f"id,text\na,{AR}\n".encode("utf-8") + "b,تونس\n".encode("cp1256")
                  + f"c,{AR2}\n".encode("utf-8"))
    return [p], {}


def txt_utf16le_without_bom(tmp):
    p = tmp / "le.txt"
    p.write_bytes(AR.encode("utf-16-le"))
    return [p], {"encoding": "utf-16-le"}


def txt_utf8_bom_beats_cp1256(tmp):
    p = tmp / "bom.txt"
    p.write_bytes(codecs.BOM_UTF8 + AR.encode("utf-8"))
    return [p], {"encoding": "cp1256"}


def jsonl_utf16_bom_beats_cp1256(tmp):
    p = tmp / "bom16.jsonl"
    p.write_bytes(("\n".join([_line("a"), _line("b")]) + "\n").encode("utf-16"))
    return [p], {"encoding": "cp1256"}


def parquet_out_of_range_date(tmp):
    import pyarrow as pa
    import pyarrow.parquet as pq

    n = 600
    days = [19_000 + i for i in range(n)]
    days[344] = 3_000_000  # year 10183: no datetime.date can hold it
    p = tmp / "dates.parquet"
    pq.write_table(pa.table({"id": [f"p{i}" for i in range(n)], "text": [AR] * n,
                             "date": pa.array(days, type=pa.date32())}), p, row_group_size=256)
    return [p], {}


def nonutf8_file_name(tmp):
    d = tmp / "names"
    d.mkdir()
    name = "تقرير".encode("cp1256") + b".txt"
    with open(os.path.join(os.fsencode(d), name), "wb") as fh:
        fh.write(AR.encode("utf-8"))
    return [d], {}


P_NONUTF8 = "names/" + os.fsdecode("تقرير".encode("cp1256") + b".txt")

CASES = {
    # 1. a JSON integer over Python's 4,300-digit limit costs its line only
    "jsonl-huge-integer": (jsonl_huge_integer, [
        ("doc", "ints.jsonl:1", "a"), ("err", "ints.jsonl:2", "invalid JSON: Exceeds the limit (4300 digits)"),
        ("doc", "ints.jsonl:3", "c")]),
    # 12. CR-only and mixed line ends
    "jsonl-cr-only": (jsonl_cr_only, [
        ("doc", "mac.jsonl:1", "a"), ("doc", "mac.jsonl:2", "b"), ("doc", "mac.jsonl:3", "c")]),
    "jsonl-mixed-line-ends": (jsonl_mixed_line_ends, [
        ("doc", "mixed.jsonl:1", "a"), ("doc", "mixed.jsonl:2", "b"), ("doc", "mixed.jsonl:3", "c"),
        ("doc", "mixed.jsonl:4", "d")]),
    # 10. one bad UTF-16 code unit costs its line, not the file
    "jsonl-utf16-bad-code-unit": (jsonl_utf16_bad_code_unit, [
        ("doc", "u16.jsonl:1", "a"), ("err", "u16.jsonl:2", "invalid UTF-16 in this line"),
        ("doc", "u16.jsonl:3", "c")]),
    # 5. a 20 MB line in a small .gz is rejected while it is read (memory checked below)
    "jsonl-gz-huge-line": (jsonl_gz_huge_line, [
        ("doc", "big.jsonl.gz:1", "a"), ("err", "big.jsonl.gz:2", "document too long: 20,000,027 bytes"),
        ("doc", "big.jsonl.gz:3", "c")]),
    # 4. a FIFO (would block forever) and a dangling link in a directory are skipped and reported
    "dir-with-fifo": (dir_with_fifo, [
        ("doc", "corpus/a.txt", "a"), ("err", "corpus/b_pipe.txt", "not a regular file (FIFO)"),
        ("doc", "corpus/c.txt", "c"), ("err", "corpus/d_dangling.txt", "broken symbolic link")]),
    # 11. an unterminated quote is reported; the rows after it are read again
    "csv-unterminated-quote": (csv_unterminated_quote, [
        ("doc", "feed.csv:2", "a"), ("err", "feed.csv:3", "invalid CSV: a quoted field is not closed"),
        ("doc", "feed.csv:4", "c"), ("doc", "feed.csv:5", "d")]),
    "csv-runaway-quote": (csv_runaway_quote_in_a_big_file, [
        ("doc", f"runaway.csv:{i + 2}", f"r{i}") for i in range(3)] + [
        ("err", "runaway.csv:5", "invalid CSV: a quoted field is not closed")] + [
        ("doc", f"runaway.csv:{i + 3}", f"r{i}") for i in range(3, 400)]),
    "csv-too-many-fields": (csv_too_many_fields, [
        ("doc", "shifted.csv:2", "a"), ("err", "shifted.csv:3", "invalid CSV: 4 fields, the header has 3"),
        ("doc", "shifted.csv:4", "c")]),
    # 10. (CSV) invalid bytes cost their row, not the rest of the file
    "csv-invalid-utf8-row": (csv_invalid_utf8_row, [
        ("doc", "bytes.csv:2", "a"), ("err", "bytes.csv:3", "invalid UTF-8 in this row"), ("doc", "bytes.csv:4", "c")]),
    # 13. an explicit UTF-16 encoding is not mistaken for binary data
    "txt-utf16le-without-bom": (txt_utf16le_without_bom, [("doc", "le.txt", "le")]),
    # 14. a byte order mark wins over --encoding (with a warning, checked below)
    "txt-utf8-bom-beats-cp1256": (txt_utf8_bom_beats_cp1256, [("doc", "bom.txt", "bom")]),
    "jsonl-utf16-bom-beats-cp1256": (jsonl_utf16_bom_beats_cp1256, [
        ("doc", "bom16.jsonl:1", "a"), ("doc", "bom16.jsonl:2", "b")]),
    # 9. one date no datetime can hold: a note on its row, every row read
    "parquet-out-of-range-date": (parquet_out_of_range_date, [
        ("doc", f"dates.parquet:row {i + 1}", f"p{i}") for i in range(600)]),
    # 3. a file name that is not UTF-8 gives an id every output format can hold
    "non-utf8-file-name": (nonutf8_file_name, [("doc", P_NONUTF8, "\\xca\\xde\\xd1\\xed\\xd1")]),
}


def _summary(items, tmp: Path) -> list[tuple[str, str, str]]:
    out = []
    for it in items:
        src = it.source.replace(str(tmp) + "/", "")
        if isinstance(it, InputDoc):
            out.append(("doc", src, it.id))
        else:
            out.append(("err", src, it.reason))
    return out


def _read(build, tmp):
    inputs, opts = build(tmp)
    with watchdog(20):
        return list(iter_inputs([str(i) for i in inputs], DEFAULT, ReadOptions(**opts)))


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_input_costs_only_its_own_record(tmp_path, case):
    build, expected = CASES[case]
    got = _summary(_read(build, tmp_path), tmp_path)
    assert len(got) == len(expected), got
    for (kind, src, detail), exp in zip(got, expected):
        assert (kind, src) == exp[:2], (got, exp)
        assert detail == exp[2] if kind == "doc" else detail.startswith(exp[2]), (detail, exp)


def test_hostile_decoded_texts_and_notes(tmp_path):
    """What the table cannot show: the decoded texts and the warnings."""
    (le,) = _read(txt_utf16le_without_bom, tmp_path)
    assert le.text == AR
    (bom,) = _read(txt_utf8_bom_beats_cp1256, tmp_path)
    assert bom.text == AR
    assert bom.notes == ("the file starts with a UTF-8 byte order mark: read as UTF-8, not as --encoding cp1256",)
    a, b = _read(jsonl_utf16_bom_beats_cp1256, tmp_path)
    assert a.text == b.text == AR
    assert a.notes == ("the file starts with a UTF-16 byte order mark: read as UTF-16, not as --encoding cp1256",)
    assert b.notes == ()  # the file's warning is given once
    rows = _read(parquet_out_of_range_date, tmp_path)
    assert rows[343].date == dt.date(1970, 1, 1) + dt.timedelta(days=19_343)
    assert rows[344].date is None and rows[344].notes[0].startswith("date ignored: ")
    assert rows[345].date is not None
    (odd,) = _read(nonutf8_file_name, tmp_path)
    assert odd.notes == ("the file name is not valid UTF-8: bytes that are not are written \\xNN in the id",)


def test_hostile_huge_gzip_line_is_rejected_while_read(tmp_path):
    inputs, opts = jsonl_gz_huge_line(tmp_path)
    tracemalloc.start()
    try:
        items = list(iter_inputs([str(inputs[0])], DEFAULT, ReadOptions(**opts)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [type(i).__name__ for i in items] == ["InputDoc", "InputError", "InputDoc"]
    assert peak < 2_000_000, f"peak {peak:,} bytes for a 20 MB line"


def test_hostile_huge_stdin_is_rejected_while_read(monkeypatch):
    import io
    import types

    data = io.BytesIO(b"a" * 20_000_000)
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=data))
    tracemalloc.start()
    try:
        (item,) = list(iter_inputs(["-"], DEFAULT, ReadOptions(max_chars=1000)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(item, InputError)
    assert item.reason == "document too long: more than 4,004 bytes, over the --max-chars limit of 1,000"
    assert peak < 2_000_000, f"peak {peak:,} bytes for 20 MB on stdin"


def test_hostile_fifo_named_as_input_is_read_with_a_bound(tmp_path):
    """A FIFO named on the command line (``<(zcat ...)``) is read, but never more than the
    limit: the writer is cut off after a few pipe buffers, not after 50 MB."""
    fifo = tmp_path / "stream.txt"
    os.mkfifo(fifo)
    written = [0]

    def writer():
        try:
            with open(fifo, "wb") as fh:
                for _ in range(800):
                    fh.write(b"a" * 65536)
                    written[0] += 65536
        except BrokenPipeError:
            pass

    t = threading.Thread(target=writer, daemon=True)
    t.start()
    with watchdog(20):
        (item,) = list(iter_inputs([str(fifo)], DEFAULT, ReadOptions(max_chars=1000)))
    t.join(20)
    assert isinstance(item, InputError) and item.reason.startswith("document too long: more than 4,004 bytes")
    assert written[0] < 2_000_000


def test_hostile_dev_zero_is_read_with_a_bound():
    """``/dev/zero`` never ends: read in a child process under a 1 GB address-space limit, so a
    reader without a bound fails fast instead of exhausting the machine."""
    code = ("import resource; resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30));"
            "from pathlib import Path; from pipeline.io import read_txt, ReadOptions;"
            "print(read_txt(Path('/dev/zero'), opts=ReadOptions(max_chars=1000)).reason)")
    with watchdog(60):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             cwd=Path(__file__).resolve().parent.parent)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "document too long: more than 4,004 bytes, over the --max-chars limit of 1,000"


def test_hostile_unreadable_subdirectory_is_reported(tmp_path, monkeypatch):
    """Root reads every folder, so the permission error is injected where the walk lists one."""
    d = tmp_path / "corpus"
    (d / "locked").mkdir(parents=True)
    (d / "locked" / "x.txt").write_text(AR, encoding="utf-8")
    (d / "open").mkdir()
    (d / "open" / "y.txt").write_text(AR, encoding="utf-8")
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    got = _summary(iter_inputs([str(d)], DEFAULT), tmp_path)
    assert got == [("err", "corpus/locked", "cannot read directory: Permission denied"),
                   ("doc", "corpus/open/y.txt", "open__y")]


@pytest.mark.parametrize("name", ["base64", "rot13", "hex", "zlib", "bz2", "uu", "quopri"])
def test_hostile_codec_that_is_not_a_text_encoding_is_a_usage_error(name):
    with pytest.raises(UsageError) as err:
        check_inputs([], ReadOptions(encoding=name))
    assert str(err.value) == (f"--encoding {name}: not a text encoding (e.g. utf-8, utf-16, cp1256, iso-8859-6)")


@pytest.mark.parametrize("name", ["utf-8", "UTF-16-LE", "cp1256", "iso-8859-6", "latin-1"])
def test_hostile_text_encodings_are_accepted(name):
    check_inputs([], ReadOptions(encoding=name))


def test_hostile_closed_stdin_is_a_usage_error(monkeypatch):
    monkeypatch.setattr(sys, "stdin", None)  # what Python sets when fd 0 is closed (run - <&-)
    with pytest.raises(UsageError) as err:
        check_inputs(["-"])
    assert str(err.value) == "standard input (-) is closed"


def test_hostile_csv_reading_is_linear(tmp_path):
    """A 2-million-character quoted field mixing newlines, quotes and delimiters: read under a
    watchdog (seconds at most when linear; the figures are in bench_adversarial.py)."""
    unit = 'ب "" ،\n,\r\nx'
    field = unit * (2_000_000 // len(unit))
    p = tmp_path / "wide.csv"
    p.write_text('id,text\nw,"' + field + '"\nz,' + AR + "\n", encoding="utf-8")
    with watchdog(30):
        items = list(iter_inputs([str(p)], DEFAULT, ReadOptions(max_chars=3_000_000)))
    assert [(type(i).__name__, i.source.rsplit(":", 1)[1]) for i in items] == [
        ("InputDoc", "2"), ("InputDoc", str(3 + field.count("\n") + field.count("\r") - field.count("\r\n")))]
    assert items[0].text == field.replace('""', '"')


@pytest.mark.parametrize("first_line, ok", [
    ("text,id\n", True),                      # an ordinary header
    ("x" * 200_000, False),                   # one huge line with no break: refused, not read whole
    ('"a\nb",text\n' + "x" * 200_000, True),  # a quoted line break in the header is still a header
])
def test_csv_header_check_reads_one_record_at_most(tmp_path, first_line, ok):
    path = tmp_path / "in.csv"
    path.write_text(first_line, encoding="utf-8")
    opts = ReadOptions(max_chars=1000)
    if ok:
        check_inputs([str(path)], opts)
    else:
        with pytest.raises(UsageError, match="no line break in its first"):
            check_inputs([str(path)], opts)
