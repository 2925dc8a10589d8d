"""Every notebook under notebooks/ executes without error (nbclient, real kernel), on a run of
the bundled sample and on a 200-document run.

The notebooks run with their working directory set to ``notebooks/``; their parameters
cell is overridden by an injected cell (papermill style) so that outputs go to ``tmp_path``
and the error analysis uses the project's own small gold file, not shared eval data. The
200-document corpus is built from the project's own texts (``data/bench_articles.txt``, the
two texts of ``data/gold_mini.jsonl``), with publication dates over a year.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parent.parent
NB_DIR = ROOT / "notebooks"
SAMPLE = ROOT / "data" / "sample_article.txt"
MINI_GOLD = ROOT / "data" / "gold_mini.jsonl"
BENCH_TEXTS = ROOT / "data" / "bench_articles.txt"
TIMEOUT = 300  # seconds per cell


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory) -> Path:
    """A run (with --html) over 200 documents: the two gold_mini texts and 198 made of 3 to 12
    sentences of the bundled articles, dated over twelve months."""
    from pipeline.cli import main

    sentences = [s.strip() for s in re.split(r"(?<=[.!؟?])\s+|\n+", BENCH_TEXTS.read_text(encoding="utf-8"))
                 if len(s.split()) >= 3]
    rng = random.Random(5)
    gold = [json.loads(line) for line in MINI_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [{"id": g["id"], "text": g["text"]} for g in gold]
    for i in range(198):
        text = " ".join(rng.choice(sentences) for _ in range(rng.randint(3, 12)))
        records.append({"id": f"c{i:03d}", "text": text,
                        "date": (dt.date(2024, 1, 1) + dt.timedelta(days=(i * 366) // 198)).isoformat()})
    tmp = tmp_path_factory.mktemp("corpus")
    src = tmp / "corpus.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    out = tmp / "run"
    assert main(["run", str(src), "-o", str(out), "--html", "--quiet", "-j", "1"]) == 0
    return out


def _params(name: str, tmp: Path, run: Path | None) -> dict:
    """The parameters of a notebook: on the bundled sample (``run`` None: the notebook runs the
    command line itself) or on an existing run folder."""
    if name in ("01_explore_run.ipynb", "03_corpus.ipynb"):
        params = {"RUN_DIR": str(run or tmp / "run"), "INPUTS": [str(SAMPLE)]}
        if name == "01_explore_run.ipynb":
            params["REPORT_HTML"] = str(tmp / "nb_report" / "report.html")
        return params
    if name == "02_error_analysis.ipynb":
        return {"GOLD": str(MINI_GOLD), "RUN_DIR": str(run or tmp / "run")}
    raise AssertionError(f"notebook {name} has no test parameters: add it to _params")


def _inject(nb, params: dict) -> None:
    idx = next(i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", []))
    src = "# injected by the test\n" + "\n".join(f"{k} = {v!r}" for k, v in params.items())
    nb.cells.insert(idx + 1, nbformat.v4.new_code_cell(src))


def _outputs_text(nb) -> str:
    parts = []
    for c in nb.cells:
        for o in c.get("outputs", []):
            if o.get("output_type") == "stream":
                parts.append(o.get("text", ""))
            for v in o.get("data", {}).values():
                parts.append(v if isinstance(v, str) else json.dumps(v))
    return "\n".join(parts)


def _images(nb) -> int:
    return sum("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))


NOTEBOOKS = sorted(p.name for p in NB_DIR.glob("*.ipynb"))


def test_notebooks_exist():
    assert {"01_explore_run.ipynb", "02_error_analysis.ipynb", "03_corpus.ipynb"} <= set(NOTEBOOKS)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_committed_clean(name):
    """Outputs cleared, a parameters cell first among code cells, no extraction code, and the
    default run folder is the command line's default output folder (02 has its own: a run
    over the gold file)."""
    nb = nbformat.read(NB_DIR / name, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    for c in code:
        assert c.outputs == [] and c.execution_count is None, f"{name}: outputs not cleared"
        assert "extract(" not in c.source and "make_entity" not in c.source
    if name != "02_error_analysis.ipynb":
        assert 'RUN_DIR = "../out"' in code[0].source


def _execute(name: str, params: dict):
    nb = nbformat.read(NB_DIR / name, as_version=4)
    _inject(nb, params)
    client = nbclient.NotebookClient(nb, timeout=TIMEOUT, kernel_name="python3",
                                     resources={"metadata": {"path": str(NB_DIR)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    return nb, _outputs_text(nb)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_executes_on_the_bundled_sample(name, tmp_path):
    nb, out = _execute(name, _params(name, tmp_path, None))
    if name == "01_explore_run.ipynb":
        assert (tmp_path / "run" / "entities.json").is_file() and (tmp_path / "run" / "documents.jsonl").is_file()
        assert 'dir="rtl"' in out and 'class="article"' in out
        assert "texts found for 1" in out and "ليو" in out  # the article text, found in the run folder
        assert (tmp_path / "nb_report" / "report.html").is_file()
    elif name == "02_error_analysis.ipynb":
        assert "span_P" in out and "gold_mini.jsonl" in out
        assert "2 documents" in out
        assert _images(nb) >= 2  # the precision/recall plots are drawn whatever the extractors find
    else:
        assert "1 documents" in out and "'ليو خه': 1 documents, 5 mentions" in out
        assert '<mark class="person">ليو خه</mark>' in out and _images(nb) >= 3


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_executes_on_a_200_document_run(name, tmp_path, corpus_run):
    before = {p: p.stat().st_mtime_ns for p in corpus_run.iterdir()}
    nb, out = _execute(name, _params(name, tmp_path, corpus_run))
    assert {p: p.stat().st_mtime_ns for p in corpus_run.iterdir()} == before  # the run is read, not redone
    if name == "01_explore_run.ipynb":
        assert "200 documents" in out and "texts found for 200" in out and 'class="article"' in out
    elif name == "02_error_analysis.ipynb":
        assert "2 documents" in out and "(200 documents)" in out
    else:
        assert "200 documents" in out
        assert "months;" in out and re.search(r"(\d+) people and places, (\d+) links", out)
        links = re.search(r"(\d+) people and places, (\d+) links", out)
        assert int(links.group(1)) >= 4 and int(links.group(2)) >= 1
        assert re.search(r": (\d+) documents, (\d+) mentions", out)
        assert _images(nb) >= 6  # bars per type, categories, months, network
