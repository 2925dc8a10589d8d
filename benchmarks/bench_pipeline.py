"""Throughput of the full pipeline, serial and on worker processes, against dateparser and yake.

Usage::

    uv run python benchmarks/bench_pipeline.py [--words 200000] [--jobs 2] [--peer-docs 40]

Builds a corpus of about ``--words`` words from the bundled texts (``data/sample_article.txt``,
``data/bench_articles.txt``): documents of 3 to 25 sentences drawn with a fixed seed, so that
documents differ (no cache makes a repeated text free). Nothing is written to disk.

Prints, for the full pipeline (``pipeline.runner.process_item``, the per-document function the
CLI runs, including ``to_dict``):

* serial: words/s, documents/s, and per-stage seconds and shares (``Pipeline(timed=True)``);
* ``--jobs N`` worker processes (the CLI's ``process`` engine, same batching): words/s and the
  speed-up over serial;
* peak RSS of this process and of the worker processes;
* dateparser's ``search_dates`` (``languages=["ar"]``) and yake keyword extraction on the first
  ``--peer-docs`` documents of the same corpus, their words/s and the pipeline's ratio to them.

Words are the pipeline tokenizer's word tokens, for every system.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.io import InputDoc  # noqa: E402

TEXTS = [ROOT / "data" / "sample_article.txt", ROOT / "data" / "bench_articles.txt"]
_SENT = re.compile(r"(?<=[.!؟?])\s+|\n+")


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


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


def bench_serial(texts: list[str]):
    from pipeline.document import Document
    from pipeline.pipeline import default_pipeline

    pipe = default_pipeline()
    pipe(Document(id="warm", text=texts[0]))
    pipe.timings = {k: 0.0 for k in pipe.timings}
    words = 0
    t0 = time.perf_counter()
    for i, text in enumerate(texts):
        doc = pipe(Document(id=str(i), text=text), timed=True)
        doc.to_dict()
        words += sum(1 for t in doc.tokens if t.kind == "word")
    return time.perf_counter() - t0, words, dict(pipe.timings)


def bench_jobs(texts: list[str], jobs: int) -> float:
    from pipeline.runner import Runner

    items = [InputDoc(str(i), t, None, f"bench:{i}") for i, t in enumerate(texts)]
    runner = Runner(engine="process", jobs=jobs)
    # pool start-up (fork + building the pipeline in each worker) is part of the measure
    t0 = time.perf_counter()
    n = 0
    for _, rec in runner.map(items):
        n += rec["status"] == "ok"
    assert n == len(items), f"{len(items) - n} documents failed"
    return time.perf_counter() - t0


def bench_dateparser(texts: list[str]) -> float:
    from dateparser.search import search_dates

    search_dates("تمهيد يوم 3 مارس 2020", languages=["ar"])  # warm-up: loads the language data
    t0 = time.perf_counter()
    for t in texts:
        search_dates(t, languages=["ar"])
    return time.perf_counter() - t0


def bench_yake(texts: list[str]) -> float:
    import yake

    kw = yake.KeywordExtractor(lan="ar", n=3, top=10)
    kw.extract_keywords(texts[0])
    t0 = time.perf_counter()
    for t in texts:
        kw.extract_keywords(t)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--words", type=int, default=200_000, help="corpus size in words (default 200,000)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes for the parallel run (default 2)")
    ap.add_argument("--peer-docs", type=int, default=40, help="documents given to dateparser and yake (default 40)")
    ap.add_argument("--no-peers", action="store_true", help="skip dateparser and yake")
    args = ap.parse_args()

    texts = build_corpus(args.words)
    print(f"corpus: {len(texts):,} documents, {sum(len(t.split()) for t in texts):,} white-space words, "
          f"{sum(len(t) for t in texts) / 1e6:.1f} M characters")

    el, words, timings = bench_serial(texts)
    serial_wps = words / el
    print(f"\nfull pipeline, serial (1 core): {serial_wps:,.0f} words/s, {len(texts) / el:,.1f} documents/s "
          f"({words:,} words in {el:.2f} s)")
    total = sum(timings.values()) or 1.0
    print("per-stage time:")
    for name, sec in sorted(timings.items(), key=lambda kv: -kv[1]):
        print(f"  {name:14} {sec:8.3f} s  {100 * sec / total:5.1f} %  {words / sec if sec else float('inf'):>14,.0f} words/s")

    el_j = bench_jobs(texts, args.jobs)
    print(f"\nfull pipeline, --jobs {args.jobs}: {words / el_j:,.0f} words/s, {len(texts) / el_j:,.1f} documents/s; "
          f"speed-up {el / el_j:.2f}x over serial")
    print(f"peak RSS: this process {_rss_mb(resource.RUSAGE_SELF):.0f} MB, "
          f"largest worker {_rss_mb(resource.RUSAGE_CHILDREN):.0f} MB")

    if not args.no_peers:
        from pipeline.pipeline import default_pipeline

        peer = texts[: args.peer_docs]
        pw = sum(sum(1 for t in default_pipeline().process(x).tokens if t.kind == "word") for x in peer)
        dp = bench_dateparser(peer)
        yk = bench_yake(peer)
        print(f"\npeers on the first {len(peer)} documents ({pw:,} words):")
        print(f"  dateparser search_dates (ar): {pw / dp:>10,.0f} words/s; full pipeline is {serial_wps / (pw / dp):,.1f}x faster")
        print(f"  yake keywords (ar, n=3):      {pw / yk:>10,.0f} words/s; full pipeline is {serial_wps / (pw / yk):,.1f}x faster")


if __name__ == "__main__":
    main()
