"""Size of the HTML report and the time a browser takes to open it, on a large run.

Usage::

    uv run python benchmarks/bench_report.py [--docs 10000] [--jobs 2] [--chromium chromium]
                                             [--screenshot report.png] [--keep]

Writes a JSONL corpus of ``--docs`` documents (built as in ``bench_pipeline.py`` from the
bundled texts, reference dates spread over two years; never committed) to a temporary folder,
runs ``arabic-news-extract run CORPUS -o OUT --html --jobs N --quiet``, and prints the size of
``report.html`` (the corpus page), of its largest page of documents and of all of them. With a
Chromium (Debian: ``apt install chromium``) it then opens the corpus page and the largest page
headless, three times each, and prints two medians: the time from starting the browser to its
screenshot of the page (and of a blank page: the browser's own start-up), and, through the
DevTools protocol (websocket-client, a JupyterLab dependency), the time from navigating to the
page to its load event, with the page's own ``loadEventEnd``. ``--screenshot`` keeps a picture
of the corpus page.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pipeline import build_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def write_corpus(path: Path, n_docs: int) -> int:
    texts = build_corpus(300 * n_docs, seed=13)[:n_docs]
    start = dt.date(2023, 1, 1)
    with open(path, "w", encoding="utf-8") as fh:
        for i, text in enumerate(texts):
            date = start + dt.timedelta(days=(i * 730) // max(1, len(texts)))
            fh.write(json.dumps({"id": f"d{i:05d}", "text": text, "date": date.isoformat()}, ensure_ascii=False) + "\n")
    return len(texts)


def open_time(chromium: str, url: str, shot: Path, runs: int = 3) -> float:
    """Median seconds from starting a headless Chromium to its screenshot of ``url``."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        "--window-size=1280,4000", f"--screenshot={shot}", url],
                       capture_output=True, timeout=120, check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def load_times(chromium: str, urls: list[str]) -> dict[str, tuple[float, float]]:
    """``url -> (seconds from Page.navigate to Page.loadEventFired, the page's loadEventEnd)``
    in one headless Chromium, driven through the DevTools protocol."""
    import urllib.request

    import websocket

    port = _free_port()
    proc = subprocess.Popen([chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--remote-debugging-port={port}",
                             "--window-size=1280,1000", "about:blank"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                tabs = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json"))
                break
            except OSError:
                time.sleep(0.1)
        ws = websocket.create_connection(next(t for t in tabs if t["type"] == "page")["webSocketDebuggerUrl"],
                                         timeout=120)

        def call(n: int, method: str, **params):
            ws.send(json.dumps({"id": n, "method": method, "params": params}))
            while True:
                m = json.loads(ws.recv())
                if m.get("id") == n:
                    return m.get("result")

        call(1, "Page.enable")
        out = {}
        for k, url in enumerate(urls):
            t0 = time.perf_counter()
            ws.send(json.dumps({"id": 1000 + k, "method": "Page.navigate", "params": {"url": url}}))
            while json.loads(ws.recv()).get("method") != "Page.loadEventFired":
                pass
            wall = time.perf_counter() - t0
            r = call(2000 + k, "Runtime.evaluate", returnByValue=True,
                     expression="performance.getEntriesByType('navigation')[0].loadEventEnd")
            out[url] = (wall, r["result"]["value"] / 1000)
        return out
    finally:
        proc.terminate()
        proc.wait()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser"))
    ap.add_argument("--screenshot", type=Path, help="keep a screenshot of report.html here")
    ap.add_argument("--keep", action="store_true", help="keep the corpus and the run")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="ane_report_"))
    corpus = tmp / "corpus.jsonl"
    n = write_corpus(corpus, args.docs)
    out = tmp / "out"
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pipeline", "run", str(corpus), "-o", str(out), "--html", "--quiet",
                    "--jobs", str(args.jobs), "--format", "jsonl"], cwd=ROOT, check=True)
    print(f"run: {n:,} documents in {time.perf_counter() - t0:,.0f} s -> {out}")
    first = out / "report.html"
    pages = sorted((out / "report").glob("page-*.html"), key=lambda p: p.stat().st_size)
    total = first.stat().st_size + sum(p.stat().st_size for p in pages)
    print(f"report.html (corpus page): {first.stat().st_size / 2**20:.2f} MB; {len(pages)} pages of documents, "
          f"largest {pages[-1].name} {pages[-1].stat().st_size / 2**20:.2f} MB; all {total / 2**20:,.0f} MB")
    if args.chromium:
        shot = args.screenshot or tmp / "shot.png"
        blank = tmp / "blank.html"
        blank.write_text("<!DOCTYPE html><html><body></body></html>", encoding="utf-8")
        base = open_time(args.chromium, blank.as_uri(), tmp / "blank.png")
        t_page = open_time(args.chromium, pages[-1].as_uri(), tmp / "page.png")
        t_first = open_time(args.chromium, first.as_uri(), shot)
        print(f"headless Chromium, start to screenshot (median of 3): blank page {base:.2f} s; "
              f"report.html {t_first:.2f} s (+{t_first - base:.2f} s); {pages[-1].name} {t_page:.2f} s "
              f"(+{t_page - base:.2f} s)")
        try:
            runs = [load_times(args.chromium, [first.as_uri(), pages[-1].as_uri()]) for _ in range(3)]
        except ImportError:
            runs = []
        for url, name in ((first.as_uri(), "report.html"), (pages[-1].as_uri(), pages[-1].name)):
            if runs:
                wall = statistics.median(r[url][0] for r in runs)
                load = statistics.median(r[url][1] for r in runs)
                print(f"headless Chromium, navigate to load event (median of 3): {name} {wall:.2f} s "
                      f"(loadEventEnd {load:.2f} s)")
        print(f"screenshot: {shot}")
    else:
        print("no Chromium found: sizes only (apt install chromium, or --chromium PATH)")
    if not args.keep:
        if args.screenshot is None:
            shutil.rmtree(tmp)
        else:
            shutil.rmtree(out)
            corpus.unlink()


if __name__ == "__main__":
    main()
