"""Adversarial inputs: each must run in time linear in its length (no catastrophic regex).

Usage: uv run python benchmarks/bench_adversarial.py [--n 100000] [--stages] [--readers [--reader-n N]]

Prints, for each input, the seconds for the full pipeline at n/10 and at n characters and
their ratio (about 10 when linear; far more reveals super-linear behaviour), and with
--stages the slowest stage. The tests run the same inputs with a generous watchdog
(tests/test_robust.py); this script gives the real figures.

With --readers, the same for the input readers (pipeline/io.py) on hostile files written to a
temporary folder: a CSV field of N characters mixing quotes, newlines and delimiters, a CSV
quote that is never closed before N characters of rows, a JSONL line of N characters, a
CR-only JSONL file, a line too long to keep in a .jsonl.gz (skipped while read); for .json
arrays: one record of N characters, a record over the bound full of escapes and brackets
(skipped while read), N characters of tiny records, brackets nested N/2 deep.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline import build_default_pipeline  # noqa: E402
from pipeline.document import Document  # noqa: E402

ADVERSARIAL = {
    # names: one repeated full name, with a title and a speech verb, and a list of them
    "repeated name": "محمد الحربي ",
    "repeated titled name": "وقال الرئيس جون ميلر إن ",
    "name list": "سامي الحربي، ",
    "digits": "1",
    "arabic-indic digits": "\u0661",
    "spaces": " ",
    "newlines": "\n",
    "tatweel": "\u0640",
    "one letter": "\u0628",
    "letter+space": "\u0628 ",
    "alef-lam": "\u0627\u0644",
    "diacritic": "\u064e",
    "bidi RLM": "\u200f",
    "dots": ".",
    "hyphens": "-",
    "slash digits": "12/",
    "digit space": "1 ",
    "comma digits": "1,",
    "latin": "a",
    "capital words": "Ab ",
    "presentation form": "\ufe8f",
    "NUL": "\x00",
}


def make(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def _reader_inputs(folder: Path, n: int) -> dict[str, tuple[Path, dict]]:
    """Hostile files of about ``n`` characters for the readers; name -> (path, ReadOptions kwargs)."""
    unit = 'ب "" ،\n,\r\nx'
    files: dict[str, tuple[Path, dict]] = {}
    p = folder / "wide_field.csv"
    p.write_text('id,text\nw,"' + (unit * (n // len(unit) + 1))[:n].replace('"', '""') + '"\n', encoding="utf-8")
    files["CSV quoted field"] = (p, {"max_chars": 2 * n})
    p = folder / "unclosed.csv"
    row = "r,وصل الوفد إلى المدينة صباح اليوم\n"
    p.write_text('id,text\nbad,"' + row * (n // len(row) + 1), encoding="utf-8")
    files["CSV unclosed quote"] = (p, {"max_chars": n})
    p = folder / "long_line.jsonl"
    p.write_text(json.dumps({"id": "x", "text": "ب " * (n // 2)}, ensure_ascii=False) + "\n", encoding="utf-8")
    files["JSONL long line"] = (p, {"max_chars": n})
    p = folder / "cr_only.jsonl"
    line = json.dumps({"id": "c", "text": "كلمة"}, ensure_ascii=False)
    p.write_text("\r".join([line] * (n // len(line) + 1)), encoding="utf-8")
    files["JSONL CR-only"] = (p, {})
    p = folder / "huge_line.jsonl.gz"
    with gzip.open(p, "wb", compresslevel=1) as fh:
        fh.write(b'{"id": "h", "text": "' + b"a" * (10 * n) + b'"}\n')
    files["gz line over the bound"] = (p, {"max_chars": max(1, n // 100)})
    p = folder / "long_record.json"
    p.write_text(json.dumps([{"id": "x", "text": "ب " * (n // 2)}], ensure_ascii=False), encoding="utf-8")
    files["JSON long record"] = (p, {"max_chars": n})
    p = folder / "skipped_record.json"
    p.write_text('[{"id": "s", "text": "' + make('\\" ] } , [ { \\\\', n) + '"}, {"id": "t", "text": "x"}]',
                 encoding="utf-8")
    files["JSON record skipped"] = (p, {"max_chars": 10})
    p = folder / "tiny_records.json"
    rec = json.dumps({"id": "c", "text": "كلمة"}, ensure_ascii=False)
    p.write_text("[" + ",".join([rec] * (n // len(rec) + 1)) + "]", encoding="utf-8")
    files["JSON tiny records"] = (p, {})
    p = folder / "nested.json"
    p.write_text("[" + "[" * (n // 2) + "]" * (n // 2) + "]", encoding="utf-8")
    files["JSON nested brackets"] = (p, {"max_chars": n})
    return files


def bench_readers(n: int) -> None:
    from pipeline.io import ReadOptions, iter_inputs  # noqa: E402

    print(f"\n{'reader input':22} {'n/10 s':>8} {'n s':>8} {'ratio':>6}  items")
    with tempfile.TemporaryDirectory(prefix="ane_readers_") as tmp:
        for size in (n // 10, n):
            Path(tmp, str(size)).mkdir()
        small, big = (_reader_inputs(Path(tmp, str(size)), size) for size in (n // 10, n))
        for name in big:
            times, count = [], 0
            for path, opts in (small[name], big[name]):
                t0 = time.perf_counter()
                count = sum(1 for _ in iter_inputs([str(path)], path, ReadOptions(**opts)))
                times.append(time.perf_counter() - t0)
            print(f"{name:22} {times[0]:8.3f} {times[1]:8.3f} {times[1] / max(times[0], 1e-6):6.1f}  {count}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--stages", action="store_true")
    ap.add_argument("--readers", action="store_true", help="also time the input readers on hostile files")
    ap.add_argument("--reader-n", type=int, default=2_000_000, help="characters per hostile reader input")
    args = ap.parse_args()
    pipe = build_default_pipeline()
    pipe.process("تمهيد", "warmup")
    print(f"{'input':22} {'n/10 s':>8} {'n s':>8} {'ratio':>6}  slowest stage")
    worst = 0.0
    for name, unit in ADVERSARIAL.items():
        times = []
        for n in (args.n // 10, args.n):
            pipe.timings = {k: 0.0 for k in pipe.timings}
            t0 = time.perf_counter()
            pipe(Document(id=name, text=make(unit, n)), timed=True)
            times.append(time.perf_counter() - t0)
        slow = max(pipe.timings.items(), key=lambda kv: kv[1])
        worst = max(worst, times[1])
        ratio = times[1] / max(times[0], 1e-6)
        print(f"{name:22} {times[0]:8.3f} {times[1]:8.3f} {ratio:6.1f}  {slow[0]} {slow[1]:.3f}s")
    print(f"worst at n={args.n:,}: {worst:.3f} s")
    if args.readers:
        bench_readers(args.reader_n)


if __name__ == "__main__":
    main()
