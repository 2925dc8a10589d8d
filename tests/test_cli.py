"""The command line: exit statuses, exact messages, run_report.json, every document accounted for."""

from __future__ import annotations

import codecs
import io
from collections import Counter
import json
import sys
import types

import pytest

from pipeline.cli import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, main

AR1 = "أعلنت الحكومة يوم الثلاثاء عن خطة جديدة لدعم المزارعين في الجنوب."
AR2 = "افتتح المعرض الدولي للكتاب أبوابه أمام الزوار بمشاركة مئات الناشرين."


def _report(out):
    return json.loads((out / "run_report.json").read_text(encoding="utf-8"))


def test_bundled_sample_by_default(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["run", "-o", str(out), "-j", "1"]) == EXIT_OK
    summary = capsys.readouterr().out.strip().splitlines()
    assert len(summary) == 1
    assert summary[0].startswith("1 documents read: 1 processed, 0 skipped, 0 failed; ")
    assert sorted(p.name for p in out.iterdir()) == ["documents.csv", "documents.jsonl", "entities.csv",
                                                     "entities.json", "entity_index.csv", "run_report.json"]
    rep = _report(out)
    assert rep["documents"] == {"read": 1, "processed": 1, "skipped": 0, "failed": 0}
    assert rep["exit_status"] == 0 and rep["complete"] is True and rep["problems"] == []
    assert set(rep["entities"]) == {"person", "place", "organization", "date", "keyphrase"}  # no "topic" type


