"""Throughput and start-up of the full pipeline on a corpus, against dateparser and yake.

Usage::

    uv run python benchmarks/bench_pipeline.py [CORPUS.jsonl ...] [--limit N] [--jobs 2]
        [--peer-docs N] [--no-peers] [--no-jobs] [--no-scaling] [--cold-start] [--words 200000]

``CORPUS``: JSON Lines files, one ``{"text": ..., "date": "YYYY-MM-DD"}`` per line (``date``
optional: the reference date of relative dates), e.g. real news converted with
``python3 ../shared/eval/conll_eval.py to-jsonl CORPUS.conll OUT.jsonl``. Without one, a corpus
of about ``--words`` words is drawn from the bundled texts (``data/*.txt``: documents of 3 to 25
sentences, fixed seed); those texts are small, so that corpus repeats its sentences and every
per-word cache hits: it flatters the figures, use real text to measure.

Prints (CPU time is ``time.process_time``, less disturbed than wall time by other work on the
machine; words are the pipeline tokenizer's word tokens, for every system):

* **start-up** in a fresh process with the cache warm: imports, the construction of each stage,
  the first document (``--cold-start``: the same with an empty cache folder, the first run);
* **serial** (a fresh process, one core; caches cold: one warm-up document, then one pass over
  the corpus): words/s by CPU and by wall time, documents/s, and each stage's share of the CPU
  time; then a **second pass** in the same process (every per-word cache warm), which shows how
  much a warm cache flatters a figure;
* ``--jobs N`` (the CLI's ``process`` engine, :class:`pipeline.runner.Runner`, the same batching;
  pool start-up included) in another fresh process, from the same state as the serial pass (the
  pipeline built, one warm-up document: forked workers inherit no cache the serial pass filled):
  words/s by wall time, the speed-up over the cold serial rate (wall and CPU), the CPU time of the
  main process (reading, batching, ordering the results) as a share of the wall time and of all
  the CPU time of the run, and the workers' CPU time;
* **peak RSS** of the serial process, of the ``--jobs`` main process and of its largest worker;
* **size scaling**: CPU per word on documents of about 1,000 characters and on one document of
  400,000 characters made of the same text (caches warm for both);
* **peers**: dateparser's ``search_dates(languages=["ar"])`` and yake (``n=3``, top 10) on the first
  ``--peer-docs`` documents (default: all), words/s by CPU time, and the full pipeline's ratio to
  each on the same documents.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TEXTS = [ROOT / "data" / "sample_article.txt", ROOT / "data" / "bench_articles.txt"]
_SENT = re.compile(r"(?<=[.!؟?])\s+|\n+")
SMALL_CHARS, LARGE_CHARS = 1_000, 400_000


def build_corpus(n_words: int, seed: int = 7) -> list[str]:
    """Documents of 3-25 sentences drawn from the bundled texts until ``n_words`` words."""
    sentences = [s.strip() for p in TEXTS if p.exists()
                 for s in _SENT.split(p.read_text(encoding="utf-8")) if len(s.split()) >= 3]
    rng = random.Random(seed)
    docs, total = [], 0
    while total < n_words:
        k = rng.randint(3, 25)
        text = " ".join(rng.choice(sentences) for _ in range(k))
        docs.append(text)
        total += len(text.split())
    return docs


def read_corpus(paths: list[str], limit: int | None) -> list[tuple[str, str | None]]:
    """(text, date) of every JSONL record with a non-empty text."""
    out = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    if rec.get("text"):
                        out.append((rec["text"], rec.get("date")))
                if limit and len(out) >= limit:
                    return out
    return out


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


def _date(value: str | None):
    import datetime as dt

    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


# --- start-up -------------------------------------------------------------------------------
def startup_child() -> None:
    """In a fresh process: seconds of the imports, of each stage's construction, of a document."""
    t0 = time.perf_counter()
    import pipeline.pipeline as pp
    from pipeline.document import Document

    out = {"import pipeline": time.perf_counter() - t0}
    t = time.perf_counter()
    from pipeline.extract import dates, organizations, people, places, resolve, topics  # noqa: F401

    out["import stages"] = time.perf_counter() - t
    stages = []
    for make in pp.default_stage_factories():
        t = time.perf_counter()
        stage = make()
        out[f"stage {stage.name}"] = time.perf_counter() - t
        stages.append(stage)
    nlp = pp.Pipeline(stages)
    text = TEXTS[0].read_text(encoding="utf-8")
    t = time.perf_counter()
    nlp(Document(id="sample", text=text))
    out["first document"] = time.perf_counter() - t
    from pipeline.cache import built_tables

    out["built"] = [name for name, _ in built_tables()]
    print(json.dumps(out))


