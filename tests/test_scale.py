"""Scale-out: worker processes and a real Dask LocalCluster give byte-identical output, in input order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cli import EXIT_SOME_FAILED, main
from pipeline.io import InputDoc, InputError
from pipeline.runner import Runner, _batches

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample_article.txt"

SENTENCES = [
    "التقى رئيس الوزراء بوفد من رجال الأعمال في العاصمة يوم الاثنين الماضي.",
    "قالت وزارة الصحة إن حملة التطعيم ستبدأ في الأول من مارس المقبل.",
    "فاز الفريق المحلي بالبطولة بعد مباراة نهائية مثيرة أمام جمهور كبير.",
    "ارتفعت أسعار النفط في الأسواق العالمية بنسبة ثلاثة في المئة.",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A small JSONL corpus: the bundled sample, short texts, one broken line, a duplicate id."""
    sample = SAMPLE.read_text(encoding="utf-8")
    lines = []
    for i in range(14):
        text = sample if i % 5 == 0 else " ".join(SENTENCES[(i + k) % 4] for k in range(1 + i % 3))
        lines.append(json.dumps({"id": f"doc{i % 12}", "text": text, "date": "2024-03-0%d" % (1 + i % 9)},
                                ensure_ascii=False))
    lines.insert(7, "{not json")
    p = tmp_path_factory.mktemp("scale") / "corpus.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def _run(corpus: Path, out: Path, *extra: str) -> bytes:
    status = main(["run", str(corpus), "-o", str(out), "--format", "jsonl,csv", "--quiet", "--batch-size", "2", *extra])
    assert status == EXIT_SOME_FAILED  # the broken line
    report = json.loads((out / "run_report.json").read_text(encoding="utf-8"))
    assert report["documents"] == {"read": 15, "processed": 14, "skipped": 1, "failed": 0}
    corpus_outputs = b"".join(b"\0" + (out / n).read_bytes() for n in ("documents.csv", "entity_index.csv"))
    return (out / "entities.jsonl").read_bytes() + b"\0" + (out / "entities.csv").read_bytes() + corpus_outputs


@pytest.fixture(scope="module")
def serial_output(corpus, tmp_path_factory) -> bytes:
    return _run(corpus, tmp_path_factory.mktemp("serial"), "--engine", "serial")


def test_serial_output_is_in_input_order(serial_output):
    ids = [json.loads(l)["id"] for l in serial_output.split(b"\0")[0].decode("utf-8").splitlines()]
    assert ids == [f"doc{i}" for i in range(12)] + ["doc0~2", "doc1~2"]


def test_worker_processes_give_identical_output(corpus, serial_output, tmp_path):
    assert _run(corpus, tmp_path / "p", "--engine", "process", "--jobs", "2") == serial_output


def test_dask_local_cluster_gives_identical_output(corpus, serial_output, tmp_path):
    out = tmp_path / "d"
    assert _run(corpus, out, "--engine", "dask", "--jobs", "2") == serial_output
    assert json.loads((out / "run_report.json").read_text())["engine"] == "dask"


def test_dask_existing_scheduler_address(corpus, serial_output, tmp_path):
    """A LocalCluster of 2 worker processes stands in for a remote cluster reached by address."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        got = _run(corpus, tmp_path / "s", "--engine", "dask", "--scheduler", cluster.scheduler_address)
    assert got == serial_output


@pytest.mark.parametrize("sizes, max_docs, max_chars, expected", [
    ([1, 1, 1, 1, 1], 2, 100, [2, 2, 1]),
    ([60, 60, 10], 10, 100, [2, 1]),
    ([500], 10, 100, [1]),
    ([], 10, 100, []),
])
def test_batches_close_at_either_limit(sizes, max_docs, max_chars, expected):
    items = [InputDoc(str(i), "ا" * n, None, "x") for i, n in enumerate(sizes)]
    assert [len(b) for b in _batches(items, max_docs, max_chars)] == expected


def test_runner_passes_errors_through_in_order():
    items = [InputDoc("a", SENTENCES[0], None, "f:1"), InputError("f:2", "invalid JSON: x"),
             InputDoc("b", SENTENCES[1], None, "f:3")]
    recs = [r for _, r in Runner(engine="serial").map(items)]
    assert [r["status"] for r in recs] == ["ok", "skipped", "ok"]
    assert recs[1] == {"status": "skipped", "source": "f:2", "id": None, "reason": "invalid JSON: x"}


def test_a_document_that_kills_its_worker_is_reported_and_the_run_goes_on(tmp_path, monkeypatch):
    """Workers are forked after the patch, so the patched pipeline runs in them."""
    import os

    import pipeline.runner as runner

    real = runner._pipeline

    class Killer:
        def process(self, text, doc_id, *a):
            if doc_id == "poison":
                os._exit(3)  # what an out-of-memory kill or a crash in a C extension looks like
            return real().process(text, doc_id, *a)

    monkeypatch.setattr(runner, "_pipeline", lambda: Killer())
    ids = ["a", "b", "poison", "c", "d", "e", "f"]
    jl = tmp_path / "in.jsonl"
    jl.write_text("\n".join(json.dumps({"id": i, "text": SENTENCES[0]}, ensure_ascii=False) for i in ids) + "\n")
    out = tmp_path / "out"
    assert main(["run", str(jl), "-o", str(out), "--engine", "process", "-j", "2", "--batch-size", "2",
                 "--format", "jsonl", "--quiet"]) == EXIT_SOME_FAILED
    report = json.loads((out / "run_report.json").read_text(encoding="utf-8"))
    assert report["documents"] == {"read": 7, "processed": 6, "skipped": 0, "failed": 1}
    (p,) = report["problems"]
    assert (p["id"], p["source"]) == ("poison", f"{jl}:3")
    assert p["reason"] == "worker process died while processing this document (killed, out of memory or crashed)"
    got = [json.loads(l)["id"] for l in (out / "entities.jsonl").read_text(encoding="utf-8").splitlines()]
    assert got == ["a", "b", "c", "d", "e", "f"]