@pytest.mark.parametrize("argv, message", [
    (["run", "/no/such.txt"], "arabic-news-extract: error: input not found: /no/such.txt"),
    (["run", "--reference-date", "04/03/2024"],
     "arabic-news-extract: error: --reference-date: not a YYYY-MM-DD date: '04/03/2024'"),
    (["run", "--encoding", "klingon"],
     "arabic-news-extract: error: unknown encoding: 'klingon' (e.g. utf-8, utf-16, cp1256, iso-8859-6)"),
    (["run", "--scheduler", "tcp://127.0.0.1:8786"],
     "arabic-news-extract: error: --scheduler needs --engine dask"),
    (["run", "--jobs", "0"], "arabic-news-extract: error: argument -j/--jobs: must be at least 1: '0'"),
    (["run", "--format", "xml"],
     "arabic-news-extract: error: argument --format: unknown format xml (choose from csv, json, jsonl, parquet)"),
    (["run", "--engine", "spark"],
     "arabic-news-extract: error: argument --engine: invalid choice: 'spark' "
     "(choose from 'auto', 'serial', 'process', 'dask')"),
])
def test_usage_errors_exit_2_with_one_clear_line_and_write_nothing(tmp_path, capsys, argv, message):
    out = tmp_path / "out"
    assert main(argv + ["-o", str(out)]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert message in err.splitlines()
    assert "Traceback" not in err
    assert not out.exists()


def test_output_path_that_is_a_file_is_a_usage_error(tmp_path, capsys):
    f = tmp_path / "file"
    f.write_text("x")
    assert main(["run", "-o", str(f)]) == EXIT_USAGE
    assert capsys.readouterr().err.strip() == f"arabic-news-extract: error: output path exists and is not a directory: {f}"


def test_mixed_directory_every_good_document_processed_every_bad_one_reported(tmp_path, capsys):
    d = tmp_path / "corpus"
    (d / "sub").mkdir(parents=True)
    (d / "good1.txt").write_text(AR1, encoding="utf-8")
    (d / "sub" / "good2.txt").write_bytes(codecs.BOM_UTF8 + AR2.encode("utf-8"))
    (d / "good3_utf16.txt").write_bytes(AR1.encode("utf-16"))
    (d / "latin.txt").write_text("No Arabic here, only English words.", encoding="utf-8")
    (d / "nul.txt").write_text(AR2.replace(" ", " \x00", 1), encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (d / "cp1256.txt").write_bytes(AR1.encode("cp1256"))
    with open(d / "huge.txt", "wb") as fh:  # a 50 MB single line
        fh.write(("كلمة " * 6_000_000).encode("utf-8")[: 50 * 2**20])
    jl = tmp_path / "feed.jsonl"
    jl.write_text("\n".join([
        json.dumps({"id": "good1", "text": AR2}, ensure_ascii=False),  # same id as a file: renamed
        "{broken",
        json.dumps({"id": "n2", "text": AR1}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    status = main(["run", str(d), str(jl), "-o", str(out), "-j", "1", "--format", "csv,json,jsonl"])
    captured = capsys.readouterr()
    assert status == EXIT_SOME_FAILED
    rep = _report(out)
    assert rep["documents"] == {"read": 12, "processed": 7, "skipped": 5, "failed": 0}
    problems = {(p["source"], p["reason"]) for p in rep["problems"]}
    assert problems == {
        (str(d / "binary.txt"), "binary file, not text"),
        (str(d / "cp1256.txt"), "invalid UTF-8 at byte 0 (use --encoding cp1256 (or iso-8859-6) for legacy "
                                "Arabic text, or --errors replace)"),
        (str(d / "empty.txt"), "empty file"),
        (str(d / "huge.txt"), "document too long: 52,428,800 bytes, over the --max-chars limit of 500,000"),
        (f"{jl}:2", "invalid JSON: Expecting property name enclosed in double quotes (column 2)"),
    }
    assert rep["warnings"] == [{"source": f"{jl}:1", "id": "good1~2",
                                "message": "duplicate id 'good1' renamed to 'good1~2'"}]
    docs = [json.loads(l) for l in (out / "entities.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in docs] == ["good1", "good3_utf16", "latin", "nul", "sub__good2", "good1~2", "n2"]
    # each problem is also shown to the user, once, on stderr
    assert f"arabic-news-extract: skipped {jl}:2: invalid JSON: Expecting property name enclosed in double quotes " \
           f"(column 2)" in captured.err.splitlines()
    assert captured.out.startswith("12 documents read: 7 processed, 5 skipped, 0 failed, 1 warnings; ")


def test_encoding_option_reads_legacy_arabic(tmp_path):
    f = tmp_path / "old.txt"
    f.write_bytes(AR1.encode("cp1256"))
    out = tmp_path / "out"
    assert main(["run", str(f), "-o", str(out), "--encoding", "cp1256", "--quiet"]) == EXIT_OK
    assert _report(out)["documents"]["processed"] == 1


def test_stdin(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(AR1.encode("utf-8"))))
    out = tmp_path / "out"
    assert main(["run", "-", "-o", str(out), "--format", "jsonl", "--quiet"]) == EXIT_OK
    assert json.loads((out / "entities.jsonl").read_text(encoding="utf-8"))["id"] == "stdin"


def test_stdin_jsonl(tmp_path, monkeypatch):
    lines = (json.dumps({"id": "s1", "text": AR1}, ensure_ascii=False) + "\n{bad\n"
             + json.dumps({"text": AR2}, ensure_ascii=False) + "\n")
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(lines.encode("utf-8"))))
    out = tmp_path / "out"
    assert main(["run", "-", "--stdin-format", "jsonl", "-o", str(out), "--format", "jsonl", "--quiet"]) == 1
    ids = [json.loads(l)["id"] for l in (out / "entities.jsonl").read_text(encoding="utf-8").splitlines()]
    assert ids == ["s1", "stdin-3"]
    assert [p["source"] for p in _report(out)["problems"]] == ["<stdin>:2"]


def test_processing_failure_is_reported_and_the_run_continues(tmp_path, monkeypatch, capsys):
    import pipeline.runner as runner

    real = runner._pipeline

    class Exploding:
        def process(self, text, doc_id, *a):
            if doc_id == "bad":
                raise RuntimeError("boom")
            return real().process(text, doc_id, *a)

    monkeypatch.setattr(runner, "_pipeline", lambda: Exploding())
    jl = tmp_path / "in.jsonl"
    jl.write_text("\n".join(json.dumps({"id": i, "text": AR1}, ensure_ascii=False) for i in ("a", "bad", "c")) + "\n")
    out = tmp_path / "out"
    assert main(["run", str(jl), "-o", str(out), "-j", "1", "--quiet"]) == EXIT_SOME_FAILED
    rep = _report(out)
    assert rep["documents"] == {"read": 3, "processed": 2, "skipped": 0, "failed": 1}
    (p,) = rep["problems"]
    assert (p["status"], p["source"], p["id"]) == ("failed", f"{jl}:2", "bad")
    assert p["reason"].startswith("processing failed: RuntimeError: boom at test_cli.py:")
    assert "arabic-news-extract: failed" in capsys.readouterr().err


def test_html_report_gets_documents_with_text(tmp_path, monkeypatch):
    from pipeline import report

    seen = []
    real = report.HtmlReportWriter.write

    def write(self, doc):
        seen.append((doc["id"], doc["text"]))
        real(self, doc)

    monkeypatch.setattr(report.HtmlReportWriter, "write", write)
    f = tmp_path / "a.txt"
    f.write_text(AR1, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(f), "-o", str(out), "--html", "--quiet"]) == EXIT_OK
    assert seen == [("a", AR1)]
    assert "<html" in (out / "report.html").read_text(encoding="utf-8")
    assert "text" not in json.loads((out / "entities.json").read_text(encoding="utf-8"))["documents"][0]
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_reference_date_from_cli_and_from_input(tmp_path):
    jl = tmp_path / "in.jsonl"
    jl.write_text(json.dumps({"id": "x", "text": AR1, "date": "2020-02-02"}, ensure_ascii=False) + "\n"
                  + json.dumps({"id": "y", "text": AR2}, ensure_ascii=False) + "\n")
    out = tmp_path / "out"
    assert main(["run", str(jl), "-o", str(out), "--reference-date", "2021-01-01", "--format", "jsonl", "--quiet"]) == 0
    docs = [json.loads(l) for l in (out / "entities.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(d["reference_date"], d["reference_source"]) for d in docs] == [("2020-02-02", "input"),
                                                                            ("2021-01-01", "cli")]


def _three_docs(tmp_path):
    jl = tmp_path / "in.jsonl"
    jl.write_text("\n".join(json.dumps({"id": i, "text": AR1}, ensure_ascii=False) for i in ("a", "b", "c")) + "\n")
    return jl


def test_interrupted_run_leaves_previous_outputs_and_no_partial_file(tmp_path, monkeypatch, capsys):
    import pipeline.runner as runner

    out = tmp_path / "out"
    out.mkdir()
    (out / "entities.csv").write_text("previous complete run\n")
    real = runner.process_item

    def interrupt_on_b(item, *args):
        if getattr(item, "id", None) == "b":
            raise KeyboardInterrupt
        return real(item, *args)

    monkeypatch.setattr(runner, "process_item", interrupt_on_b)
    assert main(["run", str(_three_docs(tmp_path)), "-o", str(out), "-j", "1", "--quiet"]) == 130
    assert sorted(p.name for p in out.iterdir()) == ["entities.csv", "run_report.json"]
    assert (out / "entities.csv").read_text() == "previous complete run\n"
    rep = _report(out)
    assert (rep["exit_status"], rep["complete"], rep["error"], rep["outputs"]) == (130, False, "interrupted", [])
    assert capsys.readouterr().err.strip() == (
        f"arabic-news-extract: interrupted; outputs not written (partial files removed); see {out / 'run_report.json'}")


def test_failing_html_report_writes_no_output_and_exits_3(tmp_path, monkeypatch, capsys):
    """The report is one of the outputs: they are all written, or none is."""
    from pipeline import report

    def write(self, doc):
        raise ValueError("template missing")

    monkeypatch.setattr(report.HtmlReportWriter, "write", write)
    out = tmp_path / "out"
    assert main(["run", str(_three_docs(tmp_path)), "-o", str(out), "--html", "--quiet", "-j", "1"]) == 3
    assert sorted(p.name for p in out.iterdir()) == ["run_report.json"]
    assert capsys.readouterr().err.strip() == (
        "arabic-news-extract: run aborted: ValueError: template missing; outputs not written (partial files "
        f"removed); see {out / 'run_report.json'}")
    rep = _report(out)
    assert (rep["complete"], rep["exit_status"], rep["outputs"], rep["previous_run"]) == (False, 3, [], None)


def test_write_failure_exits_3(tmp_path, monkeypatch, capsys):
    import pipeline.export as export

    def disk_full(self, d):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export.JsonWriter, "write", disk_full)
    out = tmp_path / "out"
    assert main(["run", str(_three_docs(tmp_path)), "-o", str(out), "--quiet", "-j", "1"]) == 3
    assert sorted(p.name for p in out.iterdir()) == ["run_report.json"]
    assert "arabic-news-extract: cannot write outputs: No space left on device; outputs not written" in capsys.readouterr().err


@pytest.mark.parametrize("enabled, total, docs, expected", [
    (True, 1000, None, r"^\r3 docs  [\d,]+ words/s  49\.8%  elapsed 0:00:02  ETA \d:\d\d:\d\d\x1b\[K"),
    (True, None, None, r"^\r3 docs  [\d,]+ words/s  elapsed 0:00:02\x1b\[K"),
    (True, 1000, 12, r"^\r3/12 docs  [\d,]+ words/s  25\.0%  elapsed 0:00:02  ETA 0:00:06\x1b\[K"),  # done of the total
    (False, 1000, 12, r"^$"),  # not a terminal, or --quiet: nothing at all
])
def test_progress_line(monkeypatch, enabled, total, docs, expected):
    import re

    from pipeline import cli

    clock = iter([0.0, 1.0, 1.1, 2.0, 2.5, 3.0, 3.5])
    monkeypatch.setattr(cli.time, "monotonic", lambda: next(clock))
    stream = io.StringIO()
    p = cli.Progress(total, enabled, stream, total_docs=docs)
    for _ in range(3):
        p.update(166, 50)
    drawn = stream.getvalue()
    last = "\r" + drawn.rsplit("\r", 1)[-1] if drawn else ""
    assert re.match(expected, last), repr(drawn)


@pytest.mark.parametrize("layout, expected", [
    ({"a.txt": AR1}, 1),
    ({"d/a.txt": AR1, "d/b.txt": AR2, "d/sub/c.txt": AR1, "d/notes.md": "x"}, 3),
    ({"f.jsonl": "{}"}, None),  # unknown without reading the file
])
def test_progress_total_is_known_for_text_files_and_folders(tmp_path, layout, expected):
    from pipeline.io import input_count

    for name, text in layout.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    top = sorted({name.split("/")[0] for name in layout})
    assert input_count([str(tmp_path / t) for t in top], tmp_path) == expected


def test_first_run_says_it_builds_its_caches(tmp_path, monkeypatch, capsys):
    from pipeline import cli

    monkeypatch.setenv("ANE_CACHE_DIR", str(tmp_path / "empty-cache"))
    note = cli._first_run_note()
    assert note.startswith("arabic-news-extract: first run: building the gazetteer and word-frequency caches in ")
    assert str(tmp_path / "empty-cache") in note
    monkeypatch.delenv("ANE_CACHE_DIR")
    assert cli._first_run_note() is None  # the suite's cache is built: nothing to say


def test_unreachable_dask_scheduler_is_a_start_error(tmp_path, monkeypatch, capsys):
    import pipeline.runner as runner

    def unreachable(self, batches):
        raise runner.EngineError("cannot start on the Dask scheduler at tcp://10.9.9.9:8786: OSError: Timed out")
        yield  # a generator, like the real one

    monkeypatch.setattr(runner.Runner, "_map_dask", unreachable)
    out = tmp_path / "out"
    assert main(["run", "-o", str(out), "--engine", "dask", "--scheduler", "tcp://10.9.9.9:8786"]) == EXIT_USAGE
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == ("arabic-news-extract: error: cannot start on the Dask scheduler at "
                                    "tcp://10.9.9.9:8786: OSError: Timed out")
    assert sorted(p.name for p in out.iterdir()) == ["run_report.json"]


def test_a_document_over_the_timeout_is_abandoned_and_reported(tmp_path, monkeypatch):
    import time

    import pipeline.runner as runner

    real = runner._pipeline

    class Slow:
        def process(self, text, doc_id, *a):
            if doc_id == "b":
                time.sleep(30)  # what a runaway pattern looks like from outside
            return real().process(text, doc_id, *a)

    monkeypatch.setattr(runner, "_pipeline", lambda: Slow())
    out = tmp_path / "out"
    assert main(["run", str(_three_docs(tmp_path)), "-o", str(out), "-j", "1", "--timeout", "0.5",
                 "--quiet"]) == EXIT_SOME_FAILED
    rep = _report(out)
    assert rep["documents"] == {"read": 3, "processed": 2, "skipped": 0, "failed": 1}
    assert [(p["id"], p["reason"]) for p in rep["problems"]] == [
        ("b", "processing took longer than --timeout 0.5 s; abandoned")]


def test_id_names_a_single_text_document(tmp_path):
    f = tmp_path / "article.txt"
    f.write_text(AR1, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(f), "--id", "news-42", "-o", str(out), "--format", "jsonl", "--quiet"]) == EXIT_OK
    assert json.loads((out / "entities.jsonl").read_text(encoding="utf-8"))["id"] == "news-42"


@pytest.mark.parametrize("inputs", [["DIR"], ["FILE", "FILE2"], ["JSONL"]])
def test_id_is_refused_for_inputs_that_carry_their_ids(tmp_path, capsys, inputs):
    (tmp_path / "d").mkdir()
    paths = {"DIR": tmp_path / "d", "FILE": tmp_path / "a.txt", "FILE2": tmp_path / "b.txt",
             "JSONL": tmp_path / "c.jsonl"}
    for p in paths.values():
        if p.suffix:
            p.write_text(AR1, encoding="utf-8")
    argv = ["run", *[str(paths[i]) for i in inputs], "--id", "x", "-o", str(tmp_path / "out")]
    assert main(argv) == EXIT_USAGE
    assert capsys.readouterr().err.strip() == ("arabic-news-extract: error: --id names the document of a single "
                                               "text input (one .txt file or - ); other inputs carry their ids")


# --- no silent wrong results -------------------------------------------------------------

def _tree(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_json_array_of_three_articles_gives_three_documents(tmp_path):
    src = tmp_path / "articles.json"
    src.write_text(json.dumps([{"id": f"n{i}", "text": t} for i, t in enumerate([AR1, AR2, AR1])],
                              ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(src), "-o", str(out), "--quiet", "-j", "1"]) == EXIT_OK
    assert _report(out)["documents"] == {"read": 3, "processed": 3, "skipped": 0, "failed": 0}
    docs = json.loads((out / "entities.json").read_text(encoding="utf-8"))["documents"]
    assert [d["id"] for d in docs] == ["n0", "n1", "n2"]
    for d, text in zip(docs, [AR1, AR2, AR1]):  # offsets into the article, not into the raw JSON
        assert all(text[e["start"]:e["end"]] == e["text"] for e in d["entities"])


@pytest.mark.parametrize("make, message", [
    (lambda p: p.mkdir(), "no .txt file in directory {p}"),
    (lambda p: (p.mkdir(), (p / "readme.md").write_text("x")), "no .txt file in directory {p}"),
    (lambda p: p.with_suffix(".toml").write_text("[project]\n"), "unknown kind of input: {p}"),
    (lambda p: p.with_suffix(".jsonl").write_text("\n\n"), "no document in the inputs; nothing written"),
    (lambda p: p.with_suffix(".json").write_text("[]"), "no document in the inputs; nothing written"),
])
def test_nothing_to_read_is_exit_2_and_leaves_the_previous_run_byte_identical(tmp_path, capsys, make, message):
    out = tmp_path / "out"
    src = tmp_path / "corpus"
    (tmp_path / "a.txt").write_text(AR1, encoding="utf-8")
    assert main(["run", str(tmp_path / "a.txt"), "-o", str(out), "--quiet", "-j", "1", "--html"]) == EXIT_OK
    before = _tree(out)
    make(src)
    target = next(p for p in tmp_path.iterdir() if p.name.startswith("corpus"))
    capsys.readouterr()
    assert main(["run", str(target), "-o", str(out), "-j", "1"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert f"arabic-news-extract: error: {message.format(p=target)}" in err and "Traceback" not in err
    assert _tree(out) == before


def test_min_score_leaves_low_named_entities_out_of_every_output_but_keeps_key_phrases(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("قال الرئيس الفرنسي إيمانويل ماكرون في باريس يوم 3 مارس 2024 إن التعاون الاقتصادي "
                   "بين البلدين سيتعزز. وأضاف ماكرون أن الحكومة الفرنسية تدعم الشركات الناشئة.", encoding="utf-8")
    base, high = tmp_path / "base", tmp_path / "high"
    assert main(["run", str(src), "-o", str(base), "--quiet", "-j", "1", "--format", "csv,json,parquet"]) == EXIT_OK
    ents = json.loads((base / "entities.json").read_text(encoding="utf-8"))["documents"][0]["entities"]
    named = [e for e in ents if e["type"] in ("person", "place", "organization", "date")]
    scores = sorted({e["score"] for e in named})
    assert len(scores) >= 2, scores  # the test needs named entities of different scores
    cut = scores[len(scores) // 2]
    assert main(["run", str(src), "-o", str(high), "--quiet", "-j", "1", "--format", "csv,json,parquet",
                 "--min-score", str(cut)]) == EXIT_OK
    kept = json.loads((high / "entities.json").read_text(encoding="utf-8"))["documents"][0]["entities"]
    expected = [e for e in ents if e["type"] not in ("person", "place", "organization", "date") or e["score"] >= cut]
    assert kept == expected and len(kept) < len(ents)
    phrases = [e for e in ents if e["type"] == "keyphrase"]
    assert phrases and [e for e in kept if e["type"] == "keyphrase"] == phrases  # key phrases are not filtered
    import pandas as pd

    assert len(pd.read_csv(high / "entities.csv")) == len(kept) == pd.read_parquet(high / "entities.parquet").shape[0]
    docs = pd.read_csv(high / "documents.csv")
    assert int(docs[[c for c in docs.columns if c.startswith("n_")]].sum(axis=1)[0]) == len(kept)
    assert _report(high)["entities"] == dict(sorted(Counter(e["type"] for e in kept).items()))


@pytest.mark.parametrize("value, message", [
    ("1.5", "argument --min-score: must be between 0 and 1: '1.5'"),
    ("high", "argument --min-score: not a number: 'high'"),
])
def test_min_score_must_be_a_score(tmp_path, capsys, value, message):
    assert main(["run", "--min-score", value, "-o", str(tmp_path / "out")]) == EXIT_USAGE
    assert f"arabic-news-extract: error: {message}" in capsys.readouterr().err


def test_summary_line_names_the_report_pages_as_one_folder(tmp_path, capsys, monkeypatch):
    src = tmp_path / "three.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": AR1}, ensure_ascii=False) + "\n" for i in range(3)),
                   encoding="utf-8")
    from pipeline import report

    out = tmp_path / "out"
    monkeypatch.setattr(report, "DOCS_PER_PAGE", 2)
    assert main(["run", str(src), "-o", str(out), "-j", "1", "--html"]) == EXIT_OK
    line = capsys.readouterr().out
    assert "(entities.csv, entities.json, report.html, report/ (2 pages), documents.csv, documents.jsonl, " \
           "entity_index.csv, run_report.json)" in line
    assert sorted(p.name for p in (out / "report").iterdir()) == ["page-0001.html", "page-0002.html"]