def bench_startup(cold: bool) -> None:
    env = dict(os.environ)
    with tempfile.TemporaryDirectory(prefix="ane_cache_") as tmp:
        if cold:
            env["ANE_CACHE_DIR"] = tmp
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, __file__, "--startup-child"], env=env, capture_output=True,
                              text=True, check=True)
        whole = time.perf_counter() - t0
    res = json.loads(done.stdout.strip().splitlines()[-1])
    built = res.pop("built")
    build = sum(v for k, v in res.items() if k.startswith("stage "))
    print(f"\nstart-up, {'cold cache (first run)' if cold else 'cache warm'}: whole process {whole:.3f} s "
          f"(interpreter, imports, pipeline build {build:.3f} s, one {len(TEXTS[0].read_text('utf-8')):,}-character"
          f" document)")
    for k, v in res.items():
        print(f"  {k:24} {v:7.3f} s")
    if built:
        print(f"  tables built: {', '.join(built)}")


# --- serial and parallel ----------------------------------------------------------------------
def serial_pass(pipe, docs: list[tuple[str, str | None]]):
    """(CPU s, wall s, words, [(words, CPU s) per document], CPU s per stage) of one pass."""
    from pipeline.document import Document

    pipe.timings = {k: 0.0 for k in pipe.timings}
    words, per_doc = 0, []  # (words, CPU seconds) of each document
    c0, t0 = time.process_time(), time.perf_counter()
    for i, (text, date) in enumerate(docs):
        d = _date(date)
        c = time.process_time()
        doc = pipe(Document(id=str(i), text=text, reference_date=d, reference_source="input" if d else None), timed=True)
        doc.to_dict()
        n = sum(1 for t in doc.tokens if t.kind == "word")
        per_doc.append((n, time.process_time() - c))
        words += n
    return time.process_time() - c0, time.perf_counter() - t0, words, per_doc, dict(pipe.timings)


def _warm_pipeline(docs: list[tuple[str, str | None]]):
    """The default pipeline after one warm-up document (the state both timed runs start from)."""
    from pipeline.document import Document
    from pipeline.pipeline import default_pipeline

    pipe = default_pipeline()
    pipe(Document(id="warm", text=docs[0][0]))
    return pipe


def serial_child(docs: list[tuple[str, str | None]]) -> dict:
    """In a fresh process: a cold pass over the corpus, then a second (warm) one."""
    pipe = _warm_pipeline(docs)
    cpu, wall, words, per_doc, timings = serial_pass(pipe, docs)
    cpu2, wall2, _, _, _ = serial_pass(pipe, docs)
    return {"cpu": cpu, "wall": wall, "words": words, "per_doc": per_doc, "timings": timings,
            "warm_cpu": cpu2, "warm_wall": wall2, "rss": _rss_mb(resource.RUSAGE_SELF)}


