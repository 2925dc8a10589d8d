"""Corpus mode (``--corpus-names``): names confirmed in one document find their bare mentions in
the others; the same output whatever the engine. Sentences written for these tests."""

from __future__ import annotations

import json

import pytest

from pipeline.cli import EXIT_OK, EXIT_USAGE, main

DOCS = {
    "a": "وقال المدرب البرتغالي جوزيه فيريرينيو إن الفريق جاهز للمباراة.",
    "b": "ولم يحضر فيريرينيو المؤتمر الصحفي بعد المباراة.",
    "c": "وأعلن النادي موعد المباراة المقبلة في العاصمة.",
}


def _persons(out):
    got = {}
    for line in (out / "entities.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        got[d["id"]] = [(e["text"], e["value"]) for e in d["entities"] if e["type"] == "person"]
    return got


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for k, text in DOCS.items():
        (folder / f"{k}.txt").write_text(text, encoding="utf-8")
    return folder


def test_corpus_names_find_a_bare_mention_in_another_document(corpus, tmp_path):
    plain, mode = tmp_path / "plain", tmp_path / "mode"
    assert main(["run", str(corpus), "-o", str(plain), "-j", "1", "--format", "jsonl", "--quiet"]) == EXIT_OK
    assert main(["run", str(corpus), "-o", str(mode), "-j", "1", "--format", "jsonl", "--quiet",
                 "--corpus-names"]) == EXIT_OK
    assert _persons(plain)["b"] == []
    assert _persons(mode)["b"] == [("فيريرينيو", "جوزيه فيريرينيو")]
    assert _persons(mode)["c"] == []  # no name, nothing found
    assert _persons(mode)["a"] == _persons(plain)["a"]
    assert json.loads((mode / "run_report.json").read_text(encoding="utf-8"))["corpus_names"] >= 1


def test_corpus_names_give_the_same_output_with_worker_processes(corpus, tmp_path):
    serial, procs = tmp_path / "serial", tmp_path / "procs"
    assert main(["run", str(corpus), "-o", str(serial), "-j", "1", "--format", "jsonl", "--quiet",
                 "--corpus-names"]) == EXIT_OK
    assert main(["run", str(corpus), "-o", str(procs), "-j", "2", "--batch-size", "1", "--engine", "process",
                 "--format", "jsonl", "--quiet", "--corpus-names"]) == EXIT_OK
    assert (serial / "entities.jsonl").read_bytes() == (procs / "entities.jsonl").read_bytes()


def test_corpus_names_need_inputs_that_can_be_read_twice(tmp_path, capsys):
    assert main(["run", "-", "-o", str(tmp_path / "o"), "--corpus-names"]) == EXIT_USAGE
    assert "--corpus-names" in capsys.readouterr().err


def test_corpus_names_end_with_the_run(corpus, tmp_path):
    from pipeline.pipeline import default_pipeline

    assert main(["run", str(corpus), "-o", str(tmp_path / "m"), "-j", "1", "--quiet", "--corpus-names"]) == EXIT_OK
    link = next(s for s in default_pipeline().stages if s.name == "link")
    assert link.corpus == {}  # a later run in the same process starts without them
