"""Peak memory of a CLI run over a large JSONL corpus (streaming readers and writers).

Usage::

    uv run python benchmarks/bench_memory.py [--mb 500] [--jobs 2] [--format csv,json] [--html] [--keep]

Writes a JSONL corpus of about ``--mb`` megabytes to a temporary folder (documents built as in
``bench_pipeline.py`` from the bundled texts; never committed), runs
``arabic-news-extract run CORPUS -o OUT --jobs N --quiet`` as a child process, samples the RSS
of the CLI process and of its workers every 0.2 s (psutil), and prints the peak RSS of the
largest single process, the peak of their sum, the elapsed time and the throughput. The
corpus and outputs are deleted afterwards unless ``--keep``. ``--html`` adds the HTML report to
the run (streamed: its memory must not grow with the corpus either).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pipeline import build_corpus  # noqa: E402


def write_corpus(path: Path, mb: float) -> tuple[int, int]:
    base = build_corpus(60_000, seed=11)
    target = int(mb * 2**20)
    size = docs = words = 0
    with open(path, "w", encoding="utf-8") as fh:
        while size < target:
            for i, text in enumerate(base):
                line = json.dumps({"id": f"d{docs}", "text": text, "date": "2024-0%d-1%d" % (1 + docs % 9, docs % 10)},
                                  ensure_ascii=False) + "\n"
                fh.write(line)
                size += len(line.encode("utf-8"))
                docs += 1
                words += len(text.split())
                if size >= target:
                    break
    return docs, words


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=500)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--format", default="csv,json")
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--html", action="store_true", help="also write report.html")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="ane_mem_"))
    corpus = tmp / "corpus.jsonl"
    docs, words = write_corpus(corpus, args.mb)
    print(f"corpus: {corpus} {corpus.stat().st_size / 2**20:,.0f} MB, {docs:,} documents, {words:,} words")
    cmd = [sys.executable, "-m", "pipeline", "run", str(corpus), "-o", str(tmp / "out"),
           "--jobs", str(args.jobs), "--format", args.format, "--quiet"] + (["--html"] if args.html else [])
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=Path(__file__).resolve().parent.parent)
    ps = psutil.Process(proc.pid)
    peak_one = peak_sum = peak_pss = 0
    while proc.poll() is None:
        try:
            procs = [ps] + ps.children(recursive=True)
            rss, pss = [], []
            for p in procs:
                try:
                    m = p.memory_full_info()
                    rss.append(m.rss)
                    pss.append(getattr(m, "pss", m.rss))
                except psutil.Error:
                    pass
            if rss:
                peak_one = max(peak_one, max(rss))
                peak_sum = max(peak_sum, sum(rss))
                peak_pss = max(peak_pss, sum(pss))
        except psutil.Error:
            pass
        time.sleep(0.2)
    el = time.perf_counter() - t0
    report = json.loads((tmp / "out" / "run_report.json").read_text(encoding="utf-8"))
    print(f"exit status {proc.returncode}; documents {report['documents']}")
    print(f"elapsed {el:,.0f} s: {words / el:,.0f} words/s, {docs / el:,.0f} documents/s with --jobs {args.jobs}")
    print(f"peak RSS: largest process {peak_one / 2**20:,.0f} MB; all processes together {peak_sum / 2**20:,.0f} MB "
          f"(RSS counts pages shared by the forked workers once per process; PSS sum {peak_pss / 2**20:,.0f} MB)")
    out_sizes = {p.name: f"{p.stat().st_size / 2**20:,.0f} MB" for p in (tmp / "out").iterdir()}
    print(f"outputs: {out_sizes}")
    if not args.keep:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