def jobs_child(docs: list[tuple[str, str | None]], jobs: int) -> dict:
    """In a fresh process: the process engine over the documents, from the serial pass's start state.
    CPU time of this (main) process and of its workers, peak RSS of each."""
    from pipeline.io import InputDoc
    from pipeline.runner import Runner

    _warm_pipeline(docs)
    items = [InputDoc(str(i), t, _date(d), f"bench:{i}") for i, (t, d) in enumerate(docs)]
    runner = Runner(engine="process", jobs=jobs)
    c0, t0 = time.process_time(), time.perf_counter()
    n = sum(rec["status"] == "ok" for _, rec in runner.map(items))
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    assert n == len(items), f"{len(items) - n} documents failed"
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"wall": wall, "main_cpu": cpu, "workers_cpu": kids.ru_utime + kids.ru_stime,
            "rss": _rss_mb(resource.RUSAGE_SELF), "worker_rss": kids.ru_maxrss / 1024}


def in_fresh_process(kind: str, docs: list[tuple[str, str | None]], jobs: int = 0) -> dict:
    """Runs ``serial_child`` or ``jobs_child`` in a new interpreter over the same documents."""
    with tempfile.TemporaryDirectory(prefix="ane_bench_") as tmp:
        path = Path(tmp) / "corpus.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            for text, date in docs:
                fh.write(json.dumps({"text": text, "date": date}, ensure_ascii=False) + "\n")
        done = subprocess.run([sys.executable, __file__, str(path), "--child", kind, "--jobs", str(jobs)],
                              capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_scaling(docs: list[tuple[str, str | None]]) -> None:
    """CPU per word: documents of about SMALL_CHARS characters vs one of LARGE_CHARS, same text."""
    from pipeline.document import Document
    from pipeline.pipeline import default_pipeline

    pipe = default_pipeline()
    text = "\n".join(t for t, _ in docs)
    while len(text) < LARGE_CHARS:
        text += "\n" + text
    big = text[:LARGE_CHARS]
    small, pos = [], 0
    while pos < len(big):
        end = big.find("\n", pos + SMALL_CHARS)
        end = len(big) if end < 0 else end
        small.append(big[pos:end])
        pos = end + 1

    def run(texts):
        c0, words = time.process_time(), 0
        for t in texts:
            words += sum(1 for tok in pipe(Document(id="s", text=t)).tokens if tok.kind == "word")
        return (time.process_time() - c0) / words * 1e6, words

    run(small)  # warm the per-word caches with the same text
    us_small, w_small = run(small)
    us_big, w_big = run([big])
    print(f"\nsize scaling (same text, caches warm): {len(small):,} documents of ~{SMALL_CHARS:,} characters "
          f"{us_small:.1f} us/word; one document of {len(big):,} characters {us_big:.1f} us/word "
          f"(ratio {us_big / us_small:.2f})")


# --- peers ------------------------------------------------------------------------------------
def bench_dateparser(texts: list[str]) -> float:
    from dateparser.search import search_dates

    search_dates("تمهيد يوم 3 مارس 2020", languages=["ar"])  # warm-up: loads the language data
    c0 = time.process_time()
    for t in texts:
        search_dates(t, languages=["ar"])
    return time.process_time() - c0


def bench_yake(texts: list[str]) -> float:
    import yake

    kw = yake.KeywordExtractor(lan="ar", n=3, top=10)
    kw.extract_keywords(texts[0])
    c0 = time.process_time()
    for t in texts:
        kw.extract_keywords(t)
    return time.process_time() - c0


def bench_peers(docs, per_doc: list[tuple[int, float]], n: int | None) -> None:
    peer = docs[:n] if n else docs
    texts = [t for t, _ in peer]
    words = sum(w for w, _ in per_doc[: len(peer)])
    ours = words / sum(c for _, c in per_doc[: len(peer)])
    print(f"\npeers on {len(peer):,} documents ({words:,} words; the full pipeline on them in the serial pass: "
          f"{ours:,.0f} words/s CPU):")
    for name, fn in (("dateparser search_dates (ar)", bench_dateparser), ("yake keywords (ar, n=3)", bench_yake)):
        rate = words / fn(texts)
        print(f"  {name:30} {rate:>10,.0f} words/s CPU; the full pipeline is {ours / rate:,.2f}x faster")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="*", help="JSON Lines files ({'text': ..., 'date': ...} per line)")
    ap.add_argument("--limit", type=int, default=None, help="at most this many documents")
    ap.add_argument("--words", type=int, default=200_000, help="without a corpus: words to draw from the bundled texts")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes for the parallel run (default 2)")
    ap.add_argument("--peer-docs", type=int, default=None, help="documents given to dateparser and yake (default all)")
    ap.add_argument("--no-peers", action="store_true", help="skip dateparser and yake")
    ap.add_argument("--no-jobs", action="store_true", help="skip the parallel run")
    ap.add_argument("--no-scaling", action="store_true", help="skip the size-scaling measure")
    ap.add_argument("--cold-start", action="store_true", help="also measure start-up with an empty cache")
    ap.add_argument("--startup-child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--child", choices=("serial", "jobs"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.startup_child:
        startup_child()
        return
    if args.child:
        docs = read_corpus(args.corpus, None)
        print(json.dumps(serial_child(docs) if args.child == "serial" else jobs_child(docs, args.jobs)))
        return

    if args.corpus:
        docs = read_corpus(args.corpus, args.limit)
        source = ", ".join(args.corpus)
    else:
        docs = [(t, None) for t in build_corpus(args.words)][: args.limit]
        source = "generated from the bundled texts (repeated sentences: not a realistic corpus)"
    print(f"corpus: {source}: {len(docs):,} documents, {sum(len(t.split()) for t, _ in docs):,} white-space words, "
          f"{sum(len(t) for t, _ in docs) / 1e6:.1f} M characters")

    bench_startup(cold=False)
    if args.cold_start:
        bench_startup(cold=True)

    ser = in_fresh_process("serial", docs)
    cpu, wall, words, timings = ser["cpu"], ser["wall"], ser["words"], ser["timings"]
    per_doc = [tuple(x) for x in ser["per_doc"]]
    print(f"\nfull pipeline, serial (1 core, fresh process, caches cold): {words / cpu:,.0f} words/s CPU, "
          f"{words / wall:,.0f} words/s wall, {len(docs) / cpu:,.1f} documents/s CPU ({words:,} words in "
          f"{cpu:.2f} s CPU, {wall:.2f} s wall)")
    total = sum(timings.values()) or 1.0
    print("per-stage CPU time:")
    for name, sec in sorted(timings.items(), key=lambda kv: -kv[1]):
        print(f"  {name:14} {sec:8.3f} s  {100 * sec / total:5.1f} %  {words / sec if sec else float('inf'):>14,.0f} words/s")
    print(f"second pass in the same process (every cache warm): {words / ser['warm_cpu']:,.0f} words/s CPU, "
          f"{words / ser['warm_wall']:,.0f} words/s wall ({cpu / ser['warm_cpu']:.2f}x the cold pass)")

    if not args.no_jobs:
        par = in_fresh_process("jobs", docs, args.jobs)
        el_j, main_cpu = par["wall"], par["main_cpu"]
        all_cpu = main_cpu + par["workers_cpu"]
        print(f"\nfull pipeline, --jobs {args.jobs} (fresh process, caches cold): {words / el_j:,.0f} words/s wall, "
              f"{len(docs) / el_j:,.1f} documents/s; speed-up {wall / el_j:.2f}x over the cold serial wall-time rate "
              f"({cpu / el_j:.2f}x over its CPU rate)")
        print(f"  main process CPU {main_cpu:.2f} s = {100 * main_cpu / el_j:.0f} % of the wall time, "
              f"{100 * main_cpu / all_cpu:.0f} % of the run's CPU time; workers CPU {par['workers_cpu']:.2f} s "
              f"({words / par['workers_cpu']:,.0f} words/s per worker CPU)")
    print(f"peak RSS: serial process {ser['rss']:.0f} MB"
          + ("" if args.no_jobs else f", --jobs main process {par['rss']:.0f} MB, largest worker {par['worker_rss']:.0f} MB"))

    if not args.no_scaling:
        bench_scaling(docs)
    if not args.no_peers:
        bench_peers(docs, per_doc, args.peer_docs)


if __name__ == "__main__":
    main()
